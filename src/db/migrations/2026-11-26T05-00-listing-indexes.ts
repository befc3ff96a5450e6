// Frozen in time: never edit a migration that has shipped; add a new one.
// Section, author pages and their feeds read "live stories of this section/author, newest first";
// without these they walk the whole edition's feed index.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_section_published_idx').on('articles').columns(['section_id', 'published_at']).execute()
  await db.schema.createIndex('articles_author_published_idx').on('articles').columns(['author_id', 'published_at']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_author_published_idx').execute()
  await db.schema.dropIndex('articles_section_published_idx').execute()
}
