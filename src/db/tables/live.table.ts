import type { Generated } from 'kysely'

/** The live log (src/db/migrations/2026-12-03T00-00-live-events.ts): its id is the SSE event id. */
export interface LiveEventsTable {
  id: Generated<number>
  edition: string
  article_id: number | null
  kind: string
  /** JSON: the event's data as sent to readers. */
  data: string
  created_at: string
}

/** What readers were last told about an article: the log's side of "has this changed?". */
export interface LiveArticleStatesTable {
  article_id: number
  edition: string
  visible: number
  headline: string
  lead: string
  breaking: number
  comment_count: number
}
