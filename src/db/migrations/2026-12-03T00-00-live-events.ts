// Frozen in time: never edit a migration that has shipped; add a new one.
// The live log behind GET /live (issue 16, docs/decisions/012-live-events.md): an ordered, durable list of
// the changes readers may see, whose id is the server-sent event id, so a reader reconnecting to any
// process gets exactly what it missed. Next to it, what readers were last told about each article, so
// that every process can tell a real change from an event it has already logged (exactly once).
import type { Kysely } from 'kysely'
import { idColumn, isPostgres } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  await idColumn(db.schema.createTable('live_events'), pg)
    .addColumn('edition', 'varchar(16)', (c) => c.notNull())
    .addColumn('article_id', 'integer')
    // published | updated | withdrawn | breaking | comments
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    // JSON: what the page needs to show the change (headline, link, count …).
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  // Pruning deletes by age; the id order is the log order, so no other index is needed.
  await db.schema.createIndex('live_events_created_idx').on('live_events').columns(['created_at']).execute()

  // No foreign key: an article deleted for good still has to be announced as withdrawn.
  await db.schema.createTable('live_article_states')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('edition', 'varchar(16)', (c) => c.notNull())
    .addColumn('visible', 'integer', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('breaking', 'integer', (c) => c.notNull())
    .addColumn('comment_count', 'integer', (c) => c.notNull())
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('live_article_states').execute()
  await db.schema.dropTable('live_events').execute()
}
