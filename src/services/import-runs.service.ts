// Imports started from the admin screen run in the background of the app process: the upload is kept in
// a temporary file, read as a stream, and deleted when the run ends. The run's row carries the progress
// the screen shows; the history is the import_runs table.
import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { importedDetails, importRunById, insertImportRun, recentImportRuns, type ImportRunRow } from '../db/repositories/imports.repository.js'
import type { Actor } from '../db/repositories/audit.repository.js'
import { importWordPress, type ImportResult } from './wordpress-import.service.js'
import type { Deps } from './deps.js'

/** Runs of this process that have not finished, by id: tests and shutdown can wait for them. */
const running = new Map<number, Promise<ImportResult | null>>()

export interface BackgroundImport {
  filePath: string
  fileName: string
  edition: string
  dryRun: boolean
  actor: Actor
}

/** Records the run and starts it; returns at once with its id. The temporary file is removed at the end. */
export async function startBackgroundImport(deps: Deps, request: BackgroundImport): Promise<number> {
  const runId = await insertImportRun(deps.db, {
    source: 'wordpress', file_name: request.fileName.slice(0, 255), edition: request.edition, status: 'queued',
    dry_run: request.dryRun ? 1 : 0, message: null, started_by: request.actor.id, started_at: deps.clock().toISOString(), finished_at: null
  })
  const work = importWordPress(deps, {
    source: () => createReadStream(request.filePath, { highWaterMark: 256 * 1024 }),
    fileName: request.fileName, edition: request.edition, dryRun: request.dryRun, mediaDir: null, actor: request.actor, runId
  }).catch(() => null) // The run's row already says it failed, and why.
    .finally(async () => {
      running.delete(runId)
      await rm(request.filePath, { force: true })
    })
  running.set(runId, work)
  return runId
}

/** Resolves when the run started by this process ends (at once for others). */
export async function backgroundImportFinished(runId: number): Promise<void> {
  await running.get(runId)
}

export async function importHistory(deps: Deps, limit = 50): Promise<ImportRunRow[]> {
  return recentImportRuns(deps.db, limit)
}

export async function importRun(deps: Deps, id: number): Promise<ImportRunRow | undefined> {
  return importRunById(deps.db, id)
}

/** Rows read at a time while listing the attachments kept without their files. */
const DETAILS_PAGE = 1000

/**
 * The addresses of the attachments imported without their files (every site's), one per line: a list
 * `wget --force-directories --input-file` fetches, after which `lede import wordpress … --media-dir
 * <host>/wp-content/uploads` adds the files. Read a page at a time, so a large archive is never held whole.
 */
export async function * attachmentsWithoutFiles(deps: Deps): AsyncGenerator<string> {
  for (let after = 0; ;) {
    const rows = await importedDetails(deps.db, { wpKind: 'attachment', after, limit: DETAILS_PAGE })
    let lines = ''
    for (const row of rows) {
      const url = attachmentUrlOf(row.detail)
      if (url) lines += url + '\n'
    }
    if (lines) yield lines
    if (rows.length < DETAILS_PAGE) return
    after = rows[rows.length - 1]!.id
  }
}

/** The attachment's address when it is one a download tool can fetch (http or https, one line). */
function attachmentUrlOf(detail: string): string | null {
  try {
    const url = (JSON.parse(detail) as { url?: unknown }).url
    return typeof url === 'string' && /^https?:\/\/\S+$/.test(url) ? url : null
  } catch {
    return null
  }
}
