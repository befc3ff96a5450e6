// Conditional requests (RFC 9110 §13): may a cache keep the copy it has? Pure rules; the plugin in
// src/plugins/conditional-get.ts applies them to responses.
import type { IsoInstant } from './days.js'

/** "Thu, 03 Feb 2022 09:33:00 GMT" (IMF-fixdate, whole seconds). */
export function httpDate(instant: IsoInstant | Date): string {
  return (typeof instant === 'string' ? new Date(instant) : instant).toUTCString()
}

/** Strips the weak prefix: If-None-Match compares entity tags weakly (RFC 9110 §13.1.2). */
function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag
}

/** Does an If-None-Match header (a list of entity tags, or "*") match the response's ETag? */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const header = ifNoneMatch.trim()
  if (header === '*') return true
  const wanted = opaque(etag.trim())
  // Entity tags are quoted strings without embedded quotes, so a list splits cleanly on commas between them.
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted)
}

/** Has the resource stayed unchanged since the If-Modified-Since date? Dates compare in whole seconds. */
export function unchangedSince(ifModifiedSince: string, lastModified: IsoInstant | string): boolean {
  const since = Date.parse(ifModifiedSince)
  const modified = Date.parse(lastModified)
  if (Number.isNaN(since) || Number.isNaN(modified)) return false
  return Math.floor(modified / 1000) <= Math.floor(since / 1000)
}

export interface ConditionalRequest {
  ifNoneMatch?: string | undefined
  ifModifiedSince?: string | undefined
}

/**
 * Should a GET or HEAD be answered 304? If-None-Match decides when it is present; If-Modified-Since
 * counts only without it (RFC 9110 §13.2.2), and only when the response has a Last-Modified.
 */
export function isNotModified(request: ConditionalRequest, response: { etag?: string | undefined, lastModified?: string | undefined }): boolean {
  if (request.ifNoneMatch !== undefined) return response.etag !== undefined && etagMatches(request.ifNoneMatch, response.etag)
  if (request.ifModifiedSince !== undefined && response.lastModified !== undefined) {
    return unchangedSince(request.ifModifiedSince, response.lastModified)
  }
  return false
}

/** The latest of some instants (ISO strings compare in time order). */
export function newestInstant(...instants: (IsoInstant | null | undefined)[]): IsoInstant | null {
  let newest: IsoInstant | null = null
  for (const instant of instants) if (instant && (newest === null || instant > newest)) newest = instant
  return newest
}
