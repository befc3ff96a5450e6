import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { slugFromText, isValidSlug, uniqueSlug, MAX_SLUG_LENGTH } from '../../src/domain/slug.js'

describe('slugFromText', () => {
  it('lower-cases Latin headlines and drops curly apostrophes', () => {
    assert.equal(
      slugFromText('US Department of State expects Russian response to clarify Moscow’s position'),
      'us-department-of-state-expects-russian-response-to-clarify-moscows-position'
    )
  })

  it('drops straight apostrophes the same way', () => {
    assert.equal(slugFromText("Moscow's position"), 'moscows-position')
  })

  it('transliterates Cyrillic', () => {
    assert.equal(slugFromText('Госдеп ожидает ответа России'), 'gosdep-ozhidaet-otveta-rossii')
  })

  it('transliterates Armenian to a valid ASCII slug, the same every time', () => {
    const headline = 'ԱՄՆ պետքարտուղարությունը սպասում է Ռուսաստանի պատասխանին'
    const slug = slugFromText(headline)
    assert.match(slug, /^[a-z0-9-]+$/)
    assert.equal(isValidSlug(slug), true)
    assert.equal(slug.split('-').length, 6, 'one slug word per headline word')
    assert.equal(slugFromText(headline), slug)
  })

  it('keeps camel-case words whole', () => {
    assert.equal(slugFromText('iPhone sales'), 'iphone-sales')
  })

  it('strips punctuation and surrounding hyphens', () => {
    assert.equal(slugFromText('  --Hello,   World!--  '), 'hello-world')
  })

  it('returns an empty slug for text with nothing to transliterate', () => {
    assert.equal(slugFromText('!!!'), '')
  })

  it('cuts a long headline at a word boundary within the maximum length', () => {
    const headline = 'word '.repeat(40)
    const slug = slugFromText(headline)
    assert.ok(slug.length <= MAX_SLUG_LENGTH)
    assert.ok(slug.length > MAX_SLUG_LENGTH - 'word-'.length)
    assert.doesNotMatch(slug, /-$/)
    assert.ok(slug.split('-').every((w) => w === 'word'), 'no half words')
  })

  it('drops a word that would cross the limit rather than cutting it', () => {
    assert.equal(slugFromText(`${'a'.repeat(79)} ${'w'.repeat(10)}`), 'a'.repeat(79))
  })

  it('keeps a slug of exactly the maximum length whole, and cuts at the hyphen right after it', () => {
    assert.equal(slugFromText('a'.repeat(MAX_SLUG_LENGTH)), 'a'.repeat(MAX_SLUG_LENGTH))
    assert.equal(slugFromText(`${'a'.repeat(MAX_SLUG_LENGTH)} b`), 'a'.repeat(MAX_SLUG_LENGTH))
  })

  it('hard-cuts a single word longer than the maximum', () => {
    assert.equal(slugFromText('a'.repeat(200)), 'a'.repeat(MAX_SLUG_LENGTH))
  })

  it('always produces a valid slug for real headlines of any length', () => {
    for (const headline of [
      'US Department of State expects Russian response to clarify Moscow’s position on security guarantees in Europe and beyond',
      'Госдеп ожидает ответа России, который прояснит позицию Москвы по гарантиям безопасности в Европе и за её пределами',
      'ԱՄՆ պետքարտուղարությունը սպասում է Ռուսաստանի պատասխանին, որը կպարզաբանի Մոսկվայի դիրքորոշումը անվտանգության երաշխիքների հարցում'
    ]) {
      const slug = slugFromText(headline)
      assert.ok(slug.length <= MAX_SLUG_LENGTH, slug)
      assert.equal(isValidSlug(slug), true, slug)
    }
  })
})

describe('isValidSlug', () => {
  it('accepts lower-case words and digits joined by single hyphens', () => {
    assert.equal(isValidSlug('abc'), true)
    assert.equal(isValidSlug('covid-19-update-2'), true)
    assert.equal(isValidSlug('a'.repeat(MAX_SLUG_LENGTH)), true)
  })

  for (const slug of ['', 'Abc', 'a--b', '-a', 'a-', 'a b', 'a_b', 'ä', 'a/b', 'a.b']) {
    it(`rejects ${JSON.stringify(slug)}`, () => {
      assert.equal(isValidSlug(slug), false)
    })
  }

  it('rejects a slug longer than the maximum', () => {
    assert.equal(isValidSlug('a'.repeat(MAX_SLUG_LENGTH + 1)), false)
  })
})

describe('uniqueSlug', () => {
  it('returns the base when it is free', () => {
    assert.equal(uniqueSlug('moscow', new Set()), 'moscow')
    assert.equal(uniqueSlug('moscow', new Set(['moscow-2'])), 'moscow')
  })

  it('adds -2 when the base is taken', () => {
    assert.equal(uniqueSlug('moscow', new Set(['moscow'])), 'moscow-2')
  })

  it('counts on to -3 when -2 is taken too', () => {
    assert.equal(uniqueSlug('moscow', new Set(['moscow', 'moscow-2'])), 'moscow-3')
  })

  it('takes the first free number, filling gaps', () => {
    assert.equal(uniqueSlug('moscow', new Set(['moscow', 'moscow-3'])), 'moscow-2')
  })

  it('goes past -9 to -10', () => {
    const taken = new Set(['moscow', ...Array.from({ length: 8 }, (_, i) => `moscow-${i + 2}`)])
    assert.equal(uniqueSlug('moscow', taken), 'moscow-10')
  })

  it('falls back to "story" for an empty base', () => {
    assert.equal(uniqueSlug('', new Set()), 'story')
    assert.equal(uniqueSlug('', new Set(['story'])), 'story-2')
  })

  it('shortens a maximum-length base so the suffix still fits', () => {
    const base = 'a'.repeat(MAX_SLUG_LENGTH)
    const slug = uniqueSlug(base, new Set([base]))
    assert.equal(slug, `${'a'.repeat(MAX_SLUG_LENGTH - 2)}-2`)
    assert.equal(slug.length, MAX_SLUG_LENGTH)
    assert.equal(isValidSlug(slug), true)
  })

  it('does not leave a double hyphen when shortening cuts just after one', () => {
    const base = `${'a'.repeat(77)}-bc`
    assert.equal(base.length, MAX_SLUG_LENGTH)
    const slug = uniqueSlug(base, new Set([base]))
    assert.equal(slug, `${'a'.repeat(77)}-2`)
    assert.equal(isValidSlug(slug), true)
  })

  it('keeps two-digit suffixes within the maximum length', () => {
    const base = 'a'.repeat(MAX_SLUG_LENGTH)
    const taken = new Set([base, ...Array.from({ length: 8 }, (_, i) => `${'a'.repeat(MAX_SLUG_LENGTH - 2)}-${i + 2}`)])
    const slug = uniqueSlug(base, taken)
    assert.equal(slug, `${'a'.repeat(MAX_SLUG_LENGTH - 3)}-10`)
    assert.equal(isValidSlug(slug), true)
  })
})
