// The poller inside the app: every few seconds it claims the sources whose turn has come (a lease in the
// row, so across processes exactly one poller holds a source), polls each, records the run and sets the
// next turn. Whatever one source does (hangs, sends gigabytes, sends garbage) ends as a failed run of
// that source; nothing it does can throw out of here.
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { Deps } from '../services/deps.js'
import { ingestDocument } from '../services/wire-ingest.service.js'
import { announceWireItems } from '../services/wire-live.service.js'
import { currentSettings } from '../services/site-settings.service.js'
import {
  claimWireSource, dueWireSourceIds, finishWireSourcePoll, insertWireRun, pruneWireItems, type PollOutcome, type WireSourceRow
} from '../db/repositories/wire.repository.js'
import type { WireRunStatus } from '../db/tables/wire.table.js'
import { nextPollAt } from '../domain/wire/schedule.js'
import { WIRE_LIMITS } from '../domain/wire/wire-item.js'
import { DEFAULT_FETCH_LIMITS, fetchFeed, type FetchLimits } from './http-fetch.js'
import { finishDropFile, readTakenFile, requeueUnfinishedFiles, takeDropFiles } from './drop-folder.js'

export interface PollOptions {
  worker?: string
  limits?: FetchLimits
  /** Sources polled at once by one process. */
  concurrency?: number
  /** Drop-folder files taken per run. */
  filesPerRun?: number
}

export const DEFAULT_WORKER = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
// Longer than any poll can take (the fetch's total timeout), so a lease only lapses when its process died.
const LEASE_MS = 10 * 60_000
const ERROR_CHARS = 1000

export interface RunSummary {
  sourceId: number
  status: WireRunStatus
  httpStatus: number | null
  counts: { new: number, updated: number, seen: number, refused: number }
  error: string | null
}

interface Polled { summary: Omit<RunSummary, 'sourceId'>, outcome: Partial<PollOutcome> }

async function pollFeed(deps: Deps, source: WireSourceRow, limits: FetchLimits): Promise<Polled> {
  const result = await fetchFeed({
    url: source.url ?? '', etag: source.etag, lastModified: source.last_modified,
    auth: source.auth_user ? { user: source.auth_user, password: source.auth_password ?? '' } : null
  }, limits)
  const zero = { new: 0, updated: 0, seen: 0, refused: 0 }
  switch (result.kind) {
    case 'gone':
      return { summary: { status: 'failed', httpStatus: 410, counts: zero, error: 'the feed is gone (410); the source is paused' }, outcome: { pause: 'gone' } }
    case 'error':
      return { summary: { status: 'failed', httpStatus: result.status, counts: zero, error: result.reason }, outcome: {} }
    case 'not-modified':
      return { summary: { status: 'not-modified', httpStatus: 304, counts: zero, error: null }, outcome: result.movedPermanently ? { url: result.movedPermanently } : {} }
    case 'ok': {
      const report = await ingestDocument(deps, source.id, result.body, { contentType: result.contentType })
      const moved = result.movedPermanently ? { url: result.movedPermanently } : {}
      if (!report.ok) return { summary: { status: 'failed', httpStatus: 200, counts: report.counts, error: report.reason }, outcome: moved }
      return {
        summary: { status: report.refused.length ? 'partial' : 'ok', httpStatus: 200, counts: report.counts, error: report.refused.length ? report.refused.slice(0, 5).join('; ') : null },
        // The validators are kept only once the answer is in the inbox: a 304 must never hide a document we failed to read.
        outcome: { ...moved, etag: result.etag, lastModified: result.lastModified }
      }
    }
  }
}

async function pollFolder(deps: Deps, source: WireSourceRow, filesPerRun: number): Promise<Polled> {
  const folder = source.folder ?? ''
  const counts = { new: 0, updated: 0, seen: 0, refused: 0 }
  const errors: string[] = []
  await requeueUnfinishedFiles(folder)
  const files = await takeDropFiles(folder, filesPerRun)
  for (const file of files) {
    const read = await readTakenFile(file, WIRE_LIMITS.documentBytes)
    const report = read.ok ? await ingestDocument(deps, source.id, read.bytes) : null
    const reason = !read.ok ? read.reason : report && !report.ok ? report.reason ?? 'refused' : null
    if (report) for (const key of ['new', 'updated', 'seen', 'refused'] as const) counts[key] += report.counts[key]
    if (!read.ok) counts.refused++
    if (reason) errors.push(`${file.name}: ${reason}`)
    await finishDropFile(folder, file, reason ? { ok: false, reason } : { ok: true })
  }
  const status: WireRunStatus = errors.length === 0 ? 'ok' : errors.length === files.length ? 'failed' : 'partial'
  return { summary: { status, httpStatus: null, counts, error: errors.length ? errors.slice(0, 5).join('; ') : null }, outcome: {} }
}

/** Polls one claimed source and records the run; never throws. */
export async function pollClaimedSource(deps: Deps, source: WireSourceRow, worker: string, options: PollOptions = {}): Promise<RunSummary> {
  const startedAt = deps.clock()
  let polled: Polled
  try {
    polled = source.kind === 'folder'
      ? await pollFolder(deps, source, options.filesPerRun ?? 500)
      : await pollFeed(deps, source, options.limits ?? DEFAULT_FETCH_LIMITS)
  } catch (error) {
    polled = { summary: { status: 'failed', httpStatus: null, counts: { new: 0, updated: 0, seen: 0, refused: 0 }, error: error instanceof Error ? error.message : String(error) }, outcome: {} }
  }
  const { summary, outcome } = polled
  const failed = summary.status === 'failed'
  const failures = failed ? source.failures + 1 : 0
  const finishedAt = deps.clock()
  const error = summary.error ? summary.error.slice(0, ERROR_CHARS) : null
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertWireRun(trx, {
        sourceId: source.id, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), status: summary.status,
        httpStatus: summary.httpStatus, itemsNew: summary.counts.new, itemsUpdated: summary.counts.updated,
        itemsSeen: summary.counts.seen, itemsRefused: summary.counts.refused, error
      })
      await finishWireSourcePoll(trx, source.id, worker, {
        ...outcome, polledAt: finishedAt.toISOString(), failures, lastError: failed ? error : null,
        nextPollAt: nextPollAt(finishedAt, source.interval_seconds, failures)
      })
    })
  } catch {
    // The source was removed while it was polled; there is nothing left to record the run against.
  }
  try {
    await announceWireItems(deps, { sourceId: source.id, new: summary.counts.new, updated: summary.counts.updated })
  } catch {
    // The items are in the inbox; open screens show them at their next refresh.
  }
  return { sourceId: source.id, ...summary, error }
}

/** One round: claims every due source (up to `max`) and polls them a few at a time. */
export async function pollDueSources(deps: Deps, options: PollOptions & { max?: number } = {}): Promise<RunSummary[]> {
  const worker = options.worker ?? DEFAULT_WORKER
  const now = deps.clock()
  const ids = await dueWireSourceIds(deps.db, now.toISOString(), options.max ?? 100)
  const queue = [...ids]
  const summaries: RunSummary[] = []
  const lane = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const claimed = await claimWireSource(deps.db, id, deps.clock().toISOString(), new Date(deps.clock().getTime() + LEASE_MS).toISOString(), worker)
      if (claimed) summaries.push(await pollClaimedSource(deps, claimed, worker, options))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, lane))
  return summaries
}

const PRUNE_EVERY_MS = 3600_000

/** Removes inbox items untouched for the site's wireKeepDays (a setting), except those made into stories. */
export async function pruneOldWireItems(deps: Deps): Promise<number> {
  const { wireKeepDays } = await currentSettings(deps)
  return pruneWireItems(deps.db, new Date(deps.clock().getTime() - wireKeepDays * 86_400_000).toISOString())
}

export interface WirePoller { stop(): Promise<void> }

/** Starts polling every `everyMs`; rounds never overlap, and stop() waits for the one in progress. */
export function startWirePoller(deps: Deps, options: PollOptions & { everyMs?: number, onError?: (error: unknown) => void } = {}): WirePoller {
  let stopped = false
  let prunedAt = 0
  const round = async () => {
    await pollDueSources(deps, options)
    const now = deps.clock()
    if (now.getTime() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now.getTime()
      await pruneOldWireItems(deps)
    }
  }
  let current: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  const tick = () => {
    if (stopped) return
    current = round().catch((error) => options.onError?.(error)).finally(() => {
      if (!stopped) timer = setTimeout(tick, options.everyMs ?? 5000).unref()
    })
  }
  timer = setTimeout(tick, options.everyMs ?? 5000).unref()
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await current
    }
  }
}
