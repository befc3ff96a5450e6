// `npm run bench [-- --seconds 8 --warm 5 --articles 100000 --huge 1000000 --surge-seconds 30 --skip-pages --skip-surge]`
// The breaking-news benchmark of issue 13, in one run on one machine. Seeds an SQLite file with the demo
// content plus `--articles` older stories (two approved comments each), starts the built server as users
// run it (`dist/server.js`, a worker per core) with the page cache on and with it off, and wrk (a
// separate process) loads the article page, the front page, a day newsfeed and the RSS feed at 64
// connections in four modes: cache on, cache off, nginx's proxy_cache in front (docs/deploy.md), and
// Debian's nginx serving the same page saved as a file, the baseline every ratio is taken against; beside
// them Node's own http server answering the saved page from memory (bench/node-static.mjs), the ceiling a
// kept copy has in a Node process; each run
// after `--warm` seconds of the same load (a fresh process spends about 5,000 requests at up to twice the
// CPU while V8 compiles its hot paths; steady state is what a running site sees). Then the
// surge: 200 readers (wrk) over those pages while 20 comments a second are posted and an editor publishes
// a story every 5 s; every acknowledged comment is looked up afterwards. Then it seeds a second file with
// `--huge` stories and repeats the uncached article and day newsfeed (`--huge 0` skips that). Peak memory
// is VmHWM of every server process. See bench/README.md, "Breaking news".
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { openDatabase } from '../src/db/dialect.js'
import { inProcessBus } from '../src/events/bus.js'
import { prepareDatabase } from '../src/services/install.service.js'
import { COMMAND_LINE_ACTOR, createUser } from '../src/services/users.service.js'
import { EDITOR, logIn, publishThroughForm } from '../test/server/editor-session.js'
import { startFrontDoor, type FrontDoor } from '../test/server/front-door.js'
import { seedArchive } from './render-seed.js'
import { peakMemoryMb, processTree, requireTools, rotatingPathsScript, waitFor, wrk, wrkInBackground, type WrkResult } from './wrk.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    /** Load before each measurement: a process runs its first few thousand requests at up to twice the CPU while V8 compiles them. */
    warm: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    articles: { type: 'string', default: '100000' },
    huge: { type: 'string', default: '1000000' },
    'surge-seconds': { type: 'string', default: '30' },
    'surge-readers': { type: 'string', default: '200' },
    'surge-posts': { type: 'string', default: '20' },
    'publish-every': { type: 'string', default: '5' },
    /** Only the surge (and --huge): for looking into it without the 16 page runs first. */
    'skip-pages': { type: 'boolean', default: false },
    /** Only the page runs (and --huge): for measuring a render change without the surges. */
    'skip-surge': { type: 'boolean', default: false }
  }
})
const SECONDS = Number(values.seconds)
const CONNECTIONS = Number(values.connections)
const WARM_SECONDS = Number(values.warm)
requireTools('npm run bench', ['wrk', '/usr/sbin/nginx'])

const TARGETS: [name: string, path: string][] = [
  ['article', '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'],
  ['front page', '/'],
  ['day newsfeed', '/newsfeed/2022-02-03/'],
  ['RSS', '/feed/']
]

const dir = mkdtempSync(join(tmpdir(), 'lede-bench-'))
chmodSync(dir, 0o755) // nginx's workers run as nobody when started by root: they must read the saved pages
const children: ChildProcess[] = []
const doors: FrontDoor[] = []
process.on('exit', () => { for (const c of children) c.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }) })
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`)

/** A database file as a site's first start leaves it, with an editor, and `count` older stories. */
async function seed(path: string, count: number): Promise<void> {
  const started = Date.now()
  const opened = openDatabase({ kind: 'sqlite', path })
  try {
    const deps = { db: opened.db, dialect: opened.dialect, clock: () => new Date(), events: inProcessBus(), siteUrlOverride: null }
    await prepareDatabase(deps, { seedDemo: true })
    await createUser(deps, { email: EDITOR.email, displayName: 'Bench Editor', role: 'editor', password: EDITOR.password, actor: COMMAND_LINE_ACTOR })
    await seedArchive(opened.db, count, new Date(), log)
  } finally {
    await opened.close()
  }
  log(`seeded ${count} stories into ${path} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

let nextPort = 4501
// TRUST_PROXY=2: the bench's X-Forwarded-For stands in for an outer hop that saw each reader's address, so
// comments count per reader whether posted straight to Lede or through the nginx front door (which adds one).
async function lede(path: string, env: Record<string, string>): Promise<{ url: string, pid: number }> {
  const port = nextPort++
  const child = spawn(process.execPath, ['dist/server.js'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: path, SEED_DEMO: 'false', WIRE_POLLER: 'false', TRUST_PROXY: '2', ...env },
    // BENCH_SERVER_LOGS=dir keeps each server's log there (lede-<port>.log), to look into errors afterwards.
    stdio: ['ignore', process.env.BENCH_SERVER_LOGS ? openSync(join(process.env.BENCH_SERVER_LOGS, `lede-${port}.log`), 'w') : 'ignore', 'inherit']
  })
  children.push(child)
  const url = `http://127.0.0.1:${port}`
  await waitFor(`${url}/healthz`)
  return { url, pid: child.pid! }
}

const memory = (pid: number) => {
  const mbs = peakMemoryMb(processTree(pid))
  return `${Math.max(...mbs)} MB (${mbs.join(' / ')})`
}

// 1. The archive and the servers.
const db = join(dir, 'lede.db')
await seed(db, Number(values.articles))
const cached = await lede(db, {})
const uncached = await lede(db, { PAGE_CACHE_SECONDS: '0' })
const door = await startFrontDoor([Number(new URL(cached.url).port)])
doors.push(door)
process.on('exit', () => { for (const d of doors) void d.stop() })

mkdirSync(join(dir, 'www'))
const files: string[] = []
for (const [, path] of TARGETS) {
  const file = `page-${files.length}.html`
  writeFileSync(join(dir, 'www', file), await (await fetch(uncached.url + path)).text())
  files.push(file)
}
mkdirSync(join(dir, 'logs'))
writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1; daemon off; error_log ${dir}/logs/error.log; pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:4599; root ${dir}/www; location / { default_type text/html; } } }
`)
children.push(spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' }))
await waitFor(`http://127.0.0.1:4599/${files[0]}`)
// The ceiling for a kept copy in Node: its own http server, the page from memory, a process per core.
children.push(spawn(process.execPath, ['bench/node-static.mjs', join(dir, 'www'), '4598'], { stdio: 'inherit' }))
await waitFor(`http://127.0.0.1:4598/${files[0]}`)

// 2. Every page in every mode, nginx's static copy first as each row's baseline.
const modes: [name: string, url: (i: number) => string][] = [
  ['nginx, the page as a file', (i) => `http://127.0.0.1:4599/${files[i]}`],
  ['Node http, the page from memory', (i) => `http://127.0.0.1:4598/${files[i]}`],
  ['Lede, cache on', (i) => cached.url + TARGETS[i]![1]],
  ['Lede, cache off', (i) => uncached.url + TARGETS[i]![1]],
  ['nginx proxy_cache in front of Lede', (i) => door.url + TARGETS[i]![1]]
]
const fmt = (r: WrkResult, baseline: number) => `${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(100 * r.rps / baseline).toFixed(0)} %`
const table: string[] = ['| page | mode | req/s | p50 | p99 | errors | of nginx |', '|---|---|---|---|---|---|---|']
const uncachedFigures = new Map<string, WrkResult>()
for (const [i, [page]] of (values['skip-pages'] ? [] : TARGETS).entries()) {
  let baseline = 0
  for (const [mode, url] of modes) {
    wrk(url(i), CONNECTIONS, WARM_SECONDS) // warm: kept copies, connections, the JIT
    log(`${page}: ${mode}`)
    const r = wrk(url(i), CONNECTIONS, SECONDS)
    if (!baseline) baseline = r.rps
    if (mode === 'Lede, cache off') uncachedFigures.set(page, r)
    table.push(`| ${page} | ${mode} | ${fmt(r, baseline)} |`)
  }
}

// 3. The surge: readers over the pages, comments pouring in, an editor publishing.
/** A page's HTML; once more if the first try met a keep-alive connection the server had just closed. */
async function html(url: string): Promise<string> {
  try { return await (await fetch(url)).text() } catch { return await (await fetch(url)).text() }
}
const surgeSeconds = Number(values['surge-seconds'])
const frontHtml = await html(cached.url + '/')
const articlePaths = [...new Set([...frontHtml.matchAll(/href="(\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\/)"/g)].map((m) => m[1]!))].slice(0, 10)
const articleIds: string[] = []
for (const path of articlePaths) {
  const id = /name="article_id" value="(\d+)"/.exec(await html(cached.url + path))?.[1]
  if (id) articleIds.push(id)
}
const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))]! : NaN

function post(agent: Agent, url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', () => resolve(0))
    req.end(body)
  })
}

let surges = 0
/**
 * The surge against one front door: first for --warm seconds, reported on a row of its own (a process
 * that has not yet served comments and publishes, and a page cache without the surge's pages, answers its
 * first second or so at a fraction of its speed), then for --surge-seconds, the figures the targets are for.
 */
async function surge(base: string, label: string): Promise<string[]> {
  const rows: string[] = []
  if (WARM_SECONDS > 0) rows.push(...await surgePhase(base, `${label}: its first ${WARM_SECONDS} s`, WARM_SECONDS))
  rows.push(...await surgePhase(base, label, surgeSeconds))
  return rows
}

async function surgePhase(base: string, label: string, surgeSeconds: number): Promise<string[]> {
  // Each surge's commenters come from addresses of their own: flood control remembers the last surge's.
  const block = 100 + surges++
  log(`surge (${label}): ${values['surge-readers']} readers, ${values['surge-posts']} comments/s, a story every ${values['publish-every']} s, ${surgeSeconds} s`)
  const script = rotatingPathsScript([...articlePaths, '/', '/newsfeed/', '/newsfeed/2022-02-03/', '/feed/'])
  const session = await logIn(base)
  const readers = wrkInBackground(base + '/', Number(values['surge-readers']), surgeSeconds, script)
  const agent = new Agent({ keepAlive: true, maxSockets: 20 })
  const perSecond = Number(values['surge-posts'])
  const comments = { acknowledged: [] as string[], latencies: [] as number[], errors: 0 }
  const posting: Promise<void>[] = []
  const runId = Math.random().toString(36).slice(2, 8)
  for (let n = 0; n < surgeSeconds * perSecond; n++) {
    posting.push(new Promise((resolve) => setTimeout(async () => {
      const text = `Surge ${runId} comment ${n}: the crowd keeps reading.`
      const started = performance.now()
      const status = await post(agent, base + '/comments', new URLSearchParams({ article_id: articleIds[n % articleIds.length]!, author: `Surge reader ${n}`, email: `surge${n}@example.org`, comment: text }).toString(),
        { 'x-forwarded-for': `10.${block}.${n >> 8 & 255}.${n & 255}` })
      comments.latencies.push(performance.now() - started)
      if (status === 303) comments.acknowledged.push(text)
      else { comments.errors++; failed(`comment: ${status}`) }
      resolve()
    }, n * 1000 / perSecond)))
  }
  const publishes: number[] = []
  let publishErrors = 0
  const failures = new Map<string, number>()
  const failed = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1)
  const every = Number(values['publish-every'])
  for (let k = 0; k < Math.floor(surgeSeconds / every); k++) {
    posting.push(new Promise((resolve) => setTimeout(async () => {
      const started = performance.now()
      try {
        await publishThroughForm(base, session, { headline: `Surge ${runId} story ${k}: the news breaks again`, lead: 'Another development.', body: 'Details follow.' })
        publishes.push(performance.now() - started)
      } catch (error) { publishErrors++; failed(`publish: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`) }
      resolve()
    }, k * every * 1000 + 500)))
  }
  const [read] = await Promise.all([readers, ...posting])
  agent.destroy()
  comments.latencies.sort((a, b) => a - b)
  publishes.sort((a, b) => a - b)
  const sqlite = new SQLite(db, { readonly: true })
  const stored = new Set((sqlite.prepare('select body from comments where body like ?').all(`Surge ${runId} %`) as { body: string }[]).map((r) => r.body))
  sqlite.close()
  const lost = comments.acknowledged.filter((text) => !stored.has(text)).length
  for (const [what, n] of failures) log(`surge (${label}): ${n} × ${what}`)
  return [
    `| ${label} | ${Math.round(read!.rps)} | ${read!.p50} | ${read!.p99} | ${read!.errors} | ${comments.acknowledged.length} / ${surgeSeconds * perSecond} | ${comments.errors} | ${lost} | ${percentile(comments.latencies, 50).toFixed(0)} ms / ${percentile(comments.latencies, 99).toFixed(0)} ms | ${publishes.length} (${publishErrors} failed), p99 ${percentile(publishes, 99).toFixed(0)} ms |`
  ]
}
const surgeTable = ['| front | readers req/s | p50 | p99 | reader errors | comments acknowledged | comment errors | lost | comment p50 / p99 | publishes |', '|---|---|---|---|---|---|---|---|---|---|']
if (!values['skip-surge']) {
  surgeTable.push(...await surge(cached.url, 'Lede, cache on'))
  surgeTable.push(...await surge(door.url, 'nginx proxy_cache in front'))
}
const memoryLines = [`Lede, cache on (and behind nginx): ${memory(cached.pid)}`, `Lede, cache off: ${memory(uncached.pid)}`]

// 4. The same uncached pages on a much larger archive.
const hugeCount = Number(values.huge)
const hugeTable: string[] = []
if (hugeCount > 0) {
  for (const c of children.splice(0)) c.kill('SIGTERM')
  for (const d of doors.splice(0)) await d.stop()
  const hugeDb = join(dir, 'huge.db')
  await seed(hugeDb, hugeCount)
  const huge = await lede(hugeDb, { PAGE_CACHE_SECONDS: '0' })
  hugeTable.push(`| page | ${values.articles} stories req/s, p99 | ${hugeCount} stories req/s, p99 | ratio |`, '|---|---|---|---|')
  for (const [page, path] of TARGETS.filter(([name]) => name === 'article' || name === 'day newsfeed')) {
    wrk(huge.url + path, CONNECTIONS, WARM_SECONDS)
    log(`${page}: cache off, ${hugeCount} stories`)
    const r = wrk(huge.url + path, CONNECTIONS, SECONDS)
    const before = uncachedFigures.get(page)
    hugeTable.push(before
      ? `| ${page} | ${Math.round(before.rps)}, ${before.p99} | ${Math.round(r.rps)}, ${r.p99} | ${(r.rps / before.rps).toFixed(2)} |`
      : `| ${page} | (not measured: --skip-pages) | ${Math.round(r.rps)}, ${r.p99} | |`)
  }
  memoryLines.push(`Lede, cache off, ${hugeCount} stories: ${memory(huge.pid)}`)
}

console.log(`\n## Pages at ${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_SECONDS} s of warming, demo + ${values.articles} stories\n`)
console.log(table.join('\n'))
console.log(`\n## Surge: ${values['surge-readers']} readers, ${values['surge-posts']} comments/s, a story every ${values['publish-every']} s, ${surgeSeconds} s\n`)
console.log(surgeTable.join('\n'))
if (hugeTable.length) console.log(`\n## Uncached, as the archive grows\n\n${hugeTable.join('\n')}`)
console.log(`\n## Peak resident memory per process (primary / workers)\n\n${memoryLines.map((l) => `- ${l}`).join('\n')}`)
process.exit(0)
