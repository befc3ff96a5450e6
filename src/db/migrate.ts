import { Migrator, sql } from 'kysely'
import type { Db } from './database.js'
import { migrationProvider } from './migrations/index.js'
import { isPostgres } from './engine.js'

export class MigrationError extends Error {}

/**
 * On PostgreSQL the migrator is told its schema explicitly: left to itself it looks for its
 * bookkeeping tables in every schema, finds another schema's (tests, a second site in the same
 * database) and then fails to use them under the current search_path.
 */
async function migrationSchema(db: Db): Promise<string | undefined> {
  if (!isPostgres(db)) return undefined
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema
}

/** Brings the schema up to date; throws naming the migration that failed. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const schema = await migrationSchema(db)
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new MigrationError(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
