import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'

const SETTINGS = { editions: ['en', 'ru', 'hy'], defaultEdition: 'en', timeZone: 'Asia/Yerevan', siteName: 'Lede Test', siteUrl: 'https://news.example' }

async function setup(tc: Parameters<typeof build>[0], dialect: Parameters<typeof build>[1]) {
  const t = await build(tc, dialect, { clock: '2026-11-26T10:00:00.000Z', settings: SETTINGS })
  for (const [edition, headline, lead] of [
    ['en', 'Harbour <b>crane</b> collapses', 'Nobody was hurt when the crane fell & the quay closed.'],
    ['en', 'Crane operators strike', 'Work stops at the port.'],
    ['ru', 'В порту упал кран', 'Никто не пострадал.']
  ] as const) {
    await createArticle(t.deps, { edition, headline, lead, bodySource: '', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z' })
  }
  return t
}

forEachDialect((dialect) => {
  describe('GET /api/v1/search', () => {
    it('answers ranked results with escaped, highlighted headlines and snippets', async (tc) => {
      const t = await setup(tc, dialect)
      const res = await t.app.inject('/api/v1/search?q=crane+')
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] as string, /application\/json/)
      assert.match(res.headers['cache-control'] as string, /^public/)
      const body = res.json()
      assert.equal(body.query, 'crane')
      assert.equal(body.edition, 'en')
      assert.equal(body.total, 2)
      assert.equal(body.totalIsLowerBound, false)
      assert.equal(body.next, null)
      const first = body.results.find((r: { headline: string }) => r.headline.includes('collapses'))
      assert.equal(first.headline, 'Harbour <b>crane</b> collapses')
      assert.equal(first.headlineHtml, 'Harbour &lt;b&gt;<mark>crane</mark>&lt;/b&gt; collapses')
      assert.equal(first.snippetHtml, 'Nobody was hurt when the <mark>crane</mark> fell &amp; the quay closed.')
      assert.equal(first.url, 'https://news.example/2026/11/25/harbour-b-crane-b-collapses/')
      assert.equal(first.edition, 'en')
    })

    it('searches another edition, or all of them', async (tc) => {
      const t = await setup(tc, dialect)
      const ru = (await t.app.inject('/api/v1/search?edition=ru&q=' + encodeURIComponent('кран '))).json()
      assert.equal(ru.total, 1)
      assert.equal(ru.results[0].url, 'https://news.example/ru/2026/11/25/v-portu-upal-kran/')
      const all = (await t.app.inject('/api/v1/search?scope=all&q=' + encodeURIComponent('кран OR crane'))).json()
      assert.equal(all.edition, null)
      assert.equal(all.total, 0, 'every word must match, and "OR" is a word')
    })

    it('explains empty, over-long and unusable queries as JSON errors', async (tc) => {
      const t = await setup(tc, dialect)
      for (const [url, status] of [
        ['/api/v1/search?q=', 400],
        ['/api/v1/search', 400],
        ['/api/v1/search?q=' + 'x'.repeat(201), 400],
        ['/api/v1/search?q=a&from=2026-02-30', 400],
        ['/api/v1/search?q=a&edition=de', 404],
        ['/api/v1/search?q=a&page=0', 400]
      ] as const) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, status, url)
        assert.equal(typeof res.json().error.message, 'string', url)
      }
      const odd = await t.app.inject('/api/v1/search?q=' + encodeURIComponent('" * NEAR( -'))
      assert.equal(odd.statusCode, 200)
      assert.equal(odd.json().total, 0)
    })

    it('is described in the OpenAPI document', async (tc) => {
      const t = await setup(tc, dialect)
      const doc = (await t.app.inject('/api/v1/openapi.json')).json()
      assert.ok(doc.paths['/search']?.get, 'paths./search.get')
      assert.ok(doc.components.schemas.SearchResults)
    })
  })

  describe('SearchAction in the site’s structured data', () => {
    it('points at each edition’s /search?q={search_term_string}', async (tc) => {
      const t = await setup(tc, dialect)
      for (const [url, target] of [['/', 'https://news.example/search?q={search_term_string}'], ['/ru/', 'https://news.example/ru/search?q={search_term_string}']] as const) {
        const html = (await t.app.inject(url)).body
        const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]!)
        assert.ok(blocks.some((b) => b.includes('"SearchAction"') && b.includes(JSON.stringify(target).slice(1, -1))), url)
      }
    })
  })
})
