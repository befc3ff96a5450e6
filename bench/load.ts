// `npm run bench:load [-- --seconds 60 --readers 200 --posts 20 --engines sqlite,postgres --page-cache 0,30]`
// One real server process per engine and page-cache setting (PAGE_CACHE_SECONDS; 0 is off); 200 concurrent readers over article, newsfeed and feed URLs,
// plus 20 comment posts a second; then every acknowledged comment is looked up in the database.
// The baseline, measured in the same run on the same server, is /healthz (no database, no rendering).
import { Agent, request } from 'node:http'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { freshDatabaseEnv, startServerProcess, type RunningServer } from '../test/server/spawn.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    readers: { type: 'string', default: '200' },
    posts: { type: 'string', default: '20' },
    engines: { type: 'string', default: process.env.TEST_DATABASE_URL ? 'sqlite,postgres' : 'sqlite' },
    'page-cache': { type: 'string', default: '0,30' }
  }
})
const SECONDS = Number(values.seconds)
const READERS = Number(values.readers)
const POSTS_PER_SECOND = Number(values.posts)
const BASELINE_SECONDS = Math.max(5, Math.round(SECONDS / 6))

interface Result { requests: number, errors: number, statuses: Record<string, number>, latencies: number[], seconds: number }

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function send(agent: Agent, baseUrl: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(baseUrl + path, { method, agent, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', () => resolve(0))
    req.end(body)
  })
}

async function readers(baseUrl: string, paths: string[], seconds: number, concurrency: number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const result: Result = { requests: 0, errors: 0, statuses: {}, latencies: [], seconds }
  const until = Date.now() + seconds * 1000
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < until) {
      const path = paths[next++ % paths.length]!
      const started = performance.now()
      const status = await send(agent, baseUrl, 'GET', path)
      result.latencies.push(performance.now() - started)
      result.requests++
      result.statuses[status] = (result.statuses[status] ?? 0) + 1
      if (status !== 200) result.errors++
    }
  }))
  agent.destroy()
  result.latencies.sort((a, b) => a - b)
  return result
}

async function commenters(baseUrl: string, articleIds: string[], seconds: number, perSecond: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 20 })
  const acknowledged: string[] = []
  const latencies: number[] = []
  let errors = 0
  const pending: Promise<void>[] = []
  for (let n = 0; n < seconds * perSecond; n++) {
    const due = n * (1000 / perSecond)
    pending.push(new Promise<void>((resolve) => setTimeout(async () => {
      const text = `Load test comment ${n}: reading the news at ${due} ms.`
      const body = new URLSearchParams({ article_id: articleIds[n % articleIds.length]!, author: `Load reader ${n}`, email: `load${n}@example.org`, comment: text }).toString()
      const started = performance.now()
      // One address per commenter, as on a real site; flood control is per address.
      const status = await send(agent, baseUrl, 'POST', '/comments', { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${n >> 16 & 255}.${n >> 8 & 255}.${n & 255}` }, body)
      latencies.push(performance.now() - started)
      if (status === 303) acknowledged.push(text)
      else errors++
      resolve()
    }, due)))
  }
  await Promise.all(pending)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { acknowledged, errors, latencies }
}

async function storedBodies(engine: string, db: Awaited<ReturnType<typeof freshDatabaseEnv>>): Promise<Set<string>> {
  if (engine === 'sqlite') {
    const sqlite = new SQLite(db.sqlitePath!, { readonly: true })
    const rows = sqlite.prepare('select body from comments').all() as { body: string }[]
    sqlite.close()
    return new Set(rows.map((r) => r.body))
  }
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  await client.connect()
  const { rows } = await client.query<{ body: string }>(`select body from ${db.pgSchema}.comments`)
  await client.end()
  return new Set(rows.map((r) => r.body))
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

/** Pages per second of each run, by engine, for the cache-on / cache-off ratio. */
const pagesPerSecond = new Map<string, Map<string, number>>()

for (const engine of values.engines!.split(',')) for (const cacheSeconds of values['page-cache']!.split(',')) {
  const db = await freshDatabaseEnv(engine as 'sqlite' | 'postgres')
  let server: RunningServer | undefined
  try {
    server = await startServerProcess({ ...db.env, TRUST_PROXY: '1', PAGE_CACHE_SECONDS: cacheSeconds })
    const front = await (await fetch(server.baseUrl + '/')).text()
    const articlePaths = [...new Set([...front.matchAll(/href="(\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\/)"/g)].map((m) => m[1]!))]
    const articleIds: string[] = []
    for (const path of articlePaths.slice(0, 10)) {
      const id = /name="article_id" value="(\d+)"/.exec(await (await fetch(server.baseUrl + path)).text())?.[1]
      if (id) articleIds.push(id)
    }
    const feedPaths = (await fetch(server.baseUrl + '/feed/')).status === 200 ? ['/feed/'] : []
    const paths = [...articlePaths, '/', '/newsfeed/', '/newsfeed/2022-02-03/', ...feedPaths]

    const baseline = await readers(server.baseUrl, ['/healthz'], BASELINE_SECONDS, READERS)
    const [load, posts] = await Promise.all([
      readers(server.baseUrl, paths, SECONDS, READERS),
      commenters(server.baseUrl, articleIds, SECONDS, POSTS_PER_SECOND)
    ])
    const stored = await storedBodies(engine, db)
    const lost = posts.acknowledged.filter((text) => !stored.has(text))

    const rps = load.requests / load.seconds
    const baselineRps = baseline.requests / baseline.seconds
    const runs = pagesPerSecond.get(engine) ?? new Map<string, number>()
    runs.set(cacheSeconds, rps)
    pagesPerSecond.set(engine, runs)
    console.log(`\n== ${engine}, PAGE_CACHE_SECONDS=${cacheSeconds}: ${READERS} readers for ${SECONDS} s over ${paths.length} URLs${feedPaths.length ? ' (with /feed/)' : ''}, ${POSTS_PER_SECOND} comment posts/s`)
    console.log(`readers:   ${rps.toFixed(0)} req/s, p50 ${fmt(percentile(load.latencies, 50))}, p99 ${fmt(percentile(load.latencies, 99))}, errors ${load.errors} ${JSON.stringify(load.statuses)}`)
    console.log(`baseline:  /healthz ${baselineRps.toFixed(0)} req/s, p50 ${fmt(percentile(baseline.latencies, 50))} — pages run at ${(rps / baselineRps * 100).toFixed(0)}% of the no-database baseline`)
    console.log(`comments:  ${posts.acknowledged.length} acknowledged (303), ${posts.errors} errors, p50 ${fmt(percentile(posts.latencies, 50))}, p99 ${fmt(percentile(posts.latencies, 99))}`)
    console.log(`integrity: ${lost.length === 0 ? `all ${posts.acknowledged.length} acknowledged comments are stored` : `${lost.length} ACKNOWLEDGED COMMENTS MISSING`}`)
    if (lost.length || load.errors || posts.errors) process.exitCode = 1
  } finally {
    server?.child.kill('SIGTERM')
    await server?.exited
    await db.cleanup()
  }
}

for (const [engine, runs] of pagesPerSecond) {
  const off = runs.get('0')
  for (const [seconds, rps] of runs) {
    if (seconds !== '0' && off) console.log(`page cache ${seconds} s on ${engine}: ${(rps / off).toFixed(1)}× the pages per second of the same run without it`)
  }
}
