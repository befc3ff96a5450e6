// `lede backup <file>` and `lede restore <file>`: a consistent copy of a running SQLite site, and putting
// one back while the site is stopped. PostgreSQL has its own tools (pg_dump / pg_restore, see the README).
import { loadConfig } from '../config.js'
import { backupSqlite, restoreSqlite } from '../db/sqlite-backup.js'

interface Io { out: (line: string) => void, err: (line: string) => void }

const POSTGRES_HINT = `With PostgreSQL (DATABASE_URL set), use its own tools:
  pg_dump --format=custom --file=lede.dump "$DATABASE_URL"
  pg_restore --clean --if-exists --dbname="$DATABASE_URL" lede.dump`

export const BACKUP_USAGE = `Usage: lede backup <file>

Writes a consistent copy of the SQLite database to <file> while the site keeps running (SQLite's online
backup, in one snapshot: every comment and article saved before the backup began is in it). The copy is
checked, and written under a temporary name that is renamed when complete.

${POSTGRES_HINT}

Environment:
  DATABASE_PATH  SQLite file (default ./data/lede.db)`

export const RESTORE_USAGE = `Usage: lede restore <file>

Replaces the SQLite database with a copy made by "lede backup". Refuses while any process (the running
site, another command) has the database open: stop the site first.

${POSTGRES_HINT}

Environment:
  DATABASE_PATH  SQLite file (default ./data/lede.db)`

function oneFile(args: string[], usage: string, io: Io): string | null {
  const files = args.filter((a) => !a.startsWith('-'))
  if (files.length !== 1 || args.length !== 1) {
    io.err(usage)
    return null
  }
  return files[0]!
}

export async function runBackupCommand(args: string[], io: Io = { out: console.log, err: console.error }): Promise<number> {
  const file = oneFile(args, BACKUP_USAGE, io)
  if (!file) return 2
  const config = loadConfig()
  if (config.database.kind !== 'sqlite') {
    io.err(`lede backup: copies SQLite databases only.\n${POSTGRES_HINT}`)
    return 2
  }
  const { pages } = await backupSqlite(config.database.path, file)
  io.out(`Backed up ${config.database.path} to ${file} (${pages} pages).`)
  return 0
}

export async function runRestoreCommand(args: string[], io: Io = { out: console.log, err: console.error }): Promise<number> {
  const file = oneFile(args, RESTORE_USAGE, io)
  if (!file) return 2
  const config = loadConfig()
  if (config.database.kind !== 'sqlite') {
    io.err(`lede restore: restores SQLite databases only.\n${POSTGRES_HINT}`)
    return 2
  }
  const result = await restoreSqlite(file, config.database.path)
  if (result.kind === 'in-use') {
    io.err(`lede restore: ${config.database.path} is in use by another process (is the site running?). Stop it and try again; nothing was changed.`)
    return 1
  }
  if (result.kind === 'not-a-backup') {
    io.err(`lede restore: ${file} is not a Lede database backup (${result.message}); nothing was changed.`)
    return 1
  }
  io.out(`Restored ${config.database.path} from ${file} (${result.pages} pages).`)
  return 0
}
