// `lede wire …`: the wire desk for operators and scripts: sources, ingesting agency files, reading the inbox.
import { parseCommandArgs, usageError } from './command-args.js'
import { withCommandDeps } from './command-database.js'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Deps } from '../services/deps.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { commandLineWireSource, listWireSources, wireInbox, wireSourceById } from '../db/repositories/wire.repository.js'
import { COMMAND_LINE_ACTOR } from '../services/users.service.js'
import { addWireSource, removeWireSource } from '../services/wire.service.js'
import { ingestDocument } from '../services/wire-ingest.service.js'
import { announceWireItems } from '../services/wire-live.service.js'
import { parseWireDate } from '../domain/wire/wire-text.js'
import { WIRE_LIMITS } from '../domain/wire/wire-item.js'

export const WIRE_USAGE = `Usage: lede wire <subcommand> [options]

  sources list                   the wire sources, their state and last error
  sources add --name NAME (--url URL | --folder PATH) --edition LANG
              [--credit AGENCY] [--section ID] [--interval SECONDS]
              [--user NAME --password-env VARIABLE]
                                 adds a source; the password is read from the environment variable
                                 named (never from the command line, where other users can see it)
  sources remove ID              removes a source and its inbox items
  ingest [--source ID] FILE…     reads agency files (RSS, Atom, JSON Feed, NewsML-G2, NewsML 1, ninjs, NITF)
                                 into the inbox, as a drop folder would; prints each item's agency id and
                                 headline, or why a file was refused; exits 1 when any file was refused
  inbox [--json] [--source ID] [--since DATE] [--limit N]
                                 the inbox, latest first (--since: ISO date or time, UTC)

Options:
  -h, --help       show this help

Environment:
  DATABASE_URL   postgres://… to use PostgreSQL; unset for the embedded SQLite file
  DATABASE_PATH  SQLite file (default ./data/lede.db)`

export interface Io { out: (line: string) => void, err: (line: string) => void }

const OPTIONS = {
  help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, name: { type: 'string' }, url: { type: 'string' },
  folder: { type: 'string' }, edition: { type: 'string' }, credit: { type: 'string' }, section: { type: 'string' },
  interval: { type: 'string' }, user: { type: 'string' }, 'password-env': { type: 'string' }, source: { type: 'string' },
  since: { type: 'string' }, limit: { type: 'string' }
} as const

/** Runs `lede wire <args>` on the configured database. */
export async function runWireCommand(args: string[], io: Io = { out: console.log, err: console.error }): Promise<number> {
  return runWireCommandWith(args, io, withCommandDeps)
}

/** The command against a given way of reaching the database (tests pass their own). */
export async function runWireCommandWith(args: string[], io: Io, using: <T>(fn: (deps: Deps) => Promise<T>) => Promise<T>): Promise<number> {
  const parsed = parseCommandArgs('wire', WIRE_USAGE, args, OPTIONS, io)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [group, action, ...rest] = positionals
  const usage = (message: string) => usageError('wire', WIRE_USAGE, message, io)
  const id = (text: string | undefined) => (text && /^\d{1,9}$/.test(text) ? Number(text) : null)

  if (group === 'sources' && action === 'list' && rest.length === 0) {
    return using(async (deps) => {
      const sources = await listWireSources(deps.db)
      if (values.json) {
        // The password never leaves the database; whether one is set is all anyone needs to know.
        io.out(JSON.stringify(sources.map(({ auth_password: password, claimed_by: _c, claimed_until: _u, ...s }) => ({ ...s, has_password: !!password })), null, 2))
        return 0
      }
      if (!sources.length) io.out('No wire sources.')
      for (const s of sources) {
        io.out(`${s.id}\t${s.name}\t${s.kind}\t${s.status}\t${s.url ?? s.folder ?? '-'}\tcredit: ${s.agency_credit ?? '-'}\tedition: ${s.edition}\tevery ${s.interval_seconds} s\tlast: ${s.last_polled_at ?? 'never'}${s.last_error ? `\terror: ${s.last_error}` : ''}`)
      }
      return 0
    })
  }
  if (group === 'sources' && action === 'add' && rest.length === 0) {
    const passwordVariable = values['password-env']
    if (passwordVariable && process.env[passwordVariable] === undefined) return usage(`the environment variable ${passwordVariable} is not set`)
    const body = {
      name: values.name ?? '', kind: values.folder ? 'folder' : 'feed', url: values.url ?? '', folder: values.folder ?? '',
      edition: values.edition ?? '', agencyCredit: values.credit ?? '', sectionId: values.section ?? '', intervalSeconds: values.interval ?? '',
      authUser: values.user ?? '', authPassword: passwordVariable ? process.env[passwordVariable] ?? '' : ''
    }
    return using(async (deps) => {
      const result = await addWireSource(deps, body, COMMAND_LINE_ACTOR)
      if (result.kind === 'saved') {
        io.out(`Added wire source ${result.id}.`)
        return 0
      }
      if (result.kind === 'invalid') {
        for (const [field, key] of Object.entries(result.errors)) io.err(`lede wire sources add: ${field}: ${key.replace('wire.source.error.', '')}`)
      }
      return 1
    })
  }
  if (group === 'sources' && action === 'remove' && rest.length === 1) {
    const sourceId = id(rest[0])
    if (sourceId === null) return usage('give the source id to remove')
    return using(async (deps) => {
      if (await removeWireSource(deps, sourceId, COMMAND_LINE_ACTOR)) {
        io.out(`Removed wire source ${sourceId}.`)
        return 0
      }
      io.err(`lede wire sources remove: there is no source ${sourceId}`)
      return 1
    })
  }
  if (group === 'ingest') {
    const files = [action, ...rest].filter((f): f is string => !!f)
    if (!files.length) return usage('give the files to ingest')
    const sourceId = values.source ? id(values.source) : null
    if (values.source && sourceId === null) return usage('--source takes a source id')
    return using(async (deps) => {
      let target = sourceId
      if (target !== null && !await wireSourceById(deps.db, target)) {
        io.err(`lede wire ingest: there is no source ${target}`)
        return 1
      }
      target ??= await commandLineWireSource(deps.db, (await loadSettings(deps.db)).editions[0] ?? 'en', deps.clock().toISOString())
      let refused = 0
      const arrived = { sourceId: target, new: 0, updated: 0 }
      for (const file of files) {
        const name = basename(file)
        let bytes: Buffer
        try {
          const info = await stat(file)
          if (!info.isFile()) throw new Error('not a file')
          if (info.size > WIRE_LIMITS.documentBytes) throw new Error(`larger than ${WIRE_LIMITS.documentBytes} bytes`)
          bytes = await readFile(file)
        } catch (error) {
          refused++
          io.out(`${name}: refused: ${error instanceof Error ? error.message : String(error)}`)
          continue
        }
        const report = await ingestDocument(deps, target, bytes)
        if (!report.ok) {
          refused++
          io.out(`${name}: refused: ${report.reason}`)
          continue
        }
        for (const item of report.items) io.out(`${name}: ${item.outcome}\t${item.agencyId}\t${item.headline}`)
        for (const reason of report.refused) io.out(`${name}: item skipped: ${reason}`)
        arrived.new += report.counts.new
        arrived.updated += report.counts.updated
      }
      // Open inbox screens show the items without a reload.
      await announceWireItems(deps, arrived)
      return refused ? 1 : 0
    })
  }
  if (group === 'inbox' && !action) {
    const sourceId = values.source ? id(values.source) : null
    if (values.source && sourceId === null) return usage('--source takes a source id')
    const since = values.since ? parseWireDate(values.since) : null
    if (values.since && !since) return usage(`--since takes an ISO date or time, not "${values.since}"`)
    const limit = values.limit ? id(values.limit) : 50
    if (limit === null || limit < 1 || limit > 1000) return usage('--limit takes a number from 1 to 1000')
    return using(async (deps) => {
      const { rows } = await wireInbox(deps.db, { sourceId, since, page: 1, perPage: limit })
      const items = rows.map((r) => ({
        id: r.id, source: r.source_name, sourceId: r.source_id, agencyId: r.agency_id, version: r.version, state: r.state,
        headline: r.headline, slugline: r.slugline, lead: r.lead, byline: r.byline, dateline: r.dateline, agency: r.agency,
        credit: r.credit, language: r.language, urgency: r.urgency, subjects: JSON.parse(r.subjects) as unknown,
        firstCreated: r.first_created, versionCreated: r.version_created, embargoUntil: r.embargo_until, url: r.url,
        receivedAt: r.received_at, updatedAt: r.updated_at, usedArticleId: r.used_article_id, bodyHtml: r.body_html
      }))
      if (values.json) io.out(JSON.stringify(items, null, 2))
      else if (!items.length) io.out('The inbox is empty.')
      else for (const i of items) io.out(`${i.updatedAt}\t${i.source}\t${i.urgency ?? '-'}\t${i.state}\t${i.agencyId}\t${i.headline}${i.embargoUntil ? `\tembargo until ${i.embargoUntil}` : ''}`)
      return 0
    })
  }
  return usage('expected "sources list|add|remove", "ingest" or "inbox"')
}
