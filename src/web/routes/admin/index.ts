// The newsroom under /admin: one guard for the whole prefix (anonymous → login, CSRF on every POST,
// never cached), then one route file per screen. Registered once in app.ts with the /admin prefix.
import type { FastifyPluginAsync } from 'fastify'
import { ADMIN_CACHE_CONTROL, adminGuard, buildAdminContext, csrfGuard, sendAdminError, sendAdminPage } from './admin-support.js'
import authRoutes from './auth.routes.js'
import setupRoutes from './setup.routes.js'
import dashboardRoutes from './dashboard.routes.js'
import profileRoutes from './profile.routes.js'
import usersRoutes from './users.routes.js'
import settingsRoutes from './settings.routes.js'
import auditRoutes from './audit.routes.js'
import articlesRoutes from './articles.routes.js'
import articleAutosaveRoutes from './article-autosave.routes.js'
import mediaRoutes from './media.routes.js'
import taxonomyRoutes from './taxonomy.routes.js'
import moderationRoutes from './moderation.routes.js'
import translationsRoutes from './translations.routes.js'
import wireRoutes from './wire.routes.js'
import importRoutes from './import.routes.js'
import liveBlogRoutes from './live-blog.routes.js'
import bodyEditorRoutes from './body-editor.routes.js'

export { requireCapability, sendAdminError, sendAdminPage } from './admin-support.js'

const adminRoutes: FastifyPluginAsync = async (app) => {
  app.decorateRequest('adminContext', function () { return buildAdminContext(this) })
  app.decorateReply('adminPage', function (vnode, status) { return sendAdminPage(this, vnode, status) })

  app.addHook('onRequest', adminGuard)
  app.addHook('preHandler', csrfGuard)
  // Every admin response, errors and redirects included, belongs to one person and is never stored.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', ADMIN_CACHE_CONTROL)
    reply.header('x-robots-tag', 'noindex, nofollow')
    return payload
  })
  app.setNotFoundHandler(async (request, reply) => sendAdminError(request, reply, 404))
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'admin request failed')
    else request.log.info({ err: error, status }, 'admin request refused')
    return sendAdminError(request, reply, status)
  })

  // Accounts, security and the shell: open to every signed-in role, each route checking its capability.
  await app.register(authRoutes)
  await app.register(setupRoutes)
  await app.register(dashboardRoutes)
  await app.register(profileRoutes)
  await app.register(usersRoutes)
  await app.register(settingsRoutes)
  await app.register(auditRoutes)

  // The newsroom's screens. Each file declares its paths relative to /admin ('/articles/', '/comments/' …)
  // and guards its routes with `{ preHandler: requireCapability('…') }`; per-article rights are the services'.
  await app.register(articlesRoutes)
  await app.register(articleAutosaveRoutes)
  await app.register(mediaRoutes)
  await app.register(taxonomyRoutes)
  await app.register(moderationRoutes)
  // The editor's Translations panel posts here.
  await app.register(translationsRoutes)
  // The wire desk.
  await app.register(wireRoutes)
  // WordPress import.
  await app.register(importRoutes)
  // An article's live blog.
  await app.register(liveBlogRoutes)
  // What the rich body editor fetches: pictures, related stories, pasted HTML cleaned.
  await app.register(bodyEditorRoutes)
  // ── end of newsroom screens ─────────────────────────────────────────────────────────────────────
}

export default adminRoutes
