// CSRF protection for admin forms: the synchroniser-token pattern. Each session has a random token
// (sessions.csrf_token) that every admin form carries in a hidden "_csrf" field; a POST whose token is
// missing or different is refused with 403. Forms shown before login (login, first-run setup, set
// password) have no session yet, so they use a double-submit token: a random HttpOnly cookie whose
// value the form repeats. A cross-site page can neither read nor set either value.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { randomToken, sameSecret } from '../services/token.service.js'
import { cookieIsSecure } from './auth.js'

export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'
export const FORM_COOKIE = 'lede_form'

/**
 * The token a request sent: the "_csrf" form field or the X-CSRF-Token header (scripts). Never the query
 * string: URLs end up in access logs, proxies' logs and Referer headers. (Multipart uploads send the
 * field first in the body; the admin guard reads it before the rest, see admin-support.tsx.)
 */
export function sentCsrfToken(request: FastifyRequest): string | null {
  const body = request.body as Record<string, unknown> | null | undefined
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined
  if (typeof field === 'string') return field
  if (field && typeof field === 'object' && typeof (field as { value?: unknown }).value === 'string') return (field as { value: string }).value
  const header = request.headers[CSRF_HEADER]
  return typeof header === 'string' ? header : null
}

/** The token this request must carry: its session's, or for anonymous forms the form cookie's. */
export function expectedCsrfToken(request: FastifyRequest): string | null {
  if (request.authSession) return request.authSession.csrfToken
  return request.cookies[FORM_COOKIE] ?? null
}

export function csrfTokenIsValid(request: FastifyRequest): boolean {
  const expected = expectedCsrfToken(request)
  const sent = sentCsrfToken(request)
  return expected !== null && sent !== null && sameSecret(expected, sent)
}

/** For a form shown before login: the double-submit token, setting its cookie when missing. */
export async function anonymousFormToken(request: FastifyRequest, reply: FastifyReply): Promise<string> {
  const existing = request.cookies[FORM_COOKIE]
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing
  const token = randomToken()
  reply.setCookie(FORM_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', path: '/admin/', secure: await cookieIsSecure(request.server.deps)
  })
  // Later code in this request (a re-rendered form) must see the same value.
  request.cookies[FORM_COOKIE] = token
  return token
}
