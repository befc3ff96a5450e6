// POST /admin/articles/:id/translate/ — start a translation of an article in another edition (the
// Translations panel of the editor). Creates a pre-filled, linked draft and opens it in the editor.
import type { FastifyPluginAsync } from 'fastify'
import { createTranslationDraft } from '../../../services/translations.service.js'
import { requireCapability, sendAdminError } from './admin-support.js'
import { parseId } from '../../../domain/ids.js'

const translationsRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string } }>('/articles/:id/translate/', { preHandler: requireCapability('articles.create') }, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    const edition = (request.body as Record<string, unknown> | undefined)?.edition
    // Who may translate what is decided by the service, in the transaction that links the two.
    const result = await createTranslationDraft(app.deps, request.user!, id, typeof edition === 'string' ? edition : '')
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
