// `lede export wordpress <file.xml>`: writes an edition as a WordPress export (WXR 1.2) that WordPress's
// own importer accepts, so a newsroom can leave with its archive whenever it wants.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { rename, rm } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/dialect.js'
import { migrateToLatest } from '../db/migrate.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { inProcessBus } from '../events/bus.js'
import { exportWordPress } from '../services/wordpress-export.service.js'
import type { Deps } from '../services/deps.js'

export const EXPORT_USAGE = `Usage: lede export wordpress <file.xml> [--edition LANG]

Writes one edition as a WordPress export file (WXR 1.2), which WordPress's importer (Tools → Import →
WordPress) reads: the authors, sections as categories with their hierarchy, tags, and every article with
its status, times, lead as the excerpt, agency credit, source URL and byline as post meta, and its comments
with their threads and statuses. The file is written under a temporary name and renamed when complete.

Options:
  --edition LANG   the edition to export (default: the site's default edition)
  -h, --help       show this help

Environment:
  DATABASE_URL   postgres://… to use PostgreSQL; unset for the embedded SQLite file
  DATABASE_PATH  SQLite file (default ./data/lede.db)
  SITE_URL       the public URL used in the export's links`

export async function runExportCommand(args: string[], io: { out: (line: string) => void, err: (line: string) => void } = { out: console.log, err: console.error }): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { edition: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
  } catch (error) {
    io.err(`lede export: ${error instanceof Error ? error.message : String(error)}\n\n${EXPORT_USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.out(EXPORT_USAGE)
    return 0
  }
  if (positionals[0] !== 'wordpress' || positionals.length !== 2) {
    io.err(`lede export: expected "wordpress" and the file to write\n\n${EXPORT_USAGE}`)
    return 2
  }
  const file = positionals[1]!
  const config = loadConfig()
  const { db, dialect, close } = openDatabase(config.database)
  const partial = `${file}.partial`
  try {
    const deps: Deps = { db, dialect, clock: () => new Date(), events: inProcessBus(), siteUrlOverride: config.siteUrl }
    await migrateToLatest(db)
    const settings = await loadSettings(db)
    const edition = values.edition ?? settings.defaultEdition
    if (!settings.editions.includes(edition)) {
      io.err(`lede export: the site has no edition "${edition}" (it has ${settings.editions.join(', ')})`)
      return 2
    }
    const out = createWriteStream(partial)
    const result = await exportWordPress(deps, edition, async (text) => { if (!out.write(text)) await once(out, 'drain') })
    out.end()
    await once(out, 'finish')
    await rename(partial, file)
    io.out(`Exported ${result.articles} articles and ${result.comments} comments of edition "${edition}" to ${file}.`)
    return 0
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  } finally {
    await close()
  }
}
