import { validateCommentForm, type CommentFormResult } from '../domain/comment-form.js'
import { liveArticleById, type ArticleRow } from '../db/repositories/articles.repository.js'
import { insertComment } from '../db/repositories/comments.repository.js'
import type { Deps } from './deps.js'

export type SubmitCommentResult =
  | { kind: 'bad-article' }
  | { kind: 'not-found' }
  | { kind: 'closed', article: ArticleRow }
  | { kind: 'invalid', article: ArticleRow, form: Extract<CommentFormResult, { ok: false }> }
  | { kind: 'accepted', article: ArticleRow, commentId: number, status: 'pending' | 'approved' }

export interface CommentSubmission {
  form: Record<string, unknown>
  ip: string | null
  userAgent: string | null
}

const ARTICLE_ID = /^[1-9]\d{0,9}$/

/** A reader's comment: find the article → check it is open → validate → store as pending. */
export async function submitComment(deps: Deps, submission: CommentSubmission): Promise<SubmitCommentResult> {
  const rawId = submission.form.article_id
  if (typeof rawId !== 'string' || !ARTICLE_ID.test(rawId)) return { kind: 'bad-article' }
  const now = deps.clock()
  const article = await liveArticleById(deps.db, { id: Number(rawId), now })
  if (!article) return { kind: 'not-found' }
  if (article.comments_open !== 1) return { kind: 'closed', article }

  const form = validateCommentForm(submission.form)
  if (!form.ok) return { kind: 'invalid', article, form }

  const commentId = await deps.db.transaction().execute((trx) => insertComment(trx, {
    article_id: article.id,
    parent_id: null,
    author_name: form.values.author,
    author_email: form.values.email,
    author_url: form.values.url || null,
    user_id: null,
    body: form.values.comment,
    status: 'pending',
    ip: submission.ip,
    user_agent: submission.userAgent?.slice(0, 500) ?? null,
    created_at: now.toISOString()
  }))
  deps.events.emit({ type: 'comment.submitted', commentId, articleId: article.id })
  return { kind: 'accepted', article, commentId, status: 'pending' }
}
