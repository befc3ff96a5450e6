// Consistent copies of a live SQLite database, and putting one back. The copy uses SQLite's online
// backup API in a single step, so it is one snapshot taken under a read lock: the site keeps serving
// and accepting comments meanwhile (WAL lets a writer go on beside a reader), and the copy holds every
// transaction committed before it began. Restoring refuses a database that any process has open.
import { existsSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import SQLite from 'better-sqlite3'

/** Pages per backup step: everything in one, so writes by other connections cannot restart the copy. */
const ALL_PAGES = 2 ** 31 - 1

export async function backupSqlite(sourcePath: string, targetPath: string): Promise<{ pages: number }> {
  if (!existsSync(sourcePath)) throw new Error(`there is no database at ${sourcePath}`)
  const source = new SQLite(sourcePath, { fileMustExist: true })
  const partial = `${targetPath}.partial`
  try {
    source.pragma('busy_timeout = 5000')
    const result = await source.backup(partial, { progress: () => ALL_PAGES })
    const copy = new SQLite(partial)
    try {
      const check = copy.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(`the copy failed its check: ${String(check)}`)
    } finally {
      copy.close()
    }
    await rename(partial, targetPath)
    return { pages: result.totalPages }
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  } finally {
    source.close()
  }
}

/**
 * Is any other connection using the database? In WAL mode SQLite leaves the journal mode alone while
 * another connection has the file open, so a switch that does not happen means it is in use.
 */
export function sqliteInUse(path: string): boolean {
  if (!existsSync(path)) return false
  const probe = new SQLite(path, { fileMustExist: true })
  try {
    probe.pragma('busy_timeout = 0')
    const mode = probe.pragma('journal_mode', { simple: true })
    if (mode !== 'wal') return false
    try {
      return probe.pragma('journal_mode = DELETE', { simple: true }) !== 'delete'
    } catch {
      return true
    }
  } finally {
    probe.close()
  }
}

export type RestoreResult = { kind: 'restored', pages: number } | { kind: 'in-use' } | { kind: 'not-a-backup', message: string }

/** Replaces the database at `targetPath` with the backup, unless some process has it open. */
export async function restoreSqlite(backupPath: string, targetPath: string): Promise<RestoreResult> {
  let backup: SQLite.Database
  try {
    backup = new SQLite(backupPath, { fileMustExist: true, readonly: true })
    const check = backup.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(String(check))
    backup.prepare('select count(*) from kysely_migration').get()
  } catch (error) {
    return { kind: 'not-a-backup', message: error instanceof Error ? error.message : String(error) }
  }
  try {
    if (sqliteInUse(targetPath)) return { kind: 'in-use' }
    const partial = `${targetPath}.restoring`
    const result = await backup.backup(partial, { progress: () => ALL_PAGES })
    // The old database's write-ahead log must not be replayed onto the restored file.
    for (const suffix of ['-wal', '-shm']) await rm(targetPath + suffix, { force: true })
    await rename(partial, targetPath)
    return { kind: 'restored', pages: result.totalPages }
  } finally {
    backup.close()
  }
}
