import type { Generated } from 'kysely'

export type ImportRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'refused'

export interface ImportRunsTable {
  id: Generated<number>
  source: string
  file_name: string
  site_url: Generated<string>
  edition: string
  status: ImportRunStatus
  dry_run: Generated<number>
  total: Generated<number>
  done: Generated<number>
  /** JSON: ImportSummary (src/domain/import-summary.ts). */
  summary: Generated<string>
  message: string | null
  started_by: number | null
  started_at: string
  finished_at: string | null
  heartbeat_at: Generated<string | null>
}

export type WpKind = 'author' | 'category' | 'post_tag' | 'post' | 'page' | 'attachment' | 'comment'
export type LedeKind = 'user' | 'section' | 'tag' | 'article' | 'media' | 'comment' | 'none'

export interface ImportItemsTable {
  id: Generated<number>
  site_url: string
  wp_kind: WpKind
  wp_key: string
  lede_kind: LedeKind
  lede_id: number | null
  content_hash: Generated<string>
  /** JSON: what is kept of a record with no Lede row (an attachment without its file, a page); '' otherwise. */
  detail: Generated<string>
  run_id: number | null
  created_at: string
  updated_at: string
}

/** 'gone': a page of the old site that has no place in Lede (static pages); its old URLs answer 410. */
export type RedirectTargetKind = 'article' | 'section' | 'tag' | 'gone'

export interface RedirectsTable {
  id: Generated<number>
  old_path: string
  target_kind: RedirectTargetKind
  target_id: number
  run_id: number | null
  created_at: string
}
