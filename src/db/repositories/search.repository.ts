// Full-text search index upkeep. Every write path that changes an article calls these inside its
// own transaction, so the index never disagrees with the articles table.
// (The search issue fills these in: FTS5 on SQLite, tsvector + GIN on PostgreSQL.)
import type { DbOrTrx } from '../database.js'

/** (Re)indexes one article from its current row. Visibility is checked at query time, not here. */
export async function indexArticle(_db: DbOrTrx, _articleId: number): Promise<void> {}

/** Removes an article from the index (before it is deleted). */
export async function unindexArticle(_db: DbOrTrx, _articleId: number): Promise<void> {}
