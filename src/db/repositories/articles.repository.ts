import { sql, type Insertable, type Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import type { ArticlesTable } from '../tables/articles.table.js'
import { LIVE_STATUSES, isPubliclyVisible } from '../../domain/publishing.js'
import type { IsoInstant } from '../../domain/days.js'

export type ArticleRow = Selectable<ArticlesTable>

/** One line of a newsfeed: enough to print time, headline, link, breaking mark and comment count. */
export interface NewsfeedItem {
  id: number
  slug: string
  headline: string
  publishedAt: IsoInstant
  breaking: boolean
  commentCount: number
  edition: string
}

/** Keyset position: the last item shown, ordered by (published_at, id) descending. */
export interface NewsfeedCursor { publishedAt: IsoInstant, id: number }

export type LiveStatus = typeof LIVE_STATUSES[number]

/** Live articles of an edition; `statuses` narrows them to some live statuses (see newestPerStatus). */
export function liveArticles(db: DbOrTrx, edition: string, now: Date, statuses: readonly LiveStatus[] = LIVE_STATUSES) {
  const query = db.selectFrom('articles').where('articles.edition', '=', edition)
  return (statuses.length === 1 ? query.where('articles.status', '=', statuses[0]!) : query.where('articles.status', 'in', statuses))
    .where('articles.published_at', '<=', now.toISOString())
}

/** Newest first, as every newsfeed lists; ties (same minute) by id. */
function newestFirst(a: { published_at: string | null, id: number }, b: { published_at: string | null, id: number }): number {
  if (a.published_at !== b.published_at) return (a.published_at ?? '') < (b.published_at ?? '') ? 1 : -1
  return b.id - a.id
}

/**
 * The newest `limit` rows of a newest-first query over an edition's live articles: `run` is called once
 * per live status and the lists are merged. With one status, the (edition, status, published_at, id)
 * index yields rows in order and LIMIT stops the scan after `limit` rows; with `status in (…)` both
 * engines read and sort every live story of the edition first, so the front page, the newsfeed strip
 * and the feeds slowed down as the archive grew. Two short queries instead of one long one.
 */
export async function newestPerStatus<R extends { published_at: string | null, id: number }>(
  limit: number, run: (status: LiveStatus) => Promise<R[]>
): Promise<R[]> {
  const lists = await Promise.all(LIVE_STATUSES.map((status) => run(status)))
  return lists.flat().sort(newestFirst).slice(0, limit)
}

export function newsfeedColumns(db: DbOrTrx, edition: string, now: Date, statuses: readonly LiveStatus[] = LIVE_STATUSES) {
  return liveArticles(db, edition, now, statuses).select((eb) => [
    'articles.id', 'articles.slug', 'articles.headline', 'articles.published_at', 'articles.breaking', 'articles.edition',
    eb.selectFrom('comments').whereRef('comments.article_id', '=', 'articles.id').where('comments.status', '=', 'approved')
      .select(eb.fn.countAll<number>().as('n')).as('comment_count')
  ])
}

export function toNewsfeedItem(row: { id: number, slug: string, headline: string, published_at: string | null, breaking: number, edition: string, comment_count: number | string | null }): NewsfeedItem {
  return {
    id: row.id, slug: row.slug, headline: row.headline, publishedAt: row.published_at!, edition: row.edition,
    breaking: row.breaking === 1, commentCount: Number(row.comment_count ?? 0)
  }
}

/** The newest live stories, or those older than `before`. Fetches one extra row to tell whether more exist. */
export async function latestPublished(db: DbOrTrx, q: { edition: string, now: Date, limit: number, before?: NewsfeedCursor }): Promise<{ items: NewsfeedItem[], hasMore: boolean }> {
  const rows = await newestPerStatus(q.limit + 1, (status) => {
    let query = newsfeedColumns(db, q.edition, q.now, [status])
    if (q.before) {
      const { publishedAt, id } = q.before
      query = query.where((eb) => eb.or([
        eb('articles.published_at', '<', publishedAt),
        eb.and([eb('articles.published_at', '=', publishedAt), eb('articles.id', '<', id)])
      ]))
    }
    return query.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(q.limit + 1).execute()
  })
  return { items: rows.slice(0, q.limit).map(toNewsfeedItem), hasMore: rows.length > q.limit }
}

/** Every live story published within [start, end), newest first. */
export async function dayNewsfeed(db: DbOrTrx, q: { edition: string, now: Date, start: IsoInstant, end: IsoInstant }): Promise<NewsfeedItem[]> {
  const rows = await newsfeedColumns(db, q.edition, q.now)
    .where('articles.published_at', '>=', q.start)
    .where('articles.published_at', '<', q.end)
    .orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc')
    .execute()
  return rows.map(toNewsfeedItem)
}

/** Publication time of the latest live story before `instant` (to find the previous day with news). */
export async function latestPublishedBefore(db: DbOrTrx, q: { edition: string, now: Date, instant: IsoInstant }): Promise<IsoInstant | null> {
  const [row] = await newestPerStatus(1, (status) => liveArticles(db, q.edition, q.now, [status]).where('articles.published_at', '<', q.instant)
    .select(['articles.published_at', 'articles.id']).orderBy('articles.published_at', 'desc').limit(1).execute())
  return row?.published_at ?? null
}

/** Publication time of the earliest live story at or after `instant` (to find the next day with news). */
export async function earliestPublishedFrom(db: DbOrTrx, q: { edition: string, now: Date, instant: IsoInstant }): Promise<IsoInstant | null> {
  // One query per live status, for the reason newestPerStatus gives.
  const rows = await Promise.all(LIVE_STATUSES.map((status) => liveArticles(db, q.edition, q.now, [status]).where('articles.published_at', '>=', q.instant)
    .select('articles.published_at').orderBy('articles.published_at', 'asc').limit(1).executeTakeFirst()))
  const found = rows.flatMap((row) => (row?.published_at ? [row.published_at] : [])).sort()
  return found[0] ?? null
}

/** When the next scheduled story goes live after `now`, or null: cached pages must not outlive it. */
export async function nextScheduledPublication(db: DbOrTrx, now: IsoInstant): Promise<IsoInstant | null> {
  const row = await db.selectFrom('articles').select('published_at')
    .where('status', '=', 'scheduled').where('published_at', '>', now)
    .orderBy('published_at', 'asc').limit(1).executeTakeFirst()
  return row?.published_at ?? null
}

/** Live articles with this slug (a slug is unique per day, so several days may share one). */
export async function liveArticlesBySlug(db: DbOrTrx, q: { edition: string, now: Date, slug: string }): Promise<ArticleRow[]> {
  // By (edition, slug) alone, then live ones kept here: with the status and time in the WHERE clause,
  // SQLite without statistics went by the feed index and read the whole edition to find one slug.
  const rows = await db.selectFrom('articles').selectAll().where('edition', '=', q.edition).where('slug', '=', q.slug)
    .orderBy('published_at', 'desc').execute()
  return rows.filter((row) => isPubliclyVisible({ status: row.status, publishedAt: row.published_at }, q.now))
}

export async function liveArticleById(db: DbOrTrx, q: { now: Date, id: number }): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll()
    .where('id', '=', q.id).where('status', 'in', LIVE_STATUSES).where('published_at', '<=', q.now.toISOString())
    .executeTakeFirst()
}

/** Slugs already used by articles of an edition published within [start, end). */
export async function slugsPublishedBetween(db: DbOrTrx, q: { edition: string, start: IsoInstant, end: IsoInstant, exceptId?: number }): Promise<Set<string>> {
  let query = db.selectFrom('articles').select('slug')
    .where('edition', '=', q.edition).where('published_at', '>=', q.start).where('published_at', '<', q.end)
  if (q.exceptId !== undefined) query = query.where('id', '!=', q.exceptId)
  return new Set((await query.execute()).map((r) => r.slug))
}

export async function insertArticle(db: DbOrTrx, values: Insertable<ArticlesTable>): Promise<number> {
  const row = await db.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function approvedCommentCount(db: DbOrTrx, articleId: number): Promise<number> {
  const row = await db.selectFrom('comments').select(sql<number>`count(*)`.as('n'))
    .where('article_id', '=', articleId).where('status', '=', 'approved').executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countArticles(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('articles').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
