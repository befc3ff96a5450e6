// Settings (administrators only): every SiteSettings key, validated, saved in one transaction.
import type { FastifyPluginAsync } from 'fastify'
import { parseSettingsForm, settingsToFormText } from '../../../domain/settings-form.js'
import { loadSettings } from '../../../db/repositories/settings.repository.js'
import { updateSiteSettings } from '../../../services/site-settings.service.js'
import { actorOf } from '../../../services/users.service.js'
import { translateErrors } from '../../views/admin/form-errors.js'
import { SettingsPage } from '../../views/admin/settings-page.js'
import { requireCapability } from './admin-support.js'

const settingsRoutes: FastifyPluginAsync = async (app) => {
  const guard = { preHandler: requireCapability('settings.manage') }
  const write = { ...guard, config: { changesReaderPages: true } }

  app.get('/settings/', guard, async (request, reply) => {
    const ctx = await request.adminContext()
    // The stored values, not the SITE_URL override: the form edits what is stored.
    const stored = await loadSettings(app.deps.db)
    return reply.adminPage(<SettingsPage ctx={{ ...ctx, settings: stored }} text={settingsToFormText(stored)} errors={{}} siteUrlOverride={app.deps.siteUrlOverride} />)
  })

  app.post('/settings/', write, async (request, reply) => {
    const stored = await loadSettings(app.deps.db)
    const form = parseSettingsForm(request.body, stored)
    if (!form.ok) {
      const ctx = await request.adminContext()
      return reply.adminPage(<SettingsPage ctx={{ ...ctx, settings: stored }} text={form.text} errors={translateErrors(ctx.i18n, form.errors)} siteUrlOverride={app.deps.siteUrlOverride} />, 400)
    }
    await updateSiteSettings(app.deps, actorOf(request.user!), form.values)
    return reply.redirect('/admin/settings/?notice=settingsSaved', 303)
  })
}

export default settingsRoutes
