import type { ColumnType } from 'kysely'

/**
 * PostgreSQL's search index, one row per indexable article (SQLite uses the FTS5 table search_fts, which
 * the repository reaches with raw SQL). `document` is written as tsvector text and read only by @@.
 */
export interface SearchDocumentsTable {
  article_id: number
  edition: string
  section_id: number | null
  published_at: string
  document: ColumnType<never, string, string>
}
