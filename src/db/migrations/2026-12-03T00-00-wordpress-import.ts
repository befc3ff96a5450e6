// Frozen in time: never edit a migration that has shipped; add a new one.
// WordPress imports: the history of runs, which WordPress record became which Lede row (so importing
// the same export again changes nothing), and the old URLs that answer 301 to the new ones.
import type { Kysely } from 'kysely'
import { idColumn, isPostgres } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  await idColumn(db.schema.createTable('import_runs'), pg)
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('site_url', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('edition', 'varchar(20)', (c) => c.notNull())
    // queued | running | done | failed | refused
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON: ImportSummary (created, updated, unchanged, skipped with reasons) as it stands.
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('message', 'text')
    .addColumn('started_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('started_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(24)')
    // Written with the progress: a run still "running" whose heartbeat stopped was cut off (a crash).
    .addColumn('heartbeat_at', 'varchar(24)')
    .execute()
  await db.schema.createIndex('import_runs_started_idx').on('import_runs').columns(['started_at', 'id']).execute()

  await idColumn(db.schema.createTable('import_items'), pg)
    // The export's site (wp:base_blog_url, else its link): ids are unique only within one WordPress site.
    .addColumn('site_url', 'varchar(500)', (c) => c.notNull())
    // author | category | post_tag | post | page | attachment | comment
    .addColumn('wp_kind', 'varchar(20)', (c) => c.notNull())
    // The WordPress id, or the login for authors of exports without author ids.
    .addColumn('wp_key', 'varchar(200)', (c) => c.notNull())
    // user | section | tag | article | media | comment | none (reported, nothing created)
    .addColumn('lede_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('lede_id', 'integer')
    // Of the record as imported: an unchanged record is skipped on the next run.
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('run_id', 'integer', (c) => c.references('import_runs.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('import_items_key_idx').on('import_items').columns(['site_url', 'wp_kind', 'wp_key']).unique().execute()

  await idColumn(db.schema.createTable('redirects'), pg)
    // A path ("/2012/01/05/hello-world/") or the front page's query ("/?p=123"), normalised by oldPathOf.
    .addColumn('old_path', 'varchar(1000)', (c) => c.notNull())
    // article | section | tag: the new URL is worked out when asked, so it follows later renames.
    .addColumn('target_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.references('import_runs.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('redirects_old_path_idx').on('redirects').columns(['old_path']).unique().execute()
  await db.schema.createIndex('redirects_target_idx').on('redirects').columns(['target_kind', 'target_id']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('redirects').execute()
  await db.schema.dropTable('import_items').execute()
  await db.schema.dropTable('import_runs').execute()
}
