// SQLite only: with `lede serve --workers N` several processes write one file. A transaction that reads
// and then writes must wait for the others, not fail with SQLITE_BUSY_SNAPSHOT (a 500 to the reader
// whose comment it was), and no increment may be lost. Worker threads stand in for the processes: each
// has its own connection and event loop.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import SQLite from 'better-sqlite3'

const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(require('node:worker_threads').workerData.entry) })`
const WRITERS = 3
const ROUNDS = 150

test('writers in separate connections serialise read-then-write transactions instead of failing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-writers-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'lede.db')
  const setup = new SQLite(path)
  setup.pragma('journal_mode = WAL')
  setup.exec('create table counter (id integer primary key, n integer not null); insert into counter values (1, 0)')
  setup.close()

  const results = await Promise.all(Array.from({ length: WRITERS }, () => new Promise<string[]>((resolve, reject) => {
    // A worker does not inherit tsx's loader: it registers it, then loads the TypeScript writer.
    const worker = new Worker(BOOT, { eval: true, workerData: { path, rounds: ROUNDS, entry: new URL('./sqlite-writer.worker.ts', import.meta.url).href } })
    worker.once('message', resolve)
    worker.once('error', reject)
  })))
  assert.deepEqual(results.flat(), [], 'no transaction failed')
  const check = new SQLite(path, { readonly: true })
  assert.equal((check.prepare('select n from counter').get() as { n: number }).n, WRITERS * ROUNDS)
  check.close()
})
