// Frozen in time: never edit a migration that has shipped; add a new one.
// A new or newly dated article's slug is made unique within its day (slugsPublishedBetween: an edition's
// slugs published in a range). No index led there: the feed index (edition, status, published_at, id)
// narrows by edition only, so each save read every article of its edition, and an import of 100,000
// posts slowed down as it went. This one answers from the index alone.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_day_slugs_idx').on('articles').columns(['edition', 'published_at', 'slug']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_day_slugs_idx').execute()
}
