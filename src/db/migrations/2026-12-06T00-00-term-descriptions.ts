// Frozen in time: never edit a migration that has shipped; add a new one.
// Sections and tags carry a description, as WordPress's categories and tags do: shown at the top of their
// pages, edited in Admin → Sections and tags, and brought over by the WordPress import (issue 14). Empty
// for every section and tag there already.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sections').addColumn('description', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('tags').addColumn('description', 'text', (c) => c.notNull().defaultTo('')).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tags').dropColumn('description').execute()
  await db.schema.alterTable('sections').dropColumn('description').execute()
}
