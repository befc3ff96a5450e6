import type { Generated } from 'kysely'
import type { ArticleStatus } from '../../domain/publishing.js'

export interface ArticlesTable {
  id: Generated<number>
  edition: string
  /** Articles that translate one another share a group id; null when alone. */
  translation_group: string | null
  slug: string
  headline: string
  lead: string
  /** Markdown as the editor wrote it. */
  body_source: string
  /** HTML rendered from body_source and sanitised once, at save. */
  body_html: string
  agency_credit: string | null
  source_url: string | null
  byline: string | null
  author_id: number | null
  section_id: number | null
  status: ArticleStatus
  /** UTC ISO instant; set once the article is published or scheduled. */
  published_at: string | null
  created_at: string
  updated_at: string
  breaking: Generated<number>
  /** 1: pinned to the top of its edition's front page while it is live (WordPress's sticky posts). */
  sticky: Generated<number>
  comments_open: Generated<number>
  /** Bumped on every save, for optimistic locking. */
  version: Generated<number>
  /** The featured image (media library) with this article's own alt text, caption and credit. */
  featured_media_id: Generated<number | null>
  featured_alt: Generated<string | null>
  featured_caption: Generated<string | null>
  featured_credit: Generated<string | null>
  /**
   * While trashed: the status the article had before (WordPress's _wp_trash_meta_status), which decides
   * who may restore or delete it. Null otherwise, and for rows trashed without one (see workflow wasLive).
   */
  trashed_from: ArticleStatus | null
}
