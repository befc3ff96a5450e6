import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parsePublicationTime, parseTags, validateArticleForm, ARTICLE_LIMITS } from '../../src/domain/article-form.js'
import { isPubliclyVisible } from '../../src/domain/publishing.js'
import { publicationStatus } from '../../src/domain/workflow.js'

const YEREVAN = 'Asia/Yerevan'

const valid = { headline: 'Parliament passes the budget', body: 'Text.', comments_open: 'on' }

describe('parsePublicationTime', () => {
  it('reads a wall-clock time in the site zone (Yerevan is UTC+4)', () => {
    assert.deepEqual(parsePublicationTime('2022-02-03', '13:33', YEREVAN), { ok: true, instant: '2022-02-03T09:33:00.000Z' })
  })

  it('puts an evening time in Yerevan on the previous UTC day when it is before 04:00 local', () => {
    assert.deepEqual(parsePublicationTime('2022-02-03', '01:30', YEREVAN), { ok: true, instant: '2022-02-02T21:30:00.000Z' })
  })

  it('accepts seconds, as some browsers send them', () => {
    assert.deepEqual(parsePublicationTime('2022-02-03', '13:33:20', YEREVAN), { ok: true, instant: '2022-02-03T09:33:20.000Z' })
  })

  it('follows daylight saving time in zones that have it', () => {
    assert.deepEqual(parsePublicationTime('2026-07-01', '12:00', 'Europe/Berlin'), { ok: true, instant: '2026-07-01T10:00:00.000Z' })
    assert.deepEqual(parsePublicationTime('2026-12-01', '12:00', 'Europe/Berlin'), { ok: true, instant: '2026-12-01T11:00:00.000Z' })
  })

  it('means "not set" when both are empty', () => {
    assert.deepEqual(parsePublicationTime('', '', YEREVAN), { ok: true, instant: null })
  })

  it('refuses impossible dates and times, and one without the other', () => {
    assert.deepEqual(parsePublicationTime('2022-02-30', '10:00', YEREVAN), { ok: false, field: 'publish_date', key: 'editor.error.date' })
    assert.deepEqual(parsePublicationTime('3.2.2022', '10:00', YEREVAN), { ok: false, field: 'publish_date', key: 'editor.error.date' })
    assert.deepEqual(parsePublicationTime('2022-02-03', '24:00', YEREVAN), { ok: false, field: 'publish_time', key: 'editor.error.time' })
    assert.deepEqual(parsePublicationTime('2022-02-03', '9am', YEREVAN), { ok: false, field: 'publish_time', key: 'editor.error.time' })
    assert.deepEqual(parsePublicationTime('2022-02-03', '', YEREVAN), { ok: false, field: 'publish_time', key: 'editor.error.dateWithoutTime' })
    assert.deepEqual(parsePublicationTime('', '10:00', YEREVAN), { ok: false, field: 'publish_date', key: 'editor.error.timeWithoutDate' })
    assert.deepEqual(parsePublicationTime('0099-01-01', '10:00', YEREVAN), { ok: false, field: 'publish_date', key: 'editor.error.date' })
  })
})

describe('a story scheduled in the site zone', () => {
  // An editor in Yerevan schedules a story for 14:30 on 26 November: 10:30 UTC.
  const time = parsePublicationTime('2026-11-26', '14:30', YEREVAN)
  assert.ok(time.ok && time.instant)
  const at = time.instant
  const story = { status: 'scheduled' as const, publishedAt: at }

  it('is scheduled, not published, when entered before its time', () => {
    assert.equal(at, '2026-11-26T10:30:00.000Z')
    assert.equal(publicationStatus(at, new Date('2026-11-26T10:00:00.000Z')), 'scheduled')
  })

  it('is hidden one millisecond before 14:30 Yerevan time', () => {
    assert.equal(isPubliclyVisible(story, new Date('2026-11-26T10:29:59.999Z')), false)
  })

  it('is hidden at 14:30 UTC-equivalent of another zone’s reading (10:30 local is not the time)', () => {
    // 10:30 on the Yerevan clock is 06:30 UTC: well before the story's time.
    assert.equal(isPubliclyVisible(story, new Date('2026-11-26T06:30:00.000Z')), false)
  })

  it('is visible at exactly 14:30 Yerevan time', () => {
    assert.equal(isPubliclyVisible(story, new Date('2026-11-26T10:30:00.000Z')), true)
  })

  it('stays visible afterwards', () => {
    assert.equal(isPubliclyVisible(story, new Date('2026-11-27T10:30:00.000Z')), true)
  })
})

describe('parseTags', () => {
  it('splits on commas, trims, and drops empty and repeated tags (by slug)', () => {
    assert.deepEqual(parseTags(' Armenia, economy ,, Economy,  Armenia  , New   York'), ['Armenia', 'economy', 'New York'])
  })

  it('keeps tags in any script', () => {
    assert.deepEqual(parseTags('Ереван, Երևան'), ['Ереван', 'Երևան'])
  })
})

describe('validateArticleForm', () => {
  it('accepts a headline and body, with comments open', () => {
    const result = validateArticleForm(valid, YEREVAN)
    assert.equal(result.ok, true)
    if (!result.ok) return
    assert.equal(result.input.headline, 'Parliament passes the budget')
    assert.equal(result.input.slug, null)
    assert.equal(result.input.commentsOpen, true)
    assert.equal(result.input.breaking, false)
    assert.equal(result.input.publishedAt, null)
  })

  it('requires a headline and keeps everything typed when refusing', () => {
    const result = validateArticleForm({ ...valid, headline: '   ', lead: 'A lead', tags: 'One, Two' }, YEREVAN)
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.deepEqual(result.errors.headline, { key: 'form.required' })
    assert.equal(result.values.lead, 'A lead')
    assert.equal(result.values.tags, 'One, Two')
  })

  it('lower-cases a typed slug and refuses one with other characters', () => {
    const ok = validateArticleForm({ ...valid, slug: ' Budget-2027 ' }, YEREVAN)
    assert.equal(ok.ok && ok.input.slug, 'budget-2027')
    const bad = validateArticleForm({ ...valid, slug: 'budget 2027!' }, YEREVAN)
    assert.equal(!bad.ok && bad.errors.slug?.key, 'editor.error.slug')
  })

  it('requires alt text when a featured image is chosen, and drops image fields without one', () => {
    const missing = validateArticleForm({ ...valid, featured_media_id: '5' }, YEREVAN)
    assert.equal(!missing.ok && missing.errors.featured_alt?.key, 'editor.error.altRequired')
    const withAlt = validateArticleForm({ ...valid, featured_media_id: '5', featured_alt: 'A view of the hall', featured_credit: 'Photo: A. B.' }, YEREVAN)
    assert.equal(withAlt.ok && withAlt.input.featuredMediaId, 5)
    assert.equal(withAlt.ok && withAlt.input.featuredCredit, 'Photo: A. B.')
    const none = validateArticleForm({ ...valid, featured_alt: 'left over' }, YEREVAN)
    assert.equal(none.ok && none.input.featuredAlt, null)
  })

  it('checks the source URL, the section and the limits', () => {
    const result = validateArticleForm({
      ...valid, source_url: 'javascript:alert(1)', section_id: 'politics', headline: 'x'.repeat(ARTICLE_LIMITS.headline + 1),
      tags: Array.from({ length: ARTICLE_LIMITS.tags + 1 }, (_, i) => `tag ${i}`).join(',')
    }, YEREVAN)
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.deepEqual(result.errors.source_url, { key: 'form.invalidUrl' })
    assert.deepEqual(result.errors.section_id, { key: 'editor.error.section' })
    assert.deepEqual(result.errors.headline, { key: 'form.tooLong', max: ARTICLE_LIMITS.headline })
    assert.deepEqual(result.errors.tags, { key: 'editor.error.tooManyTags', max: ARTICLE_LIMITS.tags })
  })

  it('refuses a field sent twice and control characters', () => {
    const result = validateArticleForm({ ...valid, lead: ['a', 'b'], byline: 'A\u0000B' }, YEREVAN)
    assert.equal(result.ok, false)
    if (result.ok) return
    assert.deepEqual(result.errors.lead, { key: 'form.singleValue' })
    assert.deepEqual(result.errors.byline, { key: 'form.invalidCharacters' })
  })

  it('converts the publication time from the site zone', () => {
    const result = validateArticleForm({ ...valid, publish_date: '2022-02-03', publish_time: '13:33' }, YEREVAN)
    assert.equal(result.ok && result.input.publishedAt, '2022-02-03T09:33:00.000Z')
  })

  it('reads unticked checkboxes as off', () => {
    const result = validateArticleForm({ headline: 'H', body: '' }, YEREVAN)
    assert.equal(result.ok && result.input.commentsOpen, false)
  })
})

describe('validateArticleForm tags', () => {
  it('refuses a tag with nothing to make a slug from', () => {
    const result = validateArticleForm({ ...valid, tags: 'Economy, !!!' }, YEREVAN)
    assert.equal(!result.ok && result.errors.tags?.key, 'editor.error.tagInvalid')
  })
})
