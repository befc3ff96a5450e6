// One agency item as the inbox keeps it, whatever format it arrived in. Every parser in this folder
// returns these, so the inbox, the repository and "take into a draft" never look at a format again.

export type WireFormat = 'rss' | 'atom' | 'json-feed' | 'newsml-g2' | 'newsml-1' | 'ninjs' | 'nitf'

export interface WireSubject { code: string | null, name: string | null }
export interface WireLink { rel: string, href: string }

export interface WireItem {
  format: WireFormat
  /** The agency's own id for the story, the same for every version of it. */
  agencyId: string
  /** The agency's version number, when the format carries one; otherwise ordering falls to the times and the content. */
  version: number | null
  headline: string
  slugline: string | null
  lead: string | null
  /** Sanitised with the article body allowlist. */
  bodyHtml: string
  byline: string | null
  /** The provider as the document names it ("REUTERS", "ansa.it", "AAP"); the source's own credit wins at take time. */
  agency: string | null
  /** Credit or copyright line as the agency gives it. */
  credit: string | null
  language: string | null
  /** 1 (flash) … 9 (lowest), the IPTC scale; null when the format carries none. */
  urgency: number | null
  subjects: WireSubject[]
  dateline: string | null
  /** UTC ISO instants. */
  firstCreated: string | null
  versionCreated: string | null
  embargoUntil: string | null
  /** The original story on the agency's or publisher's site. */
  url: string | null
  links: WireLink[]
}

/** A document, or an item in it, that could not be read, with the reason an editor or operator can act on. */
export interface WireRefusal { reason: string }

export type WireParseResult =
  | { ok: true, format: WireFormat, items: WireItem[], skipped: WireRefusal[] }
  | { ok: false, reason: string }

/**
 * Bounds for everything that comes from an agency or a feed. A feed of a few hundred items with full text is
 * well under 2 MB; the biggest real podcast feed in the corpus is 1.6 MB.
 */
export const WIRE_LIMITS = {
  documentBytes: 8 * 1024 * 1024,
  itemsPerDocument: 2000,
  headlineChars: 1000,
  shortFieldChars: 500,
  leadChars: 5000,
  bodyChars: 1024 * 1024,
  subjectsPerItem: 50,
  linksPerItem: 20,
  /** Nothing a news item needs is nested this deep; deeper documents are refused, never walked. */
  xmlDepth: 100
} as const
