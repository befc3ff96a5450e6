// /admin/articles/:id/live/ — an article's live blog (issue 16). Who may run it is decided by the
// service (mayRunLiveBlog); every change is audited there.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { parseId } from '../../../domain/ids.js'
import { articleById } from '../../../db/repositories/articles.repository.js'
import { liveBlogOf, visibleUpdates } from '../../../db/repositories/live-blogs.repository.js'
import { mediaLibrary } from '../../../db/repositories/media.repository.js'
import { mayRunLiveBlog, orderUpdates, type UpdateProblem } from '../../../domain/live-blog.js'
import {
  closeLiveBlog, deleteUpdate, editUpdate, pinUpdate, postUpdate, startLiveBlog, type LiveBlogResult
} from '../../../services/live-blog.service.js'
import { EMPTY_UPDATE_FORM, LiveBlogAdminPage, type LiveBlogFormState } from '../../views/admin/live-blog-page.js'
import type { MessageKey } from '../../../i18n/index.js'
import { sendAdminError } from './admin-support.js'

type Params = { id: string }
type UpdateParams = { id: string, update: string }

/** Pictures offered for an update: the library's newest (the media library page finds older ones by number). */
const PICTURES_OFFERED = 50

const PROBLEM_MESSAGE: Record<UpdateProblem, MessageKey> = {
  'empty': 'admin.liveBlog.error.empty',
  'too-long': 'admin.liveBlog.error.tooLong',
  'image': 'admin.liveBlog.error.image'
}

/** The form's picture: none, or a library id; anything else is a picture that cannot exist. */
function pictureOf(value: unknown): number | null | 'invalid' {
  if (value === undefined || value === '') return null
  return parseId(value) ?? 'invalid'
}

const liveBlogRoutes: FastifyPluginAsync = async (app) => {
  const render = async (request: FastifyRequest, reply: FastifyReply, articleId: number, form: LiveBlogFormState, status = 200) => {
    const article = await articleById(app.deps.db, articleId)
    if (!article || article.status === 'trashed') return sendAdminError(request, reply, 404)
    if (!mayRunLiveBlog(request.user!, article.author_id)) return sendAdminError(request, reply, 403)
    const [blog, updates, library] = await Promise.all([
      liveBlogOf(app.deps.db, articleId), visibleUpdates(app.deps.db, articleId), mediaLibrary(app.deps.db, { limit: PICTURES_OFFERED })
    ])
    const ctx = await request.adminContext()
    const pictures = library.items.map((m) => ({ id: m.id, label: m.alt || m.original_name }))
    return reply.adminPage(<LiveBlogAdminPage ctx={ctx} article={article} blog={blog} updates={orderUpdates(updates)} form={form} pictures={pictures} />, status)
  }

  const after = (request: FastifyRequest, reply: FastifyReply, articleId: number, result: LiveBlogResult) => {
    switch (result.kind) {
      case 'done': return reply.redirect(`/admin/articles/${articleId}/live/`, 303)
      case 'not-found': return sendAdminError(request, reply, 404)
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'closed': return sendAdminError(request, reply, 409, 'admin.liveBlog.isClosed')
      case 'invalid': return sendAdminError(request, reply, 400)
    }
  }

  app.get<{ Params: Params }>('/articles/:id/live/', async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    return render(request, reply, id, EMPTY_UPDATE_FORM)
  })

  app.post<{ Params: Params }>('/articles/:id/live/start/', async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    return after(request, reply, id, await startLiveBlog(app.deps, request.user!, id))
  })

  app.post<{ Params: Params }>('/articles/:id/live/close/', async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    return after(request, reply, id, await closeLiveBlog(app.deps, request.user!, id))
  })

  app.post<{ Params: Params }>('/articles/:id/live/updates/', async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    const body = (request.body ?? {}) as Record<string, unknown>
    const keyEvent = body.key_event === 'on'
    const picture = pictureOf(body.media_id)
    const result = picture === 'invalid'
      ? { kind: 'invalid' as const, problem: 'image' as const }
      : await postUpdate(app.deps, request.user!, id, { text: body.text, keyEvent, mediaId: picture })
    if (result.kind === 'invalid') {
      const ctx = await request.adminContext()
      const error = ctx.i18n.t(PROBLEM_MESSAGE[result.problem])
      // Keep what was typed (bounded by the form body limit) so nothing is lost.
      const text = typeof body.text === 'string' ? body.text : ''
      return render(request, reply, id, { text, keyEvent, mediaId: typeof picture === 'number' ? picture : null, error, errorField: result.problem === 'image' ? 'image' : 'text' }, 400)
    }
    return after(request, reply, id, result)
  })

  app.post<{ Params: UpdateParams }>('/articles/:id/live/updates/:update/pin/', async (request, reply) => {
    const id = parseId(request.params.id)
    const update = parseId(request.params.update)
    if (id === null || update === null) return sendAdminError(request, reply, 404)
    const pinned = (request.body as Record<string, unknown> | undefined)?.pinned === '1'
    return after(request, reply, id, await pinUpdate(app.deps, request.user!, update, pinned))
  })

  app.post<{ Params: UpdateParams }>('/articles/:id/live/updates/:update/edit/', async (request, reply) => {
    const id = parseId(request.params.id)
    const update = parseId(request.params.update)
    if (id === null || update === null) return sendAdminError(request, reply, 404)
    const text = (request.body as Record<string, unknown> | undefined)?.text
    const result = await editUpdate(app.deps, request.user!, update, text)
    if (result.kind === 'invalid') {
      return sendAdminError(request, reply, 400, PROBLEM_MESSAGE[result.problem])
    }
    return after(request, reply, id, result)
  })

  app.post<{ Params: UpdateParams }>('/articles/:id/live/updates/:update/delete/', async (request, reply) => {
    const id = parseId(request.params.id)
    const update = parseId(request.params.update)
    if (id === null || update === null) return sendAdminError(request, reply, 404)
    return after(request, reply, id, await deleteUpdate(app.deps, request.user!, update))
  })
}

export default liveBlogRoutes
