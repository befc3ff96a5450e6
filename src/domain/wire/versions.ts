// When is an incoming copy of an agency item a newer version of the one in the inbox? Agencies that number
// versions (NewsML-G2, NewsML 1, ninjs) are believed; feeds carry no number, so a changed text with a time
// that is not older counts as an update, and the same text is only "seen again".
import { createHash } from 'node:crypto'
import type { WireItem } from './wire-item.js'

/** A fingerprint of what an editor reads; metadata shuffles (link order, subjects) do not make a new version. */
export function contentHash(item: Pick<WireItem, 'headline' | 'lead' | 'bodyHtml' | 'byline' | 'dateline' | 'embargoUntil'>): string {
  return createHash('sha256')
    .update(JSON.stringify([item.headline, item.lead, item.bodyHtml, item.byline, item.dateline, item.embargoUntil]))
    .digest('hex')
}

export interface StoredVersion { version: number | null, contentHash: string, versionCreated: string | null }

export type VersionVerdict = 'newer' | 'same' | 'older'

export function compareVersions(stored: StoredVersion, incoming: StoredVersion): VersionVerdict {
  if (stored.version !== null && incoming.version !== null && stored.version !== incoming.version) {
    return incoming.version > stored.version ? 'newer' : 'older'
  }
  if (stored.contentHash === incoming.contentHash) return 'same'
  if (stored.versionCreated && incoming.versionCreated && incoming.versionCreated < stored.versionCreated) return 'older'
  return 'newer'
}

/**
 * Would a story made from an item under embargo go out before the embargo ends? A story scheduled for the
 * embargo's time or later keeps it; one published, or scheduled earlier, breaks it.
 */
export function breaksEmbargo(story: { status: string, publishedAt: string | null }, embargoUntil: string | null, now: Date): boolean {
  if (!isUnderEmbargo(embargoUntil, now)) return false
  if (story.status !== 'published' && story.status !== 'scheduled') return false
  return story.publishedAt === null || new Date(story.publishedAt).getTime() < new Date(embargoUntil!).getTime()
}

/** An item under embargo may be read and prepared, not published, until the embargo ends. */
export function isUnderEmbargo(embargoUntil: string | null, now: Date): boolean {
  return embargoUntil !== null && new Date(embargoUntil).getTime() > now.getTime()
}
