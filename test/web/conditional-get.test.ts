import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { insertComment } from '../../src/db/repositories/comments.repository.js'
import { buildNewsroom, URLS } from './syndication-fixtures.js'

const PUBLIC_URLS = [
  '/', '/newsfeed/2022-02-03/', URLS.model, '/section/politics/', '/tag/diplomacy/', '/author/owen-pryce/', '/ru/',
  '/feed/', '/feed/atom/', '/feed.json', '/section/world/feed/', `${URLS.model}feed/`,
  '/sitemap.xml', '/sitemap-articles-2022-02.xml', '/news-sitemap.xml', '/robots.txt',
  '/api/v1/articles', '/api/v1/articles/1', '/api/v1/sections', '/api/v1/openapi.json'
]

forEachDialect((dialect) => {
  describe('conditional GET', () => {
    it('every public page, feed, sitemap and API answer is cacheable with a strong ETag, and 304 when it matches', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      for (const url of PUBLIC_URLS) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 200, url)
        const etag = res.headers.etag as string
        assert.match(etag, /^"[^"]+"$/, `${url}: a strong ETag`)
        assert.equal(res.headers['cache-control'], 'public, max-age=60, s-maxage=60, stale-while-revalidate=300', url)
        assert.equal(res.headers['set-cookie'], undefined, url)
        for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
          const again = await t.app.inject({ url, headers: { 'if-none-match': ifNoneMatch } })
          assert.equal(again.statusCode, 304, `${url} with If-None-Match: ${ifNoneMatch}`)
          assert.equal(again.body, '', url)
          assert.equal(again.headers.etag, etag, url)
          assert.equal(again.headers['cache-control'], res.headers['cache-control'], url)
        }
        assert.equal((await t.app.inject({ url, headers: { 'if-none-match': '"stale"' } })).statusCode, 200, url)
        assert.equal((await t.app.inject({ method: 'HEAD', url, headers: { 'if-none-match': etag } })).statusCode, 304, `HEAD ${url}`)
      }
    })

    it('article pages and feeds say when they last changed, and answer If-Modified-Since', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const cases: [string, string][] = [
        // The article's last save (the clock reading when the newsroom was built) is newer than its comments.
        [URLS.model, 'Fri, 04 Feb 2022 10:00:00 GMT'],
        ['/feed/', 'Fri, 04 Feb 2022 10:00:00 GMT'],
        ['/section/politics/feed/atom/', 'Fri, 04 Feb 2022 10:00:00 GMT'],
        [`${URLS.model}feed/`, 'Thu, 03 Feb 2022 10:30:00 GMT'],
        ['/api/v1/articles/1', 'Fri, 04 Feb 2022 10:00:00 GMT']
      ]
      for (const [url, lastModified] of cases) {
        const res = await t.app.inject(url)
        assert.equal(res.headers['last-modified'], lastModified, url)
        const since = async (date: string, extra: Record<string, string> = {}) =>
          (await t.app.inject({ url, headers: { 'if-modified-since': date, ...extra } })).statusCode
        assert.equal(await since(lastModified), 304, `${url}: unchanged since then`)
        assert.equal(await since(new Date(Date.parse(lastModified) + 3_600_000).toUTCString()), 304, `${url}: later date`)
        assert.equal(await since(new Date(Date.parse(lastModified) - 1000).toUTCString()), 200, `${url}: changed since`)
        assert.equal(await since('not a date'), 200, `${url}: a bad date is ignored`)
        // If-None-Match decides when both are sent (RFC 9110 §13.2.2).
        assert.equal(await since(lastModified, { 'if-none-match': '"stale"' }), 200, `${url}: If-None-Match wins`)
      }
      // Pages whose content is a list with counts are not dated: only the ETag applies.
      assert.equal((await t.app.inject('/')).headers['last-modified'], undefined)
    })

    it('a newly approved comment changes the article page and its comments feed', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      const before = await t.app.inject(URLS.model)
      const feedBefore = await t.app.inject(`${URLS.model}feed/`)
      await insertComment(t.deps.db, {
        article_id: ids.model, parent_id: null, author_name: 'Cleo', author_email: 'cleo@example.org', author_url: null, user_id: null,
        body: 'Late but right.', status: 'approved', ip: null, user_agent: null, created_at: '2022-02-04T10:30:00.000Z', previous_status: null, updated_at: null
      })
      t.clock.set('2022-02-04T10:31:00.000Z')
      const page = await t.app.inject({ url: URLS.model, headers: { 'if-none-match': before.headers.etag as string } })
      assert.equal(page.statusCode, 200)
      assert.equal(page.headers['last-modified'], 'Fri, 04 Feb 2022 10:30:00 GMT')
      assert.equal((await t.app.inject({ url: URLS.model, headers: { 'if-modified-since': before.headers['last-modified'] as string } })).statusCode, 200)
      const feed = await t.app.inject({ url: `${URLS.model}feed/`, headers: { 'if-modified-since': feedBefore.headers['last-modified'] as string } })
      assert.equal(feed.statusCode, 200)
      assert.match(feed.body, /By: Cleo/)
    })

    it('does not apply to what is not a successful GET', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const missing = await t.app.inject({ url: '/section/nope/', headers: { 'if-modified-since': 'Fri, 04 Feb 2099 10:00:00 GMT' } })
      assert.equal(missing.statusCode, 404)
      assert.equal(missing.headers['last-modified'], undefined)
    })
  })
})
