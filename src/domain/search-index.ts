// What the full-text index holds and how queries against it are written, without I/O: the searchable
// text of an article, facet tokens, recency windows, and the query text for SQLite FTS5 and PostgreSQL
// tsquery (src/db/repositories/search.repository.ts runs them).
import type { SearchTerm } from './search-query.js'
import { htmlToText, searchTokens } from './search-text.js'

/** The text an article is found by, field by field, most telling first. */
export interface SearchableText {
  headline: string
  lead: string
  /** Tag names and byline: short, deliberate words, weighted like the lead. */
  keywords: string
  body: string
}

/** The searchable fields, most telling first (FTS5 columns in this order, after facets). */
export const FIELDS = ['headline', 'lead', 'keywords', 'body'] as const
const PG_WEIGHT: Record<typeof FIELDS[number], string> = { headline: 'A', lead: 'B', keywords: 'B', body: 'C' }

/** tsvector positions stop at 16383 and keep at most 256 per lexeme; later ones add nothing to ranking. */
const PG_MAX_POSITION = 16383
const PG_MAX_POSITIONS_PER_LEXEME = 256

const DAY_MS = 86_400_000

/** An article's searchable text: tags and byline as keywords, the body as plain text. */
export function searchableText(source: { headline: string, lead: string, body_html: string, byline: string | null }, tags: readonly string[]): SearchableText {
  return {
    headline: source.headline,
    lead: source.lead,
    keywords: [...tags, source.byline ?? ''].join(' \n '),
    body: htmlToText(source.body_html)
  }
}

// ---------------------------------------------------------------------------------------------------
// Facets: filter tokens. Letters and digits only, kept apart from text tokens (the FTS5 column `facets`,
// a "_" prefix in PostgreSQL, which text tokens never contain).

export const editionFacet = (edition: string) => `e${searchTokens(edition).join('') || 'none'}`
export const sectionFacet = (sectionId: number) => `s${sectionId}`
/** Days and weeks since the epoch (UTC), months as yyyymm, years. */
const dayFacet = (ms: number) => `d${Math.floor(ms / DAY_MS)}`
const weekFacet = (ms: number) => `w${Math.floor(ms / (7 * DAY_MS))}`
const monthFacet = (date: Date) => `m${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`
const yearFacet = (date: Date) => `y${date.getUTCFullYear()}`

/** The facets of an article: its edition, section and publication day, week, month and year. */
export function facetsOf(source: { edition: string, section_id: number | null, published_at: string | null }): string[] {
  const at = new Date(source.published_at!)
  const facets = [editionFacet(source.edition), dayFacet(at.getTime()), weekFacet(at.getTime()), monthFacet(at), yearFacet(at)]
  if (source.section_id !== null) facets.push(sectionFacet(source.section_id))
  return facets
}

/** A recency window: the facets of every bucket from its start up to now (null: all time), and its length. */
export interface RecencyWindow { days: number, facets: string[] | null }

/**
 * Recency windows, shortest first, each holding every story published since the start of its first bucket:
 * days up to a week, weeks up to half a year, then months for a year, years for two, then all time. Steps
 * of about 2× let the search stop at a window not much larger than it needs.
 */
export function recencyWindows(now: Date): RecencyWindow[] {
  const t = now.getTime()
  const week = 7 * DAY_MS
  const windows: RecencyWindow[] = []
  for (const days of [2, 4, 7]) {
    const facets: string[] = []
    for (let d = Math.floor((t - days * DAY_MS) / DAY_MS); d <= Math.floor(t / DAY_MS); d++) facets.push(`d${d}`)
    windows.push({ days, facets })
  }
  for (const weeks of [2, 4, 8, 13, 26]) {
    const facets: string[] = []
    for (let w = Math.floor((t - weeks * week) / week); w <= Math.floor(t / week); w++) facets.push(`w${w}`)
    windows.push({ days: weeks * 7, facets })
  }
  const months: string[] = []
  const start = new Date(t - 365 * DAY_MS)
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); d <= now; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    months.push(monthFacet(d))
  }
  windows.push({ days: 365, facets: months })
  const years: string[] = []
  for (let y = new Date(t - 730 * DAY_MS).getUTCFullYear(); y <= now.getUTCFullYear(); y++) years.push(`y${y}`)
  windows.push({ days: 730, facets: years })
  windows.push({ days: Infinity, facets: null })
  return windows
}

// ---------------------------------------------------------------------------------------------------
// Index and query text

/** A tsvector literal with positions and weights for text, and position-less facet lexemes. */
export function tsvectorText(text: SearchableText, facets: readonly string[] = []): string {
  const positions = new Map<string, string[]>()
  let position = 0
  for (const field of FIELDS) {
    // A gap between fields keeps a phrase from spanning the end of the headline and the start of the lead.
    position += 2
    for (const token of searchTokens(text[field])) {
      position = Math.min(position + 1, PG_MAX_POSITION)
      let list = positions.get(token)
      if (!list) positions.set(token, list = [])
      if (list.length < PG_MAX_POSITIONS_PER_LEXEME) list.push(`${position}${PG_WEIGHT[field]}`)
    }
  }
  const lexemes = [...positions].map(([token, list]) => `${quoteTs(token)}:${list.join(',')}`)
  for (const facet of facets) lexemes.push(quoteTs(`_${facet}`))
  return lexemes.join(' ')
}

const quoteFts = (token: string) => `"${token}"`
const quoteTs = (token: string) => `'${token.replace(/['\\]/g, '\\$&')}'`

/** FTS5 query text. Tokens hold only letters and digits, so no reader input reaches FTS5's syntax. */
export function ftsMatchText(terms: readonly SearchTerm[], facets: { all: readonly string[], anyOf?: readonly string[] | null }): string {
  const parts = terms.map((term) => {
    const phrase = quoteFts(term.tokens.join(' '))
    // An exact match scores twice (as the word and as a prefix), so "war" ranks above "warm".
    return term.prefix ? `(${phrase} OR ${phrase}*)` : phrase
  })
  const clauses = [`{headline lead keywords body} : (${parts.join(' AND ')})`]
  for (const facet of facets.all) clauses.push(`facets : ${quoteFts(facet)}`)
  if (facets.anyOf) clauses.push(`facets : (${facets.anyOf.map(quoteFts).join(' OR ')})`)
  return clauses.join(' AND ')
}

/** tsquery text from the same tokens: 'a' & ('b' <-> 'c') & ('d' | 'd':*), then the facet lexemes. */
export function tsqueryText(terms: readonly SearchTerm[], facets: { all: readonly string[], anyOf?: readonly string[] | null } = { all: [] }): string {
  const parts = terms.map((term) => {
    const words = term.tokens.map(quoteTs)
    if (term.prefix) return `(${words.join(' <-> ')} | ${words.join(' <-> ')}:*)`
    return words.length === 1 ? words[0]! : `(${words.join(' <-> ')})`
  })
  for (const facet of facets.all) parts.push(quoteTs(`_${facet}`))
  if (facets.anyOf) parts.push(`(${facets.anyOf.map((f) => quoteTs(`_${f}`)).join(' | ')})`)
  return parts.join(' & ')
}
