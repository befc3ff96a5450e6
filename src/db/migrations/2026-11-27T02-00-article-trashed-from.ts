// Frozen in time: never edit a migration that has shipped; add a new one.
// What a trashed article was before the trash (WordPress keeps this as _wp_trash_meta_status): a story that
// was published or scheduled needs the right to take live stories down to be restored or deleted, so a
// contributor may empty the bin of their own drafts but not of a story an editor published.
import type { Kysely } from 'kysely'

/** The statuses an article can be trashed from, as they were when this migration was written. */
const BEFORE_TRASH = ['draft', 'pending', 'scheduled', 'published']

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('trashed_from', 'varchar(20)').execute()

  // Articles already in the bin: the audit row of their latest trashing says where they came from. Without
  // one (trashed before the audit log, or imported that way), a publication time counts as having been
  // live: drafts may carry a planned time too, so this errs towards leaving the story to an editor.
  const now = new Date().toISOString()
  const trashed = await db.selectFrom('articles').select(['id', 'published_at']).where('status', '=', 'trashed').orderBy('id').execute() as
    { id: number, published_at: string | null }[]
  for (const article of trashed) {
    const audit = await db.selectFrom('audit_log').select('details')
      .where('subject_type', '=', 'article').where('subject_id', '=', article.id).where('action', '=', 'article.trash')
      .orderBy('id', 'desc').limit(1).executeTakeFirst() as { details: string } | undefined
    let from = fromAudit(audit?.details)
    if (from === null) {
      from = article.published_at === null ? 'draft' : article.published_at <= now ? 'published' : 'scheduled'
    }
    await db.updateTable('articles').set({ trashed_from: from }).where('id', '=', article.id).execute()
  }
}

function fromAudit(details: string | undefined): string | null {
  if (details === undefined) return null
  try {
    const from = (JSON.parse(details) as { from?: unknown }).from
    return typeof from === 'string' && BEFORE_TRASH.includes(from) ? from : null
  } catch {
    return null
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('trashed_from').execute()
}
