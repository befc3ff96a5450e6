#!/usr/bin/env node
// Runs Node's test runner over every *.test.ts under the given folders (default: test/, and e2e/ when
// Chromium is installed). Node 20's `--test` does not expand globs, so the file list is gathered here.
//
// Every process of one run shares its database templates (test/db-templates.ts): LEDE_TEST_RUN_ID names
// them, and this script removes them at the end.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'

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

// Server tests (test/server/) start the built server; build it first if the sources changed.
let distCurrent = '0'
if (files.some((f) => f.split(/[\\/]/).includes('server'))) {
  const build = spawnSync(process.execPath, [new URL('./build-if-stale.mjs', import.meta.url).pathname], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  distCurrent = '1'
}

// Browser tests load the rich editor's bundle (assets/build/editor.js): built when missing or older than
// its sources, in well under a second, before any browser starts.
if (files.some((f) => f.split(/[\\/]/).includes('e2e'))) {
  const bundle = spawnSync(process.execPath, [new URL('./build-assets.mjs', import.meta.url).pathname, '--if-stale'], { stdio: 'inherit' })
  if (bundle.status !== 0) process.exit(bundle.status ?? 1)
}

const runId = randomBytes(4).toString('hex')
const templateDir = mkdtempSync(join(tmpdir(), `lede-templates-${runId}-`))
const env = { ...process.env, NODE_ENV: 'test', LEDE_TEST_RUN_ID: runId, LEDE_TEST_TEMPLATE_DIR: templateDir, LEDE_TEST_DIST_CURRENT: distCurrent }

// Files outside e2e/ are shared among a few shard processes (scripts/test-shard.mjs), each running its
// files one after another in one process: starting a process per file cost more CPU than most files'
// tests. The shards run at the same time (much of a test's time is spent waiting for PostgreSQL or a
// child process), and so do the browser files, one file after another in a process of their own (one
// Chromium at a time; journeys that wait for timers). Only the first shard's report is printed as it comes; the
// others are held back and printed after it, so reports do not interleave.
const shardCount = Math.max(1, Number(process.env.LEDE_TEST_SHARDS ?? availableParallelism()))
const isBrowserFile = (file) => file.split(/[\\/]/).includes('e2e')
const shards = Array.from({ length: shardCount }, () => ({ files: [], weight: 0 }))
// Longest first onto the lightest shard; a file's size stands in for its running time, and server
// tests (child processes, waiting) count as large.
const weight = (file) => statSync(file).size * (file.split(/[\\/]/).includes('server') ? 4 : 1)
for (const file of files.filter((f) => !isBrowserFile(f)).sort((a, b) => weight(b) - weight(a))) {
  const lightest = shards.reduce((a, b) => (b.weight < a.weight ? b : a))
  lightest.files.push(file)
  lightest.weight += weight(file)
}
const SHARD = new URL('./test-shard.mjs', import.meta.url).pathname
const batches = [
  ...shards.filter((s) => s.files.length).map((s) => ['--import', 'tsx', '--test-reporter=spec', ...flags, SHARD, ...s.files.sort()]),
  // The browser files share one process too, one file after another (one Chromium at a time).
  ...(files.some(isBrowserFile) ? [['--import', 'tsx', '--test-reporter=spec', ...flags, SHARD, ...files.filter(isBrowserFile).sort()]] : [])
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

async function dropTemplates() {
  rmSync(templateDir, { recursive: true, force: true })
  if (!process.env.TEST_DATABASE_URL) return
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  try {
    await client.connect()
    const { rows } = await client.query('select nspname from pg_namespace where nspname like $1', [`lede_tpl_${runId}_%`])
    for (const { nspname } of rows) await client.query(`drop schema if exists "${nspname}" cascade`)
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
const results = await Promise.all(batches.map((batch, i) => run(batch, { holdOutput: i > 0 })))
for (const { output } of results) if (output.length) process.stdout.write(output)
await dropTemplates()

// Each batch printed its own summary; one line for the whole run.
const totals = {}
for (const { report } of results) {
  for (const [, key, value] of report.matchAll(/^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm)) totals[key] = (totals[key] ?? 0) + Number(value)
}
console.log(`\n== all test files: ${Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s`)
// A process can fail outside any test (an error while loading a file, a missing corpus under CI=true)
// and stop before running the rest of its files: the counts above then look clean. Say so.
const failedProcesses = results.filter((r) => r.status !== 0).length
if (failedProcesses > 0 && !totals.fail) {
  console.log(`== FAILED: ${failedProcesses} test process${failedProcesses === 1 ? '' : 'es'} exited with an error outside any test (see "Error" above); files after it did not run`)
}
process.exit(results.find((r) => r.status !== 0)?.status ?? 0)
