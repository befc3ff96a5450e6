import type { Generated } from 'kysely'

export interface SectionsTable {
  id: Generated<number>
  edition: string
  slug: string
  name: string
  parent_id: number | null
  /** Shown at the top of the section's page; '' for none. */
  description: Generated<string>
}

export interface TagsTable {
  id: Generated<number>
  edition: string
  slug: string
  name: string
  /** Shown at the top of the tag's page; '' for none. */
  description: Generated<string>
}

export interface ArticleTagsTable {
  article_id: number
  tag_id: number
}
