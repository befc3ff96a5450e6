// The comment moderation screen under /admin/comments/ (editors and administrators). Every action goes
// through the moderation service, which checks the transition and writes the audit row.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { MODERATION_ACTIONS, type ModerationAction } from '../../../domain/moderation.js'
import { decodeCursor, encodeCursor } from '../../../domain/urls.js'
import { editComment, moderateComment, moderateComments, replyAsStaff } from '../../../services/moderation.service.js'
import { commentForModeration, moderationScreen } from '../../../services/moderation-screen.service.js'
import { hrefWith, type FormErrors } from '../../views/admin/forms.js'
import type { AdminNotice } from '../../views/admin/admin-context.js'
import {
  CommentPage, MODERATION_TABS, ModerationListPage, type BulkCommentOutcome, type ModerationTab
} from '../../views/admin/moderation-pages.js'
import { requireCapability, sendAdminError } from './admin-support.js'
import { parseId } from '../../../domain/ids.js'
import { field } from '../form-body.js'

type IdParams = { Params: { id: string } }

function isAction(value: string): value is ModerationAction {
  return (MODERATION_ACTIONS as readonly string[]).includes(value)
}

/** Back to the list the moderator came from; only our own screen. */
function returnTo(body: unknown, fallback: string): string {
  const target = field(body, 'return_to')
  return /^\/admin\/comments\/(\?[^\s#]*)?$/.test(target) ? target : fallback
}

const ACTION_NOTICES: Record<ModerationAction, string> = {
  approve: 'commentApproved', unapprove: 'commentUnapproved', spam: 'commentSpam', 'not-spam': 'commentNotSpam',
  trash: 'commentTrashed', restore: 'commentRestored', delete: 'commentDeleted'
}

const moderationRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  const guard = { preHandler: requireCapability('comments.moderate') }

  async function renderComment(request: FastifyRequest, reply: FastifyReply, id: number, opts: {
    edit?: { authorName: string, authorUrl: string, body: string }, editErrors?: FormErrors, reply?: string, replyError?: string | null, problem?: AdminNotice | null, status?: number
  } = {}) {
    const comment = await commentForModeration(deps, id)
    if (!comment) return sendAdminError(request, reply, 404)
    const ctx = await request.adminContext()
    return reply.adminPage(
      <CommentPage ctx={ctx} comment={comment} edit={opts.edit ?? { authorName: comment.authorName, authorUrl: comment.authorUrl ?? '', body: comment.body }}
        editErrors={opts.editErrors ?? {}} reply={opts.reply ?? ''} replyError={opts.replyError ?? null} problem={opts.problem ?? null} />,
      opts.status ?? 200
    )
  }

  app.get<{ Querystring: Record<string, string | undefined> }>('/comments/', guard, async (request, reply) => {
    const ctx = await request.adminContext()
    const query = request.query
    const tab: ModerationTab = (MODERATION_TABS as readonly string[]).includes(query.status ?? '') ? query.status as ModerationTab : 'pending'
    const q = (query.q ?? '').trim().slice(0, 200)
    const cursor = decodeCursor(query.before)
    const page = await moderationScreen(deps, { status: tab, search: q || undefined, before: cursor ? { createdAt: cursor.publishedAt, id: cursor.id } : undefined })
    const current = { status: tab === 'pending' ? '' : tab, q }
    const last = page.comments.at(-1)
    const older = last && page.hasMore ? hrefWith('/admin/comments/', current, { before: encodeCursor({ publishedAt: last.createdAt, id: last.id }) }) : null
    const newer = cursor ? hrefWith('/admin/comments/', current, {}) : null
    const num = (text: string | undefined) => /^\d{1,6}$/.test(text ?? '') ? Number(text) : 0
    const bulk: BulkCommentOutcome | null = isAction(query.bulk ?? '') ? { action: query.bulk as ModerationAction, done: num(query.done), skipped: num(query.skipped) } : null
    return reply.adminPage(
      <ModerationListPage ctx={ctx} tab={tab} q={q} counts={page.counts} comments={page.comments} newer={newer} older={older} bulk={bulk} problem={null} />
    )
  })

  app.post('/comments/bulk/', guard, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const back = returnTo(body, '/admin/comments/')
    const action = field(body, 'bulk_action')
    const rawIds = body.ids === undefined ? [] : Array.isArray(body.ids) ? body.ids : [body.ids]
    const ids = rawIds.map(parseId).filter((id): id is number => id !== null)
    if (!isAction(action) || ids.length === 0 || ids.length !== rawIds.length) {
      return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}notice=bulkNothing`, 303)
    }
    const user = request.user!
    const result = await moderateComments(deps, { id: user.id, name: user.displayName }, ids, action)
    const params = new URLSearchParams({ bulk: action, done: String(result.done), skipped: String(result.skipped) })
    return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}${params.toString()}`, 303)
  })

  app.get<IdParams>('/comments/:id/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    return renderComment(request, reply, id)
  })

  app.post<IdParams>('/comments/:id/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    const user = request.user!
    const edit = { authorName: field(request.body, 'author_name'), authorUrl: field(request.body, 'author_url'), body: field(request.body, 'body') }
    const result = await editComment(deps, { id: user.id, name: user.displayName }, id, { authorName: edit.authorName, authorUrl: edit.authorUrl || null, body: edit.body })
    if (result.kind === 'ok') return reply.redirect(`/admin/comments/${id}/?notice=commentEdited`, 303)
    if (result.kind === 'not-found') return sendAdminError(request, reply, 404)
    const e = result.errors
    const editErrors: FormErrors = { author_name: e.authorName, author_url: e.authorUrl, body: e.body }
    return renderComment(request, reply, id, { edit, editErrors, status: 400 })
  })

  app.post<IdParams>('/comments/:id/reply/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    const user = request.user!
    const text = field(request.body, 'body')
    const result = await replyAsStaff(deps, { id: user.id, name: user.displayName, email: user.email }, id, text)
    if (result.kind === 'ok') return reply.redirect(`/admin/comments/${id}/?notice=commentReplied`, 303)
    if (result.kind === 'not-found') return sendAdminError(request, reply, 404)
    return renderComment(request, reply, id, { reply: text, replyError: result.message, status: 400 })
  })

  app.post<{ Params: { id: string, action: string } }>('/comments/:id/:action/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const action = request.params.action
    if (id === null || !isAction(action)) return sendAdminError(request, reply, 404)
    const user = request.user!
    const result = await moderateComment(deps, { id: user.id, name: user.displayName }, id, action)
    const fromList = field(request.body, 'return_to') !== ''
    if (result.kind === 'not-found') return sendAdminError(request, reply, 404)
    if (result.kind === 'invalid') {
      if (fromList) return sendAdminError(request, reply, 409, { text: result.message })
      return renderComment(request, reply, id, { problem: { tone: 'error', text: result.message }, status: 409 })
    }
    const target = fromList || action === 'delete' ? returnTo(request.body, '/admin/comments/') : `/admin/comments/${id}/`
    return reply.redirect(`${target}${target.includes('?') ? '&' : '?'}notice=${ACTION_NOTICES[action]}`, 303)
  })
}

export default moderationRoutes
