// Your own account: display name and password. Open to every role.
import type { FastifyPluginAsync } from 'fastify'
import { validatePasswordChange, validateProfileForm } from '../../../domain/account-forms.js'
import { changeOwnPassword, updateDisplayName } from '../../../services/users.service.js'
import { ProfilePage } from '../../views/admin/profile-page.js'
import { translateErrors } from '../../views/admin/form-errors.js'
import { clientOf } from './auth.routes.js'

const profileRoutes: FastifyPluginAsync = async (app) => {
  app.get('/profile/', async (request, reply) => {
    const ctx = await request.adminContext()
    return reply.adminPage(<ProfilePage ctx={ctx} forms={{ displayName: ctx.user.displayName, nameErrors: {}, passwordErrors: {} }} />)
  })

  app.post('/profile/name/', { config: { changesReaderPages: true } }, async (request, reply) => {
    const form = validateProfileForm(request.body)
    if (!form.ok) {
      const ctx = await request.adminContext()
      return reply.adminPage(<ProfilePage ctx={ctx} forms={{ displayName: form.values.displayName, nameErrors: translateErrors(ctx.i18n, form.errors), passwordErrors: {} }} />, 400)
    }
    await updateDisplayName(app.deps, request.user!, form.values.displayName)
    return reply.redirect('/admin/profile/?notice=profileSaved', 303)
  })

  app.post('/profile/password/', async (request, reply) => {
    const user = request.user!
    const form = validatePasswordChange(request.body, user.email)
    let errors = form.ok ? {} : form.errors
    let status = 400
    if (form.ok) {
      const result = await changeOwnPassword(app.deps, user, request.authSession!.id, form.values.currentPassword, form.values.password, clientOf(request))
      if (result.kind === 'done') return reply.redirect('/admin/profile/?notice=passwordChanged', 303)
      if (result.kind === 'throttled') {
        status = 429
        reply.header('retry-after', String(result.retryAfterSeconds))
        errors = { current_password: { key: 'admin.form.currentPasswordThrottled' } }
      } else {
        errors = { current_password: { key: 'admin.form.currentPasswordWrong' } }
      }
    }
    const ctx = await request.adminContext()
    return reply.adminPage(<ProfilePage ctx={ctx} forms={{ displayName: user.displayName, nameErrors: {}, passwordErrors: translateErrors(ctx.i18n, errors) }} />, status)
  })
}

export default profileRoutes
