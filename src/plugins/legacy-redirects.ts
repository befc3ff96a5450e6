// Old WordPress links answer 301 to the imported story, section or tag (src/services/legacy-redirects.service.ts),
// and those of pages Lede had no place for 410 Gone, with the site's error page.
// The front page's `?p=123` links are caught before the page cache, which would otherwise serve the
// front page for them; every other old URL is looked up only once it has turned out to be a 404, so
// ordinary pages never pay for the lookup.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { legacyRedirectTarget } from '../services/legacy-redirects.service.js'
import { CACHE_CONTROL } from './pages.js'
import { keptErrorPages, sendErrorHtml } from './error-pages.js'

const PLAIN_LINK = /^\/\?(?:.*&)?(?:p|page_id|cat|tag)=/
const NOT_PAGES = ['/api/', '/admin/', '/assets/', '/media/']

const readerGet = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') && !NOT_PAGES.some((p) => request.url.startsWith(p))

export default fp(async (app) => {
  // Old addresses of pages keep being asked for (search engines, old links): the 410 page is rendered once per path.
  const gonePage = keptErrorPages(app.deps, 410)
  app.addHook('onRequest', async (request, reply) => {
    if (!readerGet(request) || !PLAIN_LINK.test(request.url)) return
    const target = await legacyRedirectTarget(app.deps, request.url)
    if (target?.kind === 'moved') return reply.header('cache-control', 'public, max-age=3600').redirect(target.path, 301)
    if (target?.kind === 'gone') return sendErrorHtml(reply, 410, await gonePage(request))
  })

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 404 || !readerGet(request)) return payload
    const target = await legacyRedirectTarget(app.deps, request.url)
    if (!target) return payload
    reply.removeHeader('etag')
    if (target.kind === 'gone') {
      reply.code(410).header('cache-control', CACHE_CONTROL.public).header('content-type', 'text/html; charset=utf-8')
      return gonePage(request)
    }
    reply.code(301).header('location', target.path).header('cache-control', 'public, max-age=3600')
    reply.header('content-type', 'text/plain; charset=utf-8')
    return ''
  })
}, { name: 'legacy-redirects' })
