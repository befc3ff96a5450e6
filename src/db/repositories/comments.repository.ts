import { sql, type Insertable, type Selectable } from 'kysely'
import { chunksFor } from '../chunks.js'
import type { DbOrTrx } from '../database.js'
import { engineOf } from '../engine.js'
import { insertRows } from '../insert-rows.js'
import { anyColumnContains } from '../text-match.js'
import { COMMENT_STATUSES, type CommentsTable, type CommentStatus } from '../tables/comments.table.js'
import { parseReasons, type ModerationReason } from '../../domain/spam.js'
import type { IsoInstant } from '../../domain/days.js'
import { commentTextToHtml } from '../../domain/comment-text.js'
import { reusableQuery } from '../reusable-query.js'

export type CommentRow = Selectable<CommentsTable>

/** What a reader may see of a comment: never the email, IP or user agent. */
export interface PublicComment {
  id: number
  parentId: number | null
  authorName: string
  authorUrl: string | null
  body: string
  /** The text as HTML, rendered when it was saved. */
  bodyHtml: string
  createdAt: string
  /** Ancestors' ids and its own, zero-padded and concatenated (see domain/comment-tree.ts). */
  threadPath: string
  depth: number
  /** Written by a member of staff (replies from the newsroom). */
  byStaff: boolean
  /** When a moderator last changed it (status or content); null if never. */
  updatedAt: string | null
}

/** An article's approved comments in thread order (depth-first, replies in the order they came), in one query. */
// Read by every uncached article page: compiled once (src/db/reusable-query.ts).
const approvedCommentsQuery = reusableQuery((db: DbOrTrx, articleId: number) =>
  db.selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_url', 'body', 'body_html', 'created_at', 'thread_path', 'depth', 'user_id', 'updated_at'])
    .where('article_id', '=', articleId).where('status', '=', 'approved')
    .orderBy('thread_path', 'asc').orderBy('id', 'asc'))

export async function approvedComments(db: DbOrTrx, articleId: number): Promise<PublicComment[]> {
  const rows = await approvedCommentsQuery(db, articleId)
  return rows.map((r) => ({
    id: r.id, parentId: r.parent_id, authorName: r.author_name, authorUrl: r.author_url, body: r.body, bodyHtml: r.body_html, createdAt: r.created_at,
    threadPath: r.thread_path, depth: r.depth, byStaff: r.user_id !== null, updatedAt: r.updated_at
  }))
}

/** A comment's thread path: its parent's path ('' at the top) and its own id. */
export const threadPathOf = (parentPath: string, id: number) => parentPath + String(id).padStart(10, '0')

/**
 * Inserts a comment; give `threadPathPrefix` (its parent's path, '' at the top) to have its thread path set.
 * Its HTML is rendered here, beside the text's only other writes (insertComments and updateCommentContent),
 * so they can never disagree and no reader's request ever renders comment text.
 */
export async function insertComment(db: DbOrTrx, values: Omit<Insertable<CommentsTable>, 'body_html'>, threadPathPrefix = ''): Promise<number> {
  const row = await db.insertInto('comments').values({ ...values, body_html: commentTextToHtml(values.body) }).returning('id').executeTakeFirstOrThrow()
  // The path ends with the comment's own id, known only now.
  await db.updateTable('comments').set({ thread_path: threadPathOf(threadPathPrefix, row.id) }).where('id', '=', row.id).execute()
  return row.id
}

/**
 * Inserts comments whose ids were reserved (reserveIds), so their thread paths and their replies'
 * parent_id are known up front: several rows to a statement, in the order given, each as insertComment
 * would have written it.
 */
export async function insertComments(db: DbOrTrx, rows: readonly (Omit<Insertable<CommentsTable>, 'body_html'> & { id: number, thread_path: string, body_html?: string })[]): Promise<void> {
  if (rows.length === 0) return
  // The statement is compiled once (insert-rows.ts): an import's batch inserts hundreds of comments.
  // Every row names the same columns (a column some rows leave out would take its default, which the
  // builder writes and insertRows does not): otherwise the builder writes them.
  const columns = [...new Set([...Object.keys(rows[0]!), 'body_html'])] as (keyof typeof rows[number])[]
  // body_html, when given, is commentTextToHtml(body) rendered beforehand (an import's worker thread).
  const withHtml = rows.map((values) => ({ ...values, body_html: values.body_html ?? commentTextToHtml(values.body) }))
  if (withHtml.some((row) => Object.keys(row).length !== columns.length || columns.some((c) => row[c] === undefined))) {
    for (const chunk of chunksFor(withHtml, columns.length)) await db.insertInto('comments').values(chunk).execute()
    return
  }
  await insertRows(db, 'comments', columns, withHtml.map((row) => columns.map((c) => row[c])))
}

export async function commentById(db: DbOrTrx, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function commentsByIds(db: DbOrTrx, ids: number[]): Promise<CommentRow[]> {
  if (ids.length === 0) return []
  return db.selectFrom('comments').selectAll().where('id', 'in', ids).orderBy('id').execute()
}

/** WordPress's "previously approved" test: an approved comment under exactly this name and this email. */
export async function hasApprovedComment(db: DbOrTrx, q: { authorName: string, authorEmail: string }): Promise<boolean> {
  if (q.authorName === '' || q.authorEmail === '') return false
  const row = await db.selectFrom('comments').select('id')
    .where(sql<string>`lower(author_email)`, '=', q.authorEmail.toLowerCase())
    .where('author_name', '=', q.authorName).where('status', '=', 'approved')
    .limit(1).executeTakeFirst()
  return row !== undefined
}

/**
 * Holds, until the transaction ends, every other comment from this address, so that the duplicate and
 * flood checks and the insert are one step: N identical posts sent at once store one. SQLite needs nothing
 * more than the transaction: its one connection runs one transaction at a time.
 */
export async function lockCommentsFromAddress(trx: DbOrTrx, ip: string): Promise<void> {
  if (engineOf(trx) !== 'postgres') return
  await sql`select pg_advisory_xact_lock(hashtext(${`lede-comment-ip:${ip}`}))`.execute(trx)
}

/** An IP's recent comments in any status, for flood control and the per-IP rate limit. */
export async function recentCommentsFromIp(db: DbOrTrx, ip: string, since: string): Promise<{ latest: string | null, lastHourCount: number, lastHourOldest: string | null }> {
  const latest = await db.selectFrom('comments').select('created_at').where('ip', '=', ip)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst()
  const window = await db.selectFrom('comments')
    .select([sql<number>`count(*)`.as('n'), sql<string | null>`min(created_at)`.as('oldest')])
    .where('ip', '=', ip).where('created_at', '>=', since).executeTakeFirstOrThrow()
  return { latest: latest?.created_at ?? null, lastHourCount: Number(window.n), lastHourOldest: window.oldest }
}

/**
 * WordPress's duplicate test: the same text in the same place (article and parent) from the same name or
 * email, in any status but trash.
 */
export async function findDuplicateComment(db: DbOrTrx, q: { articleId: number, parentId: number | null, authorName: string, authorEmail: string, body: string }): Promise<number | null> {
  let query = db.selectFrom('comments').select('id')
    .where('article_id', '=', q.articleId).where('status', '!=', 'trash').where('body', '=', q.body)
    .where((eb) => q.authorEmail === ''
      ? eb('author_name', '=', q.authorName)
      : eb.or([eb('author_name', '=', q.authorName), eb(sql<string>`lower(author_email)`, '=', q.authorEmail.toLowerCase())]))
  query = q.parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', q.parentId)
  const row = await query.limit(1).executeTakeFirst()
  return row?.id ?? null
}

export async function setCommentStatus(db: DbOrTrx, id: number, status: CommentStatus, previousStatus: CommentStatus | null, at: string): Promise<void> {
  await db.updateTable('comments').set({ status, previous_status: previousStatus, updated_at: at }).where('id', '=', id).execute()
}

export async function updateCommentContent(db: DbOrTrx, id: number, values: { authorName: string, authorUrl: string | null, body: string, updatedAt: string }): Promise<void> {
  await db.updateTable('comments')
    .set({ author_name: values.authorName, author_url: values.authorUrl, body: values.body, body_html: commentTextToHtml(values.body), updated_at: values.updatedAt })
    .where('id', '=', id).execute()
}

/** Deletes a comment for good; its replies keep their place (parent_id is set null by the foreign key). */
export async function deleteComment(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('comments').where('id', '=', id).execute()
}

/** Anonymises every comment written with this email (any case); returns how many. The text stays. */
export async function eraseCommenterData(db: DbOrTrx, email: string, anonymousName: string): Promise<number> {
  const result = await db.updateTable('comments')
    .set({ author_name: anonymousName, author_email: '', author_url: null, ip: null, user_agent: null })
    .where(sql<string>`lower(author_email)`, '=', email.toLowerCase())
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

// ---- For the newsroom's comment screens ----

/** One comment in the moderation queue, with everything a moderator needs to decide. */
export interface ModerationQueueRow {
  id: number
  status: CommentStatus
  articleId: number
  articleEdition: string
  articleHeadline: string
  articleSlug: string
  articlePublishedAt: string | null
  parentId: number | null
  userId: number | null
  authorName: string
  /** For moderators only: never render it on a public page. */
  authorEmail: string
  authorUrl: string | null
  ip: string | null
  userAgent: string | null
  body: string
  bodyHtml: string
  reasons: ModerationReason[]
  createdAt: string
  updatedAt: string | null
}

export interface ModerationQueueQuery {
  /** 'all' is WordPress's "All": pending and approved. */
  status: CommentStatus | 'all'
  /** Case-insensitive substring of the text, name, email, URL or IP. */
  search?: string | undefined
  articleId?: number | undefined
  limit: number
  /** Keyset cursor: the last row of the previous page. */
  before?: { createdAt: string, id: number } | undefined
}

/** Newest first. */
export async function moderationQueue(db: DbOrTrx, q: ModerationQueueQuery): Promise<ModerationQueueRow[]> {
  let query = db.selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select([
      'comments.id', 'comments.status', 'comments.article_id', 'articles.edition', 'articles.headline', 'articles.slug', 'articles.published_at',
      'comments.parent_id', 'comments.user_id', 'comments.author_name', 'comments.author_email', 'comments.author_url',
      'comments.ip', 'comments.user_agent', 'comments.body', 'comments.body_html', 'comments.spam_reasons', 'comments.created_at', 'comments.updated_at'
    ])
  query = q.status === 'all'
    ? query.where('comments.status', 'in', ['pending', 'approved'])
    : query.where('comments.status', '=', q.status)
  if (q.articleId !== undefined) query = query.where('comments.article_id', '=', q.articleId)
  const search = q.search?.trim()
  if (search) {
    query = query.where(anyColumnContains(engineOf(db), ['comments.body', 'comments.author_name', 'comments.author_email', 'comments.author_url', 'comments.ip'], search))
  }
  if (q.before) {
    const { createdAt, id } = q.before
    query = query.where((eb) => eb.or([
      eb('comments.created_at', '<', createdAt),
      eb.and([eb('comments.created_at', '=', createdAt), eb('comments.id', '<', id)])
    ]))
  }
  const rows = await query.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(q.limit).execute()
  return rows.map((r) => ({
    id: r.id, status: r.status, articleId: r.article_id, articleEdition: r.edition, articleHeadline: r.headline, articleSlug: r.slug,
    articlePublishedAt: r.published_at, parentId: r.parent_id, userId: r.user_id, authorName: r.author_name, authorEmail: r.author_email,
    authorUrl: r.author_url, ip: r.ip, userAgent: r.user_agent, body: r.body, bodyHtml: r.body_html, reasons: parseReasons(r.spam_reasons),
    createdAt: r.created_at, updatedAt: r.updated_at
  }))
}

/** How many comments are in each status (every status present, zero when none). */
export async function countByStatus(db: DbOrTrx): Promise<Record<CommentStatus, number>> {
  const rows = await db.selectFrom('comments').select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute()
  const counts = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, 0])) as Record<CommentStatus, number>
  for (const row of rows) if (row.status in counts) counts[row.status] = Number(row.n)
  return counts
}

/** Approved comments written with this email (any case): the pages an erasure changes. */
export async function approvedCommentsByEmail(db: DbOrTrx, email: string): Promise<{ id: number, articleId: number }[]> {
  const rows = await db.selectFrom('comments').select(['id', 'article_id'])
    .where(sql<string>`lower(author_email)`, '=', email.toLowerCase()).where('status', '=', 'approved').execute()
  return rows.map((r) => ({ id: r.id, articleId: r.article_id }))
}

/** How many comments were written with this email (any case). */
export async function countCommentsByEmail(db: DbOrTrx, email: string): Promise<number> {
  const row = await db.selectFrom('comments').select(sql<number>`count(*)`.as('n'))
    .where(sql<string>`lower(author_email)`, '=', email.toLowerCase()).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The newest approved comments of an article, newest first; never the email, IP or user agent. */
export async function latestApprovedComments(db: DbOrTrx, q: { articleId: number, limit: number }): Promise<{ id: number, parentId: number | null, authorName: string, authorUrl: string | null, body: string, bodyHtml: string, createdAt: IsoInstant }[]> {
  const rows = await db.selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_url', 'body', 'body_html', 'created_at'])
    .where('article_id', '=', q.articleId).where('status', '=', 'approved')
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute()
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, authorName: r.author_name, authorUrl: r.author_url, body: r.body, bodyHtml: r.body_html, createdAt: r.created_at }))
}
