import type { Generated } from 'kysely'

export interface SectionsTable {
  id: Generated<number>
  edition: string
  slug: string
  name: string
  parent_id: number | null
}

export interface TagsTable {
  id: Generated<number>
  edition: string
  slug: string
  name: string
}

export interface ArticleTagsTable {
  article_id: number
  tag_id: number
}
