// Frozen in time: never edit a migration that has shipped; add a new one.
// Live blogs (issue 16): an article made a live blog carries short timestamped updates, newest first.
import type { Kysely } from 'kysely'
import { idColumn, isPostgres } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One row per article that is (or was) a live blog: coverage starts and, once closed, ends.
  await db.schema.createTable('live_blogs')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('started_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(24)')
    .execute()
  await idColumn(db.schema.createTable('live_blog_updates'), isPostgres(db))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('body_source', 'text', (c) => c.notNull())
    // Rendered from the Markdown and sanitised once, at save, like article bodies.
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('key_event', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)')
    // Soft deletion: the row stays for the audit log; readers no longer see it.
    .addColumn('deleted_at', 'varchar(24)')
    .execute()
  await db.schema.createIndex('live_blog_updates_article_idx').on('live_blog_updates').columns(['article_id', 'created_at']).execute()
  await db.schema.createIndex('live_blog_updates_author_idx').on('live_blog_updates').columns(['author_id']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('live_blog_updates').execute()
  await db.schema.dropTable('live_blogs').execute()
}
