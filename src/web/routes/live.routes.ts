// GET /live and /<lang>/live: the edition's live log as server-sent events (issue 16), through
// streamLiveChannel (./live-stream.ts).
import type { FastifyPluginAsync } from 'fastify'
import { parseId } from '../../domain/ids.js'
import { isHttpsSite } from '../../plugins/security-headers.js'
import { streamLiveChannel } from './live-stream.js'

const liveRoutes: FastifyPluginAsync = async (app) => {
  const httpsSite = isHttpsSite(app.deps.siteUrlOverride)

  app.get<{ Querystring: { lastEventId?: unknown, article?: unknown } }>('/live', async (request, reply) => {
    const ctx = await request.viewContext()
    // ?article=<id>: one article's channel (its live blog's updates and its own changes) instead of the edition's.
    const only = request.query.article === undefined ? null : parseId(request.query.article)
    if (request.query.article !== undefined && only === null) {
      return reply.code(400).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(ctx.i18n.t('error.badRequest.title'))
    }
    return streamLiveChannel(app, request, reply, { channel: ctx.edition, articleId: only, httpsSite, i18n: ctx.i18n })
  })
}

export default liveRoutes
