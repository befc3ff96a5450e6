// How an edition's URLs are split into sitemaps (sitemaps.org protocol, Google News).
import type { IsoInstant } from './days.js'

/** sitemaps.org: at most 50,000 URLs per sitemap, and 50,000 sitemaps per index. */
export const SITEMAP_URL_LIMIT = 50_000
/** Google News: at most 1,000 URLs per news sitemap… */
export const NEWS_SITEMAP_LIMIT = 1_000
/** …and only articles published in the last two days. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 86_400_000

/**
 * One sitemap under the index. Articles are split by the UTC month of publication (a month of a busy
 * site is far below the limit; beyond it, further pages follow), so an old month's sitemap rarely
 * changes and crawlers can skip it by its lastmod.
 */
export type ChildSitemap =
  | { kind: 'articles', month: string, page: number }
  | { kind: 'sections', page: number }
  | { kind: 'tags', page: number }
  | { kind: 'pages' }

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** "articles-2022-02", "articles-2022-02-2", "sections", "tags-3", "pages". */
export function childSitemapName(sitemap: ChildSitemap): string {
  const page = 'page' in sitemap && sitemap.page > 1 ? `-${sitemap.page}` : ''
  switch (sitemap.kind) {
    case 'articles': return `articles-${sitemap.month}${page}`
    case 'sections': return `sections${page}`
    case 'tags': return `tags${page}`
    case 'pages': return 'pages'
  }
}

/** The inverse of childSitemapName, from the file name in the URL ("articles-2022-02.xml"); null for anything else. */
export function parseChildSitemapName(file: string): ChildSitemap | null {
  const m = /^(articles-(\d{4}-\d{2})|sections|tags|pages)(?:-([1-9]\d{0,5}))?\.xml$/.exec(file)
  if (!m) return null
  // Page 1 has no number, so "-1" is not a second name for it.
  const page = m[3] ? Number(m[3]) : 1
  if (m[3] && page < 2) return null
  if (m[2]) return MONTH.test(m[2]) ? { kind: 'articles', month: m[2], page } : null
  if (m[1] === 'pages') return m[3] ? null : { kind: 'pages' }
  return { kind: m[1] as 'sections' | 'tags', page }
}

/** How many sitemaps `count` URLs need (at least one). */
export function sitemapPageCount(count: number, limit = SITEMAP_URL_LIMIT): number {
  return Math.max(1, Math.ceil(count / limit))
}

/** The UTC range [start, end) of a month "YYYY-MM". */
export function monthRange(month: string): { start: IsoInstant, end: IsoInstant } {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const start = new Date(0)
  start.setUTCFullYear(year, m - 1, 1)
  const end = new Date(0)
  end.setUTCFullYear(year, m, 1)
  return { start: start.toISOString(), end: end.toISOString() }
}

/** The oldest publication time a news sitemap may list at `now`. */
export function newsSitemapSince(now: Date): IsoInstant {
  return new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS).toISOString()
}

/** Google News wants ISO 639 codes, except "zh-cn" and "zh-tw" for Chinese. */
export function newsLanguage(edition: string): string {
  const lower = edition.toLowerCase()
  if (lower === 'zh-cn' || lower === 'zh-tw') return lower
  return lower.split(/[-_]/)[0]!
}
