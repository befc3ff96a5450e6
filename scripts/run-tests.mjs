#!/usr/bin/env node
// Runs Node's test runner over every *.test.ts under the given folders (default: test/, and e2e/ when
// Chromium is installed). Node 20's `--test` does not expand globs, so the file list is gathered here.
//
// Every process of one run shares its database templates (test/db-templates.ts): LEDE_TEST_RUN_ID names
// them, and this script removes them at the end.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'

const args = process.argv.slice(2)
const roots = args.filter((a) => !a.startsWith('-'))
const flags = args.filter((a) => a.startsWith('-'))
const files = []
function walk(path) {
  if (statSync(path).isFile()) return void (path.endsWith('.test.ts') && files.push(path))
  for (const name of readdirSync(path).sort()) walk(join(path, name))
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const defaultRoots = existsSync(chromium) ? ['test', 'e2e'] : ['test']
for (const root of roots.length ? roots : defaultRoots) if (existsSync(root)) walk(root)
if (!roots.length && !existsSync(chromium)) {
  console.warn('\n!! Chromium not found at ' + chromium + ': browser tests (e2e/) are SKIPPED. `apt-get install -y chromium` to run them.\n')
}

if (!process.env.TEST_DATABASE_URL) {
  console.warn('\n' + '!'.repeat(72))
  console.warn('!! TEST_DATABASE_URL is not set: the PostgreSQL half of the suite is SKIPPED.')
  console.warn('!! Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it.')
  console.warn('!'.repeat(72) + '\n')
}

/** Whether a test file lies under a folder of this name (e2e/, test/server/, …). */
const inFolder = (file, folder) => file.split(/[\\/]/).includes(folder)
const isBrowserFile = (file) => inFolder(file, 'e2e')
/** A test file's name without its folder and `.test.ts`, as the reports and the weights below name it. */
const shortName = (file) => file.split(/[\\/]/).pop().replace(/\.test\.ts$/, '')
const anyBrowserFile = files.some(isBrowserFile)

// Server tests (test/server/) start the built server; build it first if the sources changed.
let distCurrent = '0'
if (files.some((f) => inFolder(f, 'server'))) {
  const build = spawnSync(process.execPath, [new URL('./build-if-stale.mjs', import.meta.url).pathname], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  distCurrent = '1'
}

// Browser tests load the rich editor's bundle (assets/build/editor.js): built when missing or older than
// its sources, in well under a second, before any browser starts.
if (anyBrowserFile) {
  const bundle = spawnSync(process.execPath, [new URL('./build-assets.mjs', import.meta.url).pathname, '--if-stale'], { stdio: 'inherit' })
  if (bundle.status !== 0) process.exit(bundle.status ?? 1)
}

// The browser files check HTML with the Nu Html Checker (e2e/vnu.ts), a Java service: one for the whole
// run, started now so that it warms up while the first tests run. Each browser process used to start its
// own, a few seconds of CPU each on a machine whose two cores the run keeps busy.
let vnu = null
let vnuUrl = null
if (anyBrowserFile) {
  const port = await new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)) })
  })
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')
  vnu = spawn('java', ['-cp', jar, 'nu.validator.servlet.Main', String(port)], { stdio: 'ignore' })
  // Without Java (no pid) each check starts its own checker, and fails saying why.
  vnu.on('error', () => {})
  process.on('exit', () => vnu.kill())
  if (vnu.pid) vnuUrl = `http://127.0.0.1:${port}/`
}

const runId = randomBytes(4).toString('hex')
const templateDir = mkdtempSync(join(tmpdir(), `lede-templates-${runId}-`))
const env = { ...process.env, NODE_ENV: 'test', LEDE_TEST_RUN_ID: runId, LEDE_TEST_TEMPLATE_DIR: templateDir, LEDE_TEST_DIST_CURRENT: distCurrent, ...(vnuUrl && { LEDE_VNU_URL: vnuUrl }) }

// Files outside e2e/ are shared among a few shard processes (scripts/test-shard.mjs), each running its
// files one after another in one process: starting a process per file cost more CPU than most files'
// tests. The shards run at the same time (much of a test's time is spent waiting for PostgreSQL or a
// child process: a CPU profile of the test/web files in one process found it idle 56 % of the time), beside
// the browser processes: one more shard than cores (LEDE_TEST_SHARDS). Measured on two cores once the
// browser files drove the headless shell (2026-12-05, the whole suite): two shards 628 s (the shards were
// the last to finish, the browser lanes done at ~470 s), three 527 s, four 520 s.
//
// The browser files are the longest part of the run (a Chromium, journeys that wait for timers). They are
// cut into groups, longest first, that browser processes take from a queue, LEDE_TEST_BROWSER_LANES of
// them at once (default one per core), beside the shards. A browser process waits much of its time, so
// the processes outnumber the cores (LEDE_TEST_PROCESSES, default shards + browser lanes): measured on two
// cores, with the shards and two browser processes at once the run took 279 s, with three processes at
// once 318 s.
//
// Only the first process's report is printed as it comes; the others are held back and printed after it,
// so reports do not interleave.
const cores = availableParallelism()
const shardCount = Math.max(1, Number(process.env.LEDE_TEST_SHARDS ?? cores + 1))
const browserLanes = Math.max(1, Number(process.env.LEDE_TEST_BROWSER_LANES ?? cores))
const slots = Math.max(1, Number(process.env.LEDE_TEST_PROCESSES ?? shardCount + browserLanes))

/** Longest first onto the lightest of `count` bins. */
function spread(list, count, weight) {
  const bins = Array.from({ length: count }, () => ({ files: [], weight: 0 }))
  for (const file of [...list].sort((a, b) => weight(b) - weight(a))) {
    const lightest = bins.reduce((a, b) => (b.weight < a.weight ? b : a))
    lightest.files.push(file)
    lightest.weight += weight(file)
  }
  return bins.filter((b) => b.files.length).sort((a, b) => b.weight - a.weight)
}

// Each file's seconds in a whole run (both engines, its top-level tests' durations, under the run's own
// load), from scripts/test-durations.json. Weighed by size instead, the three shards ended 64 s apart
// (471, 529, 535 s in CI on 2026-12-06) and the last minute ran on two of them. A file not listed there (new
// since it was measured) counts by its size, at the listed files' seconds per byte; server tests (child
// processes, waiting) count four times their size. `npm run test:durations` runs the suite and rewrites
// the file; now and then is enough: stale seconds only balance the processes less well.
const DURATIONS_FILE = new URL('./test-durations.json', import.meta.url)
const durations = existsSync(DURATIONS_FILE) ? JSON.parse(readFileSync(DURATIONS_FILE, 'utf8')) : {}
/** A file as test-durations.json names it: its path from the project's folder, with forward slashes. */
const durationKey = (file) => relative(process.cwd(), resolve(file)).split(sep).join('/')
const sizeWeight = (file) => statSync(file).size * (inFolder(file, 'server') ? 4 : 1)
/** Seconds per unit of size weight, over the files of `list` whose seconds are known (1/200 s a byte when none are). */
function secondsPerSize(list) {
  const known = list.filter((f) => durations[durationKey(f)] !== undefined)
  const size = known.reduce((n, f) => n + sizeWeight(f), 0)
  return size > 0 ? known.reduce((n, f) => n + durations[durationKey(f)], 0) / size : 1 / 200
}
const weigher = (list) => {
  const factor = secondsPerSize(list)
  return (file) => durations[durationKey(file)] ?? sizeWeight(file) * factor
}
const browserFiles = files.filter(isBrowserFile)
const unitFiles = files.filter((f) => !isBrowserFile(f))
// A few groups per lane, so the lanes can even out; each group pays a process start (about 2 s).
const browserGroups = spread(browserFiles, Math.min(browserFiles.length, browserLanes * 3), weigher(browserFiles))
const SHARD = new URL('./test-shard.mjs', import.meta.url).pathname
const jobs = [
  ...spread(unitFiles, shardCount, weigher(unitFiles)).map((s) => ({ browser: false, files: s.files.sort() })),
  ...browserGroups.map((g) => ({ browser: true, files: g.files.sort() }))
]

const children = new Set()
function run(args, { holdOutput }) {
  const startedAt = Date.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    children.add(child)
    const held = []
    const all = []
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        if (holdOutput) held.push(chunk)
        else (stream === child.stdout ? process.stdout : process.stderr).write(chunk)
        all.push(chunk)
      })
    }
    child.on('close', (code, signal) => {
      children.delete(child)
      resolve({ status: code ?? (signal ? 1 : 0), output: Buffer.concat(held), report: Buffer.concat(all).toString(), seconds: (Date.now() - startedAt) / 1000 })
    })
  })
}

const CATALOGS_A_RUN_CHURNS = ['pg_class', 'pg_attribute', 'pg_attrdef', 'pg_type', 'pg_depend', 'pg_index', 'pg_constraint',
  'pg_trigger', 'pg_proc', 'pg_sequence', 'pg_namespace', 'pg_description', 'pg_statistic', 'pg_init_privs']

async function dropTemplates() {
  rmSync(templateDir, { recursive: true, force: true })
  if (!process.env.TEST_DATABASE_URL) return
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  try {
    await client.connect()
    const { rows } = await client.query('select nspname from pg_namespace where nspname like $1', [`lede_tpl_${runId}_%`])
    for (const { nspname } of rows) await client.query(`drop schema if exists "${nspname}" cascade`)
    // A run creates and drops schemas by the hundred, each leaving dead rows in the system catalogs.
    // Where autovacuum is off (it is on these machines) they pile up run after run and slow every later
    // CREATE and DROP (227 MB of pg_attribute after a few runs); a plain VACUUM makes their space
    // reusable without locking anyone out. Only the owner or a superuser may: others get a warning.
    await client.query(`vacuum ${CATALOGS_A_RUN_CHURNS.map((t) => `pg_catalog.${t}`).join(', ')}`)
  } catch (error) {
    console.warn(`could not drop the run's template schemas (lede_tpl_${runId}_*): ${error.message}`)
  } finally {
    await client.end().catch(() => {})
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal)
    void dropTemplates().finally(() => process.exit(130))
  })
}

const started = Date.now()
const results = []
await new Promise((resolve) => {
  let running = 0
  let runningBrowsers = 0
  let next = 0
  const pump = () => {
    while (next < jobs.length && running < slots) {
      const job = jobs[next]
      if (job.browser && runningBrowsers >= browserLanes) break
      const index = next++
      running++
      if (job.browser) runningBrowsers++
      const args = ['--import', 'tsx', '--test-reporter=spec', ...flags, SHARD, ...job.files]
      void run(args, { holdOutput: index > 0 }).then((result) => {
        results[index] = { ...result, job }
        running--
        if (job.browser) runningBrowsers--
        if (next < jobs.length) pump()
        else if (running === 0) resolve()
      })
    }
  }
  pump()
  if (jobs.length === 0) resolve()
})
for (const { output } of results) if (output.length) process.stdout.write(output)
await dropTemplates()

// Each batch printed its own summary; one line for the whole run.
const totals = {}
for (const { report } of results) {
  for (const [, key, value] of report.matchAll(/^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm)) totals[key] = (totals[key] ?? 0) + Number(value)
}
for (const { job, seconds, status } of results) {
  const kind = job.browser ? 'browser files' : 'files'
  console.log(`== ${job.files.length} ${kind} in ${seconds.toFixed(0)} s${status === 0 ? '' : ' (FAILED)'}: ${job.files.map(shortName).join(' ').slice(0, 120)}`)
}
console.log(`\n== all test files: ${Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s`)
// A process can fail outside any test (an error while loading a file, a missing corpus under CI=true)
// and stop before running the rest of its files: the counts above then look clean. Say so.
const failedProcesses = results.filter((r) => r.status !== 0).length
if (failedProcesses > 0 && !totals.fail) {
  console.log(`== FAILED: ${failedProcesses} test process${failedProcesses === 1 ? '' : 'es'} exited with an error outside any test (see "Error" above); files after it did not run`)
}
process.exit(results.find((r) => r.status !== 0)?.status ?? 0)
