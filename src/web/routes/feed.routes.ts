// Feeds: the edition's, each section's, tag's and author's (RSS at feed/, Atom at feed/atom/, JSON
// Feed at feed.json), and each article's comments (RSS at <article URL>feed/).
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { FeedDocument } from '../../domain/feed.js'
import { feedPath, type FeedFormat, type ListingKind } from '../../domain/syndication-urls.js'
import { articlePath } from '../../domain/urls.js'
import { CACHE_CONTROL } from '../../plugins/pages.js'
import { commentsFeed, feedArticles } from '../../services/syndication.service.js'
import { articlesFeedDocument, commentsFeedDocument } from '../views/feed-documents.js'
import { renderFeed } from '../views/feeds.js'

const KINDS: readonly ListingKind[] = ['section', 'tag', 'author']

function sendFeed(reply: FastifyReply, doc: FeedDocument, format: FeedFormat): FastifyReply {
  const { body, contentType } = renderFeed(doc, format)
  return reply.code(200)
    .header('content-type', contentType)
    .header('cache-control', CACHE_CONTROL.public)
    .lastModified(doc.lastModified)
    .send(body)
}

/** Route paths of a page's three feeds, relative to the page ("/" → "/feed/", "/feed/atom/", "/feed.json"). */
function feedRoutes(pagePath: string): [FeedFormat, string][] {
  return (['rss', 'atom', 'json'] as const).map((format) => [format, feedPath(pagePath, format)])
}

const feedRoutesPlugin: FastifyPluginAsync = async (app) => {
  for (const [format, path] of feedRoutes('/')) {
    app.get(path, async (request, reply) => {
      const ctx = await request.viewContext()
      const data = await feedArticles(app.deps, ctx.settings, ctx.edition)
      return sendFeed(reply, articlesFeedDocument(ctx, null, data!.articles, data!.liveUpdates), format)
    })
  }

  for (const kind of KINDS) {
    for (const [format, path] of feedRoutes(`/${kind}/:slug/`)) {
      app.get<{ Params: { slug: string } }>(path, async (request, reply) => {
        const ctx = await request.viewContext()
        const data = await feedArticles(app.deps, ctx.settings, ctx.edition, { kind, slug: request.params.slug })
        if (!data) return reply.callNotFound()
        return sendFeed(reply, articlesFeedDocument(ctx, data.term, data.articles, data.liveUpdates), format)
      })
    }
  }

  // The year must be four digits, so "/ru/2022/02/03/feed/" (a Russian article whose slug is "feed")
  // still reaches the article route of the /ru edition.
  app.get<{ Params: { year: string, month: string, day: string, slug: string } }>('/:year(^\\d{4}$)/:month/:day/:slug/feed/', async (request, reply) => {
    const ctx = await request.viewContext()
    const { year, month, day, slug } = request.params
    const data = await commentsFeed(app.deps, ctx.settings, ctx.edition, `${year}-${month}-${day}`, slug)
    if (!data) return reply.callNotFound()
    if ('moved' in data) {
      return reply.redirect(feedPath(articlePath(ctx.prefix, data.moved.published_at!, data.moved.slug, ctx.settings.timeZone), 'rss'), 301)
    }
    return sendFeed(reply, commentsFeedDocument(ctx, data), 'rss')
  })
}

export default feedRoutesPlugin
