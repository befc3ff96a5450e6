// Who is signed in: reads the session cookie and decorates request.user (null for readers).
// Sessions live in the database as SHA-256 hashes of random tokens (see auth.service.ts and
// domain/accounts.ts for lifetimes); the cookie only carries the token.
import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { currentSettings } from '../services/settings.service.js'
import { sessionForToken, type ActiveSession } from '../services/auth.service.js'
import type { SessionUser } from '../web/views/admin/admin-context.js'
import type { Deps } from '../services/deps.js'

export const SESSION_COOKIE = 'lede_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Never used to vary a publicly cacheable page. */
    user: SessionUser | null
    authSession: ActiveSession | null
    /** The raw session token from the cookie (valid or not), so login can discard the old session. */
    sessionToken: string | null
  }
}

/** Requests that never need to know the user: files and probes skip the session lookup. */
const NO_SESSION_PREFIXES = ['/assets/', '/healthz', '/readyz']

/** The cookie is Secure when the public site is served over https (SITE_URL or the stored site URL). */
export async function cookieIsSecure(deps: Deps): Promise<boolean> {
  const { siteUrl } = await currentSettings(deps)
  return siteUrl.startsWith('https:')
}

export async function setSessionCookie(deps: Deps, reply: FastifyReply, token: string, expiresAt: string): Promise<void> {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    // Lax: the cookie still comes along when an editor follows a link from mail or chat into the admin,
    // but not on cross-site form posts (which the CSRF token refuses anyway).
    sameSite: 'lax',
    path: '/',
    secure: await cookieIsSecure(deps),
    // Max-Age, not Expires: a lifetime relative to the browser's own clock stays right when the server's
    // clock differs from it (drift, or a test clock), where an absolute date would arrive already past.
    maxAge: Math.max(0, Math.floor((Date.parse(expiresAt) - deps.clock().getTime()) / 1000))
  })
}

export async function clearSessionCookie(deps: Deps, reply: FastifyReply): Promise<void> {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: await cookieIsSecure(deps) })
}

export default fp(async (app) => {
  await app.register(cookie)
  app.decorateRequest('user', null)
  app.decorateRequest('authSession', null)
  app.decorateRequest('sessionToken', null)

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE]
    if (!token || NO_SESSION_PREFIXES.some((p) => request.url.startsWith(p))) return
    request.sessionToken = token
    // A token of the wrong shape cannot be ours; skip the query.
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return
    const session = await sessionForToken(app.deps, token)
    if (session) {
      request.authSession = session
      request.user = session.user
    }
  })
}, { name: 'auth' })
