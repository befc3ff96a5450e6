// `npm run bench:live [-- --clients 2000 --stories 20 --engines sqlite,postgres]`
// One real server process (src/server.ts) per engine holds `clients` concurrent GET /live streams while a
// story goes live every second. Stories are scheduled 1.5 s ahead straight in the database, so no request
// competes with the streams and the path measured is the whole one: the scheduler's claim at the story's
// time, the log row, the fan-out. Latency is from the story's publication time to its arrival at each
// client; the server's memory is its resident set at the end. Every client must receive every story.
import { request, Agent } from 'node:http'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { freshDatabaseEnv, startServerProcess } from '../test/server/spawn.js'

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    stories: { type: 'string', default: '20' },
    engines: { type: 'string', default: process.env.TEST_DATABASE_URL ? 'sqlite,postgres' : 'sqlite' }
  }
})
const CLIENTS = Number(values.clients)
const STORIES = Number(values.stories)

/** Issue 16's targets, judged at the end of each engine's run (a miss sets the exit code). */
const TARGET_P99_MS = 500
const TARGET_RSS_MB = 200
let missedTargets = 0

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024
}

interface Client { received: Map<number, number>, close(): void }

/** Opens one stream and records when each published story arrives (by article id). */
function openClient(agent: Agent, baseUrl: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const received = new Map<number, number>()
    const req = request(`${baseUrl}/live`, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) { reject(new Error(`stream refused: ${res.statusCode}`)); res.resume(); return }
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (!block.includes('event: published')) continue
          const data = /\ndata: (.*)/.exec(block)
          if (data) received.set((JSON.parse(data[1]!) as { id: number }).id, Date.now())
        }
      })
      resolve({ received, close: () => req.destroy() })
    })
    req.on('error', reject)
    req.end()
  })
}

async function run(engine: 'sqlite' | 'postgres'): Promise<void> {
  const db = await freshDatabaseEnv(engine)
  const server = await startServerProcess({ ...db.env, LIVE_MAX_PER_ADDRESS: String(CLIENTS + 10), LIVE_MAX_CONNECTIONS: String(CLIENTS + 10) })
  const rssBefore = rssMb(server.child.pid!)
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity })
  const clients: Client[] = []
  for (let i = 0; i < CLIENTS; i += 200) {
    clients.push(...await Promise.all(Array.from({ length: Math.min(200, CLIENTS - i) }, () => openClient(agent, server.baseUrl))))
  }
  const rssIdle = rssMb(server.child.pid!)

  const sqlite = engine === 'sqlite' ? new SQLite(db.sqlitePath!) : null
  const client = engine === 'postgres' ? new pg.Client({ connectionString: db.env.DATABASE_URL }) : null
  await client?.connect()
  const published = new Map<number, number>()
  for (let i = 0; i < STORIES; i++) {
    const at = new Date(Date.now() + 1_500).toISOString()
    const now = new Date().toISOString()
    const values = ['en', `live-bench-${i}`, `Live bench story ${i}`, 'Lead.', 'Body.', '<p>Body.</p>', 'scheduled', at, now, now]
    const insert = 'insert into articles (edition, slug, headline, lead, body_source, body_html, status, published_at, created_at, updated_at) values '
    let id: number
    if (sqlite) id = Number(sqlite.prepare(`${insert}(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values).lastInsertRowid)
    else id = (await client!.query<{ id: number }>(`${insert}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`, values)).rows[0]!.id
    published.set(id, Date.parse(at))
    await new Promise((r) => setTimeout(r, 1_000))
  }
  await new Promise((r) => setTimeout(r, 3_000))
  const rssEnd = rssMb(server.child.pid!)

  const latencies: number[] = []
  let missing = 0
  for (const c of clients) {
    for (const [id, at] of published) {
      const got = c.received.get(id)
      if (got === undefined) missing++
      else latencies.push(got - at)
    }
  }
  latencies.sort((a, b) => a - b)
  console.log(`${engine}: ${CLIENTS} streams, ${STORIES} stories: latency p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, ` +
    `max ${latencies.at(-1)} ms; missing ${missing} of ${CLIENTS * STORIES}; server RSS ${rssBefore.toFixed(0)} MB before the streams, ${rssIdle.toFixed(0)} MB with them open, ${rssEnd.toFixed(0)} MB at the end`)
  const verdicts = [
    [`p99 ${percentile(latencies, 99)} ms < ${TARGET_P99_MS} ms`, percentile(latencies, 99) < TARGET_P99_MS],
    [`RSS ${Math.max(rssIdle, rssEnd).toFixed(0)} MB < ${TARGET_RSS_MB} MB`, Math.max(rssIdle, rssEnd) < TARGET_RSS_MB],
    [`${missing} events missing`, missing === 0]
  ] as const
  missedTargets += verdicts.filter(([, met]) => !met).length
  console.log(`${engine}: targets ${verdicts.map(([what, met]) => `${met ? 'met' : 'MISSED'}: ${what}`).join('; ')}`)

  for (const c of clients) c.close()
  agent.destroy()
  sqlite?.close()
  await client?.end()
  server.child.kill('SIGTERM')
  await server.exited
  await db.cleanup()
}

for (const engine of String(values.engines).split(',') as ('sqlite' | 'postgres')[]) await run(engine)
if (missedTargets > 0) process.exitCode = 1
