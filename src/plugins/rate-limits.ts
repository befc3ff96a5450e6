// Per-client limits on what an anonymous visitor can make expensive: searching (the page and the API),
// posting comments, logging in, fetching comment timing tokens, and the JSON API as a whole. Counted per
// client address (request.ip, after the TRUST_PROXY rule) by @fastify/rate-limit's in-memory store, so
// each app process counts on its own (README says so). Over the limit: 429 with Retry-After, as the
// site's readable error page or, under /api/, as the API's JSON error.
import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import { keptErrorPages, sendErrorHtml } from './error-pages.js'
import { isApiPath, sendApiError } from './api-errors.js'
import type { RateLimitGroup, RateLimitSettings } from '../config.js'

const WINDOW_MS = 60_000

declare module 'fastify' {
  interface FastifyRequest {
    /** A limit counts this request: a kept copy of its answer must still come through this hook. */
    countedByRateLimit?: boolean
  }
}
/** Which group a route belongs to, by method and route pattern; the API as a whole is counted separately. */
function groupOf(request: FastifyRequest): RateLimitGroup | null {
  const { method, url } = request.routeOptions
  const methods = Array.isArray(method) ? method : [method]
  const get = methods.includes('GET') || methods.includes('HEAD')
  if (get && (url === '/search' || url === '/:lang/search' || url === '/api/v1/search')) return 'search'
  if (get && url === '/comments/timing.json') return 'timingToken'
  if (methods.includes('POST') && url === '/comments') return 'comments'
  if (methods.includes('POST') && url === '/admin/login/') return 'login'
  return null
}

export default fp<{ limits: RateLimitSettings }>(async (app, options) => {
  // No route of ours uses the plugin's per-route hooks: the limiters below are applied by hand, so a
  // request can count against two groups (an API search is a search and an API request).
  await app.register(rateLimit, { global: false })
  const limiters = new Map<RateLimitGroup, ReturnType<typeof app.createRateLimit>>()
  for (const [group, max] of Object.entries(options.limits) as [RateLimitGroup, number][]) {
    if (max > 0) limiters.set(group, app.createRateLimit({ max, timeWindow: WINDOW_MS }))
  }
  if (limiters.size === 0) return

  // Rendered once per path and kept briefly: a flood of refused requests must not stall the readers anyway.
  const refusalPage = keptErrorPages(app.deps, 429)

  app.addHook('onRequest', async (request, reply) => {
    const groups: RateLimitGroup[] = []
    const group = groupOf(request)
    if (group) groups.push(group)
    if (isApiPath(request.url)) groups.push('api')
    if (groups.some((name) => limiters.has(name))) request.countedByRateLimit = true
    for (const name of groups) {
      const limiter = limiters.get(name)
      if (!limiter) continue
      const result = await limiter(request)
      if (result.isAllowed || !result.isExceeded) continue
      request.log.info({ group: name }, 'rate limit reached')
      reply.header('retry-after', String(Math.max(1, result.ttlInSeconds)))
      if (isApiPath(request.url)) return sendApiError(reply, 429)
      return sendErrorHtml(reply, 429, await refusalPage(request))
    }
  })
}, { name: 'rate-limits', dependencies: ['pages'] })
