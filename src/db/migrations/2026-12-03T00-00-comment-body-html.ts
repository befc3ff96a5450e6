// Frozen in time: never edit a migration that has shipped; add a new one.
// A comment's HTML, rendered once when it is saved or edited (as article bodies are), so pages, feeds, the
// API and the moderation screens never render reader text on the way out. Existing rows are rendered here
// with the renderer of the day; later saves keep the column current.
import type { Kysely } from 'kysely'
import { commentTextToHtml } from '../../domain/comment-text.js'

/** Rows rendered per round trip: bounded memory on a large archive, few queries on a small one. */
const BATCH = 500

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('body_html', 'text', (c) => c.notNull().defaultTo('')).execute()
  let after = 0
  for (;;) {
    const rows = await db.selectFrom('comments').select(['id', 'body']).where('id', '>', after).orderBy('id').limit(BATCH).execute() as
      { id: number, body: string }[]
    if (rows.length === 0) break
    for (const row of rows) {
      await db.updateTable('comments').set({ body_html: commentTextToHtml(row.body) }).where('id', '=', row.id).execute()
    }
    after = rows[rows.length - 1]!.id
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('body_html').execute()
}
