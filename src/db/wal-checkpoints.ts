// SQLite copies the write-ahead log back into the database file (a checkpoint, with an fsync) whenever a
// commit leaves the log over `wal_autocheckpoint` pages, 1,000 by default (4 MB), and the commit that
// crosses the line does the copying itself. A long run of write transactions (an import commits a batch
// every few tens of milliseconds) then stops every few commits to copy and fsync: with checkpoints every
// 10,000 pages, 84–101 ms each, seven per 20,000 imported posts, half the commits' time, on the thread that
// is the import's bottleneck. During such a run a second connection on a worker thread checkpoints instead,
// every quarter second (PASSIVE: it never blocks the writer, it copies what is committed), while the
// writing connection's own threshold is raised tenfold, so it checkpoints only if the worker falls behind
// or could not start. The setting belongs to the connection, so it is put back after; other processes'
// connections keep their own. PostgreSQL has nothing of the kind to set per session.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { sql } from 'kysely'
import type { DbOrTrx } from './database.js'
import { engineOf } from './engine.js'

/** Pages in the log before the writing connection checkpoints itself during a long write (40 MB at 4 KB pages). */
const LONG_WRITE_CHECKPOINT_PAGES = 10_000
/** How often the worker's connection copies the log back during a long write. */
const CHECKPOINT_EVERY_MS = 250

/** Runs `work`, a long run of write transactions, with SQLite's checkpoints done beside it rather than by its commits. */
export async function withBackgroundCheckpoints<T>(db: DbOrTrx, work: () => Promise<T>): Promise<T> {
  if (engineOf(db) !== 'sqlite') return work()
  const before = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]?.wal_autocheckpoint ?? 1000
  await sql.raw(`pragma wal_autocheckpoint = ${Math.max(LONG_WRITE_CHECKPOINT_PAGES, Number(before))}`).execute(db)
  const checkpointer = await checkpointerFor(db)
  try {
    return await work()
  } finally {
    await checkpointer?.stop()
    // The database may have been closed meanwhile (a shutdown): then there is nothing to put back.
    await sql.raw(`pragma wal_autocheckpoint = ${Number(before)}`).execute(db).catch(() => {})
  }
}

/**
 * The worker's code, plain CommonJS so that it runs the same from source and from dist/ without a loader.
 * It opens its own connection to the file, checkpoints on a timer, and closes the connection when told.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
const timer = setInterval(() => { try { db.pragma('wal_checkpoint(PASSIVE)') } catch {} }, workerData.everyMs)
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close() })
`

interface Checkpointer { stop(): Promise<void> }

/** A checkpointing worker for the database's file, or null: in memory, not in WAL mode, or a worker that could not start. */
async function checkpointerFor(db: DbOrTrx): Promise<Checkpointer | null> {
  const [journal] = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows
  const file = (await sql<{ name: string, file: string }>`pragma database_list`.execute(db)).rows.find((r) => r.name === 'main')?.file
  if (journal?.journal_mode !== 'wal' || !file) return null
  let worker: Worker
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file, driver, everyMs: CHECKPOINT_EVERY_MS } })
  } catch {
    return null
  }
  // A worker that fails (the file gone, no thread to spare) only leaves the checkpoints to the writer.
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve())
    worker.on('error', () => {})
  })
  worker.unref()
  return {
    async stop() {
      // Referenced again so that the process waits for the worker's connection to close.
      worker.ref()
      worker.postMessage('stop')
      await exited
    }
  }
}
