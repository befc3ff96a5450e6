// Feeds: the edition's, each section's, tag's and author's (RSS at feed/, Atom at feed/atom/, JSON
// Feed at feed.json), and each article's comments (RSS at <article URL>feed/).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ArticleVersion } from '../../db/repositories/published-articles.repository.js'
import { entryUpdated, newestUpdate, type FeedDocument } from '../../domain/feed.js'
import { feedPath, FEED_CONTENT_TYPES, type FeedFormat, type ListingKind } from '../../domain/syndication-urls.js'
import { articlePath } from '../../domain/urls.js'
import { CACHE_CONTROL } from '../../plugins/pages.js'
import type { Deps } from '../../services/deps.js'
import { storyFragments } from '../../services/story-fragments.js'
import { commentsFeed, feedArticles, feedStories } from '../../services/syndication.service.js'
import { articleFeedEntries, articlesFeedDocument, commentsFeedDocument } from '../views/feed-documents.js'
import { atomEntry, atomWithEntries, renderFeed, rssItem, rssWithItems } from '../views/feeds.js'

const KINDS: readonly ListingKind[] = ['section', 'tag', 'author']

function sendFeed(reply: FastifyReply, doc: FeedDocument, format: FeedFormat): FastifyReply {
  return sendFeedBody(reply, doc, renderFeed(doc, format).body, format)
}

function sendFeedBody(reply: FastifyReply, doc: FeedDocument, body: string, format: FeedFormat): FastifyReply {
  return reply.code(200)
    .header('content-type', FEED_CONTENT_TYPES[format])
    .header('cache-control', CACHE_CONTROL.public)
    .lastModified(doc.lastModified)
    .send(body)
}

/** A story written as an RSS item or Atom entry, and whether it carries the full text. */
interface FeedItem { xml: string, hasContent: boolean }

/** The version a kept item was written from: a new publication time or a new edit writes it again. */
const versionOf = (v: ArticleVersion) => `${v.publishedAt} ${v.updatedAt}`

/**
 * A feed of stories. RSS items and Atom entries are kept per story version (services/story-fragments.ts),
 * so each answer reads the list of stories, and the whole rows of only those it has no item for: for the
 * edition's feed of 50 stories, about a third of the CPU of reading and writing them all (bench/README.md).
 * The JSON Feed is written whole by the `feed` package.
 */
async function sendArticlesFeed(deps: Deps, request: FastifyRequest, reply: FastifyReply, format: FeedFormat, listing?: { kind: ListingKind, slug: string }) {
  const ctx = await request.viewContext()
  const kept = format === 'json' ? null : storyFragments<FeedItem>(deps, ctx.settings, `${format} feed item`)
  const feed = await feedStories(deps, ctx.settings, ctx.edition, listing)
  if (!feed) return reply.callNotFound()
  const newest = newestUpdate(feed.versions.map(entryUpdated))
  if (!kept) {
    const data = await feedArticles(deps, ctx.settings, ctx.edition, feed.versions.map((v) => v.id))
    return sendFeed(reply, articlesFeedDocument(ctx, feed.term, articleFeedEntries(ctx, data.articles, data.liveUpdates), newest), format)
  }
  const items = feed.versions.map((v) => kept.get(v.id, versionOf(v)))
  const missing = feed.versions.filter((_, i) => items[i] === undefined)
  if (missing.length > 0) {
    const data = await feedArticles(deps, ctx.settings, ctx.edition, missing.map((v) => v.id))
    const written = new Map(articleFeedEntries(ctx, data.articles, data.liveUpdates).map((entry, i) => [data.articles[i]!.id, entry]))
    for (const [i, v] of feed.versions.entries()) {
      if (items[i] !== undefined) continue
      const entry = written.get(v.id)
      // Gone since the list was read (unpublished): left out, as a read a moment later would.
      if (!entry) continue
      const item = { xml: format === 'rss' ? rssItem(entry) : atomEntry(entry), hasContent: Boolean(entry.contentHtml) }
      kept.set(v.id, versionOf(v), item, item.xml.length)
      items[i] = item
    }
  }
  const present = items.filter((item): item is FeedItem => item !== undefined)
  const doc = articlesFeedDocument(ctx, feed.term, [], newest)
  const body = format === 'rss'
    ? rssWithItems(doc, present.map((item) => item.xml), present.some((item) => item.hasContent))
    : atomWithEntries(doc, present.map((item) => item.xml))
  return sendFeedBody(reply, doc, body, format)
}

/** Route paths of a page's three feeds, relative to the page ("/" → "/feed/", "/feed/atom/", "/feed.json"). */
function feedRoutes(pagePath: string): [FeedFormat, string][] {
  return (['rss', 'atom', 'json'] as const).map((format) => [format, feedPath(pagePath, format)])
}

const feedRoutesPlugin: FastifyPluginAsync = async (app) => {
  for (const [format, path] of feedRoutes('/')) {
    app.get(path, (request, reply) => sendArticlesFeed(app.deps, request, reply, format))
  }

  for (const kind of KINDS) {
    for (const [format, path] of feedRoutes(`/${kind}/:slug/`)) {
      app.get<{ Params: { slug: string } }>(path, (request, reply) => sendArticlesFeed(app.deps, request, reply, format, { kind, slug: request.params.slug }))
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
