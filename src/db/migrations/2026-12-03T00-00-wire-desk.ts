// Frozen in time: never edit a migration that has shipped; add a new one.
// The wire desk: agency sources (HTTP feeds and drop folders), the inbox of their items with every earlier
// version kept, and a record of each poll.
import type { Kysely } from 'kysely'
import { idColumn, isPostgres } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  await idColumn(db.schema.createTable('wire_sources'), pg)
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    // 'feed' (an HTTP URL) or 'folder' (a drop folder on the server).
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('folder', 'text')
    .addColumn('agency_credit', 'varchar(100)')
    .addColumn('edition', 'varchar(16)', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    // HTTP basic auth: written once, sent to the agency, never shown or logged.
    .addColumn('auth_user', 'varchar(200)')
    .addColumn('auth_password', 'text')
    // 'active' or 'paused' (by an editor, or by the agency's 410 Gone).
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('paused_reason', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_poll_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('last_polled_at', 'varchar(24)')
    .addColumn('last_error', 'text')
    // The lease a poller holds while it polls: one poller per source, across processes.
    .addColumn('claimed_until', 'varchar(24)')
    .addColumn('claimed_by', 'varchar(100)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('wire_sources_due_idx').on('wire_sources').columns(['status', 'next_poll_at']).execute()

  await idColumn(db.schema.createTable('wire_items'), pg)
    .addColumn('source_id', 'integer', (c) => c.notNull().references('wire_sources.id').onDelete('cascade'))
    .addColumn('agency_id', 'varchar(500)', (c) => c.notNull())
    .addColumn('format', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer')
    // sha-256 of the item's content: the version check for formats that carry no version number.
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('revision_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('slugline', 'text')
    .addColumn('lead', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('byline', 'text')
    .addColumn('agency', 'text')
    .addColumn('credit', 'text')
    .addColumn('language', 'varchar(35)')
    .addColumn('urgency', 'integer')
    // JSON [{code, name}]; subject_text is the same, flattened and lower-cased, for the inbox filter.
    .addColumn('subjects', 'text', (c) => c.notNull())
    .addColumn('subject_text', 'text', (c) => c.notNull())
    .addColumn('dateline', 'text')
    .addColumn('first_created', 'varchar(24)')
    .addColumn('version_created', 'varchar(24)')
    .addColumn('embargo_until', 'varchar(24)')
    .addColumn('url', 'text')
    // JSON [{rel, href}]
    .addColumn('links', 'text', (c) => c.notNull())
    // 'new' until a newer version arrives, then 'updated'.
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('received_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('used_article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('used_at', 'varchar(24)')
    .addColumn('used_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Set when a newer version arrives after the item was made into a story: the story may be out of date.
    .addColumn('used_story_stale', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('wire_items_source_agency_id_unique', ['source_id', 'agency_id'])
    .execute()
  await db.schema.createIndex('wire_items_updated_idx').on('wire_items').columns(['updated_at', 'id']).execute()
  await db.schema.createIndex('wire_items_used_article_idx').on('wire_items').columns(['used_article_id']).execute()

  // Every version an item had before the current one.
  await idColumn(db.schema.createTable('wire_item_versions'), pg)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('wire_items.id').onDelete('cascade'))
    .addColumn('version', 'integer')
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('lead', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('version_created', 'varchar(24)')
    .addColumn('received_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('wire_item_versions_item_idx').on('wire_item_versions').columns(['item_id']).execute()

  await idColumn(db.schema.createTable('wire_runs'), pg)
    .addColumn('source_id', 'integer', (c) => c.notNull().references('wire_sources.id').onDelete('cascade'))
    .addColumn('started_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(24)', (c) => c.notNull())
    // 'ok', 'not-modified', 'partial' (some documents refused) or 'failed'.
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('items_new', 'integer', (c) => c.notNull())
    .addColumn('items_updated', 'integer', (c) => c.notNull())
    .addColumn('items_seen', 'integer', (c) => c.notNull())
    .addColumn('items_refused', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute()
  await db.schema.createIndex('wire_runs_source_idx').on('wire_runs').columns(['source_id', 'started_at']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wire_runs').execute()
  await db.schema.dropTable('wire_item_versions').execute()
  await db.schema.dropTable('wire_items').execute()
  await db.schema.dropTable('wire_sources').execute()
}
