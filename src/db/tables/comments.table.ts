import type { Generated } from 'kysely'

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash'

export interface CommentsTable {
  id: Generated<number>
  article_id: number
  parent_id: number | null
  author_name: string
  /** Never shown to readers, in any output. */
  author_email: string
  author_url: string | null
  user_id: number | null
  /** Plain text as typed. */
  body: string
  status: CommentStatus
  /** JSON array of reasons a comment was held or marked spam, for moderators. */
  spam_reasons: Generated<string>
  ip: string | null
  user_agent: string | null
  created_at: string
}
