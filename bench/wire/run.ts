// `npm run bench:wire [-- --sources 50 --items 200 --engines sqlite,postgres]`
// A local HTTP server plays 50 agencies with 200 items each (RSS, about 1 KB of text per item, with
// ETags). The app runs as operators run it: the built server (dist/server.js), one process, its own wire
// poller on its own timer, on a SQLite file or a PostgreSQL schema. The bench makes every source due at
// once and waits for the poller's round; then again, with nothing new (every answer a 304). It prints items
// ingested per second and the no-news round's time, both from the runs the app recorded (first start to
// last finish, so the poller's timer tick is not counted), and the server process's peak resident memory
// (VmHWM). Targets (issue 15): 2,000 items/s, a no-news round under 1 s, memory under 200 MB.
import http from 'node:http'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { sql } from 'kysely'
import { openDatabase } from '../../src/db/dialect.js'
import { prepareDatabase } from '../../src/services/install.service.js'
import { inProcessBus } from '../../src/events/bus.js'
import { insertWireSource } from '../../src/db/repositories/wire.repository.js'
import { peakMemoryMb, waitFor } from '../wrk.js'

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '50' },
    items: { type: 'string', default: '200' },
    engines: { type: 'string', default: process.env.TEST_DATABASE_URL ? 'sqlite,postgres' : 'sqlite' }
  }
})
const SOURCES = Number(values.sources)
const ITEMS = Number(values.items)

function feed(source: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => `<item><guid>urn:bench:${source}:${i}</guid><title>Agency ${source} story ${i}: the government met today</title>
<link>https://agency${source}.example/${i}</link><pubDate>Thu, 26 Nov 2026 09:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate><category>Politics</category>
<description><![CDATA[<p>Yerevan, 26 November. The story ${i} of agency ${source}: ${'a sentence of ordinary agency copy, '.repeat(20)}</p><p>Second paragraph.</p>]]></description></item>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agency ${source}</title><language>en</language>${items}</channel></rss>`
}

async function startAgencies(): Promise<{ url: (n: number) => string, close: () => Promise<void> }> {
  const bodies = Array.from({ length: SOURCES }, (_, n) => Buffer.from(feed(n)))
  const server = http.createServer((req, res) => {
    const n = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1])
    const etag = `"bench-${n}"`
    if (req.headers['if-none-match'] === etag) { res.statusCode = 304; return res.end() }
    res.setHeader('etag', etag)
    res.setHeader('content-type', 'application/rss+xml; charset=utf-8')
    res.end(bodies[n])
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return { url: (n) => `http://127.0.0.1:${port}/feed/${n}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** A fresh database for the server: its env, and how to reach and drop it from here. */
async function freshDatabase(engine: string, dir: string) {
  if (engine === 'sqlite') {
    const path = join(dir, 'wire.db')
    return { env: { DATABASE_PATH: path }, open: () => openDatabase({ kind: 'sqlite', path }), drop: async () => {} }
  }
  const url = process.env.TEST_DATABASE_URL!
  const schema = `bench_wire_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const withSchema = new URL(url)
  withSchema.searchParams.set('options', `-c search_path=${schema}`)
  return {
    env: { DATABASE_URL: withSchema.toString() },
    open: () => openDatabase({ kind: 'postgres', url, schema, poolSize: 2 }),
    drop: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function run(engine: string, port: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lede-bench-wire-'))
  const agencies = await startAgencies()
  const database = await freshDatabase(engine, dir)
  const opened = database.open()
  const db = opened.db
  let server: ChildProcess | null = null
  try {
    // The schema and the sources, none due yet: the server's poller must not start before the bench does.
    const deps = { db, dialect: opened.dialect, clock: () => new Date(), events: inProcessBus(), siteUrlOverride: null }
    await prepareDatabase(deps, { seedDemo: false })
    for (let n = 0; n < SOURCES; n++) {
      await insertWireSource(db, { name: `Agency ${n}`, kind: 'feed', url: agencies.url(n), folder: null, agencyCredit: 'AG', edition: 'en', sectionId: null, intervalSeconds: 3600, authUser: null, authPassword: null }, '9999-01-01T00:00:00.000Z')
    }
    // BENCH_SERVER_FLAGS="--trace-gc" (say) passes flags to the server's node; its output goes to stderr.
    const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)
    server = spawn(process.execPath, [...flags, 'dist/server.js'], {
      env: { ...process.env, ...database.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', WORKERS: '1', SEED_DEMO: 'false', WIRE_POLLER: 'true' },
      stdio: ['ignore', flags.length ? 'inherit' : 'ignore', 'inherit']
    })
    await waitFor(`http://127.0.0.1:${port}/healthz`)

    /** Makes every source due, waits for their runs, and returns the round's time from those runs. */
    const round = async (): Promise<{ seconds: number, runs: Array<{ status: string, items_new: number }> }> => {
      const before = Number((await db.selectFrom('wire_runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      await db.updateTable('wire_sources').set({ next_poll_at: new Date(Date.now() - 1000).toISOString() }).execute()
      const deadline = Date.now() + 300_000
      for (;;) {
        const runs = await db.selectFrom('wire_runs').select(['status', 'items_new', 'started_at', 'finished_at']).orderBy('id').offset(before).limit(SOURCES + 1).execute()
        if (runs.length >= SOURCES) {
          const start = Math.min(...runs.map((r) => Date.parse(r.started_at)))
          const end = Math.max(...runs.map((r) => Date.parse(r.finished_at)))
          return { seconds: (end - start) / 1000, runs }
        }
        if (Date.now() > deadline) throw new Error(`only ${runs.length} of ${SOURCES} sources polled in 5 minutes`)
        await sleep(100)
      }
    }
    const first = await round()
    const ingested = first.runs.reduce((sum, r) => sum + Number(r.items_new), 0)
    const failed = first.runs.filter((r) => r.status === 'failed').length
    console.log(`${engine}: ${ingested} items from ${SOURCES} sources in ${first.seconds.toFixed(2)} s = ${Math.round(ingested / first.seconds)} items/s${failed ? ` (${failed} sources failed)` : ''}`)
    const quiet = await round()
    console.log(`${engine}: no-news round (${quiet.runs.filter((r) => r.status === 'not-modified').length} × 304) in ${(quiet.seconds * 1000).toFixed(0)} ms`)
    console.log(`${engine}: memory: the server process's peak RSS ${peakMemoryMb([server.pid!])[0]} MB`)
    const stored = Number((await sql<{ n: number }>`select count(*) as n from wire_items`.execute(db)).rows[0]!.n)
    if (stored !== SOURCES * ITEMS) console.log(`${engine}: warning: ${stored} items stored, ${SOURCES * ITEMS} expected`)
  } finally {
    if (server) {
      server.kill('SIGTERM')
      await new Promise((resolve) => server!.once('exit', resolve))
    }
    await opened.close()
    await database.drop()
    await agencies.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

let port = 4701
for (const engine of values.engines!.split(',')) await run(engine.trim(), port++)
