// SQLite only: the statement cache wraps better-sqlite3 (src/db/dialect.ts), and the STAT4 samples that
// would defeat it are dropped at open; PostgreSQL has no such layer.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import SQLite from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, withStatementCache } from '../../src/db/dialect.js'

test('a query prepared twice is prepared once', () => {
  const db = withStatementCache(new SQLite(':memory:'))
  const first = db.prepare('select ? as n')
  assert.equal(db.prepare('select ? as n'), first)
  assert.deepEqual(first.all([1]), [{ n: 1 }])
  assert.deepEqual(db.prepare('select ? as n').all([2]), [{ n: 2 }])
  db.close()
})

test('a schema change drops every statement prepared before it, so select * sees new columns', () => {
  const db = withStatementCache(new SQLite(':memory:'))
  db.prepare('create table t (a integer)').run([])
  db.prepare('insert into t (a) values (?)').run([1])
  const before = db.prepare('select * from t')
  assert.deepEqual(before.all([]), [{ a: 1 }])
  db.prepare('alter table t add column b text default \'x\'').run([])
  const after = db.prepare('select * from t')
  assert.notEqual(after, before)
  assert.deepEqual(after.all([]), [{ a: 1, b: 'x' }])
  db.close()
})

test('the least recently used statement leaves a full cache first', () => {
  const db = withStatementCache(new SQLite(':memory:'), 2)
  const one = db.prepare('select 1')
  const two = db.prepare('select 2')
  assert.equal(db.prepare('select 1'), one)
  db.prepare('select 3')
  assert.equal(db.prepare('select 1'), one, 'used recently, kept')
  assert.notEqual(db.prepare('select 2'), two, 'least recently used, prepared again')
  db.close()
})

test('opening a database drops the STAT4 samples that would replan cached statements, and keeps sqlite_stat1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-stat4-'))
  try {
    const path = join(dir, 'site.db')
    const raw = new SQLite(path)
    raw.exec('create table t (a integer, b text); create index t_a on t (a)')
    const insert = raw.prepare('insert into t (a, b) values (?, ?)')
    raw.transaction(() => { for (let i = 0; i < 2000; i++) insert.run(i % 50, `row ${i}`) })()
    raw.exec('analyze')
    const count = (db: SQLite.Database, table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    assert.ok(count(raw, 'sqlite_stat4') > 0, 'this SQLite keeps STAT4 samples, so the open has something to drop')
    raw.close()

    const opened = openDatabase({ kind: 'sqlite', path })
    await opened.close()
    const after = new SQLite(path, { readonly: true })
    assert.equal(count(after, 'sqlite_stat4'), 0)
    assert.ok(count(after, 'sqlite_stat1') > 0, 'the per-index averages stay for the planner')
    after.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
