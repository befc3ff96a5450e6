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

/** Kept error pages are dropped after this long (a change of settings shows within it) … */
const KEPT_PAGE_MS = 10_000
/** … and all at once past this many paths, so junk URLs cannot fill memory. */
const MAX_KEPT_PAGES = 200

/**
 * The error page for a status, rendered once per path and kept briefly. Refusing a request (429 over a
 * rate limit, 503 under overload) must stay far cheaper than answering it.
 */
export function keptErrorPages(deps: Deps, status: number): (request: FastifyRequest) => Promise<string> {
  const kept = new Map<string, { html: string, until: number }>()
  return async (request) => {
    const path = request.url.split('?')[0] ?? '/'
    const now = performance.now() // a monotonic clock: this only measures how long a page is kept
    const page = kept.get(path)
    if (page && page.until > now) return page.html
    const html = await errorPageHtml(deps, path, request.log, status)
    if (kept.size >= MAX_KEPT_PAGES) kept.clear()
    kept.set(path, { html, until: now + KEPT_PAGE_MS })
    return html
  }
}

export function sendErrorHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', CACHE_CONTROL[status === 404 || status === 410 ? 'public' : 'private'])
    .send(html)
}

export default fp(async (app) => {
  app.setNotFoundHandler(async (request, reply) => sendErrorPage(app.deps, request, reply, 404))
  const overloadPage = keptErrorPages(app.deps, 503)

  app.setErrorHandler(async (error: Error & { statusCode?: number, code?: string }, request, reply) => {
    // @fastify/under-pressure refused the request (src/plugins/overload.ts) and set Retry-After.
    if (error.code === 'FST_UNDER_PRESSURE') {
      request.log.warn('overloaded: request refused with 503')
      return isApiPath(request.url) ? sendApiError(reply, 503) : sendErrorHtml(reply, 503, await overloadPage(request))
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: error.code, status }, 'request refused')
    return sendErrorPage(app.deps, request, reply, status)
  })
}, { name: 'error-pages', dependencies: ['pages'] })
