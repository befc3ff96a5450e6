import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { translator, availableLanguages } from '../../src/i18n/index.js'
import { en } from '../../src/i18n/en.js'

describe('translator().t', () => {
  const { t } = translator('en')

  it('returns the English message for a key', () => {
    assert.equal(t('nav.newsfeed'), 'Newsfeed')
  })

  it('fills a parameter', () => {
    assert.equal(t('article.by', { name: 'Anna Petrosyan' }), 'By Anna Petrosyan')
  })

  it('fills several parameters, numbers included', () => {
    assert.equal(t('footer.rights', { year: 2022, site: 'Lede' }), '© 2022 Lede. All rights reserved.')
  })

  it('fills the limit into the too-long form error', () => {
    assert.equal(t('form.tooLong', { max: 245 }), 'This is too long: at most 245 characters.')
  })

  it('leaves a placeholder in place when its parameter is missing', () => {
    assert.equal(t('day.title'), 'Day newsfeed: {date}')
    assert.equal(t('day.title', { site: 'Lede' }), 'Day newsfeed: {date}')
  })

  it('inserts parameter values literally', () => {
    assert.equal(t('article.by', { name: '{site} $& <b>' }), 'By {site} $& <b>')
  })
})

describe('translator().plural', () => {
  const { plural } = translator('en')

  it('uses the zero form for no comments', () => {
    assert.equal(plural('comments.heading', 0), 'Comments (0)')
  })

  it('uses the one form for one comment', () => {
    assert.equal(plural('comments.heading', 1), 'Comments (1)')
  })

  it('uses the other form for five comments', () => {
    assert.equal(plural('comments.heading', 5), 'Comments (5)')
  })

  it('chooses singular and plural by count', () => {
    assert.equal(plural('newsfeed.commentCount', 1), '1 comment')
    assert.equal(plural('newsfeed.commentCount', 2), '2 comments')
    assert.equal(plural('newsfeed.commentCount', 21), '21 comments')
  })

  it('falls back to the other form when there is no zero form', () => {
    assert.equal(plural('newsfeed.commentCount', 0), '0 comments')
  })

  it('fills extra parameters next to the count', () => {
    assert.equal(plural('comments.heading', 3, { site: 'Lede' }), 'Comments (3)')
  })

  it('gives the bare count for a key without plural forms', () => {
    assert.equal(plural('no.such.key', 7), '7')
  })
})

describe('translator for a language without a catalogue', () => {
  it('keeps the language and falls back to English messages', () => {
    const tr = translator('fr')
    assert.equal(tr.lang, 'fr')
    assert.equal(tr.t('nav.newsfeed'), 'Newsfeed')
  })

  it('chooses English plural forms for the English fallback text',
    () => {
      assert.equal(translator('fr').plural('newsfeed.commentCount', 21), '21 comments')
    })
})

describe('availableLanguages', () => {
  it('includes English', () => {
    assert.ok(availableLanguages().includes('en'))
  })

  it('has every English key in every catalogue', () => {
    for (const lang of availableLanguages()) {
      const { t } = translator(lang)
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        assert.equal(typeof t(key), 'string', `${lang}: ${key}`)
      }
    }
  })
})

describe('translator() for a language without a catalogue', () => {
  it('speaks English, whatever the name, Object.prototype\'s own included', () => {
    for (const lang of ['xx', 'constructor', '__proto__', 'hasOwnProperty', 'toString']) {
      const i18n = translator(lang)
      assert.equal(i18n.t('error.server.title'), 'Something went wrong', lang)
      assert.equal(i18n.plural('newsfeed.commentCount', 1), '1 comment', lang)
    }
  })
})
