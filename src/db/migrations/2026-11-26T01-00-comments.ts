// Frozen in time: never edit a migration that has shipped; add a new one.
// Threads and moderation history for comments.
import { sql, type Kysely } from 'kysely'

/** Width of one id in thread_path; ten digits hold every id a 32-bit integer column can hold. */
const SEGMENT = 10

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // thread_path is the ids of a comment's ancestors and its own, each zero-padded to ten digits and
  // concatenated: sorting by it lists a whole article's threads depth-first in one query, on both engines
  // and under any collation (digits only, no separators for a locale to ignore).
  await db.schema.alterTable('comments').addColumn('thread_path', 'varchar(255)', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('comments').addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  // Where "not spam" and "restore" return a comment to (WordPress keeps this as _wp_trash_meta_status).
  await db.schema.alterTable('comments').addColumn('previous_status', 'varchar(20)').execute()
  await db.schema.alterTable('comments').addColumn('updated_at', 'varchar(24)').execute()

  // Existing comments: fill in paths parent-first (ids grow, so a parent's id is below its replies').
  const rows = await db.selectFrom('comments').select(['id', 'parent_id']).orderBy('id').execute() as { id: number, parent_id: number | null }[]
  const paths = new Map<number, string>()
  for (const row of rows) {
    const own = String(row.id).padStart(SEGMENT, '0')
    const parentPath = row.parent_id === null ? undefined : paths.get(row.parent_id)
    const path = parentPath === undefined ? own : parentPath + own
    paths.set(row.id, path)
    await db.updateTable('comments').set({ thread_path: path, depth: path.length / SEGMENT - 1 }).where('id', '=', row.id).execute()
  }

  // The article page reads approved comments of one article in thread order.
  await db.schema.createIndex('comments_thread_idx').on('comments').columns(['article_id', 'status', 'thread_path']).execute()
  // "Has this name and email an approved comment?" and `lede comments erase --email`.
  await db.schema.createIndex('comments_email_idx').on('comments').expression(sql`lower(author_email)`).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_email_idx').execute()
  await db.schema.dropIndex('comments_thread_idx').execute()
  for (const column of ['updated_at', 'previous_status', 'depth', 'thread_path']) {
    await db.schema.alterTable('comments').dropColumn(column).execute()
  }
}
