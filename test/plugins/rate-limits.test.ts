// What an anonymous visitor can make expensive is limited per client address: past the limit comes a 429
// with Retry-After and a readable page (JSON under /api/), and a forged X-Forwarded-For does not reset it.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, form, FORM_HEADERS } from '../helper.js'
import type { RateLimitSettings } from '../../src/config.js'

const OFF: RateLimitSettings = { search: 0, comments: 0, login: 0, timingToken: 0, api: 0 }

forEachDialect((dialect) => {
  describe(`rate limits (${dialect.name})`, () => {
    it('answers the search past its limit with 429, Retry-After and a readable page, per address, in the page and the API', async (t) => {
      const app = await build(t, dialect, { demo: true, rateLimits: { ...OFF, search: 3 } })
      const search = (url: string, remoteAddress = '198.51.100.1') => app.app.inject({ url, remoteAddress })
      for (let i = 0; i < 3; i++) assert.equal((await search(`/search?q=ferry${i}`)).statusCode, 200)
      const refused = await search('/search?q=ferry')
      assert.equal(refused.statusCode, 429)
      assert.ok(Number(refused.headers['retry-after']) >= 1)
      assert.match(String(refused.headers['content-type']), /text\/html/)
      assert.match(refused.body, /Too many requests/)
      assert.match(String(refused.headers['cache-control']), /private/)
      // The API's search is the same work: it shares the count, and answers in JSON.
      const api = await search('/api/v1/search?q=ferry')
      assert.equal(api.statusCode, 429)
      assert.equal((api.json() as { error: { code: string } }).error.code, 'too_many_requests')
      assert.ok(Number(api.headers['retry-after']) >= 1)
      // Another reader is not affected, and neither are other pages.
      assert.equal((await search('/search?q=ferry', '198.51.100.2')).statusCode, 200)
      assert.equal((await search('/')).statusCode, 200)
    })

    it('limits the API as a whole', async (t) => {
      const app = await build(t, dialect, { demo: true, rateLimits: { ...OFF, api: 2 } })
      assert.equal((await app.app.inject('/api/v1/sections')).statusCode, 200)
      assert.equal((await app.app.inject('/api/v1/articles')).statusCode, 200)
      const refused = await app.app.inject('/api/v1/sections')
      assert.equal(refused.statusCode, 429)
      assert.ok(Number(refused.headers['retry-after']) >= 1)
      assert.equal((await app.app.inject('/')).statusCode, 200)
    })

    it('limits comment posts, logins and timing tokens', async (t) => {
      const app = await build(t, dialect, { demo: true, rateLimits: { ...OFF, comments: 1, login: 1, timingToken: 1 } })
      const post = (url: string) => app.app.inject({ method: 'POST', url, headers: FORM_HEADERS, payload: form({ x: '1' }) })
      assert.notEqual((await post('/comments')).statusCode, 429)
      assert.equal((await post('/comments')).statusCode, 429)
      assert.notEqual((await post('/admin/login/')).statusCode, 429)
      assert.equal((await post('/admin/login/')).statusCode, 429)
      assert.notEqual((await app.app.inject('/comments/timing.json?article=1')).statusCode, 429)
      const refused = await app.app.inject('/comments/timing.json?article=1')
      assert.equal(refused.statusCode, 429)
      assert.ok(Number(refused.headers['retry-after']) >= 1)
    })

    it('counts the address the trusted proxy saw, whatever the client forges to the left of it', async (t) => {
      const app = await build(t, dialect, { demo: true, trustProxy: 1, rateLimits: { ...OFF, search: 2 } })
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        const res = await app.app.inject({ url: '/search?q=ferry', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` } })
        statuses.push(res.statusCode)
      }
      assert.deepEqual(statuses, [200, 200, 429, 429])
    })
  })
})
