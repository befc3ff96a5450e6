// URLs of listing pages, feeds and sitemaps (DESIGN §4). Paths only; absoluteUrl() adds the site URL.
// Slugs are ASCII by construction, but they are encoded anyway: a path is never built from raw text.

export type ListingKind = 'section' | 'tag' | 'author'
export type FeedFormat = 'rss' | 'atom' | 'json'
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json']

/** "/section/politics/", "/ru/tag/diplomacy/", "/author/owen-pryce/". */
export function listingPath(prefix: string, kind: ListingKind, slug: string): string {
  return `${prefix}/${kind}/${encodeURIComponent(slug)}/`
}

/**
 * The feeds of a page whose path ends in "/": RSS at "feed/", Atom at "feed/atom/", and JSON Feed at
 * "feed.json" beside it, the names WordPress readers and aggregators already try.
 */
export function feedPath(pagePath: string, format: FeedFormat): string {
  const base = pagePath.endsWith('/') ? pagePath : `${pagePath}/`
  switch (format) {
    case 'rss': return `${base}feed/`
    case 'atom': return `${base}feed/atom/`
    case 'json': return `${base}feed.json`
  }
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8'
}

/** MIME types for <link rel="alternate" type=…> (no parameters there). */
export const FEED_LINK_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json'
}

/** Sitemaps of an edition sit in its own directory, since a sitemap may only list URLs under its own. */
export function sitemapIndexPath(prefix: string): string {
  return `${prefix}/sitemap.xml`
}

export function newsSitemapPath(prefix: string): string {
  return `${prefix}/news-sitemap.xml`
}

/** One child sitemap: "articles-2022-02" (page 1), "articles-2022-02-2", "sections", "tags-3", "pages". */
export function childSitemapPath(prefix: string, name: string): string {
  return `${prefix}/sitemap-${name}.xml`
}
