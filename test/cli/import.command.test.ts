// `lede import wordpress` end to end on an SQLite file (the import itself is tested on both engines in
// test/services/wordpress-import.service.test.ts).
import { describe, it, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { progressLine, runImportCommand, type ImportIo } from '../../src/cli/import.command.js'
import { wxrCorpus, wxrPath } from '../wxr-corpora.js'

const corpus = wxrCorpus()

function capture(tty = false) {
  const out: string[] = []
  const err: string[] = []
  const progress: string[] = []
  const io: ImportIo = { out: (l) => out.push(l), err: (l) => err.push(l), progress: { tty, write: (s) => progress.push(s) } }
  return { io, out, err, progress }
}

/** A fresh SQLite file for the command, through DATABASE_PATH as an operator would give it. */
function useSqliteFile(tc: TestContext): void {
  const dir = mkdtempSync(join(tmpdir(), 'lede-import-'))
  const saved = { url: process.env.DATABASE_URL, path: process.env.DATABASE_PATH }
  delete process.env.DATABASE_URL
  process.env.DATABASE_PATH = join(dir, 'lede.db')
  tc.after(() => {
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url
    if (saved.path !== undefined) process.env.DATABASE_PATH = saved.path
    else delete process.env.DATABASE_PATH
    rmSync(dir, { recursive: true, force: true })
  })
}

describe('lede import wordpress', () => {
  it('is listed by `lede --help` and explains itself with --help', async () => {
    const logs: string[] = []
    const original = console.log
    console.log = (line: string) => logs.push(line)
    try {
      assert.equal(await main(['--help']), 0)
      assert.equal(await main(['import', '--help']), 0)
    } finally {
      console.log = original
    }
    assert.match(logs[0]!, /import\s+Import a WordPress export/)
    assert.match(logs[1]!, /Usage: lede import wordpress <export.xml> \[--edition LANG\] \[--dry-run\] \[--media-dir DIR\]/)
  })

  it('refuses wrong arguments with usage and exit code 2', async () => {
    for (const args of [[], ['wordpress'], ['joomla', 'x.xml'], ['wordpress', '/no/such/file.xml'], ['wordpress', 'a.xml', '--bogus'], ['wordpress', wxrPath('importer-wxr-simple.xml'), '--media-dir', '/no/such/dir']]) {
      const c = capture()
      assert.equal(await runImportCommand(args, c.io), 2, args.join(' '))
      assert.ok(c.err.length > 0)
    }
  })

  it('imports the small export, prints the summary, and a second run creates nothing', { skip: corpus.skip }, async (tc) => {
    useSqliteFile(tc)
    const first = capture()
    assert.equal(await runImportCommand(['wordpress', wxrPath('importer-small-export.xml')], first.io), 0, first.err.join('\n'))
    assert.match(first.out[0]!, /^Imported .*importer-small-export\.xml from http:\/\/localhost\/ \(WXR 1\.1\) into edition "en"\.$/)
    assert.equal(first.out[1], 'Created: 3 users, 30 sections, 3 tags, 6 posts, 1 comments')
    assert.ok(first.out.includes('Posts by status: 5 published, 1 draft'))
    assert.ok(first.out.some((l) => /skipped 5 pages: page \(Lede has no static pages yet; its old addresses answer 410 Gone\)/.test(l)))
    // Plain progress lines when not on a terminal, ending with the totals.
    assert.ok(first.progress.every((l) => l.endsWith('\n') && !l.includes('\r')))
    assert.ok(first.progress.some((l) => l.startsWith('posts: 11/11')))

    const second = capture()
    assert.equal(await runImportCommand(['wordpress', wxrPath('importer-small-export.xml')], second.io), 0)
    assert.equal(second.out[1], 'Created: nothing')
    assert.match(second.out[3]!, /^Unchanged: 3 users, 30 sections, 3 tags, 6 posts, 1 comments$/)
  })

  it('a dry run of the theme unit test data counts everything and writes nothing', { skip: corpus.skip }, async (tc) => {
    useSqliteFile(tc)
    const dry = capture()
    assert.equal(await runImportCommand(['wordpress', wxrPath('themeunittestdata.wordpress.xml'), '--dry-run', '--edition', 'en'], dry.io), 0, dry.err.join('\n'))
    assert.match(dry.out[0]!, /^Dry run \(nothing was written\)/)
    assert.equal(dry.out[1], 'Created: 3 users, 68 sections, 110 tags, 58 posts, 37 attachments, 24 comments')
    const real = capture()
    assert.equal(await runImportCommand(['wordpress', wxrPath('themeunittestdata.wordpress.xml'), '--edition', 'en'], real.io), 0)
    assert.equal(real.out[1], dry.out[1])
  })

  it('refuses a broken file with where, exit code 1, and imports nothing', { skip: corpus.skip }, async (tc) => {
    useSqliteFile(tc)
    const c = capture()
    assert.equal(await runImportCommand(['wordpress', wxrPath('importer-malformed.xml')], c.io), 1)
    assert.match(c.err[0]!, /cannot be imported: unexpected close tag\. \(line 90, column 11\)\. Nothing was imported\./)
  })

  it('refuses an edition the site does not have', { skip: corpus.skip }, async (tc) => {
    useSqliteFile(tc)
    const c = capture()
    assert.equal(await runImportCommand(['wordpress', wxrPath('importer-wxr-simple.xml'), '--edition', 'xx'], c.io), 2)
    assert.match(c.err[0]!, /no edition "xx"/)
  })
})

describe('progressLine', () => {
  it('shows done of total, items per second and the time left, with a bar on a terminal', () => {
    assert.equal(progressLine({ phase: 'posts', done: 500, total: 1000 }, 2000, true), 'posts [############------------] 500/1000  250/s  0:02 left')
    assert.equal(progressLine({ phase: 'posts', done: 500, total: 1000 }, 2000, false), 'posts: 500/1000  250/s  0:02 left')
    assert.equal(progressLine({ phase: 'check', done: 3000, total: 0 }, 1000, false), 'checking: 3000 items read')
  })
})
