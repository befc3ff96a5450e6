import type { Generated } from 'kysely'

export type WireSourceKind = 'feed' | 'folder'
export type WireSourceStatus = 'active' | 'paused'

export interface WireSourcesTable {
  id: Generated<number>
  name: string
  kind: WireSourceKind
  url: string | null
  folder: string | null
  agency_credit: string | null
  edition: string
  section_id: number | null
  interval_seconds: number
  auth_user: string | null
  /** Never shown or logged once stored. */
  auth_password: string | null
  status: WireSourceStatus
  paused_reason: string | null
  etag: string | null
  last_modified: string | null
  failures: Generated<number>
  next_poll_at: string
  last_polled_at: string | null
  last_error: string | null
  claimed_until: string | null
  claimed_by: string | null
  created_at: string
  updated_at: string
}

export interface WireItemsTable {
  id: Generated<number>
  source_id: number
  agency_id: string
  format: string
  version: number | null
  content_hash: string
  revision_count: Generated<number>
  headline: string
  slugline: string | null
  lead: string | null
  body_html: string
  byline: string | null
  agency: string | null
  credit: string | null
  language: string | null
  urgency: number | null
  /** JSON [{code, name}] */
  subjects: string
  subject_text: string
  /** The item's search tokens, " tok tok " (src/domain/wire/inbox-search.ts). */
  search_text: Generated<string>
  dateline: string | null
  first_created: string | null
  version_created: string | null
  embargo_until: string | null
  url: string | null
  /** JSON [{rel, href}] */
  links: string
  state: 'new' | 'updated'
  received_at: string
  updated_at: string
  used_article_id: number | null
  used_at: string | null
  used_by: number | null
  used_story_stale: Generated<number>
  /** The version (content hash) the story's editor last read: the one it was made from, or last reviewed. */
  used_content_hash: string | null
}

export interface WireItemVersionsTable {
  id: Generated<number>
  item_id: number
  version: number | null
  content_hash: string
  headline: string
  lead: string | null
  body_html: string
  version_created: string | null
  received_at: string
}

export type WireRunStatus = 'ok' | 'not-modified' | 'partial' | 'failed'

export interface WireRunsTable {
  id: Generated<number>
  source_id: number
  started_at: string
  finished_at: string
  status: WireRunStatus
  http_status: number | null
  items_new: number
  items_updated: number
  items_seen: number
  items_refused: number
  error: string | null
}
