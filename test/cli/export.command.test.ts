// `lede export wordpress` end to end on an SQLite file (the export is tested on both engines, with a
// round trip, in test/services/wordpress-export.service.test.ts).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { runExportCommand } from '../../src/cli/export.command.js'
import { runImportCommand } from '../../src/cli/import.command.js'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err }
}

describe('lede export wordpress', () => {
  it('refuses wrong arguments with usage and exit code 2', async () => {
    for (const args of [[], ['wordpress'], ['joomla', 'x.xml'], ['wordpress', 'x.xml', '--bogus']]) {
      const c = capture()
      assert.equal(await runExportCommand(args, c.io), 2, args.join(' '))
    }
  })

  it('exports the demo site to a file that `lede import wordpress` reads back', async (tc) => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-export-'))
    const saved = { url: process.env.DATABASE_URL, path: process.env.DATABASE_PATH }
    delete process.env.DATABASE_URL
    process.env.DATABASE_PATH = join(dir, 'lede.db')
    tc.after(() => {
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url
      if (saved.path !== undefined) process.env.DATABASE_PATH = saved.path
      else delete process.env.DATABASE_PATH
      rmSync(dir, { recursive: true, force: true })
    })
    const log = console.log
    console.log = () => {}
    try {
      assert.equal(await main(['seed-demo']), 0)
    } finally {
      console.log = log
    }
    const file = join(dir, 'site.xml')
    const c = capture()
    assert.equal(await runExportCommand(['wordpress', file], c.io), 0, c.err.join('\n'))
    assert.match(c.out[0]!, /^Exported \d+ articles and \d+ comments of edition "\w+" to /)
    assert.ok(!existsSync(`${file}.partial`))
    assert.match(readFileSync(file, 'utf8'), /<wp:wxr_version>1\.2<\/wp:wxr_version>/)

    process.env.DATABASE_PATH = join(dir, 'fresh.db')
    const i = capture()
    assert.equal(await runImportCommand(['wordpress', file], i.io), 0, i.err.join('\n'))
    const exported = Number(/^Exported (\d+) articles/.exec(c.out[0]!)![1])
    assert.match(i.out[1]!, new RegExp(`${exported} posts`))
  })
})
