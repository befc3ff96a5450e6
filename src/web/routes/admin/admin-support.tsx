// What every admin route file uses: the guard for the /admin prefix, CSRF checking, capability checks,
// building the AdminContext, and rendering admin pages and errors (always private, never cached).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Multipart } from '@fastify/multipart'
import type { VNode } from 'preact'
import { can, type Capability } from '../../../domain/roles.js'
import type { SiteSettings } from '../../../domain/settings.js'
import { en } from '../../../i18n/en.js'
import { translator, type MessageKey, type Translator } from '../../../i18n/index.js'
import { renderDocument } from '../../../plugins/pages.js'
import { CSRF_FIELD, csrfTokenIsValid, expectedCsrfToken, FORM_COOKIE, sentCsrfToken } from '../../../plugins/csrf.js'
import { sameSecret } from '../../../services/token.service.js'
import { currentSettings } from '../../../services/site-settings.service.js'
import { countUsers } from '../../../db/repositories/users.repository.js'
import { countByStatus } from '../../../db/repositories/comments.repository.js'
import type { AdminContext, AdminNotice } from '../../views/admin/admin-context.js'
import { AdminBareMessagePage, AdminMessagePage } from '../../views/admin/admin-message-page.js'
import { statusMessage } from '../../views/status-messages.js'

export const ADMIN_CACHE_CONTROL = 'private, no-store'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Admin routes reachable without a session: login, first-run setup, choosing a password. */
    adminPublic?: boolean
    /**
     * A multipart upload: its CSRF token is the body's first field, read by the guard before anything
     * else of the body (the file is read only once the token and the role have been checked).
     */
    csrfInFirstPart?: boolean
  }
  interface FastifyRequest {
    /** The AdminContext for this request; only inside /admin and only for a signed-in user. */
    adminContext(): Promise<AdminContext>
    /** An upload's body after its CSRF field, once the guard has checked that field (csrfInFirstPart). */
    uploadParts?: AsyncIterableIterator<Multipart>
  }
  interface FastifyReply {
    /** Sends an admin page: HTML, private and never stored. */
    adminPage(vnode: VNode, status?: number): FastifyReply
  }
}

/** The admin speaks the language of the site's default edition (English when there is no catalogue). */
export function adminTranslator(settings: SiteSettings): Translator {
  return translator(settings.defaultEdition)
}

/**
 * A notice after a redirect: "?notice=saved" shows admin.notice.saved. Only keys that exist are shown,
 * so a crafted link can put nothing but our own sentences on the page.
 */
export function noticeFromQuery(query: unknown, i18n: Translator): AdminNotice | null {
  const raw = (query as Record<string, unknown> | undefined)?.notice
  if (typeof raw !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(raw)) return null
  const key = `admin.notice.${raw}`
  if (!(key in en)) return null
  const tone = key.endsWith('Failed') || key.endsWith('Refused') ? 'error' : 'success'
  return { tone, text: i18n.t(key as MessageKey) }
}

export async function buildAdminContext(request: FastifyRequest): Promise<AdminContext> {
  const { user, authSession } = request
  if (!user || !authSession) throw new Error('adminContext() needs a signed-in user; is the route adminPublic?')
  const deps = request.server.deps
  const settings = await currentSettings(deps)
  const i18n = adminTranslator(settings)
  return {
    user,
    csrfToken: authSession.csrfToken,
    settings,
    i18n,
    // Only moderators see the badge, so only they pay for the count.
    pendingComments: can(user.role, 'comments.moderate') ? (await countByStatus(deps.db)).pending : 0,
    path: request.url.split('?')[0] ?? '/admin/',
    now: deps.clock(),
    notice: noticeFromQuery(request.query, i18n)
  }
}

export function sendAdminPage(reply: FastifyReply, vnode: VNode, status = 200): FastifyReply {
  return reply.code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', ADMIN_CACHE_CONTROL)
    .send(renderDocument(vnode))
}

/**
 * An admin error page: inside the admin shell for a signed-in user, a bare page otherwise.
 * `message` replaces the status's standard sentence (for example "You cannot disable yourself").
 */
export async function sendAdminError(request: FastifyRequest, reply: FastifyReply, status: number, message?: MessageKey | { text: string }): Promise<FastifyReply> {
  const standard = statusMessage(status)
  const titleKey = standard.title
  const textKey = standard.newsroomText ?? standard.text
  if (request.user && request.authSession) {
    const ctx = await buildAdminContext(request)
    const text = typeof message === 'object' ? message.text : ctx.i18n.t(message ?? textKey)
    return sendAdminPage(reply, <AdminMessagePage ctx={ctx} title={ctx.i18n.t(titleKey)} message={text} />, status)
  }
  const settings = await currentSettings(request.server.deps)
  const i18n = adminTranslator(settings)
  const text = typeof message === 'object' ? message.text : i18n.t(message ?? textKey)
  return sendAdminPage(reply, (
    <AdminBareMessagePage settings={settings} i18n={i18n} title={i18n.t(titleKey)} message={text}>
      <p><a href="/admin/">{i18n.t('admin.backToAdmin')}</a></p>
    </AdminBareMessagePage>
  ), status)
}

/**
 * A route's preHandler: 403 unless the signed-in user's role has the capability. Use it on every
 * admin route that is not for everyone signed in:
 *   app.get('/users/', { preHandler: requireCapability('users.manage') }, handler)
 */
export function requireCapability(capability: Capability): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> {
  return async function (request, reply) {
    if (!request.user || !can(request.user.role, capability)) return sendAdminError(request, reply, 403)
    return undefined
  }
}

/**
 * onRequest for the whole /admin prefix: anonymous visitors go to the login page (or to first-run
 * setup when no account exists yet), remembering where they were going.
 */
export async function adminGuard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.routeOptions.config?.adminPublic) return undefined
  if (request.user) return undefined
  reply.header('cache-control', ADMIN_CACHE_CONTROL)
  if (await countUsers(request.server.deps.db) === 0) return reply.redirect('/admin/setup/', 303)
  const next = request.method === 'GET' || request.method === 'HEAD' ? request.url : null
  return reply.redirect(next && next !== '/admin/' ? `/admin/login/?next=${encodeURIComponent(next)}` : '/admin/login/', 303)
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * For an upload: the first part of the body must be the "_csrf" field with the session's token. Only that
 * part is read here; the handler goes on with the same stream (request.uploadParts) for the rest.
 */
async function multipartCsrfGuard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  // A script may send the token as the X-CSRF-Token header instead; then the body is left whole.
  if (csrfTokenIsValid(request)) {
    request.uploadParts = request.parts()
    return undefined
  }
  const parts = request.parts()
  const first = await parts.next()
  const part = first.done ? null : first.value
  const sent = part && part.type === 'field' && part.fieldname === CSRF_FIELD && typeof part.value === 'string' ? part.value : null
  const expected = expectedCsrfToken(request)
  if (expected !== null && sent !== null && sameSecret(expected, sent)) {
    request.uploadParts = parts
    return undefined
  }
  request.log.info({ hasExpected: expected !== null, hasSent: sent !== null }, 'CSRF token refused (upload)')
  return sendAdminError(request, reply, 403, 'admin.error.csrf')
}

/**
 * preHandler for the whole /admin prefix: every POST (and any other unsafe method) must carry the
 * session's CSRF token, or on the public forms (login, setup) the form cookie's token. 403 otherwise.
 */
export async function csrfGuard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (SAFE_METHODS.has(request.method)) return undefined
  if (request.routeOptions.config?.csrfInFirstPart && typeof request.isMultipart === 'function' && request.isMultipart()) {
    return multipartCsrfGuard(request, reply)
  }
  if (csrfTokenIsValid(request)) return undefined
  if (request.routeOptions.config?.adminPublic) {
    // Someone signed in who opens the login form again posts the form cookie's token, not the session's.
    const formToken = request.cookies[FORM_COOKIE]
    const sent = sentCsrfToken(request)
    if (formToken && sent && sameSecret(formToken, sent)) return undefined
  }
  request.log.info({ hasExpected: expectedCsrfToken(request) !== null, hasSent: sentCsrfToken(request) !== null }, 'CSRF token refused')
  return sendAdminError(request, reply, 403, 'admin.error.csrf')
}
