// What a feed says, independent of its format: RSS 2.0, Atom 1.0 and JSON Feed 1.1 are three
// spellings of this one document (src/web/views/feeds.ts writes them).
import { withAgencyCredit } from './article-body.js'
import { escapeHtml } from './html-escape.js'
import type { IsoInstant } from './days.js'
import { articleCredit, type ArticleImage, type PublishedArticle } from './published-article.js'
import { listingPath, type FeedFormat } from './syndication-urls.js'
import { absoluteUrl, articlePath } from './urls.js'

/** Feed readers poll often; more items than this only make every poll heavier. */
export const MAX_FEED_ITEMS = 500

export interface FeedPerson { name: string, url: string | null }

export interface FeedCategory {
  /** Stable machine name (the slug). */
  term: string
  /** What readers see. */
  label: string
  /** The listing page of this section or tag, which is also the category's scheme. */
  url: string
  kind: 'section' | 'tag'
}

export interface FeedImage extends Omit<ArticleImage, 'url' | 'crops'> {
  /** Absolute. */
  url: string
}

export interface FeedEntry {
  /** Stable across edits, slug changes and republishing: a tag: URI (RFC 4151). */
  id: string
  url: string
  title: string
  /** Plain text. */
  summary: string
  /** Sanitised HTML, or null when the feed carries summaries only. */
  contentHtml: string | null
  published: IsoInstant
  updated: IsoInstant
  authors: FeedPerson[]
  /** News agency the story comes from ("TASS"), or null. */
  agencyCredit: string | null
  categories: FeedCategory[]
  image: FeedImage | null
  language: string
}

export interface FeedDocument {
  /** Stable id of the feed itself (Atom's atom:id): the page it follows. */
  id: string
  title: string
  description: string
  /** The HTML page this feed follows. */
  homeUrl: string
  /** Absolute URL of each format of this feed, for self links and discovery. */
  selfUrls: Record<FeedFormat, string>
  language: string
  /** Newest update among the entries; the clock reading when there are none. */
  updated: IsoInstant
  /** Newest update among the entries, for Last-Modified; null when there are none. */
  lastModified: IsoInstant | null
  publisher: FeedPerson
  logoUrl: string | null
  entries: FeedEntry[]
}

export interface FeedSite {
  siteUrl: string
  siteName: string
  timeZone: string
  /** The article's edition prefix ("" or "/ru"). */
  prefix: string
  fullText: boolean
  logoUrl: string | null
}

/** "tag:example.com,2022-02-03:article-42". The host alone: RFC 4151 allows no port. */
export function tagUri(siteUrl: string, createdAt: IsoInstant, kind: string, id: number): string {
  let host = 'localhost'
  try {
    host = new URL(siteUrl).hostname || host
  } catch {
    // A malformed site URL is caught when settings are saved; ids stay well-formed regardless.
  }
  return `tag:${host},${createdAt.slice(0, 10)}:${kind}-${id}`
}

/** A site-relative path or an absolute http(s) URL made absolute against the site URL. */
export function absoluteMediaUrl(siteUrl: string, url: string): string {
  return /^https?:\/\//i.test(url) ? url : absoluteUrl(siteUrl, url.startsWith('/') ? url : `/${url}`)
}

/** When a story's entry says it last changed: its update, or its publication when that is later (scheduled). */
export function entryUpdated(article: { publishedAt: IsoInstant, updatedAt: IsoInstant }): IsoInstant {
  return article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt
}

export function articleFeedEntry(article: PublishedArticle, site: FeedSite): FeedEntry {
  const path = articlePath(site.prefix, article.publishedAt, article.slug, site.timeZone)
  const credit = articleCredit(article)
  const categories: FeedCategory[] = []
  if (article.section) {
    categories.push({
      term: article.section.slug, label: article.section.name, kind: 'section',
      url: absoluteUrl(site.siteUrl, listingPath(site.prefix, 'section', article.section.slug))
    })
  }
  for (const tag of article.tags) {
    categories.push({ term: tag.slug, label: tag.name, kind: 'tag', url: absoluteUrl(site.siteUrl, listingPath(site.prefix, 'tag', tag.slug)) })
  }
  const image = article.image
  return {
    id: tagUri(site.siteUrl, article.createdAt, 'article', article.id),
    url: absoluteUrl(site.siteUrl, path),
    title: article.headline,
    summary: article.lead,
    // The body as the article page prints it: opening with the agency credit, as wire copy does.
    contentHtml: site.fullText ? withAgencyCredit(article.bodyHtml, article.agencyCredit, escapeHtml) : null,
    published: article.publishedAt,
    updated: entryUpdated(article),
    authors: credit
      ? [{ name: credit.name, url: credit.authorSlug ? absoluteUrl(site.siteUrl, listingPath(site.prefix, 'author', credit.authorSlug)) : null }]
      : [],
    agencyCredit: article.agencyCredit,
    categories,
    image: image ? { ...image, url: absoluteMediaUrl(site.siteUrl, image.url) } : null,
    language: article.edition
  }
}

export interface FeedScope {
  title: string
  description: string
  /** Path of the page the feed follows ("/", "/section/politics/"). */
  pagePath: string
  language: string
}

/** The newest of some update times, or null when there are none. */
export function newestUpdate(updates: readonly IsoInstant[]): IsoInstant | null {
  return updates.reduce<IsoInstant | null>((max, updated) => (max === null || updated > max ? updated : max), null)
}

/** `newest`: the newest entry's update, when the entries are written elsewhere (feed items kept per story). */
export function feedDocument(scope: FeedScope, entries: FeedEntry[], site: Pick<FeedSite, 'siteUrl' | 'siteName' | 'logoUrl'>, now: Date,
  feedPaths: Record<FeedFormat, string>, newest = newestUpdate(entries.map((e) => e.updated))): FeedDocument {
  const homeUrl = absoluteUrl(site.siteUrl, scope.pagePath)
  return {
    id: homeUrl,
    title: scope.title,
    description: scope.description,
    homeUrl,
    selfUrls: {
      rss: absoluteUrl(site.siteUrl, feedPaths.rss),
      atom: absoluteUrl(site.siteUrl, feedPaths.atom),
      json: absoluteUrl(site.siteUrl, feedPaths.json)
    },
    language: scope.language,
    updated: newest ?? now.toISOString(),
    lastModified: newest,
    publisher: { name: site.siteName, url: absoluteUrl(site.siteUrl, '/') },
    logoUrl: site.logoUrl ? absoluteMediaUrl(site.siteUrl, site.logoUrl) : null,
    entries
  }
}

export interface FeedComment {
  id: number
  authorName: string
  authorUrl: string | null
  body: string
  /** The text as safe HTML, rendered when the comment was saved. */
  bodyHtml: string
  createdAt: IsoInstant
}

/**
 * One approved comment as a feed entry. The commenter's own website is not attached as the author's
 * URL: it is unchecked reader input, and feed readers show author links prominently.
 */
export function commentFeedEntry(comment: FeedComment, article: { url: string, edition: string },
  site: { siteUrl: string }, title: string): FeedEntry {
  return {
    id: tagUri(site.siteUrl, comment.createdAt, 'comment', comment.id),
    url: `${article.url}#comment-${comment.id}`,
    title,
    // Plain text for readers that show descriptions only; the HTML rendering as content.
    summary: comment.body,
    contentHtml: comment.bodyHtml,
    published: comment.createdAt,
    updated: comment.createdAt,
    authors: [{ name: comment.authorName, url: null }],
    agencyCredit: null,
    categories: [],
    image: null,
    language: article.edition
  }
}

/** The number of items a feed carries: the setting, kept within sane bounds. */
export function feedItemLimit(setting: number): number {
  if (!Number.isFinite(setting)) return 50
  return Math.min(MAX_FEED_ITEMS, Math.max(1, Math.trunc(setting)))
}
