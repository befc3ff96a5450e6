// `lede backup` while comments are being written, and `lede restore` (SQLite; PostgreSQL uses pg_dump).
import { describe, it, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../src/app.js'
import { runBackupCommand, runRestoreCommand } from '../../src/cli/backup.command.js'
import { openDatabase } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { insertComment } from '../../src/db/repositories/comments.repository.js'
import { saveSettings } from '../../src/db/repositories/settings.repository.js'
import { inProcessBus } from '../../src/events/bus.js'
import { createArticle } from '../../src/services/articles.service.js'
import type { Deps } from '../../src/services/deps.js'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err }
}

function useDatabasePath(tc: TestContext, path: string): void {
  const saved = { url: process.env.DATABASE_URL, path: process.env.DATABASE_PATH }
  delete process.env.DATABASE_URL
  process.env.DATABASE_PATH = path
  tc.after(() => {
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url
    if (saved.path !== undefined) process.env.DATABASE_PATH = saved.path
    else delete process.env.DATABASE_PATH
  })
}

describe('lede backup and lede restore', () => {
  it('copy a site while comments are written; the copy serves every comment acknowledged before the backup; restore refuses a database in use', async (tc) => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-backup-'))
    tc.after(() => rmSync(dir, { recursive: true, force: true }))
    const livePath = join(dir, 'live.db')
    useDatabasePath(tc, livePath)
    const live = openDatabase({ kind: 'sqlite', path: livePath })
    const clock = () => new Date('2026-11-26T10:00:00.000Z')
    const deps: Deps = { db: live.db, dialect: 'sqlite', clock, events: inProcessBus(), siteUrlOverride: null }
    await migrateToLatest(live.db)
    await saveSettings(live.db, { editions: ['en'], defaultEdition: 'en', timeZone: 'UTC' })
    const { id: articleId } = await createArticle(deps, { edition: 'en', headline: 'Comments keep coming', lead: '', bodySource: 'Text.', status: 'published', publishedAt: '2026-11-26T09:00:00.000Z', slug: 'comments-keep-coming' })

    // Readers comment without pause; each resolved insert is an acknowledged comment.
    const acknowledged: { id: number, body: string }[] = []
    let writing = true
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const body = `Comment number ${n}`
        const id = await insertComment(live.db, { article_id: articleId, parent_id: null, author_name: 'Reader', author_email: 'r@example.com', author_url: null, user_id: null, body, status: 'approved', ip: null, user_agent: null, created_at: clock().toISOString() })
        acknowledged.push({ id, body })
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    while (acknowledged.length < 50) await new Promise((resolve) => setTimeout(resolve, 5))
    const beforeBackup = acknowledged.length
    const backupPath = join(dir, 'copy.db')
    const c = capture()
    assert.equal(await runBackupCommand([backupPath], c.io), 0, c.err.join('\n'))
    assert.match(c.out[0]!, /^Backed up .* to .*copy\.db \(\d+ pages\)\.$/)
    while (acknowledged.length < beforeBackup + 50) await new Promise((resolve) => setTimeout(resolve, 5))
    writing = false
    await writer

    // The site is still running: restoring over it is refused, and nothing changes.
    const refused = capture()
    assert.equal(await runRestoreCommand([backupPath], refused.io), 1)
    assert.match(refused.err[0]!, /is in use by another process/)
    await live.close()

    const restoredPath = join(dir, 'restored.db')
    useDatabasePath(tc, restoredPath)
    const r = capture()
    assert.equal(await runRestoreCommand([backupPath], r.io), 0, r.err.join('\n'))
    const restored = openDatabase({ kind: 'sqlite', path: restoredPath })
    tc.after(() => restored.close())
    const app = await buildApp({ deps: { ...deps, db: restored.db } })
    tc.after(() => app.close())
    const page = await app.inject({ url: '/2026/11/26/comments-keep-coming/' })
    assert.equal(page.statusCode, 200)
    for (const comment of acknowledged.slice(0, beforeBackup)) assert.ok(page.body.includes(`${comment.body}<`) || page.body.includes(`${comment.body}\n`), `${comment.body} is missing`)
    const rows = await restored.db.selectFrom('comments').select('id').execute()
    assert.ok(rows.length >= beforeBackup && rows.length <= acknowledged.length)

    const notBackup = capture()
    assert.equal(await runRestoreCommand([join(dir, 'nope.db')], notBackup.io), 1)
    assert.match(notBackup.err[0]!, /is not a Lede database backup/)
  })

  it('refuses missing arguments with the usage', async () => {
    const c = capture()
    assert.equal(await runBackupCommand([], c.io), 2)
    assert.equal(await runRestoreCommand(['a', 'b'], c.io), 2)
  })
})
