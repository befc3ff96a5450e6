// Frozen in time: never edit a migration that has shipped; add a new one.
// A live-blog update may carry a picture from the media library (issue 16). Its figure is part of the
// update's stored HTML, so the stream, the page, the feeds and the API carry it alike; the id is kept to
// redraw it when the text is corrected, and so the library refuses to delete an image an update shows.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('live_blog_updates')
    .addColumn('media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('live_blog_updates_media_idx').on('live_blog_updates').column('media_id').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('live_blog_updates_media_idx').execute()
  await db.schema.alterTable('live_blog_updates').dropColumn('media_id').execute()
}
