#!/usr/bin/env node
// Runs the whole suite (`npm test`, with the same environment) and writes each file's seconds in it to
// scripts/test-durations.json, which scripts/run-tests.mjs balances its shards and browser groups by.
// Run it on the machine CI runs on, now and then: stale figures only balance the processes less well.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'lede-durations-'))
const reporter = new URL('./test-durations-reporter.mjs', import.meta.url).pathname
const run = spawnSync(process.execPath, [join(root, 'scripts/run-tests.mjs'), '--test-reporter-destination=stdout', `--test-reporter=${reporter}`, '--test-reporter-destination=stdout', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, LEDE_TEST_DURATIONS_DIR: dir } })
const seconds = {}
for (const name of readdirSync(dir)) {
  for (const [file, s] of Object.entries(JSON.parse(readFileSync(join(dir, name), 'utf8')))) {
    const key = relative(root, file.replace(/^file:\/\//, ''))
    seconds[key] = (seconds[key] ?? 0) + s
  }
}
rmSync(dir, { recursive: true, force: true })
if (run.status !== 0) {
  console.error('record-test-durations: the run failed; scripts/test-durations.json is left as it was')
  process.exit(run.status ?? 1)
}
// A run of some folders or files (arguments, as `npm test` takes them) updates their entries only.
const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const file = join(root, 'scripts/test-durations.json')
const merged = roots.length ? { ...JSON.parse(readFileSync(file, 'utf8')), ...seconds } : seconds
const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, Math.round(merged[k] * 10) / 10]))
writeFileSync(file, JSON.stringify(sorted, null, 1) + '\n')
console.log(`record-test-durations: ${Object.keys(seconds).length} files measured, ${Object.keys(sorted).length} in scripts/test-durations.json`)
