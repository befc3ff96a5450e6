// The URL scheme (DESIGN §4) in one place. Paths only; absolute URLs add the site URL.
import { dayOf, dayPath, type Day, type IsoInstant } from './days.js'
import { parseId } from './ids.js'

/** "" for the default edition (it lives at the root), "/ru" for the others. */
export function editionPrefix(edition: string, defaultEdition: string): string {
  return edition === defaultEdition ? '' : `/${edition}`
}

export function frontPath(prefix: string): string {
  return `${prefix}/`
}

export function dayNewsfeedPath(prefix: string, day?: Day): string {
  return day ? `${prefix}/newsfeed/${day}/` : `${prefix}/newsfeed/`
}

export function articlePath(prefix: string, publishedAt: IsoInstant, slug: string, timeZone: string): string {
  return `${prefix}${dayPath(dayOf(publishedAt, timeZone))}${slug}/`
}

export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path}`
}

/**
 * The keyset cursor of every paged list ("Older news", the newsroom's lists), opaque to readers:
 * "<unix ms>-<id>", exact since stored instants have millisecond precision.
 */
export function encodeCursor(cursor: { publishedAt: IsoInstant, id: number }): string {
  return `${Date.parse(cursor.publishedAt)}-${cursor.id}`
}

export function decodeCursor(text: unknown): { publishedAt: IsoInstant, id: number } | null {
  if (typeof text !== 'string') return null
  const m = /^(\d{1,15})-(\d{1,12})$/.exec(text)
  const id = parseId(m?.[2])
  if (!m || id === null) return null
  const millis = Number(m[1])
  const date = new Date(millis)
  if (Number.isNaN(date.getTime())) return null
  return { publishedAt: date.toISOString(), id }
}
