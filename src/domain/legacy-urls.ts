// The URLs a WordPress site answered, and where Lede keeps them (the redirects table): permalinks of any
// structure by their path, and the front page's `?p=`, `?page_id=`, `?cat=`, `?tag=` links by their query.
// Feed variants of each (`…/feed/`, `…/feed/atom/`, `?feed=rss2`) go to the same page's feed.
import { oldPathOf } from './wp-mapping.js'

export type FeedSuffix = '' | 'feed/' | 'feed/atom/'

export interface LegacyLookup { key: string, feed: FeedSuffix }

/** The query parameters of WordPress's "plain" links, in the order WordPress reads them. */
const QUERY_KEYS = ['p', 'page_id', 'cat', 'tag'] as const
export type LegacyQueryKey = typeof QUERY_KEYS[number]

/** The redirects-table key of a plain link: "/?p=123". */
export function queryKeyOf(name: LegacyQueryKey, value: string | number): string {
  return `/?${name}=${encodeURIComponent(String(value))}`
}

function feedOfQuery(value: string | null): FeedSuffix | null {
  if (value === null) return ''
  if (value === '' || value === 'rss2' || value === 'rss' || value === 'feed' || value === 'rdf') return 'feed/'
  if (value === 'atom') return 'feed/atom/'
  return null
}

const FEED_PATH = /\/feed\/(?:(rss2|rss|rdf|atom)\/)?$/

/** Where to look a requested URL up, most specific first; empty when it cannot be an old WordPress URL. */
export function legacyLookupsOf(url: string): LegacyLookup[] {
  if (url.length > 2000) return []
  const q = url.indexOf('?')
  const rawPath = q === -1 ? url : url.slice(0, q)
  if (rawPath === '/' || rawPath === '') {
    if (q === -1) return []
    const params = new URLSearchParams(url.slice(q + 1))
    const feed = feedOfQuery(params.get('feed'))
    if (feed === null) return []
    for (const name of QUERY_KEYS) {
      const value = params.get(name)
      if (value !== null && value !== '' && value.length <= 200) return [{ key: queryKeyOf(name, value), feed }]
    }
    return []
  }
  const path = oldPathOf(rawPath)
  if (!path) return []
  const lookups: LegacyLookup[] = [{ key: path, feed: '' }]
  const feed = FEED_PATH.exec(path)
  if (feed) {
    const page = oldPathOf(path.slice(0, feed.index + 1))
    if (page) lookups.push({ key: page, feed: feed[1] === 'atom' ? 'feed/atom/' : 'feed/' })
  }
  return lookups
}
