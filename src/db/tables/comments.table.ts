import type { Generated } from 'kysely'
import { COMMENT_STATUSES, type CommentStatus } from '../../domain/moderation.js'

export { COMMENT_STATUSES, type CommentStatus }

export interface CommentsTable {
  id: Generated<number>
  article_id: number
  parent_id: number | null
  author_name: string
  /** Never shown to readers, in any output. Empty once the commenter's data was erased. */
  author_email: string
  author_url: string | null
  user_id: number | null
  /** Plain text as typed. */
  body: string
  /** The text rendered to safe HTML when it was saved or edited (domain/comment-text.ts); what every page shows. */
  body_html: string
  status: CommentStatus
  /** JSON array of ModerationReason: why a comment was held, trashed or marked spam, for moderators. */
  spam_reasons: Generated<string>
  ip: string | null
  user_agent: string | null
  created_at: string
  /**
   * The ids of the comment's ancestors and its own, each zero-padded to 10 digits, concatenated:
   * ordering by it gives an article's threads depth-first in one query.
   */
  thread_path: Generated<string>
  /** 0 for a top-level comment. */
  depth: Generated<number>
  /** The status before it went to spam or trash, where "not spam" and "restore" send it back. */
  previous_status: CommentStatus | null
  /** When a moderator last changed it (status or content), if ever. */
  updated_at: string | null
  /** An imported comment's WordPress site (the export's site URL) and comment id: what a re-import matches it by. Null for others. */
  wp_site: string | null
  wp_id: number | null
}
