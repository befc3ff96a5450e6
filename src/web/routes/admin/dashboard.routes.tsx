// The dashboard at /admin/: article counts, waiting comments, recent activity.
import type { FastifyPluginAsync } from 'fastify'
import { can } from '../../../domain/roles.js'
import { articleCountsByStatus } from '../../../db/repositories/articles.repository.js'
import { auditPage } from '../../../db/repositories/audit.repository.js'
import { DashboardPage } from '../../views/admin/dashboard-page.js'

/** Enough to see what happened this morning without turning the dashboard into the log. */
const RECENT_ACTIVITY = 12

const dashboardRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const ctx = await request.adminContext()
    const ownOnly = !can(ctx.user.role, 'articles.edit_others')
    const articleCounts = await articleCountsByStatus(app.deps.db, ownOnly ? ctx.user.id : undefined)
    const recent = can(ctx.user.role, 'audit.view') ? (await auditPage(app.deps.db, {}, { limit: RECENT_ACTIVITY })).rows : null
    return reply.adminPage(<DashboardPage ctx={ctx} data={{ articleCounts, ownOnly, recent }} />)
  })
}

export default dashboardRoutes
