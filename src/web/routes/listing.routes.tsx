// /section/<slug>/, /tag/<slug>/, /author/<slug>/: newsfeed-style pages with "Older news" keyset pages.
import type { FastifyPluginAsync } from 'fastify'
import type { ListingKind } from '../../domain/syndication-urls.js'
import { decodeCursor } from '../../domain/urls.js'
import { listingPage } from '../../services/syndication.service.js'
import { ErrorPage } from '../views/error-page.js'
import { ListingPage } from '../views/listing-page.js'

const KINDS: readonly ListingKind[] = ['section', 'tag', 'author']

const listingRoutes: FastifyPluginAsync = async (app) => {
  for (const kind of KINDS) {
    app.get<{ Params: { slug: string }, Querystring: { before?: unknown } }>(`/${kind}/:slug/`, { config: { cacheQuery: ['before'] } }, async (request, reply) => {
      const ctx = await request.viewContext()
      const { t } = ctx.i18n
      const rawBefore = request.query.before
      const before = rawBefore === undefined ? undefined : decodeCursor(rawBefore)
      if (before === null) {
        return reply.page(<ErrorPage ctx={ctx} title={t('error.badRequest.title')} message={t('newsfeed.badCursor')} />, { status: 400 })
      }
      const data = await listingPage(app.deps, ctx.settings, ctx.edition, kind, request.params.slug, before)
      if (!data) return reply.page(<ErrorPage ctx={ctx} title={t('error.notFound.title')} message={t('listing.notFound.text')} />, { status: 404 })
      return reply.page(<ListingPage ctx={ctx} data={data} isFirstPage={!before} />)
    })
  }
}

export default listingRoutes
