#!/usr/bin/env node
// Runs Node's test runner over every *.test.ts under the given folders (default: test/, and e2e/ when
// Chromium is installed). Node 20's `--test` does not expand globs, so the file list is gathered here.
//
// Files outside e2e/ run several at a time (each in its own process; most of their time is spent waiting
// for a database), browser files one at a time afterwards (one Chromium, timing-sensitive journeys).
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

const runId = randomBytes(4).toString('hex')
const templateDir = mkdtempSync(join(tmpdir(), `lede-templates-${runId}-`))
const env = { ...process.env, NODE_ENV: 'test', LEDE_TEST_RUN_ID: runId, LEDE_TEST_TEMPLATE_DIR: templateDir, LEDE_TEST_DIST_CURRENT: distCurrent }

// Two cores run three files well: while one waits for PostgreSQL or a timer, the others compute.
const concurrency = Number(process.env.LEDE_TEST_CONCURRENCY ?? availableParallelism() + 1)
const isBrowserFile = (file) => file.split(/[\\/]/).includes('e2e')
const batches = [
  { files: files.filter((f) => !isBrowserFile(f)), concurrency },
  { files: files.filter(isBrowserFile), concurrency: 1 }
].filter((b) => b.files.length)

let child = null
function run({ files: batch, concurrency: n }) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${n}`, ...flags, ...batch], { stdio: 'inherit', env })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
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
    child?.kill(signal)
    void dropTemplates().finally(() => process.exit(130))
  })
}

let status = 0
for (const batch of batches) status = (await run(batch)) || status
await dropTemplates()
process.exit(status)
