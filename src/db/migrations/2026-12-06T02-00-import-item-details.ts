// Frozen in time: never edit a migration that has shipped; add a new one.
// What Lede keeps of WordPress records it has no row for (issue 14): an attachment imported without its
// file keeps its metadata (title, URL, alt text, caption, description), and a page (Lede has no static
// pages) its title and address, as JSON on its mapping row. Empty for the rows there already.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_items').addColumn('detail', 'text', (c) => c.notNull().defaultTo('')).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_items').dropColumn('detail').execute()
}
