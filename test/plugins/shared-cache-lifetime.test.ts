// SHARED_CACHE_SECONDS sets how long nginx or a CDN in front keeps a public answer (s-maxage); browsers
// keep theirs a minute either way, and private answers stay private.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { withSharedLifetime, CACHE_CONTROL } from '../../src/plugins/pages.js'

describe('withSharedLifetime', () => {
  it('rewrites the s-maxage of a public policy and leaves private ones alone', () => {
    assert.equal(withSharedLifetime(CACHE_CONTROL.public, 5), 'public, max-age=60, s-maxage=5, stale-while-revalidate=300')
    assert.equal(withSharedLifetime(CACHE_CONTROL.private, 5), CACHE_CONTROL.private)
    assert.equal(withSharedLifetime('public, max-age=60', 5), 'public, max-age=60')
  })
})

const MODEL = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'

forEachDialect((dialect) => {
  describe('shared cache lifetime', () => {
    it('gives pages, feeds and the API the configured s-maxage, also on a copy served from memory', async (t) => {
      const app = await build(t, dialect, { demo: true, sharedCacheSeconds: 5, pageCacheSeconds: 30 })
      for (const url of ['/', MODEL, '/feed/', '/api/v1/articles', '/sitemap.xml', '/', MODEL]) {
        const res = await app.app.inject(url)
        assert.equal(res.statusCode, 200, url)
        assert.equal(res.headers['cache-control'], 'public, max-age=60, s-maxage=5, stale-while-revalidate=300', url)
      }
      assert.equal((await app.app.inject(MODEL)).headers['x-lede-cache'], 'hit')
    })

    it('keeps the default minute when unset, and admin pages private either way', async (t) => {
      const app = await build(t, dialect, { demo: true })
      assert.equal((await app.app.inject('/')).headers['cache-control'], CACHE_CONTROL.public)
      const short = await build(t, dialect, { demo: true, sharedCacheSeconds: 5 })
      assert.equal((await short.app.inject('/admin/login/')).headers['cache-control'], CACHE_CONTROL.private)
    })
  })
})
