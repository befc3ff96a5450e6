import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { MAX_QUERY_LENGTH, MAX_TERMS, parseSearchQuery, termTokens } from '../../src/domain/search-query.js'

const terms = (q: string) => {
  const parsed = parseSearchQuery(q)
  assert.equal(parsed.kind, 'terms', q)
  return (parsed as { terms: { tokens: string[], prefix: boolean }[] }).terms.map((t) => `${t.tokens.join(' ')}${t.prefix ? '*' : ''}`)
}

describe('parseSearchQuery', () => {
  it('makes every word a term and the last one a prefix while it is being typed', () => {
    assert.deepEqual(terms('State Department'), ['state', 'department*'])
    assert.deepEqual(terms('State Department '), ['state', 'department'])
  })

  it('does not expand a last word shorter than three letters', () => {
    assert.deepEqual(terms('tax on'), ['tax', 'on'])
    assert.deepEqual(terms('мос'), ['мос*'])
  })

  it('reads "phrases in quotes", typographic quotes too, and an unclosed quote to the end', () => {
    assert.deepEqual(terms('"state department" briefing'), ['state department', 'briefing*'])
    assert.deepEqual(terms('«Государственный департамент»'), ['государственныи департамент'])
    assert.deepEqual(terms('„Ned Price“ said'), ['ned price', 'said*'])
    assert.deepEqual(terms('price "ned price'), ['price', 'ned price'])
  })

  it('treats operators and syntax as plain words or nothing', () => {
    assert.deepEqual(terms('cats OR dogs'), ['cats', 'or', 'dogs*'])
    assert.deepEqual(terms('NEAR(a b)'), ['near', 'a', 'b'])
    assert.deepEqual(terms("'; DROP TABLE articles; --"), ['drop', 'table', 'articles'])
    assert.deepEqual(terms('-foo +bar*'), ['foo', 'bar'])
  })

  it('answers an empty query, one with no words, and one that is too long', () => {
    assert.deepEqual(parseSearchQuery('   '), { kind: 'empty' })
    for (const q of ['"', '*', '-', '""', '( )', '—']) assert.deepEqual(parseSearchQuery(q), { kind: 'no-words' }, q)
    assert.equal(parseSearchQuery(`${'ab '.repeat(66)}ab`).kind, 'terms')
    assert.deepEqual(parseSearchQuery('a'.repeat(MAX_QUERY_LENGTH + 1)), { kind: 'too-long', length: MAX_QUERY_LENGTH + 1 })
    // Characters, not UTF-16 units: 200 Armenian letters or emoji are still 200.
    assert.equal(parseSearchQuery(`${'աբ '.repeat(66)}աբ`).kind, 'terms')
    assert.equal(parseSearchQuery(`${'աբ '.repeat(66)}աբգ`).kind, 'too-long')
    assert.equal(parseSearchQuery('🙂'.repeat(MAX_QUERY_LENGTH)).kind, 'no-words')
  })

  it('drops repeated terms and stops at MAX_TERMS', () => {
    assert.deepEqual(terms('war War WAR peace '), ['war', 'peace'])
    assert.equal(terms(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).length, MAX_TERMS)
  })

  it('never throws and never yields an empty term, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 250 }), (q) => {
      const parsed = parseSearchQuery(q)
      if (parsed.kind === 'terms') {
        assert.ok(parsed.terms.length > 0 && parsed.terms.length <= MAX_TERMS)
        for (const term of parsed.terms) assert.ok(term.tokens.length > 0 && term.tokens.every((t) => /^[\p{L}\p{N}]+$/u.test(t)))
      }
    }), { numRuns: 1000 })
  })
})

describe('termTokens', () => {
  it('lists each token once', () => {
    const parsed = parseSearchQuery('"a b" b c ')
    assert.equal(parsed.kind, 'terms')
    if (parsed.kind === 'terms') assert.deepEqual(termTokens(parsed.terms), ['a', 'b', 'c'])
  })
})
