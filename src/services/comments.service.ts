// A reader's comment, read top to bottom: find the article → is it open → the reply's place → validate →
// the moderation verdict → in one transaction holding this IP's lock: duplicate? → too fast or too many from
// this IP? → store with its reasons → tell the rest of the app.
import { validateCommentForm, type CommentFormResult, type CommentFormValues } from '../domain/comment-form.js'
import { placeReply, type ThreadPlace } from '../domain/comment-tree.js'
import { commentsAreOpen, moderationVerdict, threadDepthLimit, VERDICT_STATUS } from '../domain/moderation.js'
import { paceCheck } from '../domain/spam.js'
import type { CommentStatus } from '../db/tables/comments.table.js'
import { liveArticleById, type ArticleRow } from '../db/repositories/articles.repository.js'
import {
  commentById, findDuplicateComment, hasApprovedComment, insertComment, lockCommentsFromAddress, recentCommentsFromIp
} from '../db/repositories/comments.repository.js'
import { readCommentTimingToken } from './comment-token.service.js'
import { currentSettings } from './site-settings.service.js'
import type { Deps } from './deps.js'
import { parseId } from '../domain/ids.js'

/** Whom the form replies to, for "Reply to NAME". */
export interface ReplyTarget { id: number, authorName: string }

export type SubmitCommentResult =
  | { kind: 'bad-article' }
  | { kind: 'not-found' }
  | { kind: 'closed', article: ArticleRow }
  | { kind: 'invalid', article: ArticleRow, form: Extract<CommentFormResult, { ok: false }>, replyTo: ReplyTarget | null }
  | {
    /** Refused after the form was read; the form is shown again with what was typed. */
    kind: 'refused', article: ArticleRow, values: CommentFormValues, replyTo: ReplyTarget | null
    rule: 'bad-parent' | 'duplicate' | 'flood' | 'rate-limit', retryAfterSeconds?: number
  }
  | { kind: 'accepted', article: ArticleRow, commentId: number, status: CommentStatus }

export interface CommentSubmission {
  form: Record<string, unknown>
  ip: string | null
  userAgent: string | null
}

/** A form field that must be one string; arrays and objects (and absence) give null. */
function single(form: Record<string, unknown>, name: string): string | null {
  const value = form[name]
  return typeof value === 'string' ? value : null
}

function rawValues(form: Record<string, unknown>): CommentFormValues {
  const text = (name: string) => single(form, name) ?? ''
  return { author: text('author').trim(), email: text('email').trim(), url: text('url').trim(), comment: text('comment').replace(/\r\n?/g, '\n').trim() }
}

type ParentLookup = { ok: true, place: ThreadPlace, replyTo: ReplyTarget | null } | { ok: false }

/** The comment a reply answers must be approved and on the same article; the depth limit decides where the reply hangs. */
async function findParent(deps: Deps, form: Record<string, unknown>, article: ArticleRow, maxDepth: number): Promise<ParentLookup> {
  const raw = form.comment_parent
  if (raw === undefined || raw === '' || raw === '0') return { ok: true, place: { parentId: null, depth: 0, pathPrefix: '' }, replyTo: null }
  if (parseId(raw) === null) return { ok: false }
  const parent = await commentById(deps.db, Number(raw))
  if (!parent || parent.article_id !== article.id || parent.status !== 'approved') return { ok: false }
  return { ok: true, place: placeReply({ threadPath: parent.thread_path }, maxDepth), replyTo: { id: parent.id, authorName: parent.author_name } }
}

export async function submitComment(deps: Deps, submission: CommentSubmission): Promise<SubmitCommentResult> {
  const rawId = submission.form.article_id
  if (parseId(rawId) === null) return { kind: 'bad-article' }
  const now = deps.clock()
  const article = await liveArticleById(deps.db, { id: Number(rawId), now })
  if (!article) return { kind: 'not-found' }
  const settings = await currentSettings(deps)
  if (!commentsAreOpen(article, settings, now)) return { kind: 'closed', article }

  const parent = await findParent(deps, submission.form, article, threadDepthLimit(settings))
  if (!parent.ok) return { kind: 'refused', article, values: rawValues(submission.form), replyTo: null, rule: 'bad-parent' }
  const { place, replyTo } = parent

  const form = validateCommentForm(submission.form, { requireNameEmail: settings.requireNameEmail })
  if (!form.ok) return { kind: 'invalid', article, form, replyTo }
  const { values } = form

  const ip = submission.ip?.slice(0, 45) ?? null
  const userAgent = submission.userAgent?.slice(0, 500) ?? ''
  const outcome = moderationVerdict({
    authorName: values.author, authorEmail: values.email, authorUrl: values.url, body: values.comment,
    ip: ip ?? '', userAgent,
    honeypot: typeof submission.form.subject === 'string' ? submission.form.subject : submission.form.subject === undefined ? '' : 'not a single value',
    renderedAt: await readCommentTimingToken(deps, article.id, typeof submission.form.ts === 'string' ? submission.form.ts : submission.form.ts === undefined ? '' : 'not a single value')
  }, {
    hasApprovedComment: await hasApprovedComment(deps.db, { authorName: values.author, authorEmail: values.email })
  }, settings, now)
  const status = VERDICT_STATUS[outcome.verdict]

  // The duplicate and pace checks and the insert, as one step per address: checked apart from the insert,
  // parallel identical posts all passed the checks and were all stored.
  const stored = await deps.db.transaction().execute(async (trx): Promise<{ rule: 'duplicate' | 'flood' | 'rate-limit', retryAfterSeconds?: number } | { commentId: number }> => {
    if (ip !== null) await lockCommentsFromAddress(trx, ip)
    const duplicate = await findDuplicateComment(trx, { articleId: article.id, parentId: place.parentId, authorName: values.author, authorEmail: values.email, body: values.comment })
    if (duplicate !== null) return { rule: 'duplicate' }
    if (ip !== null) {
      const recent = await recentCommentsFromIp(trx, ip, new Date(now.getTime() - 3_600_000).toISOString())
      const pace = paceCheck(recent, now)
      if (!pace.ok) return { rule: pace.rule, retryAfterSeconds: pace.retryAfterSeconds }
    }
    const commentId = await insertComment(trx, {
      article_id: article.id,
      parent_id: place.parentId,
      depth: place.depth,
      author_name: values.author,
      author_email: values.email,
      author_url: values.url || null,
      user_id: null,
      body: values.comment,
      status,
      spam_reasons: JSON.stringify(outcome.reasons),
      ip,
      user_agent: userAgent || null,
      created_at: now.toISOString()
    }, place.pathPrefix)
    return { commentId }
  })
  if ('rule' in stored) {
    return { kind: 'refused', article, values, replyTo, rule: stored.rule, ...(stored.retryAfterSeconds !== undefined ? { retryAfterSeconds: stored.retryAfterSeconds } : {}) }
  }
  const { commentId } = stored
  deps.events.emit({ type: 'comment.submitted', commentId, articleId: article.id })
  if (status === 'approved') deps.events.emit({ type: 'comment.approved', commentId, articleId: article.id })
  return { kind: 'accepted', article, commentId, status }
}
