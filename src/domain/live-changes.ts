// What readers of a live newsfeed must be told when an article changes (issue 16). The live log compares
// what readers were last told about an article with what they would see now; only the differences
// become events, so an event heard twice (by two processes, or replayed) is logged once.

/** What a reader of the newsfeed can see of an article. */
export interface LiveSnapshot {
  visible: boolean
  headline: string
  lead: string
  breaking: boolean
  commentCount: number
}

export const LIVE_KINDS = ['published', 'updated', 'withdrawn', 'breaking', 'comments'] as const
export type LiveKind = typeof LIVE_KINDS[number]

/** Nothing was told yet: an article never logged counts as one readers could not see. */
export const UNSEEN: LiveSnapshot = { visible: false, headline: '', lead: '', breaking: false, commentCount: 0 }

/**
 * The changes between what readers were told (`before`) and what they would see now (`after`), in the
 * order a page applies them. A story that appears is one 'published' carrying everything (its breaking
 * flag and count included); a story that goes away is one 'withdrawn'.
 */
export function liveChanges(before: LiveSnapshot, after: LiveSnapshot): LiveKind[] {
  if (!before.visible && !after.visible) return []
  if (!before.visible) return ['published']
  if (!after.visible) return ['withdrawn']
  const changes: LiveKind[] = []
  if (before.headline !== after.headline || before.lead !== after.lead) changes.push('updated')
  // Clearing the flag is quiet: a banner already shown stays until the reader dismisses it.
  if (after.breaking && !before.breaking) changes.push('breaking')
  if (before.commentCount !== after.commentCount) changes.push('comments')
  return changes
}

/** A story older than this, first seen live, was there before the log heard of it (an import, a command). */
export const FIRST_SIGHTING_NEWS_MS = 10 * 60_000

/**
 * What readers were told before, for an article the log has no state for: nothing (so it is news) when
 * it went live just now, or exactly what they see now (so only later changes are told) when it is older.
 */
export function assumedBefore(after: LiveSnapshot, publishedAt: string | null, now: Date): LiveSnapshot {
  if (!after.visible || publishedAt === null) return UNSEEN
  return Date.parse(publishedAt) < now.getTime() - FIRST_SIGHTING_NEWS_MS ? after : UNSEEN
}

/**
 * Where a reader reconnecting with `lastId` stands: replay what came after it, or reload the page when
 * the log no longer holds everything after it (pruned), or it comes from another log (ahead of the
 * newest row, e.g. a restored database). `oldest`/`newest` are the ids the log holds now (null: empty).
 */
export function replayFrom(lastId: number, oldest: number | null, newest: number | null): 'replay' | 'reload' | 'current' {
  if (newest === null) return lastId === 0 ? 'current' : 'reload'
  if (lastId === newest) return 'current'
  if (lastId > newest) return 'reload'
  return lastId >= oldest! - 1 ? 'replay' : 'reload'
}

/** A Last-Event-ID header or query value as a log position, or null when it is not one. */
export function parseLastEventId(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return null
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : null
}
