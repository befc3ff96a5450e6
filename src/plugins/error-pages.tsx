// 404 and error pages in the site's style. Errors never show their message or stack to readers.
import fp from 'fastify-plugin'
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify'
import { statusMessage } from '../web/views/status-messages.js'
import { ErrorPage } from '../web/views/error-page.js'
import type { Deps } from '../services/deps.js'
import { CACHE_CONTROL, renderDocument, viewContextFor } from './pages.js'
import { isApiPath, sendApiError } from './api-errors.js'

/**
 * Renders the error page for a status. Also called from Fastify's frameworkErrors, where the request
 * and reply are not decorated yet, so it uses only the plain Fastify API.
 */
export async function sendErrorPage(deps: Deps, request: FastifyRequest, reply: FastifyReply, status: number): Promise<FastifyReply> {
  // The JSON API answers errors as JSON objects, never with a page.
  if (isApiPath(request.url)) return sendApiError(reply, status)
  return sendErrorHtml(reply, status, await errorPageHtml(deps, request.url ?? '/', request.log, status))
}

/** The error page for a status at a URL (its edition and language), as HTML. */
export async function errorPageHtml(deps: Deps, url: string, log: FastifyBaseLogger, status: number): Promise<string> {
  const ctx = await viewContextFor(deps, url, log)
  const { title, text } = statusMessage(status)
  return renderDocument(<ErrorPage ctx={ctx} title={ctx.i18n.t(title)} message={ctx.i18n.t(text)} />)
}

export function sendErrorHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', CACHE_CONTROL[status === 404 ? 'public' : 'private'])
    .send(html)
}

export default fp(async (app) => {
  app.setNotFoundHandler(async (request, reply) => sendErrorPage(app.deps, request, reply, 404))

  app.setErrorHandler(async (error: Error & { statusCode?: number, code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: error.code, status }, 'request refused')
    return sendErrorPage(app.deps, request, reply, status)
  })
}, { name: 'error-pages', dependencies: ['pages'] })
