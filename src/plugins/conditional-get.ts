// 304 Not Modified for public pages, feeds, sitemaps and the API. @fastify/etag computes the strong
// ETag and answers an exact If-None-Match; this plugin adds what it leaves out: lists of entity tags,
// "*", weak comparison, and If-Modified-Since against a Last-Modified that a route sets with
// reply.lastModified(…) where the date means something (an article's update, a feed's newest item).
import fp from 'fastify-plugin'
import type { FastifyReply } from 'fastify'
import { httpDate, isNotModified } from '../domain/conditional-get.js'
import type { IsoInstant } from '../domain/days.js'

declare module 'fastify' {
  interface FastifyReply {
    /** Sets Last-Modified; null (nothing to date it by) sets nothing. */
    lastModified(instant: IsoInstant | null): FastifyReply
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value
}

export default fp(async (app) => {
  app.decorateReply('lastModified', function (this: FastifyReply, instant: IsoInstant | null) {
    if (instant) this.header('last-modified', httpDate(instant))
    return this
  })

  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload
    const etag = reply.getHeader('etag')
    const lastModified = reply.getHeader('last-modified')
    const notModified = isNotModified(
      { ifNoneMatch: header(request.headers['if-none-match']), ifModifiedSince: header(request.headers['if-modified-since']) },
      { etag: typeof etag === 'string' ? etag : undefined, lastModified: typeof lastModified === 'string' ? lastModified : undefined }
    )
    if (!notModified) return payload
    reply.code(304)
    return ''
  })
}, { name: 'conditional-get', dependencies: ['@fastify/etag'] })
