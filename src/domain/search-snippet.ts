// Highlighted snippets for search results, made from the article's own text. Both engines share this
// code (rather than FTS5's snippet() and PostgreSQL's ts_headline), so a result reads the same on both,
// and the output is plain data: text pieces flagged as matches, which views escape like any other text.
import type { SearchTerm } from './search-query.js'
import { wordSpans, type WordSpan } from './search-text.js'

export interface TextPiece { text: string, match: boolean }

export interface Snippet {
  pieces: TextPiece[]
  /** Text was cut before / after the snippet. */
  before: boolean
  after: boolean
}

/** About two lines on a phone and one and a half on a wide screen. */
export const SNIPPET_WORDS = 32

/** Which words of a text the terms match: single words, prefixes, and phrases only where they occur in order. */
function matchedWords(spans: readonly WordSpan[], terms: readonly SearchTerm[]): { matched: boolean[], termOf: (number | null)[] } {
  // Flatten to tokens, remembering which word each came from ("½" is one word with two tokens).
  const tokens: string[] = []
  const wordOf: number[] = []
  spans.forEach((span, w) => { for (const token of span.tokens) { tokens.push(token); wordOf.push(w) } })
  const matched = spans.map(() => false)
  const termOf: (number | null)[] = spans.map(() => null)
  terms.forEach((term, t) => {
    const n = term.tokens.length
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true
      for (let k = 0; k < n && ok; k++) {
        const token = tokens[i + k]!
        const wanted = term.tokens[k]!
        ok = k === n - 1 && term.prefix ? token.startsWith(wanted) : token === wanted
      }
      if (!ok) continue
      for (let k = 0; k < n; k++) {
        const w = wordOf[i + k]!
        matched[w] = true
        termOf[w] ??= t
      }
    }
  })
  return { matched, termOf }
}

function piecesOf(text: string, spans: readonly WordSpan[], matched: readonly boolean[], from: number, to: number): TextPiece[] {
  const pieces: TextPiece[] = []
  const push = (piece: string, match: boolean) => {
    if (piece === '') return
    const last = pieces[pieces.length - 1]
    if (last && last.match === match) last.text += piece
    else pieces.push({ text: piece, match })
  }
  let cursor = from
  for (let w = 0; w < spans.length; w++) {
    const span = spans[w]!
    if (span.end <= from || span.start >= to) continue
    push(text.slice(cursor, span.start), false)
    push(text.slice(span.start, span.end), matched[w]!)
    cursor = span.end
  }
  push(text.slice(cursor, to), false)
  return pieces
}

/** The whole text with its matching words flagged (for headlines). */
export function highlightAll(text: string, terms: readonly SearchTerm[]): TextPiece[] {
  const spans = wordSpans(text)
  return piecesOf(text, spans, matchedWords(spans, terms).matched, 0, text.length)
}

/**
 * The passage of `text` that best shows why it matched: the window of SNIPPET_WORDS words holding the most
 * different terms, then the most matches, earliest first. Null when no word of the text matches.
 */
export function bestSnippet(text: string, terms: readonly SearchTerm[], size = SNIPPET_WORDS): Snippet | null {
  const spans = wordSpans(text)
  const { matched, termOf } = matchedWords(spans, terms)
  if (!matched.includes(true)) return null
  let best = { start: 0, distinct: -1, count: -1 }
  for (let start = 0; start < spans.length; start++) {
    // Start windows only at a match (or the first word), so the snippet opens close to what was found.
    if (start > 0 && !matched[start]) continue
    const seenTerms = new Set<number>()
    let count = 0
    for (let w = start; w < Math.min(spans.length, start + size); w++) {
      if (!matched[w]) continue
      count++
      if (termOf[w] !== null) seenTerms.add(termOf[w]!)
    }
    if (seenTerms.size > best.distinct || (seenTerms.size === best.distinct && count > best.count)) {
      best = { start, distinct: seenTerms.size, count }
    }
  }
  // Open a few words before the first match, for context.
  const first = Math.max(0, Math.min(best.start - 3, spans.length - size))
  return cut(text, spans, matched, first, size)
}

/** The opening words of a text, unhighlighted: the snippet for a story that matched only in its headline. */
export function openingSnippet(text: string, size = SNIPPET_WORDS): Snippet {
  const spans = wordSpans(text)
  return cut(text, spans, spans.map(() => false), 0, size)
}

function cut(text: string, spans: readonly WordSpan[], matched: readonly boolean[], first: number, size: number): Snippet {
  if (spans.length === 0) return { pieces: text ? [{ text, match: false }] : [], before: false, after: false }
  const last = Math.min(spans.length, first + size) - 1
  const from = first === 0 ? 0 : spans[first]!.start
  const to = last === spans.length - 1 ? text.length : spans[last]!.end
  const pieces = piecesOf(text, spans, matched, from, to)
  // Paragraph breaks inside a snippet read as one line.
  for (const piece of pieces) piece.text = piece.text.replace(/\s+/g, ' ')
  if (pieces[0]) pieces[0].text = pieces[0].text.trimStart()
  const end = pieces[pieces.length - 1]
  if (end) end.text = end.text.trimEnd()
  return { pieces: pieces.filter((p) => p.text !== ''), before: from > 0, after: to < text.length }
}

/** Plain text of a snippet, with "…" where it was cut. */
export function snippetText(snippet: Snippet): string {
  return `${snippet.before ? '… ' : ''}${snippet.pieces.map((p) => p.text).join('')}${snippet.after ? ' …' : ''}`
}

/** HTML of highlighted pieces: every piece escaped, matches in <mark>. For the JSON API's convenience field. */
export function piecesToHtml(pieces: readonly TextPiece[], escape: (text: string) => string): string {
  return pieces.map((p) => (p.match ? `<mark>${escape(p.text)}</mark>` : escape(p.text))).join('')
}
