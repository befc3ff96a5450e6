export interface ArticleAutosavesTable {
  article_id: number
  user_id: number
  /** The article's version the autosaved form was loaded at. */
  base_version: number
  /** JSON: the editor form's values as typed (ArticleFormValues in src/domain/article-form.ts). */
  form_values: string
  saved_at: string
}
