import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { htmlToText, normalizeWord, searchTokens, wordSpans, MAX_TOKEN_LENGTH } from '../../src/domain/search-text.js'

describe('searchTokens', () => {
  it('lower-cases and drops diacritics in Latin, Cyrillic and Armenian', () => {
    assert.deepEqual(searchTokens('Crème Brûlée, São Paulo!'), ['creme', 'brulee', 'sao', 'paulo'])
    assert.deepEqual(searchTokens('Ёлка, ЙОД и Москва'), ['елка', 'иод', 'и', 'москва'])
    assert.deepEqual(searchTokens('ԵՐԵՎԱՆ Երևան'), ['երեվան', 'երեւան'])
  })

  it('keeps an Armenian word whole across its emphasis and question marks', () => {
    assert.deepEqual(searchTokens('Ինչո՞ւ ես ուշացել։ Ա՛յ քեզ բան'), ['ինչու', 'ես', 'ուշացել', 'այ', 'քեզ', 'բան'])
  })

  it('splits words at apostrophes, hyphens and punctuation, keeps digits', () => {
    assert.deepEqual(searchTokens('Moscow’s state-run TV, 2022/02/03'), ['moscow', 's', 'state', 'run', 'tv', '2022', '02', '03'])
  })

  it('unfolds compatibility forms and ignores soft hyphens and joiners', () => {
    assert.deepEqual(searchTokens('ﬁnance co\u00ADoperation'), ['finance', 'cooperation'])
  })

  it('drops tokens too long to be words', () => {
    assert.deepEqual(searchTokens(`a ${'x'.repeat(MAX_TOKEN_LENGTH + 1)} b`), ['a', 'b'])
  })

  it('gives nothing for text without letters or digits', () => {
    assert.deepEqual(searchTokens('" * - ( ) NEAR( … — «»'), ['near'])
    assert.deepEqual(searchTokens('"*-()…—«»'), [])
  })

  it('cuts a text into the same tokens as its words do one by one', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
      assert.deepEqual(searchTokens(text), wordSpans(text).flatMap((span) => span.tokens))
    }), { numRuns: 500 })
    assert.deepEqual(searchTokens('Lede™ ㎏ ½'), wordSpans('Lede™ ㎏ ½').flatMap((s) => s.tokens))
  })
})

describe('normalizeWord', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (word) => {
      assert.equal(normalizeWord(normalizeWord(word)), normalizeWord(word))
    }), { numRuns: 300 })
  })
})

describe('wordSpans', () => {
  it('gives each word’s place in the original text', () => {
    const text = 'Say “Crème” twice'
    assert.deepEqual(wordSpans(text).map((s) => [text.slice(s.start, s.end), s.tokens]), [['Say', ['say']], ['Crème', ['creme']], ['twice', ['twice']]])
  })
})

describe('htmlToText', () => {
  it('turns article HTML into text, paragraph per line, entities decoded', () => {
    assert.equal(htmlToText('<p>One &amp; <em>two</em></p>\n<p>&lt;three&gt; &#x41;&#66;&quot;</p><ul><li>four</li></ul>'), 'One & two\n<three> AB"\nfour')
  })

  it('never lets markup through as text and survives odd entities', () => {
    assert.equal(htmlToText('<script>x</script><p>a &bogus; &#0; &#99999999;</p>'), 'xa &bogus;')
  })
})
