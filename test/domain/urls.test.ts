import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  editionPrefix, frontPath, dayNewsfeedPath, articlePath, absoluteUrl, encodeCursor, decodeCursor
} from '../../src/domain/urls.js'

describe('editionPrefix', () => {
  it('is empty for the default edition, which lives at the root', () => {
    assert.equal(editionPrefix('en', 'en'), '')
  })

  it('is /<edition> for the other editions', () => {
    assert.equal(editionPrefix('ru', 'en'), '/ru')
    assert.equal(editionPrefix('en', 'hy'), '/en')
  })
})

describe('frontPath and dayNewsfeedPath', () => {
  it('puts the front page at the edition root', () => {
    assert.equal(frontPath(''), '/')
    assert.equal(frontPath('/ru'), '/ru/')
  })

  it('links the newsfeed, with or without a day', () => {
    assert.equal(dayNewsfeedPath(''), '/newsfeed/')
    assert.equal(dayNewsfeedPath('', '2022-02-03'), '/newsfeed/2022-02-03/')
    assert.equal(dayNewsfeedPath('/ru', '2022-02-03'), '/ru/newsfeed/2022-02-03/')
  })
})

describe('articlePath', () => {
  const slug = 'us-department-of-state-expects-russian-response'

  it('uses the day in Yerevan for a story published at 09:33 UTC', () => {
    assert.equal(articlePath('', '2022-02-03T09:33:00.000Z', slug, 'Asia/Yerevan'), `/2022/02/03/${slug}/`)
  })

  it('uses the site’s day, not the UTC day, for a late-evening UTC story', () => {
    assert.equal(articlePath('', '2022-02-02T21:30:00.000Z', slug, 'Asia/Yerevan'), `/2022/02/03/${slug}/`)
    assert.equal(articlePath('', '2022-02-02T21:30:00.000Z', slug, 'Europe/London'), `/2022/02/02/${slug}/`)
  })

  it('puts the edition prefix first', () => {
    assert.equal(articlePath('/ru', '2022-02-03T09:33:00.000Z', 'gosdep', 'Asia/Yerevan'), '/ru/2022/02/03/gosdep/')
  })
})

describe('absoluteUrl', () => {
  it('joins the site URL and a path without doubling slashes', () => {
    assert.equal(absoluteUrl('https://news.example', '/2022/02/03/a/'), 'https://news.example/2022/02/03/a/')
    assert.equal(absoluteUrl('https://news.example/', '/ru/'), 'https://news.example/ru/')
    assert.equal(absoluteUrl('https://news.example//', '/'), 'https://news.example/')
  })
})

describe('encodeCursor and decodeCursor', () => {
  it('encodes a cursor as "<unix ms>-<id>"', () => {
    assert.equal(encodeCursor({ publishedAt: '2022-02-03T09:33:00.000Z', id: 42 }), '1643880780000-42')
  })

  it('round-trips a cursor', () => {
    for (const cursor of [
      { publishedAt: '2022-02-03T09:33:00.000Z', id: 42 },
      { publishedAt: '2022-02-02T21:30:00.123Z', id: 1 },
      { publishedAt: '1970-01-01T00:00:00.000Z', id: 1 },
      { publishedAt: '2099-12-31T23:59:59.999Z', id: 2_147_483_647 }
    ]) {
      assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor)
    }
    // Ids are positive and fit an id column; PostgreSQL errors on a larger one in a comparison.
    assert.equal(decodeCursor('1643880780000-0'), null)
    assert.equal(decodeCursor('1643880780000-2147483648'), null)
  })

  for (const text of ['', 'abc', '1643880780000', '1643880780000-', '-42', '1643880780000-42-1', '1643880780000_42', ' 1643880780000-42', '1643880780000-42 ', '1.5-42', '1643880780000-4.2', '-1643880780000-42', '1e12-42', '0x10-42', '1643880780000-abc', '1234567890123456-42', '1643880780000-1234567890123']) {
    it(`rejects the garbage cursor ${JSON.stringify(text)}`, () => {
      assert.equal(decodeCursor(text), null)
    })
  }

  for (const value of [undefined, null, 1643880780000, ['1643880780000-42'], { publishedAt: '2022-02-03T09:33:00.000Z', id: 42 }, true]) {
    it(`rejects a cursor that is not a string: ${JSON.stringify(value)}`, () => {
      assert.equal(decodeCursor(value), null)
    })
  }
})
