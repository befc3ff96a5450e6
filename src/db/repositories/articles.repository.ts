import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool } from 'kysely'
import type { DbOrTrx } from '../database.js'
import type { ArticlesTable } from '../tables/articles.table.js'
import { LIVE_STATUSES } from '../../domain/publishing.js'
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

/**
 * "An article is live" in SQL, as isPubliclyVisible (domain/publishing.ts) decides it for one row: a live
 * status and its publication time reached. `table` is the articles table's name or alias in the query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isLive(now: Date, table = 'articles'): (eb: ExpressionBuilder<any, any>) => Expression<SqlBool> {
  return (eb) => eb.and([eb(`${table}.status`, 'in', LIVE_STATUSES), eb(`${table}.published_at`, '<=', now.toISOString())])
}

export function liveArticles(db: DbOrTrx, edition: string, now: Date) {
  return db.selectFrom('articles').where('articles.edition', '=', edition).where(isLive(now))
}

export function newsfeedColumns(db: DbOrTrx, edition: string, now: Date) {
  return liveArticles(db, edition, now).select((eb) => [
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
  let query = newsfeedColumns(db, q.edition, q.now)
  if (q.before) {
    const { publishedAt, id } = q.before
    query = query.where((eb) => eb.or([
      eb('articles.published_at', '<', publishedAt),
      eb.and([eb('articles.published_at', '=', publishedAt), eb('articles.id', '<', id)])
    ]))
  }
  const rows = await query.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(q.limit + 1).execute()
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
  const row = await liveArticles(db, q.edition, q.now).where('articles.published_at', '<', q.instant)
    .select('articles.published_at').orderBy('articles.published_at', 'desc').limit(1).executeTakeFirst()
  return row?.published_at ?? null
}

/** Publication time of the earliest live story at or after `instant` (to find the next day with news). */
export async function earliestPublishedFrom(db: DbOrTrx, q: { edition: string, now: Date, instant: IsoInstant }): Promise<IsoInstant | null> {
  const row = await liveArticles(db, q.edition, q.now).where('articles.published_at', '>=', q.instant)
    .select('articles.published_at').orderBy('articles.published_at', 'asc').limit(1).executeTakeFirst()
  return row?.published_at ?? null
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
  return liveArticles(db, q.edition, q.now).where('articles.slug', '=', q.slug).selectAll('articles')
    .orderBy('articles.published_at', 'desc').execute()
}

export async function liveArticleById(db: DbOrTrx, q: { now: Date, id: number }): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll()
    .where('id', '=', q.id).where(isLive(q.now))
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
