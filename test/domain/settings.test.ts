import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  settingsFromStored, reprintNoticeText, DEFAULT_SETTINGS, DEFAULT_REPRINT_NOTICE, type SiteSettings
} from '../../src/domain/settings.js'

describe('settingsFromStored', () => {
  it('gives the defaults for an empty store', () => {
    assert.deepEqual(settingsFromStored({}), DEFAULT_SETTINGS)
  })

  it('returns a copy, so changing it never changes the defaults', () => {
    const settings = settingsFromStored({})
    settings.editions.push('ru')
    settings.reprintNotice.en = 'changed'
    assert.deepEqual(DEFAULT_SETTINGS.editions, ['en'])
    assert.equal(DEFAULT_SETTINGS.reprintNotice.en, DEFAULT_REPRINT_NOTICE)
  })

  it('takes stored values of the right type over the defaults', () => {
    const stored: SiteSettings = {
      siteName: 'Armenpress',
      tagline: 'News from Armenia',
      siteUrl: 'https://news.example',
      timeZone: 'Asia/Yerevan',
      dateFormat: { en: 'F d, Y', ru: 'j F Y' },
      timeFormat: 'g:i a',
      defaultEdition: 'hy',
      editions: ['hy', 'en', 'ru'],
      reprintNotice: { hy: 'Hy {site}', en: 'En {site}' },
      newsfeedPageSize: 50,
      newsfeedStripSize: 5,
      feedFullText: false,
      feedItemCount: 20,
      logoUrl: 'https://cdn.example/logo.png',
      commentModeration: false,
      commentPreviouslyApproved: false,
      commentMaxLinks: 3,
      commentModerationWords: ['casino'],
      commentDisallowedWords: ['203.0.113.'],
      closeCommentsForOldArticles: true,
      closeCommentsDaysOld: 30,
      requireNameEmail: false,
      threadCommentsDepth: 3,
      sessionIdleHours: 4,
      sessionAbsoluteHours: 24,
      wireKeepDays: 14
    }
    assert.deepEqual(settingsFromStored({ ...stored }), stored)
  })

  it('keeps the defaults for keys that are not stored', () => {
    const settings = settingsFromStored({ siteName: 'Armenpress' })
    assert.equal(settings.siteName, 'Armenpress')
    assert.equal(settings.timeZone, 'UTC')
    assert.equal(settings.newsfeedPageSize, 30)
  })

  it('ignores stored values of the wrong type', () => {
    const settings = settingsFromStored({
      siteName: 5,
      tagline: null,
      siteUrl: ['https://news.example'],
      timeZone: { zone: 'Asia/Yerevan' },
      editions: 'en,ru',
      reprintNotice: null,
      newsfeedPageSize: '50',
      newsfeedStripSize: true
    })
    assert.deepEqual(settings, DEFAULT_SETTINGS)
  })

  it('ignores keys it does not know', () => {
    const settings = settingsFromStored({ siteName: 'Armenpress', theme: 'dark', __proto__x: 1 })
    assert.equal(settings.siteName, 'Armenpress')
    assert.equal('theme' in settings, false)
    assert.equal('__proto__x' in settings, false)
    assert.deepEqual(Object.keys(settings).sort(), Object.keys(DEFAULT_SETTINGS).sort())
  })

  it('does not let a non-string reprint notice break reprintNoticeText',
    () => {
      const settings = settingsFromStored({ reprintNotice: { en: 5 } })
      assert.equal(reprintNoticeText(settings, 'en'), DEFAULT_REPRINT_NOTICE.replaceAll('{site}', 'Lede'))
    })
})

describe('reprintNoticeText', () => {
  it('fills {site} with the site name', () => {
    const settings = settingsFromStored({ siteName: 'Armenpress' })
    assert.equal(
      reprintNoticeText(settings, 'en'),
      'Media can quote materials of Armenpress with hyperlink to the certain material quoted. The hyperlink should be placed on the first passage of the text.'
    )
  })

  it('fills every {site}, not just the first', () => {
    const settings = settingsFromStored({ siteName: 'X', reprintNotice: { en: '{site} and {site}' } })
    assert.equal(reprintNoticeText(settings, 'en'), 'X and X')
  })

  it('uses the notice of the edition asked for', () => {
    const settings = settingsFromStored({ siteName: 'X', defaultEdition: 'en', reprintNotice: { en: 'En {site}', ru: 'Ru {site}' } })
    assert.equal(reprintNoticeText(settings, 'ru'), 'Ru X')
  })

  it('falls back to the default edition’s notice for an edition without one', () => {
    const settings = settingsFromStored({ siteName: 'X', defaultEdition: 'hy', reprintNotice: { hy: 'Hy {site}' } })
    assert.equal(reprintNoticeText(settings, 'ru'), 'Hy X')
  })

  it('falls back to the built-in notice when neither edition has one', () => {
    const settings = settingsFromStored({ siteName: 'X', defaultEdition: 'hy', reprintNotice: {} })
    assert.equal(reprintNoticeText(settings, 'ru'), DEFAULT_REPRINT_NOTICE.replaceAll('{site}', 'X'))
  })

  it('leaves other placeholders alone', () => {
    const settings = settingsFromStored({ siteName: 'X', reprintNotice: { en: '{site} {name}' } })
    assert.equal(reprintNoticeText(settings, 'en'), 'X {name}')
  })

  it('inserts a site name containing "$" literally',
    () => {
      const settings = settingsFromStored({ siteName: '$& Co $$', reprintNotice: { en: 'From {site}.' } })
      assert.equal(reprintNoticeText(settings, 'en'), 'From $& Co $$.')
    })
})
