// Counts for the dashboard (the pending-comments badge uses countByStatus in comments.repository.ts).
import type { DbOrTrx } from '../database.js'

/** Articles per status; statuses with none are absent. */
export async function articleCountsByStatus(db: DbOrTrx, authorId?: number): Promise<Record<string, number>> {
  let q = db.selectFrom('articles').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status')
  if (authorId !== undefined) q = q.where('author_id', '=', authorId)
  const rows = await q.execute()
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}
