// The newsroom's view of articles: every status, not only what readers see.
import type { Updateable } from 'kysely'
import type { DbOrTrx, DialectName } from '../database.js'
import type { ArticlesTable } from '../tables/articles.table.js'
import type { ArticleStatus } from '../../domain/publishing.js'
import type { ArticleRow } from './articles.repository.js'
import { anyColumnContains } from '../text-match.js'
import { isPostgres } from '../migrations/helpers.js'

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

/** The statuses the article list can filter by; "published" includes scheduled stories whose time has come. */
export const LIST_FILTERS = ['all', 'draft', 'pending', 'scheduled', 'published', 'trashed'] as const
export type ListFilter = typeof LIST_FILTERS[number]

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
export async function adminArticleList(db: DbOrTrx, dialect: DialectName, q: ArticleListQuery): Promise<{ items: ArticleListItem[], hasMore: boolean }> {
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
    query = query.where(anyColumnContains(dialect, ['articles.headline'], q.text))
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
