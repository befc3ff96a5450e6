import type { Generated } from 'kysely'

export interface LiveBlogsTable {
  article_id: number
  started_at: string
  /** Set when the editors close the live blog: no more updates, the page stays. */
  closed_at: string | null
}

export interface LiveBlogUpdatesTable {
  id: Generated<number>
  article_id: number
  body_source: string
  body_html: string
  key_event: Generated<number>
  pinned: Generated<number>
  author_id: number | null
  /** A picture from the media library, drawn at the top of body_html. */
  media_id: Generated<number | null>
  created_at: string
  updated_at: string | null
  deleted_at: string | null
}
