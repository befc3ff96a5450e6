// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
import type { WireItem, WireRefusal } from './wire-item.js'
import { htmlBody, plainTextBody } from './body-html.js'
import { finishItem, isRefusal } from './item-rules.js'
import { isObject, objects, str } from './json-value.js'
import { parseWireDate } from './wire-text.js'

export function looksLikeJsonFeed(value: unknown): boolean {
  return isObject(value) && typeof value.version === 'string' && value.version.startsWith('https://jsonfeed.org/version/')
}

export function parseJsonFeed(value: unknown): { items: WireItem[], skipped: WireRefusal[] } {
  const feed = isObject(value) ? value : {}
  const language = str(feed.language)
  const feedAuthors = [...objects(feed.authors), ...(isObject(feed.author) ? [feed.author] : [])]
  const items: WireItem[] = []
  const skipped: WireRefusal[] = []
  for (const o of objects(feed.items, 2000)) {
    const authors = [...objects(o.authors), ...(isObject(o.author) ? [o.author] : [])]
    const html = str(o.content_html)
    const text = str(o.content_text)
    const published = parseWireDate(str(o.date_published))
    const modified = parseWireDate(str(o.date_modified))
    const result = finishItem({
      format: 'json-feed',
      agencyId: str(o.id) ?? str(o.url),
      version: null,
      headline: str(o.title),
      slugline: null,
      lead: str(o.summary),
      bodyHtml: html ? htmlBody(html) : text ? plainTextBody(text) : '',
      byline: (authors.length ? authors : feedAuthors).map((a) => str(a.name)).filter(Boolean).join(', ') || null,
      agency: str(feed.title),
      credit: null,
      language: str(o.language) ?? language,
      urgency: null,
      subjects: (Array.isArray(o.tags) ? o.tags.slice(0, 50) : []).map((t) => ({ code: null, name: str(t) })),
      dateline: null,
      firstCreated: published ?? modified,
      versionCreated: modified ?? published,
      embargoUntil: null,
      url: str(o.url) ?? str(o.external_url),
      links: str(o.external_url) ? [{ rel: 'external', href: str(o.external_url)! }] : []
    })
    if (isRefusal(result)) skipped.push(result)
    else items.push(result)
  }
  return { items, skipped }
}
