// SQLite copies the write-ahead log back into the database file (a checkpoint, with an fsync) whenever a
// commit leaves the log over `wal_autocheckpoint` pages, 1,000 by default (4 MB). A long run of write
// transactions (an import commits a batch every few tens of milliseconds) then checkpoints every few
// commits, and writes the same hot pages (indexes, the search index's segments) to the file again each
// time: a quarter of an import's commit time. Spacing them out copies each page once per many commits.
// The setting belongs to the connection, so it is raised for the run and put back after; other processes'
// connections keep their own. PostgreSQL has nothing of the kind to set per session.
import { sql } from 'kysely'
import type { DbOrTrx } from './database.js'
import { engineOf } from './engine.js'

/** Pages in the log before a checkpoint during a long write (40 MB at SQLite's 4 KB pages). */
const LONG_WRITE_CHECKPOINT_PAGES = 10_000

/** Runs `work` with checkpoints ten times further apart on SQLite's connection (as it was, after). */
export async function withSpacedCheckpoints<T>(db: DbOrTrx, work: () => Promise<T>): Promise<T> {
  if (engineOf(db) !== 'sqlite') return work()
  const before = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]?.wal_autocheckpoint ?? 1000
  await sql.raw(`pragma wal_autocheckpoint = ${Math.max(LONG_WRITE_CHECKPOINT_PAGES, Number(before))}`).execute(db)
  try {
    return await work()
  } finally {
    // The database may have been closed meanwhile (a shutdown): then there is nothing to put back.
    await sql.raw(`pragma wal_autocheckpoint = ${Number(before)}`).execute(db).catch(() => {})
  }
}
