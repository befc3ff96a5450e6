import type { CreateTableBuilder } from 'kysely'

export { isPostgres } from '../engine.js'

/** An auto-incrementing integer primary key spelled the way each engine wants it. */
export function idColumn<T extends string>(table: CreateTableBuilder<T, never>, pg: boolean): CreateTableBuilder<T, 'id'> {
  return pg
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
}
