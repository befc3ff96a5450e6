// npm run bench:search — the search benchmark (a benchmark, not a test; see bench/README.md).
// For SQLite, and for PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (in a schema of its
// own, dropped afterwards): load BENCH_ARTICLES synthetic published articles in Armenian, Russian and
// English, build the search index (timed), then send BENCH_QUERIES mixed queries to the HTTP endpoint
// through app.inject and report latency percentiles and throughput.
//   BENCH_ARTICLES=200000 BENCH_QUERIES=1000 BENCH_ENGINES=sqlite,postgres npm run bench:search
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { buildApp } from '../../src/app.js'
import { openDatabase, type OpenDatabase } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { rebuildSearchIndex } from '../../src/db/repositories/search.repository.js'
import { saveSettings } from '../../src/db/repositories/settings.repository.js'
import { inProcessBus } from '../../src/events/bus.js'
import type { Deps } from '../../src/services/deps.js'
import { benchQueries, type QueryKind } from './queries.js'
import { CORPUS_END, seedCorpus } from './seed.js'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 200_000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000)
const WARM_UP = 50
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
const ENGINES = (process.env.BENCH_ENGINES ?? (PG_URL ? 'sqlite,postgres' : 'sqlite')).split(',').map((e) => e.trim())

const log = (line: string) => process.stderr.write(`${line}\n`)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

interface EngineResult {
  engine: string
  loadMs: number
  indexMs: number
  queries: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
  throughput: number
  byKind: Record<string, { n: number, p50: number, p95: number }>
  errors: number
}

async function open(engine: string): Promise<{ database: OpenDatabase, cleanup: () => Promise<void>, where: string }> {
  if (engine === 'sqlite') {
    const path = join(tmpdir(), `lede-bench-search-${randomBytes(4).toString('hex')}.db`)
    const database = openDatabase({ kind: 'sqlite', path })
    return {
      database, where: path,
      cleanup: async () => { for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true }) }
    }
  }
  if (!PG_URL) throw new Error('PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL')
  const schema = `bench_search_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const database = openDatabase({ kind: 'postgres', url: PG_URL, schema, poolSize: 4 })
  return {
    database, where: `schema ${schema}`,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  }
}

async function runEngine(engine: string): Promise<EngineResult> {
  const { database, cleanup, where } = await open(engine)
  log(`\n[${engine}] ${where}`)
  try {
    // "Now" is just after the newest story, as on a live site.
    const now = new Date(CORPUS_END + 6 * 3_600_000)
    const deps: Deps = { db: database.db, dialect: database.dialect, clock: () => now, events: inProcessBus(), siteUrlOverride: null }
    await migrateToLatest(deps.db)
    await saveSettings(deps.db, { siteName: 'Lede Bench', timeZone: 'Asia/Yerevan', editions: ['hy', 'ru', 'en'], defaultEdition: 'en' })

    let t = performance.now()
    const languages = await seedCorpus(deps.db, ARTICLES, log)
    const loadMs = performance.now() - t
    log(`[${engine}] loaded ${ARTICLES} articles in ${seconds(loadMs)}`)

    t = performance.now()
    const indexed = await rebuildSearchIndex(deps.db)
    const indexMs = performance.now() - t
    log(`[${engine}] indexed ${indexed} articles in ${seconds(indexMs)}`)

    const app = await buildApp({ deps })
    await app.ready()
    const queries = benchQueries(languages, ARTICLES, QUERIES + WARM_UP)
    let errors = 0
    const timings: { kind: QueryKind, ms: number }[] = []
    for (const [i, query] of queries.entries()) {
      if (i === WARM_UP) timings.length = 0
      const q0 = performance.now()
      const res = await app.inject(query.url)
      const ms = performance.now() - q0
      if (res.statusCode !== 200) {
        errors++
        log(`[${engine}] ${res.statusCode} for ${query.url}`)
      }
      if (i >= WARM_UP) timings.push({ kind: query.kind, ms })
    }
    await app.close()

    const all = timings.map((x) => x.ms).sort((a, b) => a - b)
    const byKind: EngineResult['byKind'] = {}
    for (const kind of new Set(timings.map((x) => x.kind))) {
      const list = timings.filter((x) => x.kind === kind).map((x) => x.ms).sort((a, b) => a - b)
      byKind[kind] = { n: list.length, p50: percentile(list, 50), p95: percentile(list, 95) }
    }
    const totalMs = all.reduce((a, b) => a + b, 0)
    return {
      engine, loadMs, indexMs, queries: all.length, errors, byKind,
      p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), max: all.at(-1) ?? NaN,
      mean: totalMs / all.length,
      // Sequential requests: queries answered per second by one client (warm-up excluded).
      throughput: all.length / (totalMs / 1000)
    }
  } finally {
    await database.close()
    await cleanup()
  }
}

const results: EngineResult[] = []
for (const engine of ENGINES) results.push(await runEngine(engine))

const f = (ms: number) => ms.toFixed(1)
const lines = [
  `Search benchmark: ${ARTICLES.toLocaleString('en')} articles (hy, ru, en), ${QUERIES} queries after ${WARM_UP} warm-up, one client, app.inject.`,
  '',
  '| engine | index build | p50 ms | p95 ms | p99 ms | max ms | mean ms | queries/s | non-200 |',
  '|---|---|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.engine} | ${seconds(r.indexMs)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} | ${f(r.mean)} | ${r.throughput.toFixed(0)} | ${r.errors} |`),
  '',
  '| engine | query kind | n | p50 ms | p95 ms |',
  '|---|---|---|---|---|',
  ...results.flatMap((r) => Object.entries(r.byKind).map(([kind, k]) => `| ${r.engine} | ${kind} | ${k.n} | ${f(k.p50)} | ${f(k.p95)} |`)),
  '',
  `Loading the articles (not part of the index build): ${results.map((r) => `${r.engine} ${seconds(r.loadMs)}`).join(', ')}.`
]
process.stdout.write(`${lines.join('\n')}\n`)
