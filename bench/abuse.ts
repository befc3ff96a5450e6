// `npm run bench:abuse [-- --seconds 20 --readers 50 --attackers 8 --engine sqlite|postgres]`
// A benchmark, not a test: one real server process (TRUST_PROXY=1, as behind one nginx). 50 readers fetch
// pages, first alone (the quiet run), then while one client attacks: it posts the worst comments of
// issue 12 (a 10,000-character "https://x.com/))))…" and "a", 9,998 spaces, "b"), and hammers search and
// login, each request with a new forged leftmost X-Forwarded-For (the proxy appends the attacker's real
// address, as nginx does). Prints the readers' p99 quiet and under attack, what the attacker got, and
// whether any forged address reached the database. Target: p99 under attack within 2× of the quiet run.
import { Agent, request } from 'node:http'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { freshDatabaseEnv, startServerProcess, type RunningServer } from '../test/server/spawn.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    readers: { type: 'string', default: '50' },
    attackers: { type: 'string', default: '8' },
    engine: { type: 'string', default: 'sqlite' }
  }
})
const SECONDS = Number(values.seconds)
const READERS = Number(values.readers)
const ATTACKERS = Number(values.attackers)
const ENGINE = values.engine as 'sqlite' | 'postgres'
/** The attacker's real address, as the trusted proxy reports it (rightmost X-Forwarded-For). */
const ATTACKER = '203.0.113.50'
/** Forged addresses come from this documentation range, so finding one in the database is unambiguous. */
const FORGED_PREFIX = '192.0.2.'

const WORST_COMMENTS = ['https://x.com/' + ')'.repeat(9_986), 'a' + ' '.repeat(9_998) + 'b']

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

async function readers(baseUrl: string, paths: string[], seconds: number): Promise<{ latencies: number[], statuses: Record<string, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: READERS })
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  const until = Date.now() + seconds * 1000
  let next = 0
  await Promise.all(Array.from({ length: READERS }, async (_, reader) => {
    while (Date.now() < until) {
      const started = performance.now()
      const status = await send(agent, baseUrl, 'GET', paths[next++ % paths.length]!, { 'x-forwarded-for': `198.51.100.${reader + 1}` })
      latencies.push(performance.now() - started)
      statuses[status] = (statuses[status] ?? 0) + 1
    }
  }))
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { latencies, statuses }
}

async function attacker(baseUrl: string, articleId: string, seconds: number): Promise<Record<string, Record<string, number>>> {
  const agent = new Agent({ keepAlive: true, maxSockets: ATTACKERS })
  const seen: Record<string, Record<string, number>> = { comment: {}, search: {}, login: {} }
  const until = Date.now() + seconds * 1000
  let n = 0
  await Promise.all(Array.from({ length: ATTACKERS }, async () => {
    while (Date.now() < until) {
      const i = n++
      const headers = { 'x-forwarded-for': `${FORGED_PREFIX}${i % 250 + 1}, ${ATTACKER}` }
      let kind: string
      let status: number
      if (i % 3 === 0) {
        kind = 'comment'
        const body = new URLSearchParams({ article_id: articleId, author: `Attacker ${i}`, email: `a${i}@example.org`, comment: WORST_COMMENTS[i % 2]!.slice(0, 10_000 - String(i).length - 1) + ` ${i}` }).toString()
        status = await send(agent, baseUrl, 'POST', '/comments', { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body)
      } else if (i % 3 === 1) {
        kind = 'search'
        status = await send(agent, baseUrl, 'GET', `/search?q=${encodeURIComponent(`ferry ${i} "port ${i}`)}`, headers)
      } else {
        kind = 'login'
        const body = new URLSearchParams({ email: `victim${i % 5}@example.org`, password: `guess-${i}` }).toString()
        status = await send(agent, baseUrl, 'POST', '/admin/login/', { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body)
      }
      seen[kind]![status] = (seen[kind]![status] ?? 0) + 1
    }
  }))
  agent.destroy()
  return seen
}

/** Rows anywhere the client address is kept that hold a forged one. */
async function forgedInDatabase(db: Awaited<ReturnType<typeof freshDatabaseEnv>>): Promise<number> {
  const queries = [
    `select count(*) as n from comments where ip like '${FORGED_PREFIX}%'`,
    `select count(*) as n from login_failures where ip like '${FORGED_PREFIX}%'`,
    `select count(*) as n from audit_log where details like '%${FORGED_PREFIX}%'`
  ]
  if (ENGINE === 'sqlite') {
    const sqlite = new SQLite(db.sqlitePath!, { readonly: true })
    const total = queries.reduce((sum, q) => sum + Number((sqlite.prepare(q).get() as { n: number }).n), 0)
    sqlite.close()
    return total
  }
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  await client.connect()
  await client.query(`set search_path to ${db.pgSchema}`)
  let total = 0
  for (const q of queries) total += Number((await client.query<{ n: string }>(q)).rows[0]!.n)
  await client.end()
  return total
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

const db = await freshDatabaseEnv(ENGINE)
let server: RunningServer | undefined
try {
  server = await startServerProcess({ ...db.env, TRUST_PROXY: '1' })
  const front = await (await fetch(server.baseUrl + '/')).text()
  const articlePaths = [...new Set([...front.matchAll(/href="(\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\/)"/g)].map((m) => m[1]!))]
  const articleId = /name="article_id" value="(\d+)"/.exec(await (await fetch(server.baseUrl + articlePaths[0]!)).text())![1]!
  const paths = [...articlePaths, '/', '/newsfeed/', '/feed/']

  const quiet = await readers(server.baseUrl, paths, SECONDS)
  const [attacked, attack] = await Promise.all([readers(server.baseUrl, paths, SECONDS), attacker(server.baseUrl, articleId, SECONDS)])
  const forged = await forgedInDatabase(db)

  const quietP99 = percentile(quiet.latencies, 99)
  const attackedP99 = percentile(attacked.latencies, 99)
  console.log(`== ${ENGINE}: ${READERS} readers over ${paths.length} URLs, ${SECONDS} s quiet then ${SECONDS} s with ${ATTACKERS} attacking connections`)
  console.log(`quiet:     ${quiet.latencies.length} pages, p50 ${fmt(percentile(quiet.latencies, 50))}, p99 ${fmt(quietP99)} ${JSON.stringify(quiet.statuses)}`)
  console.log(`attacked:  ${attacked.latencies.length} pages, p50 ${fmt(percentile(attacked.latencies, 50))}, p99 ${fmt(attackedP99)} ${JSON.stringify(attacked.statuses)}`)
  console.log(`ratio:     p99 under attack is ${(attackedP99 / quietP99).toFixed(2)}× the quiet run (target: within 2×)`)
  console.log(`attacker:  ${JSON.stringify(attack)}`)
  console.log(`forged:    ${forged === 0 ? 'no forged address in comments, login failures or the audit log' : `${forged} ROWS WITH A FORGED ADDRESS`}`)
  if (forged > 0 || attackedP99 > 2 * quietP99) process.exitCode = 1
} finally {
  server?.child.kill('SIGTERM')
  await server?.exited
  await db.cleanup()
}
