// The article editor's autosave (docs/decisions/008-editor-autosave.md): the editor's script posts the
// form here (JSON or urlencoded, with the session's X-CSRF-Token like the preview) and shows the answer
// in a quiet status line. "Discard" is a plain form. Restoring is GET /admin/articles/:id/?autosave=restore
// (articles.routes.tsx): it only fills the editor, and the save after it goes through optimistic locking.
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify'
import { ARTICLE_FORM_BYTES, validateArticleForm } from '../../../domain/article-form.js'
import { autosaveProblems } from '../../../domain/autosave.js'
import { can } from '../../../domain/roles.js'
import { formatTime } from '../../../i18n/format.js'
import type { MessageKey } from '../../../i18n/index.js'
import { autosaveArticle, discardAutosave } from '../../../services/article-autosave.service.js'
import { currentSettings } from '../../../services/site-settings.service.js'
import { adminTranslator, requireCapability, sendAdminError } from './admin-support.js'
import { parseId } from '../../../domain/ids.js'
import { statusMessage } from '../../views/status-messages.js'

type IdParams = { Params: { id: string } }

/** A 409 here is always the article's status refusing an autosave (the bin), never a conflict of versions. */
function codeAndText(status: number): [code: string, message: MessageKey] {
  if (status === 409) return ['refused', 'admin.editor.refused']
  const standard = statusMessage(status)
  return [standard.code, standard.newsroomText ?? standard.text]
}

/** The script's errors are JSON ({ error: { code, message } }) like the API's, never an HTML page. */
async function sendJsonError(reply: FastifyReply, status: number, extra: Record<string, unknown> = {}): Promise<FastifyReply> {
  const [code, key] = codeAndText(status)
  const i18n = adminTranslator(await currentSettings(reply.server.deps))
  return reply.code(status).header('content-type', 'application/json; charset=utf-8')
    .send({ error: { code, message: i18n.t(key), ...extra } })
}

const autosaveRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps

  app.post<IdParams>('/articles/:id/autosave/', {
    bodyLimit: ARTICLE_FORM_BYTES,
    // A body that does not parse (broken JSON, too large) is answered in the script's terms too.
    errorHandler: async (error: FastifyError, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
      if (status >= 500) request.log.error({ err: error }, 'autosave failed')
      return sendJsonError(reply, status)
    }
  }, async (request, reply) => {
    const user = request.user!
    if (!can(user.role, 'articles.create')) return sendJsonError(reply, 403)
    const id = parseId(request.params.id)
    if (id === null) return sendJsonError(reply, 404)
    const body = request.body
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body as Record<string, unknown> : null
    const settings = await currentSettings(deps)
    const form = fields ? validateArticleForm(fields, settings.timeZone) : null
    const problems = form && !form.ok ? autosaveProblems(form.errors) : {}
    const result = await autosaveArticle(deps, user, {
      articleId: id,
      baseVersion: parseId(fields?.version),
      values: form && Object.keys(problems).length === 0 ? form.values : null
    })
    switch (result.kind) {
      case 'saved': {
        const i18n = adminTranslator(settings)
        const time = formatTime(result.savedAt, i18n.lang, settings.timeZone)
        return reply.send({
          autosave: {
            savedAt: result.savedAt, version: result.baseVersion, outdated: result.outdated,
            message: i18n.t(result.outdated ? 'admin.editor.autosave.savedOutdated' : 'admin.editor.autosave.saved', { time })
          }
        })
      }
      case 'not-found': return sendJsonError(reply, 404)
      case 'forbidden': return sendJsonError(reply, 403)
      case 'refused': return sendJsonError(reply, 409)
      case 'invalid': return sendJsonError(reply, 400, Object.keys(problems).length > 0 ? { fields: Object.keys(problems) } : {})
    }
  })

  app.post<IdParams>('/articles/:id/autosave/discard/', { preHandler: requireCapability('articles.create') }, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null || await discardAutosave(deps, request.user!, id) === 'not-found') return sendAdminError(request, reply, 404)
    return reply.redirect(`/admin/articles/${id}/?notice=autosaveDiscarded`, 303)
  })
}

export default autosaveRoutes
