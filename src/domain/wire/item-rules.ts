// Rules every parser applies to its draft item, so fallbacks and bounds are the same for all formats.
import type { WireItem, WireLink, WireRefusal, WireSubject } from './wire-item.js'
import { WIRE_LIMITS } from './wire-item.js'
import { cleanText, httpUrl } from './wire-text.js'
import { htmlText } from './body-html.js'

export type DraftItem = Omit<WireItem, 'headline' | 'agencyId'> & { headline: string | null, agencyId: string | null }

const FALLBACK_HEADLINE_CHARS = 120

/** A headline from the body when the agency sent none (STT sends empty headlines for some location items). */
function headlineFromBody(bodyHtml: string): string | null {
  const text = htmlText(bodyHtml)
  if (!text) return null
  const sentence = /^(.{20,}?[.!?])(\s|$)/.exec(text.slice(0, 400))?.[1] ?? text
  return cleanText(sentence, FALLBACK_HEADLINE_CHARS)
}

function uniqueSubjects(subjects: WireSubject[]): WireSubject[] {
  const seen = new Set<string>()
  const out: WireSubject[] = []
  for (const subject of subjects) {
    const code = cleanText(subject.code, 200)
    const name = cleanText(subject.name, 200)
    if (!code && !name) continue
    const key = `${code ?? ''}\u0000${name ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ code, name })
    if (out.length >= WIRE_LIMITS.subjectsPerItem) break
  }
  return out
}

function uniqueLinks(links: WireLink[]): WireLink[] {
  const out: WireLink[] = []
  for (const link of links) {
    const href = httpUrl(link.href)
    if (!href || out.some((l) => l.href === href && l.rel === link.rel)) continue
    out.push({ rel: cleanText(link.rel, 100) ?? 'related', href })
    if (out.length >= WIRE_LIMITS.linksPerItem) break
  }
  return out
}

/** The item as the inbox keeps it, or why it cannot be kept. */
export function finishItem(draft: DraftItem): WireItem | WireRefusal {
  if (draft.bodyHtml.length > WIRE_LIMITS.bodyChars) return { reason: `the body is longer than ${WIRE_LIMITS.bodyChars} characters` }
  const headline = cleanText(draft.headline, WIRE_LIMITS.headlineChars) ?? cleanText(draft.slugline, WIRE_LIMITS.headlineChars) ?? headlineFromBody(draft.bodyHtml)
  if (!headline) return { reason: 'the item has no headline and no text' }
  const agencyId = cleanText(draft.agencyId, 500)
  if (!agencyId) return { reason: `"${headline.slice(0, 80)}" has no identifier` }
  return {
    ...draft,
    agencyId,
    headline,
    slugline: cleanText(draft.slugline, 200),
    lead: cleanText(draft.lead, WIRE_LIMITS.leadChars),
    byline: cleanText(draft.byline),
    agency: cleanText(draft.agency, 200),
    credit: cleanText(draft.credit),
    language: cleanText(draft.language, 35)?.toLowerCase() ?? null,
    dateline: cleanText(draft.dateline, 200),
    url: httpUrl(draft.url),
    subjects: uniqueSubjects(draft.subjects),
    links: uniqueLinks(draft.links),
    versionCreated: draft.versionCreated ?? draft.firstCreated,
    firstCreated: draft.firstCreated ?? draft.versionCreated
  }
}

export function isRefusal(value: WireItem | WireRefusal): value is WireRefusal {
  return 'reason' in value && !('agencyId' in value)
}
