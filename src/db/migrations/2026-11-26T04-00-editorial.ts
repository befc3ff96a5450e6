// Frozen in time: never edit a migration that has shipped; add a new one.
// The newsroom's tables: revisions of every save, old URLs of moved stories, and the media library
// (image bytes live in the database so every app instance serves the same files: docs/decisions/005-media-storage.md).
import type { Kysely } from 'kysely'
import { idColumn, isPostgres } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)

  await idColumn(db.schema.createTable('media'), pg)
    // SHA-256 of the original bytes, hex: names the files in their URLs and finds duplicate uploads.
    .addColumn('hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('mime', 'varchar(30)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('media_created_idx').on('media').columns(['created_at', 'id']).execute()

  await db.schema.createTable('media_files')
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    // "original", or the width of a generated WebP ("320", "640", …).
    .addColumn('variant', 'varchar(20)', (c) => c.notNull())
    .addColumn('mime', 'varchar(30)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_files_pk', ['media_id', 'variant'])
    .execute()

  // SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('articles').addColumn('featured_media_id', 'integer', (c) => c.references('media.id').onDelete('set null')).execute()
  await db.schema.alterTable('articles').addColumn('featured_alt', 'text').execute()
  await db.schema.alterTable('articles').addColumn('featured_caption', 'text').execute()
  await db.schema.alterTable('articles').addColumn('featured_credit', 'varchar(200)').execute()
  // The admin list: newest changes first, by status or not.
  await db.schema.createIndex('articles_admin_idx').on('articles').columns(['updated_at', 'id']).execute()
  await db.schema.createIndex('articles_author_idx').on('articles').columns(['author_id']).execute()
  await db.schema.createIndex('articles_featured_media_idx').on('articles').columns(['featured_media_id']).execute()

  await idColumn(db.schema.createTable('article_revisions'), pg)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // The article's version this save produced.
    .addColumn('version', 'integer', (c) => c.notNull())
    // e.g. "create", "update", "publish", "restore-revision".
    .addColumn('action', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull())
    // JSON object with the other fields (slug, credit, section, tags, image, status, time …).
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('article_revisions_article_idx').on('article_revisions').columns(['article_id', 'id']).execute()

  await idColumn(db.schema.createTable('slug_history'), pg)
    .addColumn('edition', 'varchar(10)', (c) => c.notNull())
    // The URL's day ("2022-02-03", in the site zone) and slug the story was public under.
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addUniqueConstraint('slug_history_url_unique', ['edition', 'day', 'slug'])
    .execute()
  await db.schema.createIndex('slug_history_slug_idx').on('slug_history').columns(['edition', 'slug']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slug_history').execute()
  await db.schema.dropTable('article_revisions').execute()
  await db.schema.dropIndex('articles_featured_media_idx').execute()
  await db.schema.dropIndex('articles_author_idx').execute()
  await db.schema.dropIndex('articles_admin_idx').execute()
  for (const column of ['featured_credit', 'featured_caption', 'featured_alt', 'featured_media_id']) {
    await db.schema.alterTable('articles').dropColumn(column).execute()
  }
  await db.schema.dropTable('media_files').execute()
  await db.schema.dropTable('media').execute()
}
