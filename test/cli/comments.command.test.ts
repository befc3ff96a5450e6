// `lede comments erase` end to end on an SQLite file (the service behind it is tested on both engines
// in test/services/moderation.service.test.ts).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { runCommentsCommand } from '../../src/cli/comments.command.js'
import { openDatabase } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { insertComment } from '../../src/db/repositories/comments.repository.js'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err }
}

describe('lede comments erase', () => {
  it('is listed by `lede --help` and explains itself with --help', async () => {
    const logs: string[] = []
    const original = console.log
    console.log = (line: string) => logs.push(line)
    try {
      assert.equal(await main(['--help']), 0)
      assert.equal(await main(['comments', '--help']), 0)
    } finally {
      console.log = original
    }
    assert.match(logs[0]!, /comments\s+Erase a commenter's personal data/)
    assert.match(logs[1]!, /Usage: lede comments erase --email ADDRESS/)
  })

  it('refuses a missing address or subcommand with usage and exit code 2', async () => {
    for (const args of [['erase'], ['erase', '--email', ''], ['erase', '--email', 'no-at-sign'], ['purge', '--email', 'a@b.example'], ['erase', '--bogus']]) {
      const c = capture()
      assert.equal(await runCommentsCommand(args, c.io), 2, args.join(' '))
      assert.ok(c.err.length > 0)
    }
  })

  it('anonymises the commenter’s comments in the database, keeps the text, and audits it', async (tc) => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-erase-'))
    const path = join(dir, 'lede.db')
    const saved = { url: process.env.DATABASE_URL, path: process.env.DATABASE_PATH }
    delete process.env.DATABASE_URL
    process.env.DATABASE_PATH = path
    tc.after(() => {
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url
      if (saved.path === undefined) delete process.env.DATABASE_PATH
      else process.env.DATABASE_PATH = saved.path
      rmSync(dir, { recursive: true, force: true })
    })

    const setup = openDatabase({ kind: 'sqlite', path })
    await migrateToLatest(setup.db)
    const now = '2026-11-26T10:00:00.000Z'
    const { id: articleId } = await setup.db.insertInto('articles').values({
      edition: 'en', translation_group: null, slug: 's', headline: 'h', lead: '', body_source: '', body_html: '', agency_credit: null,
      source_url: null, byline: null, author_id: null, section_id: null, status: 'published', published_at: now, created_at: now, updated_at: now
    } as never).returning('id').executeTakeFirstOrThrow()
    for (const email of ['Gone@Example.org', 'gone@example.org', 'stays@example.org']) {
      await insertComment(setup.db, {
        article_id: articleId, parent_id: null, author_name: 'Named Person', author_email: email, author_url: 'https://person.example',
        user_id: null, body: `Text by ${email}`, status: 'approved', ip: '198.51.100.1', user_agent: 'UA', created_at: now
      })
    }
    await setup.close()

    const dry = capture()
    assert.equal(await runCommentsCommand(['erase', '--email', 'GONE@example.org', '--dry-run'], dry.io), 0)
    assert.deepEqual(dry.out, ['2 comment(s) would be anonymised.'])

    const run = capture()
    assert.equal(await runCommentsCommand(['erase', '--email', 'GONE@example.org', '--reason', 'reader request'], run.io), 0)
    assert.deepEqual(run.out, ['Anonymised 2 comment(s).'])

    const check = openDatabase({ kind: 'sqlite', path })
    tc.after(() => check.close())
    const rows = await check.db.selectFrom('comments').selectAll().orderBy('id').execute()
    assert.deepEqual(rows.map((r) => [r.author_name, r.author_email, r.author_url, r.ip, r.user_agent, r.body]), [
      ['Anonymous', '', null, null, null, 'Text by Gone@Example.org'],
      ['Anonymous', '', null, null, null, 'Text by gone@example.org'],
      ['Named Person', 'stays@example.org', 'https://person.example', '198.51.100.1', 'UA', 'Text by stays@example.org']
    ])
    const audit = await check.db.selectFrom('audit_log').selectAll().execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]!.action, 'comment.erase-personal-data')
    assert.equal(audit[0]!.actor_name, 'command line')
    assert.equal(audit[0]!.reason, 'reader request')
    assert.doesNotMatch(JSON.stringify(audit), /gone@/i)

    const again = capture()
    assert.equal(await runCommentsCommand(['erase', '--email', 'gone@example.org'], again.io), 0)
    assert.deepEqual(again.out, ['No comments were written with that address.'])
  })
})
