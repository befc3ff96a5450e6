// SQLite only: during a long write, the log is copied back into the database file by a second connection
// on a worker thread (src/db/wal-checkpoints.ts), not by the writing connection's commits.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { openDatabase } from '../../src/db/dialect.js'
import { withBackgroundCheckpoints } from '../../src/db/wal-checkpoints.js'

const MB = 1024 * 1024

test('a long write\'s log reaches the database file without its own commits checkpointing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-wal-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'lede.db')
  const { db, close } = openDatabase({ kind: 'sqlite', path })
  t.after(close)
  await sql`create table blobs (id integer primary key, data blob not null)`.execute(db)
  const setting = async () => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint
  const before = await setting()

  const written = await withBackgroundCheckpoints(db, async () => {
    // 8 MB in 32 commits: far below the writing connection's own threshold during the run (40 MB), so only
    // another connection's checkpoint can move these pages into the database file.
    for (let i = 0; i < 32; i++) {
      await db.transaction().execute(async (trx) => {
        for (let j = 0; j < 64; j++) await sql`insert into blobs (data) values (randomblob(4096))`.execute(trx)
      })
    }
    assert.ok(await setting() >= 10_000, 'the writing connection\'s own threshold is raised')
    for (let waited = 0; statSync(path).size < 8 * MB && waited < 10_000; waited += 50) await sleep(50)
    return statSync(path).size
  })

  assert.ok(written >= 8 * MB, `the database file holds the log's pages (${(written / MB).toFixed(1)} MB)`)
  assert.equal(await setting(), before, 'the setting is put back')
  assert.equal((await sql<{ n: number }>`select count(*) as n from blobs`.execute(db)).rows[0]!.n, 32 * 64)
})

test('a database in memory has no file to checkpoint: the work runs as it is', async (t) => {
  const { db, close } = openDatabase({ kind: 'sqlite', path: ':memory:' })
  t.after(close)
  assert.equal(await withBackgroundCheckpoints(db, async () => 'done'), 'done')
})

test('a failing write still stops the worker and puts the setting back', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-wal-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const { db, close } = openDatabase({ kind: 'sqlite', path: join(dir, 'lede.db') })
  t.after(close)
  const before = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint
  await assert.rejects(withBackgroundCheckpoints(db, async () => { throw new Error('broken file') }), /broken file/)
  assert.equal((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint, before)
})
