// Which engine a database handle talks to: the one place the app asks. Dialect differences (full-text
// search, row locks, case folding) sit in repositories, each asking here rather than being told.
import { PostgresAdapter, type Kysely } from 'kysely'
import type { DialectName } from './database.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function engineOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return engineOf(db) === 'postgres'
}
