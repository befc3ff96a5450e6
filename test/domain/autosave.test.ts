import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { EMPTY_ARTICLE_VALUES, validateArticleForm, type ArticleFormValues } from '../../src/domain/article-form.js'
import { autosaveOffer, autosaveProblems, parseStoredFormValues, sameFormValues } from '../../src/domain/autosave.js'

const saved: ArticleFormValues = {
  ...EMPTY_ARTICLE_VALUES, headline: 'Parliament passes the budget', slug: 'parliament-passes-the-budget',
  body: 'The vote was 71 to 30.', tags: 'Budget, Parliament'
}

describe('autosaveOffer', () => {
  it('offers an autosave typed on the version shown as newer than it', () => {
    assert.equal(autosaveOffer({ baseVersion: 3, values: { ...saved, body: 'The vote was 71 to 31.' } }, { version: 3, values: saved }), 'newer')
  })

  it('still offers one typed on an earlier version, as outdated, so no typing is lost', () => {
    assert.equal(autosaveOffer({ baseVersion: 2, values: { ...saved, body: 'Typed on version 2.' } }, { version: 3, values: saved }), 'outdated')
  })

  it('offers nothing when the autosave says what the saved article says, whatever its version', () => {
    assert.equal(autosaveOffer({ baseVersion: 3, values: saved }, { version: 3, values: saved }), 'none')
    assert.equal(autosaveOffer({ baseVersion: 1, values: { ...saved } }, { version: 3, values: saved }), 'none')
  })
})

describe('sameFormValues', () => {
  it('compares tags as the tags they name, not as typed', () => {
    assert.equal(sameFormValues({ ...saved, tags: 'budget,Parliament , BUDGET' }, saved), true)
    assert.equal(sameFormValues({ ...saved, tags: 'Parliament, Budget' }, saved), false, 'the order is the article’s')
    assert.equal(sameFormValues({ ...saved, tags: 'Budget' }, saved), false)
  })

  it('tells apart every other field, checkboxes included', () => {
    for (const key of Object.keys(EMPTY_ARTICLE_VALUES) as (keyof ArticleFormValues)[]) {
      if (key === 'tags') continue
      const changed = typeof saved[key] === 'boolean' ? { ...saved, [key]: !saved[key] } : { ...saved, [key]: `${saved[key] as string}x` }
      assert.equal(sameFormValues(changed, saved), false, key)
    }
  })
})

describe('autosaveProblems', () => {
  const check = (body: Record<string, unknown>) => {
    const form = validateArticleForm(body, 'Asia/Yerevan')
    return autosaveProblems(form.ok ? {} : form.errors)
  }

  it('keeps work in progress that the real save would still refuse', () => {
    assert.deepEqual(check({ headline: '', slug: 'Not A Slug!', source_url: 'ftp://x', publish_date: '2026-12-01', featured_media_id: '7' }), {})
  })

  it('refuses what no editor form sends: a field twice, control characters, more than a field holds, too many tags', () => {
    assert.deepEqual(Object.keys(check({ headline: ['One', 'Two'] })), ['headline'])
    assert.deepEqual(Object.keys(check({ headline: 'x', lead: 'Bell\u0007' })), ['lead'])
    assert.deepEqual(Object.keys(check({ headline: 'x', body: 'x'.repeat(250_001) })), ['body'])
    assert.deepEqual(Object.keys(check({ headline: 'x', tags: Array.from({ length: 31 }, (_, i) => `t${i}`).join(',') })), ['tags'])
    assert.deepEqual(Object.keys(check({ headline: 'x', tags: 'y'.repeat(101) })), ['tags'])
  })
})

describe('parseStoredFormValues', () => {
  it('reads back what was stored, filling fields a later version of the form added', () => {
    assert.deepEqual(parseStoredFormValues(JSON.stringify(saved)), saved)
    const { byline: _byline, ...older } = saved
    assert.deepEqual(parseStoredFormValues(JSON.stringify(older)), { ...saved, byline: '' })
  })

  it('reads a damaged row as no autosave rather than half of one', () => {
    for (const json of ['', '{', 'null', '[]', '"text"', JSON.stringify({ ...saved, body: 42 }), JSON.stringify({ ...saved, breaking: 'on' })]) {
      assert.equal(parseStoredFormValues(json), null, json)
    }
  })
})
