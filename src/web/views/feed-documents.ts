// Feed documents in the edition's language: titles and descriptions come from the i18n messages.
import { articleFeedEntry, commentFeedEntry, feedDocument, type FeedDocument, type FeedEntry } from '../../domain/feed.js'
import type { IsoInstant } from '../../domain/days.js'
import type { PublishedArticle } from '../../domain/published-article.js'
import { feedPath, listingPath } from '../../domain/syndication-urls.js'
import { absoluteUrl, articlePath, frontPath } from '../../domain/urls.js'
import type { CommentsFeedData, ListingTerm } from '../../services/syndication.service.js'
import { escapeHtml } from '../../domain/html-escape.js'
import type { LiveBlogUpdate } from '../../db/repositories/live-blogs.repository.js'
import { siteDates } from '../../i18n/format.js'
import type { ViewContext } from './context.js'
import { listingDescription, listingHeading } from './listing-page.js'

function site(ctx: ViewContext) {
  const { settings } = ctx
  return {
    siteUrl: settings.siteUrl, siteName: settings.siteName, timeZone: settings.timeZone, prefix: ctx.prefix,
    fullText: settings.feedFullText, logoUrl: settings.logoUrl || null
  }
}

function feedPaths(pagePath: string) {
  return { rss: feedPath(pagePath, 'rss'), atom: feedPath(pagePath, 'atom'), json: feedPath(pagePath, 'json') }
}

/** A live blog's updates under its story in a feed: newest first, each with its time, as on the page. */
function withLiveUpdates(ctx: ViewContext, article: PublishedArticle, updates: readonly LiveBlogUpdate[] | undefined): PublishedArticle {
  if (!updates || updates.length === 0) return article
  const dates = siteDates(ctx.settings, ctx.edition)
  const items = updates.map((u) => `<li><p><time datetime="${escapeHtml(dates.iso(u.createdAt))}">${escapeHtml(dates.dateTime(u.createdAt))}</time></p>\n${u.bodyHtml}</li>`)
  return { ...article, bodyHtml: `${article.bodyHtml}\n<h2>${escapeHtml(ctx.i18n.t('liveBlog.live'))}</h2>\n<ol>\n${items.join('\n')}\n</ol>` }
}

/** Each story as a feed entry; live blogs carry their latest updates. */
export function articleFeedEntries(ctx: ViewContext, articles: readonly PublishedArticle[], liveUpdates: ReadonlyMap<number, readonly LiveBlogUpdate[]> = new Map()): FeedEntry[] {
  const s = site(ctx)
  return articles.map((a) => articleFeedEntry(withLiveUpdates(ctx, a, liveUpdates.get(a.id)), s))
}

/**
 * The edition's feed (term null), or a section's, tag's or author's. `newest` is the newest entry's update
 * when the entries are written apart from the document (items kept per story); otherwise it is read off them.
 */
export function articlesFeedDocument(ctx: ViewContext, term: ListingTerm | null, entries: FeedEntry[], newest?: IsoInstant | null): FeedDocument {
  const { settings, i18n } = ctx
  const pagePath = term ? listingPath(ctx.prefix, term.kind, term.slug) : frontPath(ctx.prefix)
  const scope = term
    ? { title: i18n.t('feeds.titleWithSite', { title: listingHeading(ctx, term), site: settings.siteName }), description: listingDescription(ctx, term) }
    : { title: settings.siteName, description: settings.tagline || i18n.t('newsfeed.description', { site: settings.siteName }) }
  return feedDocument({ ...scope, pagePath, language: ctx.edition }, entries, site(ctx), ctx.now, feedPaths(pagePath), newest)
}

/** RSS of an article's approved comments: the HTML stored at save, as the page shows it. */
export function commentsFeedDocument(ctx: ViewContext, data: CommentsFeedData): FeedDocument {
  const { settings, i18n } = ctx
  const { article } = data
  const path = articlePath(ctx.prefix, article.published_at!, article.slug, settings.timeZone)
  const url = absoluteUrl(settings.siteUrl, path)
  const entries = data.comments.map((c) => commentFeedEntry(c, { url, edition: article.edition }, settings,
    i18n.t('feeds.commentTitle', { name: c.authorName })))
  return feedDocument(
    {
      title: i18n.t('feeds.commentsTitle', { headline: article.headline }),
      description: i18n.t('feeds.commentsDescription', { headline: article.headline }),
      pagePath: path,
      language: article.edition
    },
    entries, site(ctx), ctx.now, feedPaths(path)
  )
}
