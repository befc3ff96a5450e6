import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, buildTestApp, forEachDialect, form, FORM_HEADERS, type TestApp } from '../helper.js'

const MODEL_URL = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'

forEachDialect((dialect) => {
  describe('security headers on every kind of response', () => {
    let t: TestApp
    before(async () => { t = await buildTestApp(dialect, { demo: true }) })
    after(() => t.close())

    const kinds: [string, () => Promise<{ statusCode: number, headers: Record<string, unknown> }>][] = [
      ['a page', () => t.app.inject('/')],
      ['an article', () => t.app.inject(MODEL_URL)],
      ['a 404 page', () => t.app.inject('/no/such/page/')],
      ['a 400 page', () => t.app.inject('/?before=garbage')],
      ['a bad URL', () => t.app.inject('/newsfeed/%E0%A4%A/')],
      ['a redirect', () => t.app.inject('/newsfeed')],
      ['a form error', () => t.app.inject({ method: 'POST', url: '/comments', headers: FORM_HEADERS, payload: form({ article_id: '1', author: '' }) })],
      ['a 415', () => t.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'text/plain' }, payload: 'x' })],
      ['a stylesheet', () => t.app.inject('/assets/site.css')],
      ['a health check', () => t.app.inject('/healthz')]
    ]
    for (const [kind, request] of kinds) {
      it(`sets nosniff, a referrer policy and framing rules on ${kind}`, async () => {
        const res = await request()
        assert.equal(res.headers['x-content-type-options'], 'nosniff', kind)
        assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', kind)
        assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', kind)
        assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS on a plain-http site')
        assert.equal(res.headers['x-powered-by'], undefined)
        if (String(res.headers['content-type']).startsWith('text/html')) {
          const csp = String(res.headers['content-security-policy'])
          assert.match(csp, /script-src 'self'/)
          assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
          assert.match(csp, /frame-ancestors 'self'/)
          assert.match(csp, /object-src 'none'/)
        }
      })
    }

    it('never leaks a stack trace or error message in an error page', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/json' }, payload: '{"broken":' })
      assert.equal(res.statusCode, 400)
      assert.doesNotMatch(res.body, /at .*\.(ts|js):\d+|SyntaxError|FST_/)
    })
  })

  describe('HSTS', () => {
    it('is sent on every response when the site URL is https', async (tc) => {
      const t = await build(tc, dialect, { demo: true, siteUrl: 'https://news.example.com' })
      for (const url of ['/', '/no/such/page/', '/newsfeed', '/assets/site.css']) {
        const res = await t.app.inject(url)
        assert.equal(res.headers['strict-transport-security'], 'max-age=63072000; includeSubDomains', url)
      }
      const page = await t.app.inject(MODEL_URL)
      assert.match(page.body, /<link rel="canonical" href="https:\/\/news\.example\.com\/2022\/02\/03\//)
    })
  })
})
