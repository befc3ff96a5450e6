// Every transformation of what a reader sends (comment text, names, addresses, search queries, slugs) must
// take time proportional to its length: a 10,000-character comment of "https://x.com/" and ")" used to
// take seconds to render, and one such comment stalled every page that shows it. The guard compares the
// same input shape at n and 4n characters within one test: linear work grows about 4 times, quadratic 16.
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { assertLinearTime } from '../linear-time.js'
import { commentTextToHtml } from '../../src/domain/comment-text.js'
import { escapeHtml } from '../../src/domain/html-escape.js'
import { normaliseUrl, validateCommentEdit, validateCommentForm } from '../../src/domain/comment-form.js'
import { findListedWord, moderationVerdict } from '../../src/domain/moderation.js'
import { countLinks, spamSignals } from '../../src/domain/spam.js'
import { parseSearchQuery } from '../../src/domain/search-query.js'
import { searchFormFrom } from '../../src/domain/search-form.js'
import { htmlToText, searchTokens, wordSpans } from '../../src/domain/search-text.js'
import { bestSnippet, highlightAll } from '../../src/domain/search-snippet.js'
import { isValidSlug, slugFromText } from '../../src/domain/slug.js'
import { wireSearchText } from '../../src/domain/wire/inbox-search.js'
import { htmlToDocument } from '../../src/domain/body-document.js'

const N = 10_000
/** Linear is 4, quadratic 16; the margin absorbs a busy machine. */
const MAX_RATIO = 8
/** Below this a measurement is mostly timer noise; a stall is seconds, far above it. */
const FLOOR_MS = 2

/** Pieces that made regexes backtrack or loops rescan, and the markup readers paste. */
const PIECES = [
  ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\u00A0', '\u2003', ')', '(', ']', '[', '>', '<', '<br>', '<br/>', '</b>', '<b>',
  '<i>', '<blockquote>', '</blockquote>', '<a href=', '<a href="https://x.example/">', '</a>', '"', "'", '«', '»', '“', '„',
  '.', ',', ';', ':', '!', '?', '&', '&amp;', '&lt;', '*', '**', '_', '__', '`', '```', '#', '##', '> ', '- ', '1. ',
  '[url=', '[url]', 'https://x.com/', 'http://', 'www.', 'www.x.example', '//', '-', '--', 'a', 'word ', 'Ёлка', 'ինչո՞ւ',
  '\u0301', '\u00AD', '\u200D', 'NEAR(', 'OR', '%', '\\', '=', '@', 'x@y.', '😀'
]

/** An adversarial shape: an optional opening, a unit repeated to the length, an optional ending. */
const shapes = fc.record({
  head: fc.constantFrom('', 'a', 'https://x.com/', 'www.x.example/', '<b>', '<a href="https://x.example/">', '"'),
  unit: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  tail: fc.constantFrom('', 'b', '.', ')', '\n', '</b>', '<br>')
})
type Shape = { head: string, unit: string, tail: string }

function build(shape: Shape, length: number): string {
  const body = shape.unit.repeat(Math.ceil(length / shape.unit.length)).slice(0, length - shape.head.length - shape.tail.length)
  return shape.head + body + shape.tail
}

/** A shape passes when 4n costs under MAX_RATIO × n (test/linear-time.ts: retried from a collected heap). */
function assertLinear(name: string, transform: (input: string) => unknown, shape: Shape): void {
  assertLinearTime(`${name} on ${JSON.stringify(shape)} (n = ${N} characters)`, transform, build(shape, N), build(shape, 4 * N), { maxRatio: MAX_RATIO, floorMs: FLOOR_MS })
}

const NOW = new Date('2026-11-26T10:00:00.000Z')
const RULES = { commentModeration: true, commentPreviouslyApproved: true, commentMaxLinks: 2, commentModerationWords: ['casino', 'виагра'], commentDisallowedWords: ['spam'] }
const candidate = (text: string) => ({
  authorName: text, authorEmail: text, authorUrl: text, body: text, ip: '198.51.100.7', userAgent: text, honeypot: '', renderedAt: NOW
})
const TERMS = [{ tokens: ['word'], prefix: false }, { tokens: ['x', 'com'], prefix: false }, { tokens: ['ёлк'], prefix: true }]

const TRANSFORMS: Record<string, (input: string) => unknown> = {
  'comment text to HTML': commentTextToHtml,
  'HTML escaping': escapeHtml,
  'the comment form (name, email, address, text)': (s) => validateCommentForm({ author: s, email: s, url: s, comment: s }),
  'a moderator\'s comment edit': (s) => validateCommentEdit({ authorName: s, authorUrl: s, body: s }),
  'address normalising': normaliseUrl,
  'the moderation verdict': (s) => moderationVerdict(candidate(s), { hasApprovedComment: false }, RULES, NOW),
  'the word lists': (s) => findListedWord(['casino', 'a b', 'x.com'], candidate(s)),
  'spam signals': (s) => spamSignals({ authorName: s, body: s, honeypot: '' }),
  'link counting': countLinks,
  'the search query': parseSearchQuery,
  'the search form': (s) => searchFormFrom({ q: s, from: s, to: s, section: s, page: s }),
  'search tokens': searchTokens,
  'word spans': wordSpans,
  'highlighting': (s) => highlightAll(s, TERMS),
  'the best snippet': (s) => bestSnippet(s, TERMS),
  'text of HTML': htmlToText,
  'slugs from text': slugFromText,
  'slug checking': isValidSlug,
  // The no-JavaScript editor's field, and every body the write paths read as HTML.
  'HTML to the body document': htmlToDocument,
  // The text spread over the item's six fields, n characters in all: six copies (60,000 characters at n)
  // crossed the processor's cache at 4n, where every engine string operation costs 3–4 times more per
  // character (measured: the same tokenizing 1.5 ms per 100,000 characters at 60,000, about 5 beyond).
  'a wire item\'s search text': (s) => {
    const k = Math.ceil(s.length / 6)
    const part = (i: number) => s.slice(i * k, (i + 1) * k)
    return wireSearchText({ headline: part(0), slugline: part(1), lead: part(2), bodyHtml: part(3), byline: part(4), dateline: part(5) })
  }
}

describe('every transformation of reader input runs in linear time', () => {
  for (const [name, transform] of Object.entries(TRANSFORMS)) {
    it(`${name}: 4 times the text costs about 4 times as much`, () => {
      // The shapes that broke things before, always; then random ones.
      assertLinear(name, transform, { head: 'https://x.com/', unit: ')', tail: '' })
      assertLinear(name, transform, { head: 'a', unit: ' ', tail: 'b' })
      assertLinear(name, transform, { head: '', unit: '<', tail: '' })
      fc.assert(fc.property(shapes, (shape) => assertLinear(name, transform, shape)), { numRuns: 12 })
    })
  }
})
