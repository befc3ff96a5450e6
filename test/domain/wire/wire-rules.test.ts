import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { breaksEmbargo, compareVersions, contentHash, isUnderEmbargo } from '../../../src/domain/wire/versions.js'
import { nextPollDelaySeconds, MAX_BACKOFF_SECONDS } from '../../../src/domain/wire/schedule.js'
import { validateWireSourceForm } from '../../../src/domain/wire/source-form.js'

const context = { editions: ['hy', 'ru'], sectionIds: new Set([3]) }
const base = { headline: 'H', lead: null, bodyHtml: '<p>B</p>', byline: null, dateline: null, embargoUntil: null }

describe('compareVersions', () => {
  it('believes version numbers when both carry one', () => {
    const h = contentHash(base)
    assert.equal(compareVersions({ version: 2, contentHash: h, versionCreated: null }, { version: 3, contentHash: h, versionCreated: null }), 'newer')
    assert.equal(compareVersions({ version: 3, contentHash: 'x', versionCreated: null }, { version: 2, contentHash: 'y', versionCreated: null }), 'older')
  })

  it('without numbers: the same text is seen again; a changed text is newer unless its time is older', () => {
    const h1 = contentHash(base)
    const h2 = contentHash({ ...base, bodyHtml: '<p>C</p>' })
    assert.equal(compareVersions({ version: null, contentHash: h1, versionCreated: '2026-01-01T00:00:00.000Z' }, { version: null, contentHash: h1, versionCreated: '2026-01-02T00:00:00.000Z' }), 'same')
    assert.equal(compareVersions({ version: null, contentHash: h1, versionCreated: '2026-01-01T00:00:00.000Z' }, { version: null, contentHash: h2, versionCreated: '2026-01-01T00:00:00.000Z' }), 'newer')
    assert.equal(compareVersions({ version: null, contentHash: h1, versionCreated: '2026-01-02T00:00:00.000Z' }, { version: null, contentHash: h2, versionCreated: '2026-01-01T00:00:00.000Z' }), 'older')
  })
})

describe('isUnderEmbargo', () => {
  it('holds until the embargo time, not after', () => {
    assert.equal(isUnderEmbargo('2026-12-01T12:00:00.000Z', new Date('2026-12-01T11:59:59Z')), true)
    assert.equal(isUnderEmbargo('2026-12-01T12:00:00.000Z', new Date('2026-12-01T12:00:00Z')), false)
    assert.equal(isUnderEmbargo(null, new Date()), false)
  })
})

describe('nextPollDelaySeconds', () => {
  it('waits the interval after a success and doubles after each failure, up to a ceiling', () => {
    assert.equal(nextPollDelaySeconds(60, 0), 60)
    assert.equal(nextPollDelaySeconds(60, 1), 120)
    assert.equal(nextPollDelaySeconds(60, 3), 480)
    assert.equal(nextPollDelaySeconds(60, 50), MAX_BACKOFF_SECONDS)
    assert.equal(nextPollDelaySeconds(5, 0), 30, 'no source is polled more often than every 30 s')
  })
})

describe('validateWireSourceForm', () => {
  it('accepts a feed and a drop folder', () => {
    const feed = validateWireSourceForm({ name: 'TASS', url: 'https://tass.example/rss', edition: 'ru', sectionId: '3', agencyCredit: 'ТАСС' }, context)
    assert.ok(feed.ok)
    assert.deepEqual([feed.values.kind, feed.values.intervalSeconds, feed.values.sectionId], ['feed', 300, 3])
    const folder = validateWireSourceForm({ name: 'AFP', kind: 'folder', folder: '/srv/wire/afp/', edition: 'hy' }, context)
    assert.ok(folder.ok)
    assert.equal(folder.values.folder, '/srv/wire/afp')
  })

  it('refuses credentials in the URL, other schemes, relative or climbing folders, unknown editions and sections', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ name: 'X', url: 'https://user:pw@tass.example/rss', edition: 'ru' }, 'url'],
      [{ name: 'X', url: 'file:///etc/passwd', edition: 'ru' }, 'url'],
      [{ name: 'X', kind: 'folder', folder: 'relative/path', edition: 'ru' }, 'folder'],
      [{ name: 'X', kind: 'folder', folder: '/srv/../etc', edition: 'ru' }, 'folder'],
      [{ name: 'X', url: 'https://a.example/', edition: 'de' }, 'edition'],
      [{ name: 'X', url: 'https://a.example/', edition: 'ru', sectionId: '99' }, 'sectionId'],
      [{ name: 'X', url: 'https://a.example/', edition: 'ru', intervalSeconds: '1' }, 'intervalSeconds'],
      [{ name: '', url: 'https://a.example/', edition: 'ru' }, 'name'],
      [{ name: 'X', kind: 'ftp', edition: 'ru' }, 'kind']
    ]
    for (const [body, field] of cases) {
      const result = validateWireSourceForm(body, context)
      assert.equal(result.ok, false, JSON.stringify(body))
      assert.ok(!result.ok && field in result.errors, `${JSON.stringify(body)} → ${field}`)
    }
  })
})

describe('embargo on the stories made from items', () => {
  const now = new Date('2026-11-26T10:00:00.000Z')
  const until = '2026-11-26T12:00:00.000Z'
  it('lets a story wait for the embargo, never go out before it', () => {
    assert.equal(breaksEmbargo({ status: 'draft', publishedAt: null }, until, now), false)
    assert.equal(breaksEmbargo({ status: 'published', publishedAt: now.toISOString() }, until, now), true)
    assert.equal(breaksEmbargo({ status: 'scheduled', publishedAt: '2026-11-26T11:59:00.000Z' }, until, now), true)
    assert.equal(breaksEmbargo({ status: 'scheduled', publishedAt: until }, until, now), false)
    assert.equal(breaksEmbargo({ status: 'published', publishedAt: null }, until, now), true)
    assert.equal(breaksEmbargo({ status: 'published', publishedAt: now.toISOString() }, until, new Date(until)), false, 'the embargo has ended')
    assert.equal(breaksEmbargo({ status: 'published', publishedAt: now.toISOString() }, null, now), false)
  })
})
