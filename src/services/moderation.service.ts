// Moderator actions on comments, for the newsroom screens: each checks the transition, changes the comment
// and writes its audit row in one transaction, then tells the rest of the app (page caches) what changed.
import { COMMENT_LIMITS, validateCommentEdit } from '../domain/comment-form.js'
import { placeReply } from '../domain/comment-tree.js'
import { moderationTransition, threadDepthLimit, type ModerationAction } from '../domain/moderation.js'
import type { CommentStatus } from '../db/tables/comments.table.js'
import type { DbOrTrx } from '../db/database.js'
import { writeAudit, type Actor } from '../db/repositories/audit.repository.js'
import { keepDeletedCommentKey } from '../db/repositories/imports.repository.js'
import {
  approvedCommentsByEmail, commentById, commentsByIds, deleteComment, eraseCommenterData, insertComment, setCommentStatus, updateCommentContent, type CommentRow
} from '../db/repositories/comments.repository.js'
import type { LedeEvent } from '../events/bus.js'
import { translator, type MessageKey } from '../i18n/index.js'
import { currentSettings } from './site-settings.service.js'
import type { Deps } from './deps.js'

export type { ModerationAction } from '../domain/moderation.js'
export { MODERATION_ACTIONS } from '../domain/moderation.js'

/** The name an erased commenter's comments are shown under. */
export const ANONYMOUS_NAME = 'Anonymous'

const INVALID_ACTION: Record<ModerationAction, MessageKey> = {
  approve: 'moderation.invalid.approve',
  unapprove: 'moderation.invalid.unapprove',
  spam: 'moderation.invalid.spam',
  'not-spam': 'moderation.invalid.notSpam',
  trash: 'moderation.invalid.trash',
  restore: 'moderation.invalid.restore',
  delete: 'moderation.invalid.delete'
}

/** Messages for the newsroom are in the site's default language, which is the newsroom's. */
async function newsroomTranslator(deps: Deps) {
  const settings = await currentSettings(deps)
  return { settings, t: translator(settings.defaultEdition).t }
}

/** What readers can see changed: approving shows a comment, anything that takes an approved one away hides it. */
function visibilityEvent(comment: CommentRow, to: CommentStatus | 'deleted'): LedeEvent | null {
  if (to === 'approved' && comment.status !== 'approved') return { type: 'comment.approved', commentId: comment.id, articleId: comment.article_id }
  if (comment.status === 'approved' && to !== 'approved') return { type: 'comment.unapproved', commentId: comment.id, articleId: comment.article_id }
  return null
}

/** Applies one action inside a transaction; null when the action is not allowed from the comment's status. */
async function applyAction(trx: DbOrTrx, deps: Deps, actor: Actor, comment: CommentRow, action: ModerationAction, reason: string | null | undefined, at: Date): Promise<LedeEvent | null | false> {
  const transition = moderationTransition({ status: comment.status, previousStatus: comment.previous_status }, action)
  if (!transition.ok) return false
  if (transition.status === 'deleted') {
    // An imported comment's WordPress key goes with its row: it is kept, so a re-import does not bring it back.
    await keepDeletedCommentKey(trx, comment, at.toISOString())
    await deleteComment(trx, comment.id)
  } else await setCommentStatus(trx, comment.id, transition.status, transition.previousStatus, at.toISOString())
  await writeAudit(trx, {
    actor, action: `comment.${action}`, subjectType: 'comment', subjectId: comment.id, reason: reason ?? null, at,
    details: { from: comment.status, to: transition.status, articleId: comment.article_id }
  })
  return visibilityEvent(comment, transition.status)
}

export async function moderateComment(deps: Deps, actor: Actor, commentId: number, action: ModerationAction, reason?: string | null):
Promise<{ kind: 'ok' } | { kind: 'not-found' } | { kind: 'invalid', message: string }> {
  const at = deps.clock()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const comment = await commentById(trx, commentId)
    if (!comment) return { kind: 'not-found' as const }
    const event = await applyAction(trx, deps, actor, comment, action, reason, at)
    return event === false ? { kind: 'invalid' as const } : { kind: 'ok' as const, event }
  })
  if (outcome.kind === 'invalid') {
    const { t } = await newsroomTranslator(deps)
    return { kind: 'invalid', message: t(INVALID_ACTION[action]) }
  }
  if (outcome.kind === 'not-found') return outcome
  if (outcome.event) deps.events.emit(outcome.event)
  return { kind: 'ok' }
}

/** Bulk actions: one transaction; comments that are gone or where the action does not apply are skipped. */
export async function moderateComments(deps: Deps, actor: Actor, commentIds: number[], action: ModerationAction, reason?: string | null): Promise<{ done: number, skipped: number }> {
  const ids = [...new Set(commentIds.filter((id) => Number.isSafeInteger(id) && id > 0))]
  const at = deps.clock()
  const events: LedeEvent[] = []
  let done = 0
  await deps.db.transaction().execute(async (trx) => {
    for (const comment of await commentsByIds(trx, ids)) {
      const event = await applyAction(trx, deps, actor, comment, action, reason, at)
      if (event === false) continue
      done++
      if (event) events.push(event)
    }
  })
  for (const event of events) deps.events.emit(event)
  return { done, skipped: commentIds.length - done }
}

/** A moderator corrects a comment's name, website or text; the old text is kept in the audit row. */
export async function editComment(deps: Deps, actor: Actor, commentId: number, changes: { authorName: string, authorUrl: string | null, body: string }, reason?: string | null):
Promise<{ kind: 'ok' } | { kind: 'not-found' } | { kind: 'invalid', errors: Record<string, string> }> {
  const checked = validateCommentEdit(changes)
  if (!checked.ok) {
    const { t } = await newsroomTranslator(deps)
    const errors: Record<string, string> = {}
    for (const [field, error] of Object.entries(checked.errors)) errors[field] = t(error.key, error.max ? { max: error.max } : undefined)
    return { kind: 'invalid', errors }
  }
  const at = deps.clock()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const comment = await commentById(trx, commentId)
    if (!comment) return null
    const { values } = checked
    await updateCommentContent(trx, commentId, { ...values, updatedAt: at.toISOString() })
    const changed = (['authorName', 'authorUrl', 'body'] as const).filter((k) =>
      values[k] !== { authorName: comment.author_name, authorUrl: comment.author_url, body: comment.body }[k])
    await writeAudit(trx, {
      actor, action: 'comment.edit', subjectType: 'comment', subjectId: commentId, reason: reason ?? null, at,
      details: { changed, ...(changed.includes('body') ? { previousBody: comment.body } : {}), articleId: comment.article_id }
    })
    return comment
  })
  if (!outcome) return { kind: 'not-found' }
  if (outcome.status === 'approved') deps.events.emit({ type: 'comment.updated', commentId, articleId: outcome.article_id })
  return { kind: 'ok' }
}

/**
 * A reply from the newsroom, approved at once and marked as staff. Replying to a comment that still waits
 * for moderation approves it too (WordPress's "Approve and Reply"), so the reply never hangs under nothing.
 */
export async function replyAsStaff(deps: Deps, actor: Actor & { email: string }, parentCommentId: number, body: string):
Promise<{ kind: 'ok', commentId: number } | { kind: 'not-found' } | { kind: 'invalid', message: string }> {
  const { settings, t } = await newsroomTranslator(deps)
  const text = body.replace(/\r\n?/g, '\n').trim()
  const checked = validateCommentEdit({ authorName: actor.name, authorUrl: null, body: text })
  if (!checked.ok) {
    const error = checked.errors.body ?? Object.values(checked.errors)[0]!
    return { kind: 'invalid', message: t(error.key, error.max ? { max: error.max } : undefined) }
  }
  const at = deps.clock()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const parent = await commentById(trx, parentCommentId)
    if (!parent) return { kind: 'not-found' as const }
    if (parent.status !== 'approved' && parent.status !== 'pending') return { kind: 'invalid' as const }
    const events: LedeEvent[] = []
    if (parent.status === 'pending') {
      const event = await applyAction(trx, deps, actor, parent, 'approve', null, at)
      if (event) events.push(event)
    }
    const place = placeReply({ threadPath: parent.thread_path }, threadDepthLimit(settings))
    const commentId = await insertComment(trx, {
      article_id: parent.article_id, parent_id: place.parentId, depth: place.depth,
      author_name: actor.name.slice(0, COMMENT_LIMITS.name), author_email: actor.email, author_url: null, user_id: actor.id,
      body: text, status: 'approved', ip: null, user_agent: null, created_at: at.toISOString()
    }, place.pathPrefix)
    await writeAudit(trx, {
      actor, action: 'comment.reply', subjectType: 'comment', subjectId: commentId, at,
      details: { inReplyTo: parent.id, articleId: parent.article_id }
    })
    events.push({ type: 'comment.approved', commentId, articleId: parent.article_id })
    return { kind: 'ok' as const, commentId, events }
  })
  if (outcome.kind === 'invalid') return { kind: 'invalid', message: t('moderation.invalid.replyParent') }
  if (outcome.kind === 'not-found') return outcome
  for (const event of outcome.events) deps.events.emit(event)
  return { kind: 'ok', commentId: outcome.commentId }
}

/**
 * Removes a commenter's personal data (`lede comments erase --email …`): name becomes "Anonymous", email,
 * website, IP and browser string are cleared, the text stays. One transaction with its audit row; the audit
 * row records how many comments changed, never the address itself.
 */
export async function eraseCommenter(deps: Deps, actor: Actor, email: string, reason?: string | null): Promise<{ erased: number }> {
  const address = email.trim()
  if (address === '') return { erased: 0 }
  const at = deps.clock()
  const { erased, shown } = await deps.db.transaction().execute(async (trx) => {
    const shown = await approvedCommentsByEmail(trx, address)
    const count = await eraseCommenterData(trx, address, ANONYMOUS_NAME)
    await writeAudit(trx, { actor, action: 'comment.erase-personal-data', subjectType: 'commenter', subjectId: null, reason: reason ?? null, at, details: { comments: count } })
    return { erased: count, shown }
  })
  // The names on those articles' pages changed: one event per article is enough to drop cached copies.
  const articles = new Map(shown.map((c) => [c.articleId, c.id]))
  for (const [articleId, commentId] of articles) deps.events.emit({ type: 'comment.updated', commentId, articleId })
  return { erased }
}
