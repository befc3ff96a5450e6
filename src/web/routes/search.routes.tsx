import type { FastifyPluginAsync } from 'fastify'
import { searchFormFrom } from '../../domain/search-form.js'
import { runSearch } from '../../services/search.service.js'
import { SearchPage } from '../views/search-page.js'

// Registered at the root and under "/:lang": "/search?q=…" searches the default edition, "/ru/search?q=…"
// the Russian one; "scope=all" widens either to every edition. Results are the same for every reader,
// so the page is cacheable; an unusable filter or an over-long query answers 400 with the form kept.
const searchRoutes: FastifyPluginAsync = async (app) => {
  // The fields searchFormFrom reads: nothing else may tell two cached result pages apart.
  app.get('/search', { config: { cacheQuery: ['q', 'scope', 'section', 'from', 'to', 'page'] } }, async (request, reply) => {
    const ctx = await request.viewContext()
    const outcome = await runSearch(app.deps, ctx.settings, ctx.edition, searchFormFrom(request.query))
    const status = outcome.kind === 'invalid' || outcome.kind === 'too-long' ? 400 : 200
    return reply.page(<SearchPage ctx={ctx} outcome={outcome} />, { status })
  })
}

export default searchRoutes
