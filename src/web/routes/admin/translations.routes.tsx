// POST /admin/articles/:id/translate/ — start a translation of an article in another edition (the
// Translations panel of the editor). Creates a pre-filled, linked draft and opens it in the editor.
import type { FastifyPluginAsync } from 'fastify'
import { checkEdit } from '../../../domain/workflow.js'
import { articleById } from '../../../db/repositories/article-admin.repository.js'
import { createTranslationDraft } from '../../../services/translations.service.js'
import { requireCapability, sendAdminError } from './admin-support.js'
import { parseId } from '../../../domain/ids.js'

const translationsRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string } }>('/articles/:id/translate/', { preHandler: requireCapability('articles.create') }, async (request, reply) => {
    const id = parseId(request.params.id)
    const source = id === null ? undefined : await articleById(app.deps.db, id)
    if (!source) return sendAdminError(request, reply, 404)
    // Whoever may open the article in the editor may translate it; others' unpublished drafts stay theirs.
    const allowed = checkEdit({ status: source.status, authorId: source.author_id, publishedAt: source.published_at }, request.user!)
    if (!allowed.ok && allowed.refusal === 'forbidden' && source.status !== 'published') return sendAdminError(request, reply, 403)
    const edition = (request.body as Record<string, unknown> | undefined)?.edition
    const result = await createTranslationDraft(app.deps, request.user!, source.id, typeof edition === 'string' ? edition : '')
    switch (result.kind) {
      case 'created': return reply.redirect(`/admin/articles/${result.id}/?notice=translationCreated`, 303)
      case 'exists': return reply.redirect(`/admin/articles/${result.id}/?notice=translationExists`, 303)
      case 'not-found': return sendAdminError(request, reply, 404)
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'bad-edition': return sendAdminError(request, reply, 400)
    }
  })
}

export default translationsRoutes
