// The live log (issue 16): appending under one lock, reading in id order, pruning by age.
import { sql, type Selectable } from 'kysely'
import type { Db, DbOrTrx } from '../database.js'
import type { LiveArticleStatesTable } from '../tables/live.table.js'
import { LIVE_STATUSES } from '../../domain/publishing.js'
import { isPostgres } from '../migrations/helpers.js'
import type { IsoInstant } from '../../domain/days.js'

export interface LiveEventRow {
  id: number
  edition: string
  articleId: number | null
  kind: string
  /** JSON text, sent to readers as it is. */
  data: string
  createdAt: IsoInstant
}

export type LiveStateRow = Selectable<LiveArticleStatesTable>

/** An article as the live newsfeed shows it; null fields when it is not live. */
export interface LiveArticleRow {
  id: number
  edition: string
  slug: string
  headline: string
  lead: string
  status: string
  publishedAt: IsoInstant | null
  breaking: boolean
  sectionSlug: string | null
  commentCount: number
}

/**
 * Runs `work` in a transaction that holds the live log's lock. Appends are serialised across every
 * process, so ids are committed in order: a reader that has seen id n never sees a smaller id appear
 * later (PostgreSQL hands out identity values before commit). SQLite has one writer anyway.
 * The lock is per schema, so test schemas (or two sites) in one database do not wait for each other.
 */
export async function withLiveLogLock<T>(db: Db, work: (trx: DbOrTrx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext('lede_live_log:' || current_schema()))`.execute(trx)
    return work(trx)
  })
}

export async function liveArticle(db: DbOrTrx, id: number): Promise<LiveArticleRow | null> {
  const row = await db.selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select((eb) => [
      'articles.id', 'articles.edition', 'articles.slug', 'articles.headline', 'articles.lead', 'articles.status',
      'articles.published_at', 'articles.breaking', 'sections.slug as section_slug',
      eb.selectFrom('comments').whereRef('comments.article_id', '=', 'articles.id').where('comments.status', '=', 'approved')
        .select(eb.fn.countAll<number>().as('n')).as('comment_count')
    ])
    .where('articles.id', '=', id).executeTakeFirst()
  if (!row) return null
  return {
    id: row.id, edition: row.edition, slug: row.slug, headline: row.headline, lead: row.lead, status: row.status,
    publishedAt: row.published_at, breaking: row.breaking === 1, sectionSlug: row.section_slug ?? null,
    commentCount: Number(row.comment_count ?? 0)
  }
}

export async function liveState(db: DbOrTrx, articleId: number): Promise<LiveStateRow | undefined> {
  return db.selectFrom('live_article_states').selectAll().where('article_id', '=', articleId).executeTakeFirst()
}

export async function saveLiveState(db: DbOrTrx, state: LiveStateRow): Promise<void> {
  const { article_id: _, ...rest } = state
  await db.insertInto('live_article_states').values(state)
    .onConflict((oc) => oc.column('article_id').doUpdateSet(rest)).execute()
}

export async function deleteLiveState(db: DbOrTrx, articleId: number): Promise<void> {
  await db.deleteFrom('live_article_states').where('article_id', '=', articleId).execute()
}

/** The highest article id, or 0: where baselineLiveStates's ranges end. */
export async function newestArticleId(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return Number(row?.id ?? 0)
}

/**
 * Records what readers see now of every article in the id range (`after`, `upTo`] the log has never heard
 * of (content that was there before the log, or loaded by a command), so their next change is told as a
 * change, not as news.
 */
export async function baselineLiveStates(db: DbOrTrx, now: Date, range: { after: number, upTo: number }): Promise<void> {
  const nowIso = now.toISOString()
  await db.insertInto('live_article_states')
    .columns(['article_id', 'edition', 'visible', 'headline', 'lead', 'breaking', 'comment_count'])
    .expression((eb) => eb.selectFrom('articles')
      .select((s) => [
        'articles.id', 'articles.edition',
        s.case().when(s.and([s('articles.status', 'in', LIVE_STATUSES), s('articles.published_at', '<=', nowIso)]))
          .then(1).else(0).end().as('visible'),
        'articles.headline', 'articles.lead', 'articles.breaking',
        s.selectFrom('comments').whereRef('comments.article_id', '=', 'articles.id').where('comments.status', '=', 'approved')
          .select(s.fn.countAll<number>().as('n')).as('comment_count')
      ])
      .where('articles.id', '>', range.after).where('articles.id', '<=', range.upTo)
      .where((s) => s.not(s.exists(s.selectFrom('live_article_states').select('live_article_states.article_id')
        .whereRef('live_article_states.article_id', '=', 'articles.id')))))
    .onConflict((oc) => oc.column('article_id').doNothing())
    .execute()
}

export async function appendLiveEvent(db: DbOrTrx, event: Omit<LiveEventRow, 'id'>): Promise<number> {
  const row = await db.insertInto('live_events')
    .values({ edition: event.edition, article_id: event.articleId, kind: event.kind, data: event.data, created_at: event.createdAt })
    .returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Rows after `afterId` in log order (of one edition, or all), at most `limit`. */
export async function liveEventsAfter(db: DbOrTrx, q: { afterId: number, limit: number, edition?: string }): Promise<LiveEventRow[]> {
  let query = db.selectFrom('live_events').selectAll().where('id', '>', q.afterId)
  if (q.edition !== undefined) query = query.where('edition', '=', q.edition)
  const rows = await query.orderBy('id', 'asc').limit(q.limit).execute()
  return rows.map((r) => ({ id: r.id, edition: r.edition, articleId: r.article_id, kind: r.kind, data: r.data, createdAt: r.created_at }))
}

/** The oldest and newest ids the log holds (null when it is empty). */
export async function liveLogBounds(db: DbOrTrx): Promise<{ oldest: number | null, newest: number | null }> {
  const row = await db.selectFrom('live_events')
    .select((eb) => [eb.fn.min('id').as('oldest'), eb.fn.max('id').as('newest')]).executeTakeFirst()
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return { oldest: n(row?.oldest), newest: n(row?.newest) }
}

/**
 * Deletes rows logged before `before`, but never the newest: it is what tells a reconnecting reader
 * whether its id is still covered. Returns how many went.
 */
export async function pruneLiveEvents(db: DbOrTrx, before: IsoInstant): Promise<number> {
  const { newest } = await liveLogBounds(db)
  if (newest === null) return 0
  const result = await db.deleteFrom('live_events').where('created_at', '<', before).where('id', '<', newest).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Scheduled stories whose time has come and that readers have not been told about, oldest first. */
export async function dueScheduledArticles(db: DbOrTrx, q: { now: IsoInstant, limit: number }): Promise<number[]> {
  const rows = await db.selectFrom('articles')
    .leftJoin('live_article_states', 'live_article_states.article_id', 'articles.id')
    .select('articles.id')
    .where('articles.status', '=', 'scheduled').where('articles.published_at', '<=', q.now)
    .where((eb) => eb.or([eb('live_article_states.visible', 'is', null), eb('live_article_states.visible', '=', 0)]))
    .orderBy('articles.published_at', 'asc').orderBy('articles.id', 'asc').limit(q.limit).execute()
  return rows.map((r) => r.id)
}
