// npm run bench:import — the WordPress import benchmark (a benchmark, not a test; see bench/README.md).
// Generates a WXR file of BENCH_POSTS posts with three comments each (100,000 by default; --huge for
// 1,000,000), streamed to a temporary file, then imports it on SQLite, and on PostgreSQL when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set (in a schema of its own, dropped afterwards). Prints
// posts per second and the peak resident memory of the process for each engine.
//   BENCH_POSTS=20000 BENCH_ENGINES=sqlite npm run bench:import
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import v8 from 'node:v8'
import pg from 'pg'
import { openDatabase, type OpenDatabase } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { saveSettings } from '../../src/db/repositories/settings.repository.js'
import { inProcessBus } from '../../src/events/bus.js'
import { importWordPress } from '../../src/services/wordpress-import.service.js'
import { summaryLines } from '../../src/domain/import-summary.js'
import type { Deps } from '../../src/services/deps.js'

const POSTS = process.argv.includes('--huge') ? 1_000_000 : Number(process.env.BENCH_POSTS ?? 100_000)
const COMMENTS_PER_POST = 3
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
const ENGINES = (process.env.BENCH_ENGINES ?? (PG_URL ? 'sqlite,postgres' : 'sqlite')).split(',').map((e) => e.trim())
const log = (line: string) => process.stderr.write(`${line}\n`)
// Imports run in the server process (the admin screen) or `lede import`, both with the server's heap policy
// (docs/decisions/015-heap-growth.md, HEAP_GROWTH_PERCENT, default 50; 0 for V8's own): so does the bench.
const HEAP_GROWTH = Number(process.env.HEAP_GROWTH_PERCENT ?? 50)
if (HEAP_GROWTH > 0) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH}`)

const pad = (n: number) => String(n).padStart(2, '0')

/** Writes the export piece by piece, waiting for the disk, so generating it needs no memory either. */
async function generate(path: string): Promise<void> {
  const out = createWriteStream(path)
  const write = async (text: string) => { if (!out.write(text)) await once(out, 'drain') }
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://bench.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>desk</wp:author_login><wp:author_email>desk@bench.example</wp:author_email><wp:author_display_name>News desk</wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>News</wp:cat_name></wp:category>
`)
  let commentId = 1
  for (let i = 1; i <= POSTS; i++) {
    const day = new Date(Date.UTC(2010, 0, 1) + i * 3_600_000)
    const stamp = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(day.getUTCHours())}:00:00`
    let comments = ''
    for (let c = 0; c < COMMENTS_PER_POST; c++, commentId++) {
      comments += `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author><![CDATA[Reader ${c}]]></wp:comment_author><wp:comment_author_email>r${c}@example.com</wp:comment_author_email><wp:comment_date>${stamp}</wp:comment_date><wp:comment_date_gmt>${stamp}</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment ${c} on story ${i}: agreed, mostly.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${c === 2 ? commentId - 1 : 0}</wp:comment_parent></wp:comment>`
    }
    await write(`<item><title>Story number ${i} about the budget</title><link>https://bench.example/?p=${i}</link><dc:creator>desk</dc:creator>
<content:encoded><![CDATA[Paragraph one of story ${i}, with <a href="https://example.com/">a link</a>.

Paragraph two, with a line
break and some more text so the body is of a realistic length for a short news story.]]></content:encoded><excerpt:encoded><![CDATA[Lead of story ${i}.]]></excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date>${stamp}</wp:post_date><wp:post_date_gmt>${stamp}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>
<wp:post_name>story-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="news"><![CDATA[News]]></category><category domain="post_tag" nicename="budget"><![CDATA[Budget]]></category>${comments}</item>
`)
  }
  await write('</channel></rss>\n')
  out.end()
  await once(out, 'finish')
}

async function open(engine: string): Promise<{ database: OpenDatabase, cleanup: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const path = join(tmpdir(), `lede-bench-import-${randomBytes(4).toString('hex')}.db`)
    return { database: openDatabase({ kind: 'sqlite', path }), cleanup: async () => { for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true }) } }
  }
  if (!PG_URL) throw new Error('PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL')
  const schema = `bench_import_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  return {
    database: openDatabase({ kind: 'postgres', url: PG_URL, schema, poolSize: 4 }),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  }
}

/**
 * The CPU time of the thread that writes (Linux: /proc, in clock ticks of 10 ms), NaN elsewhere. On a
 * shared machine wall time swings with the others' load; this does much less, and with a core to spare
 * for the import's worker it bounds the import's time.
 */
function mainThreadCpuSeconds(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}

async function runEngine(engine: string, file: string): Promise<void> {
  const { database, cleanup } = await open(engine)
  let peak = process.memoryUsage.rss()
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()) }, 100)
  try {
    const deps: Deps = { db: database.db, dialect: database.dialect, clock: () => new Date(), events: inProcessBus(), siteUrlOverride: null }
    await migrateToLatest(deps.db)
    await saveSettings(deps.db, { editions: ['en'], defaultEdition: 'en', timeZone: 'UTC' })
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    const mainStart = mainThreadCpuSeconds()
    let lastLog = 0
    // When the posts pass starts: the check and terms passes before it write nothing, whatever their speed.
    let postsFrom: { at: number, cpu: NodeJS.CpuUsage, main: number } | null = null
    const result = await importWordPress(deps, {
      source: () => createReadStream(file, { highWaterMark: 256 * 1024 }), fileName: 'bench.xml', edition: 'en', dryRun: false, mediaDir: null,
      actor: { id: null, name: 'bench' },
      onProgress: (p) => {
        if (p.phase === 'posts' && !postsFrom) postsFrom = { at: performance.now(), cpu: process.cpuUsage(), main: mainThreadCpuSeconds() }
        if (p.phase === 'posts' && performance.now() - lastLog > 10_000) {
          lastLog = performance.now()
          log(`[${engine}] ${p.done}/${p.total} posts, RSS ${Math.round(process.memoryUsage.rss() / 1048576)} MB`)
        }
      }
    })
    const seconds = (performance.now() - start) / 1000
    const cpu = process.cpuUsage(cpuStart)
    const mainCpu = mainThreadCpuSeconds() - mainStart
    const phases = postsFrom as { at: number, cpu: NodeJS.CpuUsage, main: number } | null
    const postsCpu = phases ? process.cpuUsage(phases.cpu) : null
    const postsPass = phases && postsCpu
      ? `; posts pass ${(start / 1000 + seconds - phases.at / 1000).toFixed(1)} s, CPU ${((postsCpu.user + postsCpu.system) / 1e6).toFixed(1)} s (all threads), ${(mainThreadCpuSeconds() - phases.main).toFixed(1)} s (main thread)`
      : ''
    if (result.kind !== 'done') throw new Error(result.message)
    for (const line of summaryLines(result.summary)) log(`[${engine}] ${line}`)
    console.log(`${engine}: ${POSTS} posts, ${POSTS * COMMENTS_PER_POST} comments in ${seconds.toFixed(1)} s = ${Math.round(POSTS / seconds)} posts/s; peak RSS ${Math.round(peak / 1048576)} MB; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (all threads), ${Number.isNaN(mainCpu) ? '?' : mainCpu.toFixed(1)} s (main thread)${postsPass}`)
  } finally {
    clearInterval(sampler)
    await database.close()
    await cleanup()
  }
}

const file = join(tmpdir(), `lede-bench-${randomBytes(4).toString('hex')}.xml`)
try {
  log(`Generating ${POSTS} posts with ${POSTS * COMMENTS_PER_POST} comments…`)
  await generate(file)
  log(`${(statSync(file).size / 1048576).toFixed(0)} MB at ${file}`)
  for (const engine of ENGINES) await runEngine(engine, file)
} finally {
  rmSync(file, { force: true })
}
