// Frozen in time: never edit a migration that has shipped; add a new one.
// Full-text search. Both engines index tokens Lede makes itself (src/domain/search-text.ts), so they agree
// on what a word is: SQLite keeps them in an FTS5 table, PostgreSQL in a tsvector column with a GIN index.
// The index holds articles whose status can be public (published, scheduled); whether the publication time
// has come is checked when searching, since a scheduled story turns public without any write.
// Existing articles are indexed by prepareDatabase after this runs (it knows the tokenizer; this file must not).
import { sql, type Kysely } from 'kysely'
import { isPostgres } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema.createTable('search_documents')
      .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('edition', 'varchar(10)', (c) => c.notNull())
      .addColumn('section_id', 'integer')
      .addColumn('published_at', 'varchar(24)', (c) => c.notNull())
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute()
    // `document` also carries filter lexemes ('_ehy', '_s12', '_d20600', '_w2940', '_m202611', '_y2026'):
    // edition, section and publication day, week, month and year, so filters and recency windows are GIN lookups.
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db)
  } else {
    // Contentless: the text lives in articles; the index keeps only tokens and positions. Tokens arrive
    // already folded, and unicode61 with remove_diacritics 2 folds the same way, so queries typed straight
    // into FTS5 would still match. `facets` holds filter tokens (edition, section, day, week, month, year).
    await sql`create virtual table search_fts using fts5(
      facets, headline, lead, keywords, body,
      content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
    )`.execute(db)
  }
  // "Live articles whose time has not come yet": excluded from every search.
  await db.schema.createIndex('articles_status_published_idx').on('articles').columns(['status', 'published_at']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_status_published_idx').execute()
  if (isPostgres(db)) await db.schema.dropTable('search_documents').execute()
  else await sql`drop table search_fts`.execute(db)
}
