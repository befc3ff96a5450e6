// What a reader typed into the search box, turned into terms both engines can run. Readers type
// anything: quotes that never close, "*", "OR", "NEAR(", "-", pasted SQL. None of it is an operator
// here; every word is a plain term, so no input can make the engine's query language fail.
import { searchTokens } from './search-text.js'

/** Longer queries are refused with a friendly page rather than silently cut. */
export const MAX_QUERY_LENGTH = 200
/** Terms past this are ignored: each costs an index lookup, and a dozen already pins a story down. */
export const MAX_TERMS = 12
/**
 * The last word matches as a prefix only from this length: "мос" finds "москва", but "м" or "ab" would
 * expand to a large share of the vocabulary and return noise, slowly.
 */
export const MIN_PREFIX_LENGTH = 3

/** One term: a word, or a phrase when it has several tokens; `prefix` lets its last token match as a prefix. */
export interface SearchTerm {
  tokens: string[]
  prefix: boolean
}

export type ParsedQuery =
  | { kind: 'empty' }
  | { kind: 'too-long', length: number }
  /** The query had characters but no words: only quotes, stars, dashes, brackets. */
  | { kind: 'no-words' }
  | { kind: 'terms', terms: SearchTerm[] }

/** Straight and typographic double quotes: "…", “…”, „…“, «…». */
const QUOTES = /["“”„‟«»]/

export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.trim()
  if (text === '') return { kind: 'empty' }
  const length = [...text].length
  if (length > MAX_QUERY_LENGTH) return { kind: 'too-long', length }

  // Even pieces are outside quotes, odd ones inside; an unclosed quote runs to the end as a phrase.
  const pieces = text.split(QUOTES)
  const terms: SearchTerm[] = []
  const seen = new Set<string>()
  const add = (term: SearchTerm) => {
    const key = `${term.tokens.join(' ')}${term.prefix ? '*' : ''}`
    if (seen.has(key) || terms.length >= MAX_TERMS) return
    seen.add(key)
    terms.push(term)
  }
  let lastBare: SearchTerm | null = null
  for (const [index, piece] of pieces.entries()) {
    const tokens = searchTokens(piece)
    if (tokens.length === 0) continue
    if (index % 2 === 1) {
      add({ tokens, prefix: false })
      lastBare = null
      continue
    }
    for (const token of tokens) {
      const term = { tokens: [token], prefix: false }
      add(term)
      lastBare = term
    }
  }
  if (terms.length === 0) return { kind: 'no-words' }

  // The last word is probably still being typed, unless a space, a quote or punctuation came after it.
  const endsInWord = lastBare !== null && /[\p{L}\p{N}\p{M}]$/u.test(input)
  const last = terms[terms.length - 1]!
  if (endsInWord && last === lastBare && last.tokens[0]!.length >= MIN_PREFIX_LENGTH) last.prefix = true
  return { kind: 'terms', terms }
}

/** Every token the terms mention, for highlighting. */
export function termTokens(terms: readonly SearchTerm[]): string[] {
  return [...new Set(terms.flatMap((term) => term.tokens))]
}
