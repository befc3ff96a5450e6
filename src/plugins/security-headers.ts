import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { EMBED_FRAME_ORIGINS } from '../domain/embeds.js'

// Scripts and styles come only from our own files, so no inline code can run even if markup slips through.
// Frames: only the embed providers' players, which a story loads when a reader asks (assets/embeds.js).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `frame-src 'self' ${EMBED_FRAME_ORIGINS.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'"
].join('; ')

/** Two years, as the HSTS preload list asks; only sent when the site is served over https. */
const HSTS = 'max-age=63072000; includeSubDomains'

/** Sets the headers every response carries. Also used where Fastify's hooks do not run (frameworkErrors). */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply, httpsSite: boolean): void {
  if (httpsSite || request.protocol === 'https') reply.header('strict-transport-security', HSTS)
  reply.header('x-content-type-options', 'nosniff')
  reply.header('referrer-policy', 'strict-origin-when-cross-origin')
  reply.header('x-frame-options', 'SAMEORIGIN')
  if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
  }
}

export function isHttpsSite(siteUrlOverride: string | null): boolean {
  return siteUrlOverride?.startsWith('https://') ?? false
}

export default fp(async (app) => {
  const httpsSite = isHttpsSite(app.deps.siteUrlOverride)
  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(request, reply, httpsSite)
    return payload
  })
}, { name: 'security-headers' })
