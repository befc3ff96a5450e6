import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import type { Database, DialectName } from './database.js'

export type DatabaseTarget =
  | { kind: 'sqlite', path: string }
  | { kind: 'postgres', url: string, schema?: string, poolSize?: number }

export interface OpenDatabase {
  db: Kysely<Database>
  dialect: DialectName
  close(): Promise<void>
}

// pg returns int8 (COUNT(*), bigserial) as strings; our counts and ids fit comfortably in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10))

export function openDatabase(target: DatabaseTarget): OpenDatabase {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {})
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }

  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true })
  const sqlite = new SQLite(target.path)
  // WAL lets readers go on while one writer commits; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}
