// `npm run bench:wire [-- --sources 50 --items 200 --engines sqlite,postgres]`
// A local HTTP server plays 50 agencies with 200 items each (RSS, with ETags); the app's poller polls them
// all in one round, then again with nothing new (every answer a 304). Prints items ingested per second,
// the no-news round's time and the process's memory. Targets (issue 15): 2,000 items/s, a no-news round
// under 1 s, memory under 200 MB.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openDatabase } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { inProcessBus } from '../../src/events/bus.js'
import { insertWireSource } from '../../src/db/repositories/wire.repository.js'
import { pollDueSources } from '../../src/wire/poller.js'
import type { Deps } from '../../src/services/deps.js'

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

async function openBenchDatabase(engine: string) {
  if (engine === 'sqlite') return { ...openDatabase({ kind: 'sqlite', path: ':memory:' }), drop: async () => {} }
  const url = process.env.TEST_DATABASE_URL!
  const schema = `bench_wire_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const opened = openDatabase({ kind: 'postgres', url, schema, poolSize: 8 })
  return {
    ...opened,
    drop: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)

async function run(engine: string): Promise<void> {
  const agencies = await startAgencies()
  const database = await openBenchDatabase(engine)
  let now = new Date('2026-11-26T10:00:00Z')
  const deps: Deps = { db: database.db, dialect: database.dialect, clock: () => new Date(now.getTime()), events: inProcessBus(), siteUrlOverride: null }
  try {
    await migrateToLatest(deps.db)
    for (let n = 0; n < SOURCES; n++) {
      await insertWireSource(deps.db, { name: `Agency ${n}`, kind: 'feed', url: agencies.url(n), folder: null, agencyCredit: 'AG', edition: 'en', sectionId: null, intervalSeconds: 60, authUser: null, authPassword: null }, now.toISOString())
    }
    let peakRss = process.memoryUsage().rss
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 50)
    let t = performance.now()
    const first = await pollDueSources(deps, { concurrency: 8, max: SOURCES })
    const ingestSeconds = (performance.now() - t) / 1000
    const ingested = first.reduce((sum, r) => sum + r.counts.new, 0)
    const failed = first.filter((r) => r.status === 'failed')
    now = new Date(now.getTime() + 61_000)
    t = performance.now()
    const quiet = await pollDueSources(deps, { concurrency: 8, max: SOURCES })
    const quietMs = performance.now() - t
    clearInterval(sampler)
    console.log(`${engine}: ${ingested} items from ${SOURCES} sources in ${ingestSeconds.toFixed(2)} s = ${Math.round(ingested / ingestSeconds)} items/s` +
      `${failed.length ? ` (${failed.length} sources failed: ${failed[0]!.error})` : ''}`)
    console.log(`${engine}: no-news round (${quiet.filter((r) => r.status === 'not-modified').length} × 304) in ${quietMs.toFixed(0)} ms`)
    console.log(`${engine}: memory: peak RSS ${mb(peakRss)} MB, heap used now ${mb(process.memoryUsage().heapUsed)} MB`)
  } finally {
    await database.close()
    await database.drop()
    await agencies.close()
  }
}

for (const engine of values.engines!.split(',')) await run(engine.trim())
