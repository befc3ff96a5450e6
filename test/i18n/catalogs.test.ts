import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { availableLanguages, catalogOf, textDirection, translator } from '../../src/i18n/index.js'
import { en } from '../../src/i18n/en.js'
import { formatDate, formatDateTime, formatDay, formatDayHeading } from '../../src/i18n/format.js'

const LANGUAGES = ['en', 'hy', 'ru']
const englishKeys = Object.keys(en)
/** "comments.heading" for "comments.heading.other": the messages that have plural forms. */
const pluralBases = englishKeys.filter((key) => key.endsWith('.other')).map((key) => key.slice(0, -'.other'.length))

describe('message catalogues', () => {
  it('exist for Armenian, Russian and English', () => {
    for (const lang of LANGUAGES) assert.ok(availableLanguages().includes(lang), lang)
  })

  // Iterates over en.ts, so a key another change adds later fails here until every language has it.
  for (const lang of LANGUAGES) {
    it(`${lang} has every English message, non-empty, with the same placeholders`, () => {
      const catalog = catalogOf(lang)!
      const missing = englishKeys.filter((key) => typeof catalog[key] !== 'string' || catalog[key]!.trim() === '')
      assert.deepEqual(missing, [], `${lang} is missing messages`)
      for (const key of englishKeys) {
        const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
        // A plural form may leave out {count} ("one" in some languages is a word), never add a new name.
        const expected = new Set(placeholders(en[key as keyof typeof en]))
        for (const name of placeholders(catalog[key]!)) assert.ok(expected.has(name), `${lang} ${key}: unknown {${name}}`)
        if (!pluralBases.some((base) => key.startsWith(`${base}.`))) {
          assert.deepEqual(placeholders(catalog[key]!), [...expected].sort(), `${lang} ${key}: placeholders differ`)
        }
      }
    })

    it(`${lang} has every plural category its language uses for every plural message`, () => {
      const catalog = catalogOf(lang)!
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
      for (const base of pluralBases) {
        for (const category of categories) assert.equal(typeof catalog[`${base}.${category}`], 'string', `${lang}: ${base}.${category}`)
      }
    })

    it(`${lang} has no keys English lacks, apart from plural categories`, () => {
      const catalog = catalogOf(lang)!
      const extra = Object.keys(catalog).filter((key) => !(key in en) &&
        !pluralBases.some((base) => /^(zero|one|two|few|many|other)$/.test(key.slice(base.length + 1)) && key.startsWith(`${base}.`)))
      assert.deepEqual(extra, [])
    })
  }

  it('translates rather than copies English for the interface words readers see most', () => {
    for (const lang of ['hy', 'ru']) {
      for (const key of ['nav.newsfeed', 'nav.dayNewsfeed', 'form.leaveReply', 'error.notFound.title'] as const) {
        assert.notEqual(translator(lang).t(key), en[key], `${lang} ${key}`)
      }
    }
  })
})

describe('plural forms', () => {
  it('Russian uses one, few and many', () => {
    const { plural } = translator('ru')
    const forms = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000].map((n) => plural('newsfeed.commentCount', n))
    assert.deepEqual(forms, [
      '0 комментариев', '1 комментарий', '2 комментария', '4 комментария', '5 комментариев', '11 комментариев',
      '12 комментариев', '14 комментариев', '21 комментарий', '22 комментария', '25 комментариев', '101 комментарий',
      '111 комментариев', '1000 комментариев'
    ])
  })

  it('Russian comment heading agrees with the number', () => {
    const { plural } = translator('ru')
    assert.equal(plural('comments.heading', 0), '0 комментариев')
    assert.equal(plural('comments.heading', 1), '1 комментарий')
    assert.equal(plural('comments.heading', 3), '3 комментария')
    assert.equal(plural('comments.heading', 7), '7 комментариев')
  })

  it('Armenian keeps the noun singular after a number', () => {
    const { plural } = translator('hy')
    assert.equal(plural('newsfeed.commentCount', 1), '1 մեկնաբանություն')
    assert.equal(plural('newsfeed.commentCount', 5), '5 մեկնաբանություն')
    assert.equal(plural('comments.heading', 0), 'Մեկնաբանություններ (0)')
    assert.equal(plural('comments.heading', 12), 'Մեկնաբանություններ (12)')
  })

  it('English uses one and other', () => {
    const { plural } = translator('en')
    assert.equal(plural('newsfeed.commentCount', 1), '1 comment')
    assert.equal(plural('newsfeed.commentCount', 21), '21 comments')
  })
})

// Node's full ICU knows Armenian and Russian month names; a build with small ICU would print English
// ("February"), which these tests catch.
describe('dates in each language', () => {
  const instant = '2022-02-03T09:33:00.000Z'

  it('Armenian month names in the genitive', () => {
    assert.equal(formatDate(instant, 'hy', 'Asia/Yerevan'), '3 փետրվարի, 2022 թ.')
    assert.equal(formatDateTime(instant, 'hy', 'Asia/Yerevan'), '3 փետրվարի, 2022 թ. 13:33')
    assert.equal(formatDayHeading('2022-02-03', 'hy'), '2022 թ. փետրվարի 3, հինգշաբթի')
    const months = Array.from({ length: 12 }, (_, m) => formatDay(`2022-${String(m + 1).padStart(2, '0')}-15`, 'hy').split(' ')[1])
    assert.deepEqual(months, ['հունվարի,', 'փետրվարի,', 'մարտի,', 'ապրիլի,', 'մայիսի,', 'հունիսի,', 'հուլիսի,',
      'օգոստոսի,', 'սեպտեմբերի,', 'հոկտեմբերի,', 'նոյեմբերի,', 'դեկտեմբերի,'])
  })

  it('Russian month names in the genitive', () => {
    assert.equal(formatDate(instant, 'ru', 'Asia/Yerevan'), '3 февраля 2022 г.')
    assert.equal(formatDateTime(instant, 'ru', 'Asia/Yerevan'), '3 февраля 2022 г. 13:33')
    assert.equal(formatDayHeading('2022-02-03', 'ru'), 'четверг, 3 февраля 2022 г.')
    assert.equal(formatDay('2022-05-09', 'ru'), '9 мая 2022 г.')
  })

  it('English month names', () => {
    assert.equal(formatDate(instant, 'en', 'Asia/Yerevan'), 'February 3, 2022')
    assert.equal(formatDayHeading('2022-02-03', 'en'), 'Thursday, February 3, 2022')
  })

  it('the Yerevan day, not the UTC day, late in the UTC evening', () => {
    assert.equal(formatDate('2022-02-02T21:30:00.000Z', 'ru', 'Asia/Yerevan'), '3 февраля 2022 г.')
    assert.equal(formatDate('2022-02-02T21:30:00.000Z', 'hy', 'Asia/Yerevan'), '3 փետրվարի, 2022 թ.')
  })
})

describe('textDirection', () => {
  it('is left-to-right for the demo languages and right-to-left for Arabic, Persian and Hebrew', () => {
    for (const lang of LANGUAGES) assert.equal(textDirection(lang), 'ltr')
    for (const lang of ['ar', 'fa', 'he', 'ar-EG']) assert.equal(textDirection(lang), 'rtl')
  })
})
