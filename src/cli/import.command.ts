// `lede import wordpress <export.xml>`: brings a WordPress export into one edition, as a stream, with a
// progress bar on a terminal (plain lines otherwise) and a summary at the end.
import { parseCommandArgs, usageError } from './command-args.js'
import { commandEdition, withCommandDeps } from './command-database.js'
import { createReadStream } from 'node:fs'
import v8 from 'node:v8'
import { loadConfig } from '../config.js'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { summaryLines } from '../domain/import-summary.js'
import { importWordPress, type ImportProgress } from '../services/wordpress-import.service.js'

export const IMPORT_USAGE = `Usage: lede import wordpress <export.xml> [--edition LANG] [--dry-run] [--media-dir DIR]

Imports a WordPress export file (Tools → Export in WordPress; WXR 1.0, 1.1 or 1.2): authors (matched to
accounts by email, otherwise new contributors without a password), categories as sections with their
hierarchy and descriptions, tags with theirs, posts with their status, times, excerpt, featured image,
comments and sticky flag (a sticky post is pinned to the top of the front page), and attachments.
Old permalinks, /?p=ID links and category and tag archives answer 301 to the new addresses. Lede has no
static pages: pages are reported as skipped, and their old addresses (/?page_id=ID too) answer 410 Gone.

The file is checked whole before anything is written: a file that is not a WordPress export, or is cut
short, is refused with the line and column of the problem. Posts are saved in batches, each batch in one
transaction, so running the same import again creates nothing new and continues where an interrupted run
stopped.

Options:
  --edition LANG   the edition to import into (default: the site's default edition)
  --dry-run        go through the whole file and report what would be imported, writing nothing
  --media-dir DIR  the export's wp-content/uploads folder: attachment files are taken from it by their
                   path under uploads/ and added to the media library; without it an attachment's
                   title, address, alt text and caption are kept, and a later run with it adds the file
  -h, --help       show this help

Environment:
  DATABASE_URL   postgres://… to use PostgreSQL; unset for the embedded SQLite file
  DATABASE_PATH  SQLite file (default ./data/lede.db)`

export interface ImportIo {
  out(line: string): void
  err(line: string): void
  /** A terminal: the progress bar redraws one line; otherwise progress comes as plain lines. */
  progress?: { tty: boolean, write(text: string): void }
}

const PHASES: Record<ImportProgress['phase'], string> = { check: 'checking', terms: 'authors, terms, attachments', posts: 'posts' }

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return `${h > 0 ? `${h}:${String(m).padStart(2, '0')}` : m}:${String(s % 60).padStart(2, '0')}`
}

/** "posts [#####-----] 500/1000  250/s  0:02 left" (the bar only for a terminal). */
export function progressLine(p: ImportProgress, elapsedMs: number, bar: boolean): string {
  const rate = elapsedMs > 0 ? p.done / (elapsedMs / 1000) : 0
  if (p.total === 0) return `${PHASES[p.phase]}: ${p.done} items read`
  const width = 24
  const filled = Math.min(width, Math.round((p.done / p.total) * width))
  const left = rate > 0 ? (p.total - p.done) / rate : Infinity
  return `${PHASES[p.phase]}${bar ? ` [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]` : ':'} ${p.done}/${p.total}  ${Math.round(rate)}/s  ${duration(left)} left`
}

function progressReporter(io: ImportIo): (p: ImportProgress) => void {
  const sink = io.progress
  if (!sink) return () => {}
  let phase: ImportProgress['phase'] | null = null
  let phaseStart = performance.now()
  let last = 0
  return (p) => {
    const now = performance.now()
    if (p.phase !== phase) {
      if (sink.tty && phase !== null) sink.write('\n')
      phase = p.phase
      phaseStart = now
      last = 0
    }
    const finished = p.total > 0 && p.done === p.total
    // A terminal redraws ten times a second; a log gets a line every five seconds and at the end.
    if (!finished && now - last < (sink.tty ? 100 : 5000)) return
    last = now
    const line = progressLine(p, now - phaseStart, sink.tty)
    sink.write(sink.tty ? `\r${line}\x1b[K${finished ? '\n' : ''}` : `${line}\n`)
    if (finished) phase = null
  }
}

/** Runs `lede import <args>`; returns the exit code. */
export async function runImportCommand(args: string[], io: ImportIo = {
  out: console.log, err: console.error, progress: { tty: process.stderr.isTTY === true, write: (s) => process.stderr.write(s) }
}): Promise<number> {
  const parsed = parseCommandArgs('import', IMPORT_USAGE, args, {
    edition: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'media-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' }
  }, io)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals[0] !== 'wordpress' || positionals.length !== 2) return usageError('import', IMPORT_USAGE, 'expected "wordpress" and the export file', io)
  const file = positionals[1]!
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file')
  } catch {
    io.err(`lede import: cannot read "${file}"`)
    return 2
  }
  const mediaDir = values['media-dir'] ?? null
  if (mediaDir !== null) {
    try {
      if (!(await stat(mediaDir)).isDirectory()) throw new Error('not a folder')
    } catch {
      io.err(`lede import: --media-dir "${mediaDir}" is not a folder`)
      return 2
    }
  }

  // The heap policy of the server, where imports also run (docs/decisions/015-heap-growth.md): V8's own
  // lets a long import's heap grow to several times what it keeps.
  const heapGrowth = loadConfig().heapGrowthPercent
  if (heapGrowth > 0) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowth}`)
  return withCommandDeps(async (deps) => {
    const edition = await commandEdition('import', deps, values.edition, io)
    if (edition === null) return 2
    const result = await importWordPress(deps, {
      source: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
      fileName: basename(file), edition, dryRun: values['dry-run'] === true, mediaDir,
      actor: { id: null, name: 'command line' }, onProgress: progressReporter(io)
    })
    if (result.kind === 'refused') {
      io.err(`lede import: ${file} cannot be imported: ${result.message}. Nothing was imported.`)
      return 1
    }
    io.out(`${values['dry-run'] ? 'Dry run (nothing was written)' : 'Imported'} ${file} from ${result.header.baseBlogUrl || result.header.link || 'an unnamed site'} (WXR ${result.header.version}) into edition "${edition}".`)
    for (const line of summaryLines(result.summary)) io.out(line)
    return 0
  })
}
