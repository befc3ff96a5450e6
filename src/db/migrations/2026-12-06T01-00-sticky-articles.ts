// Frozen in time: never edit a migration that has shipped; add a new one.
// A story can be pinned to the top of its edition's front page, as WordPress's sticky posts are (the
// WordPress import keeps the flag, the export writes it back). The front page reads the pinned ones of an
// edition on every render: a partial index holds just them, so that read costs the same however large the
// archive.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('sticky', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.createIndex('articles_sticky_idx').on('articles').columns(['edition', 'published_at'])
    .where(sql.ref('sticky'), '=', 1).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_sticky_idx').execute()
  await db.schema.alterTable('articles').dropColumn('sticky').execute()
}
