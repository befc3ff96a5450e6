// The audit log (administrators and editors): filter by who, action, item type and days; keyset pages.
import type { FastifyPluginAsync } from 'fastify'
import { encodeAuditCursor, parseAuditQuery } from '../../../domain/audit-query.js'
import { auditPage, auditVocabulary } from '../../../db/repositories/audit.repository.js'
import { userChoices } from '../../../db/repositories/users.repository.js'
import { AuditPage } from '../../views/admin/audit-page.js'
import { hrefWith } from '../../views/admin/forms.js'
import { translateErrors } from '../../views/admin/form-errors.js'
import { requireCapability } from './admin-support.js'

/** Rows per page: a morning's activity in a busy newsroom, still one screen to scan. */
const AUDIT_PAGE_SIZE = 50

const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get('/audit/', { preHandler: requireCapability('audit.view') }, async (request, reply) => {
    const ctx = await request.adminContext()
    const query = parseAuditQuery(request.query as Record<string, unknown>, ctx.settings.timeZone)
    const errors = translateErrors(ctx.i18n, Object.fromEntries(Object.entries(query.errors).map(([k, key]) => [k, { key }])))
    const failed = Object.keys(errors).length > 0
    const page = failed
      ? { rows: [], hasMore: false }
      : await auditPage(app.deps.db, query.filters, { limit: AUDIT_PAGE_SIZE, ...(query.before ? { before: query.before } : {}), ...(query.after ? { after: query.after } : {}) })
    const { rows } = page
    const current = { ...query.text }
    const first = rows[0]
    const last = rows.at(-1)
    // Going older, "has more" means older rows exist; going newer it means newer rows exist.
    const older = last && (query.after ? true : page.hasMore) ? hrefWith('/admin/audit/', current, { before: encodeAuditCursor({ createdAt: last.created_at, id: last.id }), after: null }) : null
    const newer = first && (query.after ? page.hasMore : query.before !== undefined) ? hrefWith('/admin/audit/', current, { after: encodeAuditCursor({ createdAt: first.created_at, id: first.id }), before: null }) : null
    const vocabulary = await auditVocabulary(app.deps.db)
    return reply.adminPage(<AuditPage ctx={ctx} data={{
      rows, text: query.text, errors, actors: await userChoices(app.deps.db), ...vocabulary, newer, older,
      filtered: Object.values(query.text).some(Boolean)
    }} />, failed ? 400 : 200)
  })
}

export default auditRoutes
