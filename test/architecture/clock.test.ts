// The test suite runs the app on a clock it sets (DEMO_NOW, or today ± a month in the calendar guard).
// Anything that reads a real clock instead (Date.now(), new Date() without an argument, SQL's now() or
// CURRENT_TIMESTAMP, a file's modification time) would compare the two and pass or fail by the day the
// suite runs. Only the process entry points may create the real clock and hand it on as deps.clock.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const SRC = new URL('../../src/', import.meta.url).pathname
/** Where the real clock is made (and a frozen migration, which runs once, outside any test clock). */
const ALLOWED = new Set(['server.ts', 'cli/main.ts', 'cli/user.command.ts', 'cli/comments.command.ts', 'cli/import.command.ts', 'cli/export.command.ts', 'db/migrations/2026-11-27T02-00-article-trashed-from.ts'])
const REAL_CLOCK = [
  /\bDate\.now\(\)/, /new Date\(\)/, /(?<![.\w])now\(\)/i, /\bcurrent_(?:timestamp|date|time)\b/i,
  /\blocaltimestamp\b/i, /datetime\(\s*'now'/i, /\bmtime(?:Ms)?\b/
]

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('the clock is a parameter', () => {
  it('no module under src/ reads a real clock except the entry points that create deps.clock', () => {
    const offenders: string[] = []
    for (const file of sources(SRC)) {
      const name = relative(SRC, file)
      if (ALLOWED.has(name)) continue
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '')
        if (REAL_CLOCK.some((pattern) => pattern.test(code))) offenders.push(`${name}:${i + 1}: ${line.trim()}`)
      })
    }
    assert.deepEqual(offenders, [], 'read the time from deps.clock (or take it as a parameter) instead')
  })
})
