import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely'
import type { Database, DbOrTrx } from '../database.js'
import { engineOf, isPostgres } from '../engine.js'
import { chunksFor } from '../chunks.js'
import { insertRows } from '../insert-rows.js'
import { anyColumnContains } from '../text-match.js'
import type { ArticlesTable } from '../tables/articles.table.js'
import { LIST_FILTERS, LIVE_STATUSES, isPubliclyVisible, type ArticleStatus, type ListFilter } from '../../domain/publishing.js'
import type { IsoInstant } from '../../domain/days.js'
import { reusableQuery } from '../reusable-query.js'

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

export type LiveStatus = typeof LIVE_STATUSES[number]

/** A latest publication time a query wants: strictly before an instant, or at or before it. */
export interface UpperBound { op: '<' | '<=', at: IsoInstant }

/**
 * The tighter of two latest publication times (either may be absent). A query of live articles carries
 * exactly one such bound: given two (`<= now` and `< the day's end`), SQLite bounds its index scan by the
 * one it estimates tighter, and with only sqlite_stat1 (decision 017) it took `<= now`, reading every story
 * from now back to the day asked for: a day page of 2022 on a three-year archive took 3 ms, not 30 µs.
 */
export function tighter(a: UpperBound | undefined, b: UpperBound | undefined): UpperBound | undefined {
  if (!a || !b) return a ?? b
  if (a.at !== b.at) return a.at < b.at ? a : b
  return a.op === '<' ? a : b
}

/**
 * Live articles of an edition, published no later than `upTo` when given. `statuses` narrows them to one
 * live status at a time (see newestPerStatus): with a single status the (edition, status, published_at, id)
 * index hands rows over in order.
 */
export function liveArticles(db: DbOrTrx, edition: string, now: Date, statuses: readonly LiveStatus[] = LIVE_STATUSES, upTo?: UpperBound) {
  // "Live" is a live status and a publication time reached; that time and `upTo` make one bound.
  const bound = tighter({ op: '<=', at: now.toISOString() }, upTo)!
  const query = db.selectFrom('articles').where('articles.edition', '=', edition).where('articles.published_at', bound.op, bound.at)
  return statuses.length === 1 ? query.where('articles.status', '=', statuses[0]!) : query.where('articles.status', 'in', statuses)
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

/** The columns of a newsfeed line (toNewsfeedItem), its approved comments counted. */
const newsfeedSelection = (eb: ExpressionBuilder<Database, 'articles'>) => [
  'articles.id', 'articles.slug', 'articles.headline', 'articles.published_at', 'articles.breaking', 'articles.edition',
  eb.selectFrom('comments').whereRef('comments.article_id', '=', 'articles.id').where('comments.status', '=', 'approved')
    .select(eb.fn.countAll<number>().as('n')).as('comment_count')
] as const

export function newsfeedColumns(db: DbOrTrx, edition: string, now: Date, statuses: readonly LiveStatus[] = LIVE_STATUSES, upTo?: UpperBound) {
  return liveArticles(db, edition, now, statuses, upTo).select(newsfeedSelection)
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
    let query = newsfeedColumns(db, q.edition, q.now, [status], q.before && { op: '<=', at: q.before.publishedAt })
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

/**
 * The edition's live stories pinned to the top of the front page, newest first. `sticky = 1` is written
 * into the SQL, not bound: only then can either engine use the partial index that holds just the pinned
 * stories (articles_sticky_idx), so this read costs the same however large the archive.
 */
export async function pinnedStories(db: DbOrTrx, q: { edition: string, now: Date, limit: number }): Promise<NewsfeedItem[]> {
  return (await pinnedStoriesQuery(db, q.edition, q.now.toISOString(), q.limit)).map(toNewsfeedItem)
}

// Read by every uncached front page: compiled once (src/db/reusable-query.ts).
const pinnedStoriesQuery = reusableQuery((db: DbOrTrx, edition: string, now: IsoInstant, limit: number) =>
  db.selectFrom('articles').where('articles.edition', '=', edition).where('articles.published_at', '<=', now)
    .where('articles.status', 'in', LIVE_STATUSES).where(sql<boolean>`articles.sticky = 1`)
    .select(newsfeedSelection).orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(limit))

/** Every live story published within [start, end), newest first. */
export async function dayNewsfeed(db: DbOrTrx, q: { edition: string, now: Date, start: IsoInstant, end: IsoInstant }): Promise<NewsfeedItem[]> {
  const rows = await newsfeedColumns(db, q.edition, q.now, LIVE_STATUSES, { op: '<', at: q.end })
    .where('articles.published_at', '>=', q.start)
    .orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc')
    .execute()
  return rows.map(toNewsfeedItem)
}

/** Publication time of the latest live story before `instant` (to find the previous day with news). */
export async function latestPublishedBefore(db: DbOrTrx, q: { edition: string, now: Date, instant: IsoInstant }): Promise<IsoInstant | null> {
  const [row] = await newestPerStatus(1, (status) => liveArticles(db, q.edition, q.now, [status], { op: '<', at: q.instant })
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

// Read by every uncached article page: compiled once (src/db/reusable-query.ts).
const articlesBySlugQuery = reusableQuery((db: DbOrTrx, edition: string, slug: string) =>
  db.selectFrom('articles').selectAll().where('edition', '=', edition).where('slug', '=', slug).orderBy('published_at', 'desc'))

/** Live articles with this slug (a slug is unique per day, so several days may share one). */
export async function liveArticlesBySlug(db: DbOrTrx, q: { edition: string, now: Date, slug: string }): Promise<ArticleRow[]> {
  // By (edition, slug) alone, then live ones kept here: with the status and time in the WHERE clause,
  // SQLite without statistics went by the feed index and read the whole edition to find one slug.
  const rows = await articlesBySlugQuery(db, q.edition, q.slug)
  return rows.filter((row) => isPubliclyVisible({ status: row.status, publishedAt: row.published_at }, q.now))
}

export async function liveArticleById(db: DbOrTrx, q: { now: Date, id: number }): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll()
    .where('id', '=', q.id).where(isLive(q.now))
    .executeTakeFirst()
}

/** An edition's articles published within [start, end): the day range both slug readers below share. */
function publishedWithin(db: DbOrTrx, q: { edition: string, start: IsoInstant, end: IsoInstant }) {
  return db.selectFrom('articles').where('edition', '=', q.edition).where('published_at', '>=', q.start).where('published_at', '<', q.end)
}

/** Slugs already used by articles of an edition published within [start, end). */
export async function slugsPublishedBetween(db: DbOrTrx, q: { edition: string, start: IsoInstant, end: IsoInstant, exceptId?: number }): Promise<Set<string>> {
  let query = publishedWithin(db, q).select('slug')
  if (q.exceptId !== undefined) query = query.where('id', '!=', q.exceptId)
  return new Set((await query.execute()).map((r) => r.slug))
}

/** The slugs and publication times of an edition's articles published within [start, end) (days' slugs at once). */
export async function slugTimesPublishedBetween(db: DbOrTrx, q: { edition: string, start: IsoInstant, end: IsoInstant }): Promise<{ slug: string, published_at: IsoInstant }[]> {
  const rows = await publishedWithin(db, q).select(['slug', 'published_at']).execute()
  return rows.map((r) => ({ slug: r.slug, published_at: r.published_at! }))
}

export async function insertArticle(db: DbOrTrx, values: Insertable<ArticlesTable>): Promise<number> {
  const row = await db.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** New articles with the ids reserveIds gave them, several rows to a statement; their rows as stored, by id. */
export async function insertArticles(db: DbOrTrx, rows: readonly (Insertable<ArticlesTable> & { id: number })[]): Promise<Map<number, ArticleRow>> {
  const inserted = new Map<number, ArticleRow>()
  if (rows.length === 0) return inserted
  // When every row names the same columns, each with a value, the statement is compiled once
  // (insert-rows.ts): Kysely's builder cost about as much as SQLite's insert for an import's batch. A
  // column some rows leave out takes its default, which the builder writes and insertRows does not.
  // The rows come back as stored (`returning *`, as a select would read them), which saves reading them again.
  const columns = Object.keys(rows[0]!) as (keyof typeof rows[number])[]
  if (rows.every((row) => Object.keys(row).length === columns.length && columns.every((c) => row[c] !== undefined))) {
    for (const row of await insertRows<ArticleRow>(db, 'articles', columns, rows.map((row) => columns.map((c) => row[c])), 'returning *')) inserted.set(row.id, row)
    return inserted
  }
  const count = new Set(rows.flatMap((r) => Object.keys(r))).size
  for (const chunk of chunksFor(rows, count)) {
    for (const row of await db.insertInto('articles').values(chunk).returningAll().execute()) inserted.set(row.id, row)
  }
  return inserted
}

export async function countArticles(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('articles').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

// ---------------------------------------------------------------------------------------------------
// The newsroom's view: every status, not only what readers see.

export async function articleById(db: DbOrTrx, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * The article, locked until the transaction ends on PostgreSQL, so a concurrent status change waits for
 * it. SQLite runs the app's transactions one after another and has no row locks.
 */
export async function articleByIdForUpdate(db: DbOrTrx, id: number): Promise<ArticleRow | undefined> {
  const query = db.selectFrom('articles').selectAll().where('id', '=', id)
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst()
}

/**
 * Saves new values only if nobody saved in between (optimistic locking): the row must still carry
 * `expectedVersion`. Bumps the version. False when the row moved on or is gone.
 */
export async function updateArticleIfVersion(db: DbOrTrx, id: number, expectedVersion: number, values: Updateable<ArticlesTable>): Promise<boolean> {
  const result = await db.updateTable('articles')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id).where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function deleteArticleRow(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('articles').where('id', '=', id).execute()
}

export { LIST_FILTERS, type ListFilter }

export interface ArticleListQuery {
  status: ListFilter
  edition?: string | undefined
  sectionId?: number | undefined
  authorId?: number | undefined
  text?: string | undefined
  now: Date
  limit: number
  /** Keyset position: the last row shown, ordered by (updated_at, id) descending. */
  after?: { updatedAt: string, id: number } | undefined
  /** Or the first row shown, to go back a page (rows just newer than it). */
  before?: { updatedAt: string, id: number } | undefined
}

export interface ArticleListItem {
  id: number
  edition: string
  slug: string
  headline: string
  status: ArticleStatus
  publishedAt: string | null
  updatedAt: string
  authorId: number | null
  authorName: string | null
  sectionName: string | null
  version: number
  /** For a trashed article, the status it had before (it decides who may restore or delete it). */
  trashedFrom: ArticleStatus | null
}

/**
 * The newsroom's article list: newest change first, filtered. Text matches the headline case-insensitively
 * (PostgreSQL: any script; SQLite's LIKE folds ASCII letters only). `hasMore` says whether another page
 * exists in the direction asked (older after `after`, newer before `before`).
 */
export async function adminArticleList(db: DbOrTrx, q: ArticleListQuery): Promise<{ items: ArticleListItem[], hasMore: boolean }> {
  const now = q.now.toISOString()
  let query = db.selectFrom('articles')
    .leftJoin('users', 'users.id', 'articles.author_id')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id', 'articles.edition', 'articles.slug', 'articles.headline', 'articles.status', 'articles.published_at',
      'articles.updated_at', 'articles.author_id', 'articles.version', 'articles.trashed_from', 'users.display_name as author_name',
      'sections.name as section_name'
    ])
  switch (q.status) {
    case 'all': query = query.where('articles.status', '!=', 'trashed'); break
    case 'draft': case 'pending': case 'trashed': query = query.where('articles.status', '=', q.status); break
    case 'scheduled': query = query.where('articles.status', '=', 'scheduled').where('articles.published_at', '>', now); break
    case 'published':
      query = query.where((eb) => eb.or([
        eb('articles.status', '=', 'published'),
        eb.and([eb('articles.status', '=', 'scheduled'), eb('articles.published_at', '<=', now)])
      ]))
      break
  }
  if (q.edition !== undefined) query = query.where('articles.edition', '=', q.edition)
  if (q.sectionId !== undefined) query = query.where('articles.section_id', '=', q.sectionId)
  if (q.authorId !== undefined) query = query.where('articles.author_id', '=', q.authorId)
  if (q.text) {
    query = query.where(anyColumnContains(engineOf(db), ['articles.headline'], q.text))
  }
  if (q.after) {
    const { updatedAt, id } = q.after
    query = query.where((eb) => eb.or([
      eb('articles.updated_at', '<', updatedAt),
      eb.and([eb('articles.updated_at', '=', updatedAt), eb('articles.id', '<', id)])
    ]))
  }
  if (q.before) {
    const { updatedAt, id } = q.before
    query = query.where((eb) => eb.or([
      eb('articles.updated_at', '>', updatedAt),
      eb.and([eb('articles.updated_at', '=', updatedAt), eb('articles.id', '>', id)])
    ]))
  }
  const direction = q.before ? 'asc' : 'desc'
  const fetched = await query.orderBy('articles.updated_at', direction).orderBy('articles.id', direction).limit(q.limit + 1).execute()
  // Going back, the rows come oldest first: keep the page's newest end and show it newest first.
  const rows = q.before ? fetched.slice(0, q.limit).reverse() : fetched.slice(0, q.limit)
  return {
    items: rows.map((r) => ({
      id: r.id, edition: r.edition, slug: r.slug, headline: r.headline, status: r.status, publishedAt: r.published_at,
      updatedAt: r.updated_at, authorId: r.author_id, authorName: r.author_name ?? null, sectionName: r.section_name ?? null,
      version: r.version, trashedFrom: r.trashed_from
    })),
    hasMore: fetched.length > q.limit
  }
}

/** How many articles each list filter would show (for the tabs). */
export async function articleCountsByFilter(db: DbOrTrx, now: Date, edition?: string): Promise<Record<ListFilter, number>> {
  let byStatus = db.selectFrom('articles').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).groupBy('status')
  let due = db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'scheduled').where('published_at', '<=', now.toISOString())
  if (edition !== undefined) {
    byStatus = byStatus.where('edition', '=', edition)
    due = due.where('edition', '=', edition)
  }
  const [rows, dueRow] = await Promise.all([byStatus.execute(), due.executeTakeFirstOrThrow()])
  const n = (status: ArticleStatus) => Number(rows.find((r) => r.status === status)?.n ?? 0)
  const scheduledDue = Number(dueRow.n)
  return {
    all: n('draft') + n('pending') + n('scheduled') + n('published'),
    draft: n('draft'),
    pending: n('pending'),
    scheduled: n('scheduled') - scheduledDue,
    published: n('published') + scheduledDue,
    trashed: n('trashed')
  }
}

/** Articles per status; statuses with none are absent. */
export async function articleCountsByStatus(db: DbOrTrx, authorId?: number): Promise<Record<string, number>> {
  let q = db.selectFrom('articles').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status')
  if (authorId !== undefined) q = q.where('author_id', '=', authorId)
  const rows = await q.execute()
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}
