// Frozen in time: never edit a migration that has shipped; add a new one.
import type { Kysely } from 'kysely'
import { idColumn, isPostgres } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)

  await db.schema.createTable('settings')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await idColumn(db.schema.createTable('users'), pg)
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute()

  await idColumn(db.schema.createTable('sections'), pg)
    .addColumn('edition', 'varchar(10)', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addUniqueConstraint('sections_edition_slug_unique', ['edition', 'slug'])
    .execute()

  await idColumn(db.schema.createTable('tags'), pg)
    .addColumn('edition', 'varchar(10)', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addUniqueConstraint('tags_edition_slug_unique', ['edition', 'slug'])
    .execute()

  await idColumn(db.schema.createTable('articles'), pg)
    .addColumn('edition', 'varchar(10)', (c) => c.notNull())
    .addColumn('translation_group', 'varchar(40)')
    .addColumn('slug', 'varchar(200)', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agency_credit', 'varchar(100)')
    .addColumn('source_url', 'text')
    .addColumn('byline', 'varchar(200)')
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(24)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('breaking', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments_open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // The newsfeed reads "live articles of an edition, newest first"; the article page finds one by slug.
  await db.schema.createIndex('articles_feed_idx').on('articles')
    .columns(['edition', 'status', 'published_at', 'id']).execute()
  await db.schema.createIndex('articles_slug_idx').on('articles').columns(['edition', 'slug']).execute()
  await db.schema.createIndex('articles_translation_group_idx').on('articles').column('translation_group').execute()

  await db.schema.createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute()
  await db.schema.createIndex('article_tags_tag_idx').on('article_tags').columns(['tag_id', 'article_id']).execute()

  await idColumn(db.schema.createTable('comments'), pg)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('author_name', 'varchar(245)', (c) => c.notNull())
    .addColumn('author_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('author_url', 'varchar(500)')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('spam_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ip', 'varchar(45)')
    .addColumn('user_agent', 'varchar(500)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('comments_article_idx').on('comments').columns(['article_id', 'status', 'created_at']).execute()
  await db.schema.createIndex('comments_status_idx').on('comments').columns(['status', 'created_at']).execute()
  await db.schema.createIndex('comments_ip_idx').on('comments').columns(['ip', 'created_at']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['comments', 'article_tags', 'articles', 'tags', 'sections', 'users', 'settings']) {
    await db.schema.dropTable(table).execute()
  }
}
