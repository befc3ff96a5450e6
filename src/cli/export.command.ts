// `lede export wordpress <file.xml>`: writes an edition as a WordPress export (WXR 1.2) that WordPress's
// own importer accepts, so a newsroom can leave with its archive whenever it wants.
import { parseCommandArgs, usageError } from './command-args.js'
import { commandEdition, withCommandDeps } from './command-database.js'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { rename, rm } from 'node:fs/promises'
import { exportWordPress } from '../services/wordpress-export.service.js'

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
  const parsed = parseCommandArgs('export', EXPORT_USAGE, args, { edition: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, io)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals[0] !== 'wordpress' || positionals.length !== 2) return usageError('export', EXPORT_USAGE, 'expected "wordpress" and the file to write', io)
  const file = positionals[1]!
  const partial = `${file}.partial`
  return withCommandDeps(async (deps) => {
    const edition = await commandEdition('export', deps, values.edition, io)
    if (edition === null) return 2
    try {
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
    }
  })
}
