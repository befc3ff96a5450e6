import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { checkLinkUrl } from '../../../client/editor/link-url.js'

describe('checkLinkUrl (the link dialog)', () => {
  it('accepts web, email and site-relative addresses as typed, trimmed', () => {
    for (const url of ['https://example.org/', 'http://example.org/a?b=c#d', 'https://sub.example.co.uk:8443/x', 'https://localhost:3000/',
      'mailto:desk@example.org', 'mailto:desk@example.org?subject=Tip', '/2022/02/03/story/', '/section/politics/?page=2']) {
      assert.deepEqual(checkLinkUrl(` ${url} `), { ok: true, href: url }, url)
    }
  })

  it('says an address without a scheme needs one, with the address it would be', () => {
    assert.deepEqual(checkLinkUrl('example.org/timetable'), { ok: false, problem: 'noScheme', example: 'example.org/timetable' })
    assert.deepEqual(checkLinkUrl('www.example.org'), { ok: false, problem: 'noScheme', example: 'www.example.org' })
    assert.equal(checkLinkUrl('timetable').ok, false)
  })

  it('refuses other schemes by name, so javascript: and data: are never links', () => {
    assert.deepEqual(checkLinkUrl('javascript:alert(1)'), { ok: false, problem: 'scheme', scheme: 'javascript' })
    assert.deepEqual(checkLinkUrl('JavaScript:alert(1)'), { ok: false, problem: 'scheme', scheme: 'javascript' })
    assert.deepEqual(checkLinkUrl('data:text/html,hi'), { ok: false, problem: 'scheme', scheme: 'data' })
    assert.deepEqual(checkLinkUrl('ftp://example.org/'), { ok: false, problem: 'scheme', scheme: 'ftp' })
  })

  it('names what is missing or wrong', () => {
    assert.deepEqual(checkLinkUrl('   '), { ok: false, problem: 'empty' })
    assert.deepEqual(checkLinkUrl('https://exa mple.org/'), { ok: false, problem: 'spaces' })
    assert.deepEqual(checkLinkUrl('https://'), { ok: false, problem: 'incomplete' })
    assert.deepEqual(checkLinkUrl('https://example'), { ok: false, problem: 'incomplete' })
    assert.deepEqual(checkLinkUrl('//example.org/'), { ok: false, problem: 'incomplete' })
    assert.deepEqual(checkLinkUrl('mailto:desk'), { ok: false, problem: 'mailto' })
  })
})
