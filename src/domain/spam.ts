// Built-in spam signals: patterns that honest readers almost never produce and comment bots often do.
// Pure functions over what was submitted; the verdict that combines them lives in moderation.ts.

export type ReasonCode =
  // held for a moderator
  | 'manual-approval' | 'not-previously-approved' | 'too-many-links' | 'moderation-word'
  | 'no-timing-token' | 'stale-timing-token' | 'no-user-agent'
  // trash
  | 'disallowed-word'
  // spam
  | 'honeypot' | 'too-fast' | 'forged-timing-token' | 'link-density' | 'bbcode-link' | 'link-in-name'

/** Why a comment was held, trashed or marked spam: stored in comments.spam_reasons, shown to moderators only. */
export interface ModerationReason {
  code: ReasonCode
  /** A number or the matched word, filled into the reason's message (moderation.reason.<code>). */
  detail?: string
  /** For word matches: content, name, url, email, ip or user agent. */
  field?: string
}

/**
 * Links as WordPress counts them for "hold a comment with N or more links": every "//" (with or
 * without "http:" or "https:" before it), plus bare "www." addresses, which Lede also turns into links.
 */
export function countLinks(text: string): number {
  return (text.match(/(?:https?:)?\/\/|(?<![/\w.-])www\.[^\s.]/gi) ?? []).length
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+|(?<![/\w.-])www\.[^\s<>"']+/gi

/** A comment that is mostly addresses: three or more links making up over half of its text. */
export const LINK_DENSITY = { minLinks: 3, maxShare: 0.5 } as const

export interface SpamInput {
  authorName: string
  body: string
  /** What arrived in the field people cannot see; anything at all means a machine filled the form. */
  honeypot: string
}

/** Pattern heuristics; each hit is a reason to mark the comment spam. */
export function spamSignals(input: SpamInput): ModerationReason[] {
  const reasons: ModerationReason[] = []
  if (input.honeypot !== '') reasons.push({ code: 'honeypot' })

  const urls = input.body.match(URL_IN_TEXT) ?? []
  const linkChars = urls.reduce((sum, url) => sum + url.length, 0)
  const textChars = input.body.replace(/\s+/g, '').length
  if (urls.length >= LINK_DENSITY.minLinks && textChars > 0 && linkChars / textChars > LINK_DENSITY.maxShare) {
    reasons.push({ code: 'link-density', detail: String(Math.round(100 * linkChars / textChars)) })
  }
  // Forum markup has no meaning here; bots that spray forums and blogs alike send it anyway.
  if (/\[(?:url|link)\s*=|\[url\]/i.test(input.body)) reasons.push({ code: 'bbcode-link' })
  // People sign with a name; "Cheap pills https://…" is an advertisement.
  if (/https?:\/\/|www\.[^\s.]+\.|<a\s/i.test(input.authorName)) reasons.push({ code: 'link-in-name' })
  return reasons
}

/** WordPress's flood interval: one comment per IP every 15 seconds. */
export const FLOOD_INTERVAL_SECONDS = 15
/**
 * Per-IP ceiling over an hour. Generous, because offices and mobile networks put many readers behind one
 * address, yet far below what a bot that waits out the flood interval could send (240 an hour).
 */
export const COMMENTS_PER_HOUR_PER_IP = 20

export type PaceCheck = { ok: true } | { ok: false, rule: 'flood' | 'rate-limit', retryAfterSeconds: number }

/** Flood control and the per-IP rate limit, from the IP's recent comments (any status). */
export function paceCheck(recent: { latest: string | null, lastHourCount: number, lastHourOldest: string | null }, now: Date): PaceCheck {
  if (recent.latest !== null) {
    const wait = FLOOD_INTERVAL_SECONDS * 1000 - (now.getTime() - Date.parse(recent.latest))
    if (wait > 0) return { ok: false, rule: 'flood', retryAfterSeconds: Math.ceil(wait / 1000) }
  }
  if (recent.lastHourCount >= COMMENTS_PER_HOUR_PER_IP && recent.lastHourOldest !== null) {
    const wait = 3_600_000 - (now.getTime() - Date.parse(recent.lastHourOldest))
    return { ok: false, rule: 'rate-limit', retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) }
  }
  return { ok: true }
}

/** Reasons as stored with a comment (JSON); anything unreadable counts as none rather than failing the page. */
export function parseReasons(json: string): ModerationReason[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((r): r is ModerationReason => typeof r === 'object' && r !== null && typeof (r as { code?: unknown }).code === 'string') : []
  } catch {
    return []
  }
}
