// How text becomes search tokens. One definition for both engines: SQLite's FTS5 and PostgreSQL's
// tsvector are fed tokens made here, so "Ёлка", "ёлка" and "елка", or "Crème" and "creme", match the
// same way on both, whatever each engine's own tokenizer or unaccent rules would have done.

/**
 * A raw word as it appears in text: letters, digits and combining marks, plus the Armenian marks that sit
 * inside a word (emphasis ՛, exclamation ՜, question ՞, abbreviation ՟: "ինչո՞ւ" is one word), soft hyphens
 * and zero-width joiners. Apostrophes and hyphens split words, as in both engines' tokenizers.
 */
const RAW_WORD = /[\p{L}\p{N}\p{M}\u055B\u055C\u055E\u055F\u00AD\u200C\u200D]+/gu
/** What normalisation leaves out of a word: diacritics, the in-word Armenian marks, invisible joiners. */
const DROPPED = /[\p{M}\u055B\u055C\u055E\u055F\u00AD\u200C\u200D]/gu
const TOKEN = /[\p{L}\p{N}]+/gu

/**
 * Longest token kept. Longer runs (base64, hashes, URLs without separators) are noise for readers, and
 * PostgreSQL rejects tsvector lexemes over 2 KB anyway.
 */
export const MAX_TOKEN_LENGTH = 60

/** Lower case, no diacritics, compatibility forms unfolded ("ﬁ" → "fi", Armenian "և" → "եւ"). */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(DROPPED, '').toLowerCase()
}

/** The search tokens of one raw word; usually one, more when normalising splits it ("½" → "1", "2"). */
function tokensOfWord(raw: string): string[] {
  return (normalizeWord(raw).match(TOKEN) ?? []).filter((token) => token.length <= MAX_TOKEN_LENGTH)
}

/** Everything that is not part of a raw word. */
const NOT_WORD = /[^\p{L}\p{N}\p{M}\u055B\u055C\u055E\u055F\u00AD\u200C\u200D]+/gu

/**
 * Every search token of a text, in order: the tokens of each raw word, as wordSpans gives them. Done on the
 * whole text at once, which is several times faster than word by word (indexing spends its time here):
 * once everything between words is a space, normalising, dropping marks and lower-casing cannot join or
 * split words differently than they would one by one.
 */
export function searchTokens(text: string): string[] {
  const folded = text.replace(NOT_WORD, ' ').normalize('NFKD').replace(DROPPED, '').toLowerCase()
  const tokens = folded.match(TOKEN) ?? []
  return tokens.some((token) => token.length > MAX_TOKEN_LENGTH) ? tokens.filter((token) => token.length <= MAX_TOKEN_LENGTH) : tokens
}

/** A raw word of a text with its position, for highlighting. */
export interface WordSpan { start: number, end: number, tokens: string[] }

/** The words of a text with their offsets and tokens, in the same way searchTokens cuts them. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = []
  for (const match of text.matchAll(RAW_WORD)) {
    const tokens = tokensOfWord(match[0])
    if (tokens.length > 0) spans.push({ start: match.index, end: match.index + match[0].length, tokens })
  }
  return spans
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/**
 * Readable text of sanitised article HTML (body_html), for indexing and snippets: block ends become
 * paragraph breaks, tags go, entities are decoded. The HTML is ours (sanitised at save), so this
 * need not survive hostile markup; it only must never let markup through as text.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|pre|tr|figcaption)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
        return Number.isInteger(code) && code > 0 && code <= 0x10FFFF ? String.fromCodePoint(code) : ''
      }
      return ENTITIES[name.toLowerCase()] ?? whole
    })
    .replace(/[ \t]+/g, ' ')
    // Every run of white space holding a line break becomes one line break. Line by line rather than
    // /\s*\n\s*/, which retries from each character of a long run of other spaces (quadratic).
    .split('\n').map((line) => line.trim()).filter((line) => line !== '').join('\n')
}
