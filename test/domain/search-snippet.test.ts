import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseSearchQuery, type SearchTerm } from '../../src/domain/search-query.js'
import { bestSnippet, highlightAll, openingSnippet, piecesToHtml, snippetText, type TextPiece } from '../../src/domain/search-snippet.js'
import { escapeHtml } from '../../src/domain/html-escape.js'

const termsOf = (q: string): SearchTerm[] => (parseSearchQuery(q) as { terms: SearchTerm[] }).terms
const marked = (pieces: readonly TextPiece[]) => pieces.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')

describe('highlightAll', () => {
  it('marks matching words as they are written, whatever the case and accents', () => {
    assert.equal(marked(highlightAll('Crème brûlée in CRÈME season', termsOf('creme '))), '[Crème] brûlée in [CRÈME] season')
    assert.equal(marked(highlightAll('Ёлка у ёлки', termsOf('елка '))), '[Ёлка] у ёлки')
  })

  it('marks words that start with the last word typed', () => {
    assert.equal(marked(highlightAll('Diplomats and diplomacy, not a dip', termsOf('diplom'))), '[Diplomats] and [diplomacy], not a dip')
  })

  it('marks a phrase only where its words stand together', () => {
    assert.equal(marked(highlightAll('state of the state department', termsOf('"state department"'))), 'state of the [state] [department]')
  })
})

describe('bestSnippet', () => {
  const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')

  it('shows the passage with the most different terms, cut with ellipses', () => {
    const text = `${long} alpha filler beta ${long}`
    const snippet = bestSnippet(text, termsOf('alpha beta '))!
    assert.ok(snippet.before && snippet.after)
    assert.match(marked(snippet.pieces), /\[alpha\] filler \[beta\]/)
    assert.match(snippetText(snippet), /^… .* …$/)
  })

  it('reaches a match in the very last words', () => {
    const snippet = bestSnippet(`${long} omega`, termsOf('omega '))!
    assert.ok(snippet.before)
    assert.equal(snippet.after, false)
    assert.match(marked(snippet.pieces), /\[omega\]$/)
  })

  it('is null when nothing in the text matches', () => {
    assert.equal(bestSnippet('nothing here', termsOf('absent ')), null)
  })

  it('reads paragraph breaks as spaces', () => {
    assert.equal(marked(bestSnippet('One line.\n\nTwo lines here.', termsOf('two '))!.pieces), 'One line. [Two] lines here.')
  })
})

describe('openingSnippet', () => {
  it('gives the first words, unmarked', () => {
    const snippet = openingSnippet('a b c d e', 3)
    assert.equal(snippetText(snippet), 'a b c …')
  })
})

describe('piecesToHtml', () => {
  it('escapes every piece and marks matches', () => {
    assert.equal(piecesToHtml([{ text: '<b>&', match: false }, { text: '"x"', match: true }], escapeHtml), '&lt;b&gt;&amp;<mark>&quot;x&quot;</mark>')
  })
})
