// Sitemap XML written by the `sitemap` package (escaping, namespaces, news fields checked on the way),
// and robots.txt. Inputs are absolute URLs and plain text; the package does the escaping.
import { ErrorLevel, SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap'
import type { IsoInstant } from '../../domain/days.js'
import { xmlSafe } from '../../domain/xml-text.js'

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8'

export interface UrlEntry {
  url: string
  lastModified: IsoInstant | null
  /** hreflang alternates (absolute URLs), written as <xhtml:link rel="alternate">. */
  alternates?: { hreflang: string, href: string }[]
}

export interface NewsEntry {
  url: string
  publicationName: string
  language: string
  /** ISO 8601 with the site's offset. */
  publicationDate: string
  title: string
}

/** Sitemap namespaces this site uses; the package declares every extension otherwise. */
const PLAIN = { news: false, xhtml: false, image: false, video: false }
const NEWS = { news: true, xhtml: false, image: false, video: false }
const WITH_ALTERNATES = { news: false, xhtml: true, image: false, video: false }

/**
 * An empty <urlset>. The sitemaps.org schema wants at least one <url>, but a news sitemap on a quiet
 * weekend has none, and the package refuses to write one; crawlers read an empty set as "nothing new".
 */
function emptyUrlset(news: boolean): string {
  return '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' +
    (news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : '') + '></urlset>'
}

async function write(stream: SitemapStream | SitemapIndexStream, items: SitemapItemLoose[] | { url: string, lastmod?: string }[]): Promise<string> {
  const done = streamToPromise(stream)
  for (const item of items) stream.write(item)
  stream.end()
  return (await done).toString('utf8')
}

export async function renderUrlset(entries: UrlEntry[]): Promise<string> {
  if (entries.length === 0) return emptyUrlset(false)
  const alternates = entries.some((e) => (e.alternates ?? []).length > 0)
  return write(new SitemapStream({ level: ErrorLevel.THROW, xmlns: alternates ? WITH_ALTERNATES : PLAIN }), entries.map((e) => ({
    url: e.url, ...(e.lastModified ? { lastmod: e.lastModified } : {}),
    ...((e.alternates ?? []).length > 0 ? { links: e.alternates!.map((a) => ({ lang: a.hreflang, url: a.href })) } : {})
  })))
}

export async function renderSitemapIndex(entries: UrlEntry[]): Promise<string> {
  return write(new SitemapIndexStream({ level: ErrorLevel.THROW }), entries.map((e) => ({
    url: e.url, ...(e.lastModified ? { lastmod: e.lastModified } : {})
  })))
}

export async function renderNewsSitemap(entries: NewsEntry[]): Promise<string> {
  if (entries.length === 0) return emptyUrlset(true)
  return write(new SitemapStream({ level: ErrorLevel.THROW, xmlns: NEWS }), entries.map((e) => ({
    url: e.url,
    news: {
      publication: { name: xmlSafe(e.publicationName), language: e.language },
      publication_date: e.publicationDate,
      title: xmlSafe(e.title)
    }
  })))
}

/** robots.txt: the newsroom stays out of search; both sitemaps are named. */
export function renderRobots(sitemapUrls: string[]): string {
  return [
    'User-agent: *',
    'Disallow: /admin/',
    '',
    ...sitemapUrls.map((url) => `Sitemap: ${url}`),
    ''
  ].join('\n')
}
