import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { countLinks, paceCheck, spamSignals, COMMENTS_PER_HOUR_PER_IP } from '../../src/domain/spam.js'

const NOW = new Date('2026-11-26T10:00:00.000Z')
const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString()

describe('countLinks', () => {
  it('counts every "//" with or without a scheme, and bare www. addresses', () => {
    assert.equal(countLinks('no links here'), 0)
    assert.equal(countLinks('http://a.example'), 1)
    assert.equal(countLinks('<a href="https://a.example">https://a.example</a>'), 2)
    assert.equal(countLinks('www.example.org and WWW.other.example'), 2)
    assert.equal(countLinks('http://www.example.org'), 1)
  })
})

describe('spamSignals', () => {
  const input = (over: Partial<{ authorName: string, body: string, honeypot: string }> = {}) => ({ authorName: 'Ani', body: 'A comment.', honeypot: '', ...over })
  it('finds nothing in an ordinary comment', () => {
    assert.deepEqual(spamSignals(input()), [])
  })
  it('reports the share of the text that is links', () => {
    assert.deepEqual(spamSignals(input({ body: 'http://a.example/1 http://b.example/2 http://c.example/3' })), [{ code: 'link-density', detail: '100' }])
  })
  it('does not count two links as link density', () => {
    assert.deepEqual(spamSignals(input({ body: 'http://a.example/1 http://b.example/2' })), [])
  })
  it('spots [url] and [link=] markup in any case', () => {
    assert.deepEqual(spamSignals(input({ body: '[URL]http://x.example[/URL]' })).map((r) => r.code), ['bbcode-link'])
    assert.deepEqual(spamSignals(input({ body: '[link=http://x.example]x[/link]' })).map((r) => r.code), ['bbcode-link'])
  })
  it('spots a web address or a link tag in the name, but not a name with a dot', () => {
    assert.deepEqual(spamSignals(input({ authorName: 'www.pills.example' })).map((r) => r.code), ['link-in-name'])
    assert.deepEqual(spamSignals(input({ authorName: '<a href=x>Bob</a>' })).map((r) => r.code), ['link-in-name'])
    assert.deepEqual(spamSignals(input({ authorName: 'J. R. Smith' })), [])
  })
})

describe('paceCheck', () => {
  it('lets a first comment from an IP through', () => {
    assert.deepEqual(paceCheck({ latest: null, lastHourCount: 0, lastHourOldest: null }, NOW), { ok: true })
  })
  it('refuses a second comment within 15 seconds, saying how long to wait', () => {
    assert.deepEqual(paceCheck({ latest: ago(10), lastHourCount: 1, lastHourOldest: ago(10) }, NOW), { ok: false, rule: 'flood', retryAfterSeconds: 5 })
    assert.deepEqual(paceCheck({ latest: ago(14.5), lastHourCount: 1, lastHourOldest: ago(14.5) }, NOW), { ok: false, rule: 'flood', retryAfterSeconds: 1 })
  })
  it('lets a comment through at 15 seconds', () => {
    assert.deepEqual(paceCheck({ latest: ago(15), lastHourCount: 1, lastHourOldest: ago(15) }, NOW), { ok: true })
  })
  it(`refuses the ${COMMENTS_PER_HOUR_PER_IP + 1}th comment within an hour until the oldest leaves the window`, () => {
    assert.deepEqual(paceCheck({ latest: ago(60), lastHourCount: COMMENTS_PER_HOUR_PER_IP, lastHourOldest: ago(3000) }, NOW), { ok: false, rule: 'rate-limit', retryAfterSeconds: 600 })
    assert.deepEqual(paceCheck({ latest: ago(60), lastHourCount: COMMENTS_PER_HOUR_PER_IP - 1, lastHourOldest: ago(3000) }, NOW), { ok: true })
  })
})
