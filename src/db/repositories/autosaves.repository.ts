// The editor's autosaves: at most one per article and user (see docs/decisions/008-editor-autosave.md).
import type { DbOrTrx } from '../database.js'

export interface AutosaveRow {
  articleId: number
  userId: number
  baseVersion: number
  /** JSON of the form's values as typed. */
  formValues: string
  savedAt: string
}

export async function autosaveOf(db: DbOrTrx, articleId: number, userId: number): Promise<AutosaveRow | undefined> {
  const row = await db.selectFrom('article_autosaves').selectAll()
    .where('article_id', '=', articleId).where('user_id', '=', userId)
    .executeTakeFirst()
  return row && { articleId: row.article_id, userId: row.user_id, baseVersion: row.base_version, formValues: row.form_values, savedAt: row.saved_at }
}

/** Keeps this user's autosave of the article, replacing the previous one (both engines' ON CONFLICT). */
export async function putAutosave(db: DbOrTrx, row: AutosaveRow): Promise<void> {
  await db.insertInto('article_autosaves')
    .values({ article_id: row.articleId, user_id: row.userId, base_version: row.baseVersion, form_values: row.formValues, saved_at: row.savedAt })
    .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({
      base_version: row.baseVersion, form_values: row.formValues, saved_at: row.savedAt
    }))
    .execute()
}

/** Removes this user's autosave of the article; true when there was one. */
export async function deleteAutosave(db: DbOrTrx, articleId: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('article_autosaves')
    .where('article_id', '=', articleId).where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
