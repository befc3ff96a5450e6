// What the comment moderation screen reads. Every change goes through moderation.service.ts, which
// keeps the audit row and the page cache in step:
// moderateComment, moderateComments, editComment, replyAsStaff.
import type { CommentStatus } from '../db/tables/comments.table.js'
import { commentById, countByStatus, moderationQueue, type ModerationQueueRow } from '../db/repositories/comments.repository.js'
import { articleById } from '../db/repositories/articles.repository.js'
import { parseReasons } from '../domain/spam.js'
import type { Deps } from './deps.js'

/** Comments per page on the moderation screen: each one is tall (facts, reasons, text, buttons). */
export const COMMENTS_PER_PAGE = 20

export async function moderationScreen(deps: Deps, q: { status: CommentStatus, search?: string | undefined, before?: { createdAt: string, id: number } | undefined }): Promise<{
  comments: ModerationQueueRow[], hasMore: boolean, counts: Record<CommentStatus, number>
}> {
  const [rows, counts] = await Promise.all([
    moderationQueue(deps.db, { status: q.status, search: q.search, before: q.before, limit: COMMENTS_PER_PAGE + 1 }),
    countByStatus(deps.db)
  ])
  return { comments: rows.slice(0, COMMENTS_PER_PAGE), hasMore: rows.length > COMMENTS_PER_PAGE, counts }
}

/** One comment with its article, as a moderation screen row. */
export async function commentForModeration(deps: Deps, id: number): Promise<(ModerationQueueRow & { previousStatus: CommentStatus | null }) | null> {
  const c = await commentById(deps.db, id)
  if (!c) return null
  const article = await articleById(deps.db, c.article_id)
  if (!article) return null
  return {
    id: c.id, status: c.status, articleId: c.article_id, articleEdition: article.edition, articleHeadline: article.headline,
    articleSlug: article.slug, articlePublishedAt: article.published_at, parentId: c.parent_id, userId: c.user_id,
    authorName: c.author_name, authorEmail: c.author_email, authorUrl: c.author_url, ip: c.ip, userAgent: c.user_agent,
    body: c.body, bodyHtml: c.body_html, reasons: parseReasons(c.spam_reasons), createdAt: c.created_at, updatedAt: c.updated_at,
    previousStatus: c.previous_status
  }
}
