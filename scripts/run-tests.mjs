#!/usr/bin/env node
// Runs Node's test runner over every *.test.ts under the given folders (default: test/).
// Node 20's `--test` does not expand globs, so the file list is gathered here.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'))
const files = []
function walk(path) {
  if (statSync(path).isFile()) return void (path.endsWith('.test.ts') && files.push(path))
  for (const name of readdirSync(path).sort()) walk(join(path, name))
}
// Browser tests (e2e/) run with the rest when Debian's Chromium is installed; .ci/run installs it.
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

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...flags, ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } }
)
process.exit(result.status ?? 1)
