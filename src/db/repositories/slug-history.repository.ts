// URLs a story was public under before its slug or publication day changed: they answer 301.
import type { DbOrTrx } from '../database.js'
import type { Day } from '../../domain/days.js'
import { isLive, type ArticleRow } from './articles.repository.js'

/** Remembers that `articleId` was public at /<day>/<slug>/; a URL later reused points to its latest owner. */
export async function rememberOldUrl(db: DbOrTrx, entry: { edition: string, day: Day, slug: string, articleId: number, at: Date }): Promise<void> {
  await db.insertInto('slug_history').values({
    edition: entry.edition, day: entry.day, slug: entry.slug, article_id: entry.articleId, created_at: entry.at.toISOString()
  }).onConflict((oc) => oc.columns(['edition', 'day', 'slug']).doUpdateSet({ article_id: entry.articleId, created_at: entry.at.toISOString() }))
    .execute()
}

/**
 * The live article that was once public under this slug on `day` (or, with day null, on any day: the
 * one that left it most recently). Undefined when none of them is live now.
 */
export async function liveArticleForOldUrl(db: DbOrTrx, q: { edition: string, slug: string, day: Day | null, now: Date }): Promise<ArticleRow | undefined> {
  let query = db.selectFrom('slug_history').innerJoin('articles', 'articles.id', 'slug_history.article_id')
    .selectAll('articles')
    .where('slug_history.edition', '=', q.edition).where('slug_history.slug', '=', q.slug)
    .where(isLive(q.now))
  if (q.day !== null) query = query.where('slug_history.day', '=', q.day)
  return query.orderBy('slug_history.created_at', 'desc').orderBy('slug_history.id', 'desc').limit(1).executeTakeFirst()
}
