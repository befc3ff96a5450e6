// What an import did, counted as it goes: shown by the command at the end, kept with the run, and read
// by the admin screen. Skips keep their reasons: counted per reason, with the first few examples.
import type { ArticleStatus } from './publishing.js'

export const IMPORT_ENTITIES = ['users', 'sections', 'tags', 'posts', 'pages', 'attachments', 'comments'] as const
export type ImportEntity = typeof IMPORT_ENTITIES[number]
export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'skipped'

/** Examples kept per reason: enough to find the items, bounded for a file with a million of them. */
const EXAMPLES_PER_REASON = 5

export interface SkipReason { entity: ImportEntity, reason: string, count: number, examples: string[] }

export interface ImportSummary {
  counts: Record<ImportOutcome, Record<ImportEntity, number>>
  postsByStatus: Partial<Record<ArticleStatus, number>>
  skipped: SkipReason[]
  /** Things kept differently from WordPress (a private post as a draft …), counted. */
  notes: Record<string, number>
}

const zeros = (): Record<ImportEntity, number> => Object.fromEntries(IMPORT_ENTITIES.map((e) => [e, 0])) as Record<ImportEntity, number>

export function emptySummary(): ImportSummary {
  return { counts: { created: zeros(), updated: zeros(), unchanged: zeros(), skipped: zeros() }, postsByStatus: {}, skipped: [], notes: {} }
}

/** The note an attachment imported without its file adds (the run's page then links to their addresses). */
export const ATTACHMENT_WITHOUT_FILE = 'attachment recorded without its file (no --media-dir)'

export function count(summary: ImportSummary, outcome: Exclude<ImportOutcome, 'skipped'>, entity: ImportEntity, n = 1): void {
  summary.counts[outcome][entity] += n
}

export function skip(summary: ImportSummary, entity: ImportEntity, reason: string, example: string): void {
  summary.counts.skipped[entity]++
  let entry = summary.skipped.find((s) => s.entity === entity && s.reason === reason)
  if (!entry) {
    entry = { entity, reason, count: 0, examples: [] }
    summary.skipped.push(entry)
  }
  entry.count++
  if (entry.examples.length < EXAMPLES_PER_REASON) entry.examples.push(example)
}

export function note(summary: ImportSummary, text: string): void {
  summary.notes[text] = (summary.notes[text] ?? 0) + 1
}

/** The end-of-run report, one line per fact, in English for the command line and the logs. */
export function summaryLines(summary: ImportSummary): string[] {
  const lines: string[] = []
  for (const outcome of ['created', 'updated', 'unchanged', 'skipped'] as const) {
    const parts = IMPORT_ENTITIES.filter((e) => summary.counts[outcome][e] > 0).map((e) => `${summary.counts[outcome][e]} ${e}`)
    lines.push(`${outcome[0]!.toUpperCase()}${outcome.slice(1)}: ${parts.length ? parts.join(', ') : 'nothing'}`)
  }
  const statuses = Object.entries(summary.postsByStatus)
  if (statuses.length) lines.push(`Posts by status: ${statuses.map(([s, n]) => `${n} ${s}`).join(', ')}`)
  for (const s of summary.skipped) lines.push(`  skipped ${s.count} ${s.entity}: ${s.reason} (e.g. ${s.examples.join(', ')})`)
  for (const [text, n] of Object.entries(summary.notes)) lines.push(`  note: ${n} × ${text}`)
  return lines
}

/** How long a running import may go without progress before it is taken for a crashed one. */
export const HEARTBEAT_TIMEOUT_MS = 2 * 60 * 1000

export type RunDisplayStatus = 'queued' | 'running' | 'done' | 'failed' | 'refused' | 'interrupted'

/** A run's status as the history shows it: one whose process died stays "running" in the table. */
export function displayStatus(run: { status: string, heartbeat_at: string | null, started_at: string }, now: Date): RunDisplayStatus {
  if (run.status !== 'running' && run.status !== 'queued') return run.status as RunDisplayStatus
  const last = Date.parse(run.heartbeat_at ?? run.started_at)
  return now.getTime() - last > HEARTBEAT_TIMEOUT_MS ? 'interrupted' : run.status
}
