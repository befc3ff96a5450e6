import type { Generated } from 'kysely'

export interface AuditLogTable {
  id: Generated<number>
  actor_id: number | null
  actor_name: string
  /** e.g. "comment.approve", "article.publish". */
  action: string
  /** e.g. "comment", "article", "user", "settings". */
  subject_type: string
  subject_id: number | null
  reason: string | null
  /** JSON object with anything else worth keeping (old status, new status…). */
  details: Generated<string>
  created_at: string
}
