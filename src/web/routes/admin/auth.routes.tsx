// Login and logout.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { safeNextPath } from '../../../domain/accounts.js'
import { formValue } from '../../../domain/account-forms.js'
import { clearSessionCookie, setSessionCookie } from '../../../plugins/auth.js'
import { anonymousFormToken } from '../../../plugins/csrf.js'
import { endSession, login } from '../../../services/auth.service.js'
import { currentSettings } from '../../../services/site-settings.service.js'
import { isFirstRun } from '../../../services/users.service.js'
import { LoginPage } from '../../views/admin/auth-pages.js'
import type { AdminNotice } from '../../views/admin/admin-context.js'
import { adminTranslator, noticeFromQuery, sendAdminPage } from './admin-support.js'

export function clientOf(request: FastifyRequest) {
  const ua = request.headers['user-agent']
  return { ip: request.ip ?? 'unknown', userAgent: typeof ua === 'string' ? ua : null }
}

const authRoutes: FastifyPluginAsync = async (app) => {
  const publicRoute = { config: { adminPublic: true } }

  async function renderLogin(request: FastifyRequest, reply: Parameters<typeof sendAdminPage>[0], options: { status: number, email: string, next: string, notice: AdminNotice | null }) {
    const settings = await currentSettings(app.deps)
    const i18n = adminTranslator(settings)
    const csrfToken = await anonymousFormToken(request, reply)
    return sendAdminPage(reply, <LoginPage settings={settings} i18n={i18n} csrfToken={csrfToken} email={options.email} next={options.next} notice={options.notice} />, options.status)
  }

  app.get('/login/', publicRoute, async (request, reply) => {
    const next = safeNextPath((request.query as Record<string, unknown>).next)
    if (request.user) return reply.redirect(next, 303)
    if (await isFirstRun(app.deps)) return reply.redirect('/admin/setup/', 303)
    const settings = await currentSettings(app.deps)
    const notice = noticeFromQuery(request.query, adminTranslator(settings))
    return renderLogin(request, reply, { status: 200, email: '', next, notice })
  })

  app.post('/login/', publicRoute, async (request, reply) => {
    const body = request.body
    const email = formValue(body, 'email').text.slice(0, 254)
    const password = formValue(body, 'password').text.slice(0, 1000)
    const next = safeNextPath(formValue(body, 'next').text)
    const result = await login(app.deps, { email, password, client: clientOf(request), previousToken: request.sessionToken ?? undefined })
    const i18n = adminTranslator(await currentSettings(app.deps))
    switch (result.kind) {
      case 'ok':
        await setSessionCookie(app.deps, reply, result.token, result.expiresAt)
        return reply.redirect(next, 303)
      case 'invalid':
        // One sentence for every failure: unknown email, wrong password, disabled account.
        return renderLogin(request, reply, { status: 400, email, next, notice: { tone: 'error', text: i18n.t('admin.login.invalid') } })
      case 'throttled': {
        const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
        reply.header('retry-after', String(result.retryAfterSeconds))
        const text = result.retryAfterSeconds < 60
          ? i18n.plural('admin.login.throttledSeconds', result.retryAfterSeconds)
          : i18n.plural('admin.login.throttledMinutes', minutes)
        return renderLogin(request, reply, { status: 429, email, next, notice: { tone: 'error', text } })
      }
    }
  })

  app.post('/logout/', async (request, reply) => {
    if (request.sessionToken) await endSession(app.deps, request.sessionToken)
    await clearSessionCookie(app.deps, reply)
    return reply.redirect('/admin/login/?notice=loggedOut', 303)
  })
}

export default authRoutes
