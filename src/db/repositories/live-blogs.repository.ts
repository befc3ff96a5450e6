// Live blogs and their updates (issue 16).
import type { DbOrTrx } from '../database.js'
import type { IsoInstant } from '../../domain/days.js'
import { reusableQuery } from '../reusable-query.js'

export interface LiveBlog { articleId: number, startedAt: IsoInstant, closedAt: IsoInstant | null }

export interface LiveBlogUpdate {
  id: number
  articleId: number
  bodySource: string
  bodyHtml: string
  keyEvent: boolean
  pinned: boolean
  authorId: number | null
  /** Its picture from the media library, already drawn at the top of bodyHtml. */
  mediaId: number | null
  createdAt: IsoInstant
  updatedAt: IsoInstant | null
}

// Read by every uncached article page: compiled once (src/db/reusable-query.ts).
const liveBlogQuery = reusableQuery((db: DbOrTrx, articleId: number) => db.selectFrom('live_blogs').selectAll().where('article_id', '=', articleId))

export async function liveBlogOf(db: DbOrTrx, articleId: number): Promise<LiveBlog | null> {
  const [row] = await liveBlogQuery(db, articleId)
  return row ? { articleId: row.article_id, startedAt: row.started_at, closedAt: row.closed_at } : null
}

export async function startLiveBlogRow(db: DbOrTrx, articleId: number, at: IsoInstant): Promise<void> {
  // Reopening a closed blog keeps its start: coverage resumes.
  await db.insertInto('live_blogs').values({ article_id: articleId, started_at: at, closed_at: null })
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ closed_at: null })).execute()
}

export async function closeLiveBlogRow(db: DbOrTrx, articleId: number, at: IsoInstant): Promise<void> {
  await db.updateTable('live_blogs').set({ closed_at: at }).where('article_id', '=', articleId).execute()
}

export async function insertUpdate(db: DbOrTrx, values: { articleId: number, bodySource: string, bodyHtml: string, keyEvent: boolean, mediaId: number | null, authorId: number | null, at: IsoInstant }): Promise<number> {
  const row = await db.insertInto('live_blog_updates').values({
    article_id: values.articleId, body_source: values.bodySource, body_html: values.bodyHtml, key_event: values.keyEvent ? 1 : 0, media_id: values.mediaId,
    pinned: 0, author_id: values.authorId, created_at: values.at, updated_at: null, deleted_at: null
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateById(db: DbOrTrx, id: number): Promise<LiveBlogUpdate | null> {
  const row = await db.selectFrom('live_blog_updates').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  return row ? toUpdate(row) : null
}

export async function setUpdateFlags(db: DbOrTrx, id: number, values: { pinned?: boolean, deletedAt?: IsoInstant, updatedAt: IsoInstant }): Promise<void> {
  await db.updateTable('live_blog_updates').set({
    ...(values.pinned !== undefined ? { pinned: values.pinned ? 1 : 0 } : {}),
    ...(values.deletedAt !== undefined ? { deleted_at: values.deletedAt } : {}),
    updated_at: values.updatedAt
  }).where('id', '=', id).execute()
}

export async function setUpdateText(db: DbOrTrx, id: number, values: { bodySource: string, bodyHtml: string, updatedAt: IsoInstant }): Promise<void> {
  await db.updateTable('live_blog_updates').set({ body_source: values.bodySource, body_html: values.bodyHtml, updated_at: values.updatedAt })
    .where('id', '=', id).execute()
}

/** The updates readers see (not deleted), newest first, at most `limit`. */
export async function visibleUpdates(db: DbOrTrx, articleId: number, limit = 500): Promise<LiveBlogUpdate[]> {
  const rows = await db.selectFrom('live_blog_updates').selectAll()
    .where('article_id', '=', articleId).where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map(toUpdate)
}

/**
 * The latest updates of whichever of these articles are live blogs (feeds show them with the story):
 * one query when none is, and one more per live blog, bounded by `perArticle`.
 */
export async function latestUpdatesOf(db: DbOrTrx, articleIds: readonly number[], perArticle: number): Promise<Map<number, LiveBlogUpdate[]>> {
  const out = new Map<number, LiveBlogUpdate[]>()
  if (articleIds.length === 0) return out
  const blogs = await db.selectFrom('live_blogs').select('article_id').where('article_id', 'in', [...articleIds]).execute()
  for (const { article_id: id } of blogs) out.set(id, await visibleUpdates(db, id, perArticle))
  return out
}

function toUpdate(row: { id: number, article_id: number, body_source: string, body_html: string, key_event: number, pinned: number, author_id: number | null, media_id: number | null, created_at: string, updated_at: string | null }): LiveBlogUpdate {
  return {
    id: row.id, articleId: row.article_id, bodySource: row.body_source, bodyHtml: row.body_html, keyEvent: row.key_event === 1,
    pinned: row.pinned === 1, authorId: row.author_id, mediaId: row.media_id, createdAt: row.created_at, updatedAt: row.updated_at
  }
}
