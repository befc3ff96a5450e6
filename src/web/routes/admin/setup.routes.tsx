// First-run setup (only while no account exists) and choosing a password through a one-time link.
import type { FastifyPluginAsync } from 'fastify'
import { validateNewPassword, validateSetupForm } from '../../../domain/account-forms.js'
import { setSessionCookie } from '../../../plugins/auth.js'
import { anonymousFormToken } from '../../../plugins/csrf.js'
import { currentSettings } from '../../../services/site-settings.service.js'
import { completeSetup, isFirstRun, setPasswordWithLink, userForLink } from '../../../services/users.service.js'
import { ChoosePasswordPage, SetupPage } from '../../views/admin/auth-pages.js'
import { translateErrors } from '../../views/admin/form-errors.js'
import { adminTranslator, sendAdminError, sendAdminPage } from './admin-support.js'
import { clientOf } from './auth.routes.js'

const setupRoutes: FastifyPluginAsync = async (app) => {
  const publicRoute = { config: { adminPublic: true } }
  // Set-up names the site; a new account's name can appear as a byline.
  const publicWrite = { config: { adminPublic: true, changesReaderPages: true } }

  app.get('/setup/', publicRoute, async (request, reply) => {
    if (!await isFirstRun(app.deps)) return reply.redirect('/admin/', 303)
    const settings = await currentSettings(app.deps)
    const csrfToken = await anonymousFormToken(request, reply)
    return sendAdminPage(reply, <SetupPage settings={settings} i18n={adminTranslator(settings)} csrfToken={csrfToken}
      values={{ siteName: settings.siteName, email: '', displayName: '' }} errors={{}} />)
  })

  app.post('/setup/', publicWrite, async (request, reply) => {
    if (!await isFirstRun(app.deps)) return sendAdminError(request, reply, 403, 'admin.setup.alreadyDone')
    const settings = await currentSettings(app.deps)
    const i18n = adminTranslator(settings)
    const form = validateSetupForm(request.body)
    if (!form.ok) {
      const csrfToken = await anonymousFormToken(request, reply)
      return sendAdminPage(reply, <SetupPage settings={settings} i18n={i18n} csrfToken={csrfToken} values={form.values} errors={translateErrors(i18n, form.errors)} />, 400)
    }
    const result = await completeSetup(app.deps, form.values, clientOf(request))
    if (result.kind === 'refused') return sendAdminError(request, reply, 403, 'admin.setup.alreadyDone')
    await setSessionCookie(app.deps, reply, result.token, result.expiresAt)
    return reply.redirect('/admin/?notice=welcome', 303)
  })

  app.get<{ Params: { token: string } }>('/welcome/:token/', publicRoute, async (request, reply) => {
    const found = await userForLink(app.deps, request.params.token)
    if (!found) return sendAdminError(request, reply, 404, 'admin.welcome.invalidLink')
    const settings = await currentSettings(app.deps)
    const csrfToken = await anonymousFormToken(request, reply)
    return sendAdminPage(reply, <ChoosePasswordPage settings={settings} i18n={adminTranslator(settings)} csrfToken={csrfToken}
      action={request.url.split('?')[0]!} email={found.user.email} displayName={found.user.display_name} purpose={found.purpose} errors={{}} />)
  })

  app.post<{ Params: { token: string } }>('/welcome/:token/', publicWrite, async (request, reply) => {
    const found = await userForLink(app.deps, request.params.token)
    if (!found) return sendAdminError(request, reply, 404, 'admin.welcome.invalidLink')
    const form = validateNewPassword(request.body, found.user.email)
    if (!form.ok) {
      const settings = await currentSettings(app.deps)
      const i18n = adminTranslator(settings)
      const csrfToken = await anonymousFormToken(request, reply)
      return sendAdminPage(reply, <ChoosePasswordPage settings={settings} i18n={i18n} csrfToken={csrfToken}
        action={request.url.split('?')[0]!} email={found.user.email} displayName={found.user.display_name} purpose={found.purpose}
        errors={translateErrors(i18n, form.errors)} />, 400)
    }
    const result = await setPasswordWithLink(app.deps, request.params.token, form.values.password, clientOf(request), request.sessionToken ?? undefined)
    if (result.kind === 'invalid-link') return sendAdminError(request, reply, 404, 'admin.welcome.invalidLink')
    await setSessionCookie(app.deps, reply, result.token, result.expiresAt)
    return reply.redirect('/admin/?notice=passwordSet', 303)
  })
}

export default setupRoutes
