import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'
import { buildNewsroom, URLS } from './syndication-fixtures.js'
import type { Loose } from './syndication-support.js'

/** Every JSON-LD block of a page, parsed. */
function jsonLd(html: string): Loose[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!))
}

function meta(html: string, attribute: 'property' | 'name', key: string): string[] {
  return [...html.matchAll(new RegExp(`<meta ${attribute}="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"/>`, 'g'))].map((m) => m[1]!)
}

const XSS = '</script><script>alert(1)</script>'

forEachDialect((dialect) => {
  describe('structured data and social cards', () => {
    it('an article carries NewsArticle JSON-LD with author, publisher, dates in the site zone, section, keywords and image', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const html = (await t.app.inject(URLS.talks)).body
      const [ld] = jsonLd(html)
      const url = `https://news.example${URLS.talks}`
      assert.equal(ld['@type'], 'NewsArticle')
      assert.equal(ld.headline, 'Talks resume in Geneva')
      assert.equal(ld.description, 'Delegations met for four hours.')
      assert.equal(ld.datePublished, '2022-02-03T15:00:00+04:00')
      assert.equal(ld.dateModified, '2022-02-04T14:00:00+04:00')
      assert.deepEqual(ld.author, [{ '@type': 'Person', name: 'Owen Pryce', url: 'https://news.example/author/owen-pryce/' }])
      assert.equal(ld.publisher['@type'], 'Organization')
      assert.equal(ld.publisher.name, 'Lede Daily')
      assert.deepEqual(ld.publisher.logo, { '@type': 'ImageObject', url: 'https://news.example/assets/logo.png', width: 512, height: 512 })
      assert.deepEqual(ld.mainEntityOfPage, { '@type': 'WebPage', '@id': url })
      assert.equal(ld.articleSection, 'Europe')
      assert.deepEqual(ld.keywords, ['Diplomacy'])
      assert.equal(ld.isAccessibleForFree, true)
      assert.equal(ld.inLanguage, 'en')
      assert.equal(ld.image.length, 1)
      assert.match(ld.image[0].url, /^https:\/\/news\.example\/media\/\d+-abababababababab\/1600\.webp$/)
      assert.equal(ld.image[0].width, 1600)
      assert.equal(ld.image[0].height, 900)
      // The logo file the publisher points at exists.
      assert.equal((await t.app.inject('/assets/logo.png')).statusCode, 200)
    })

    it('an article carries Open Graph, Twitter card and canonical tags', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const html = (await t.app.inject(URLS.talks)).body
      const url = `https://news.example${URLS.talks}`
      assert.ok(html.includes(`<link rel="canonical" href="${url}"/>`))
      assert.deepEqual(meta(html, 'property', 'og:type'), ['article'])
      assert.deepEqual(meta(html, 'property', 'og:url'), [url])
      assert.deepEqual(meta(html, 'property', 'og:title'), ['Talks resume in Geneva'])
      assert.deepEqual(meta(html, 'property', 'article:published_time'), ['2022-02-03T15:00:00+04:00'])
      assert.deepEqual(meta(html, 'property', 'article:modified_time'), ['2022-02-04T14:00:00+04:00'])
      assert.deepEqual(meta(html, 'property', 'article:section'), ['Europe'])
      assert.deepEqual(meta(html, 'property', 'article:tag'), ['Diplomacy'])
      assert.equal(meta(html, 'property', 'og:image').length, 1)
      assert.deepEqual(meta(html, 'property', 'og:image:width'), ['1600'])
      assert.deepEqual(meta(html, 'property', 'og:image:height'), ['900'])
      assert.deepEqual(meta(html, 'property', 'og:image:alt'), ['Delegates at the table'])
      assert.deepEqual(meta(html, 'name', 'twitter:card'), ['summary_large_image'])
      const model = (await t.app.inject(URLS.model)).body
      assert.deepEqual(meta(model, 'name', 'twitter:card'), ['summary'])
      assert.deepEqual(jsonLd(model)[0].author, [{ '@type': 'Organization', '@id': 'https://news.example/#organization', name: 'Lede Daily', url: 'https://news.example/' }])
      assert.deepEqual(meta(model, 'property', 'article:tag'), ['Diplomacy', 'Russia'])
    })

    it('the front page and the newsfeeds carry WebSite and Organization with the search action', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      for (const url of ['/', '/newsfeed/', '/newsfeed/2022-02-03/']) {
        const blocks = jsonLd((await t.app.inject(url)).body)
        assert.equal(blocks.length, 1, url)
        const [site, org] = blocks[0]['@graph']
        assert.equal(site['@type'], 'WebSite', url)
        assert.equal(site.name, 'Lede Daily')
        assert.equal(site.potentialAction.target.urlTemplate, 'https://news.example/search?q={search_term_string}')
        assert.equal(org['@type'], 'Organization')
      }
      const ru = jsonLd((await t.app.inject('/ru/')).body)[0]['@graph'][0]
      assert.equal(ru.url, 'https://news.example/ru/')
      assert.equal(ru.potentialAction.target.urlTemplate, 'https://news.example/ru/search?q={search_term_string}')
    })

    it('a headline with </script> stays inert in JSON-LD, meta tags and the citation', async (tc) => {
      const t = await build(tc, dialect, { clock: '2022-02-04T10:00:00.000Z', settings: { siteUrl: 'https://news.example', siteName: 'Lede Daily' } })
      await createArticle(t.deps, { edition: 'en', headline: `${XSS} & “quotes”`, lead: `Lead ${XSS}`, bodySource: 'x', status: 'published', publishedAt: '2022-02-03T09:00:00.000Z', slug: 'hostile', tags: [XSS] })
      const res = await t.app.inject('/2022/02/03/hostile/')
      assert.equal(res.statusCode, 200)
      const html = res.body
      assert.doesNotMatch(html, /<script>alert/)
      // Every <script> on the page is a JSON-LD block or one of our own files.
      for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.match(tag, /^<script (type="application\/ld\+json"|src="\/assets\/[a-z-]+\.js"( defer)?)>$/)
      const [ld] = jsonLd(html)
      assert.equal(ld.headline, `${XSS} & “quotes”`)
      assert.deepEqual(ld.keywords, [XSS])
      assert.deepEqual(meta(html, 'property', 'og:title'), ['&lt;/script>&lt;script>alert(1)&lt;/script> &amp; “quotes”'])
      assert.ok(html.includes('&lt;a href=&quot;https://news.example/2022/02/03/hostile/&quot;>&amp;lt;/script&amp;gt;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; “quotes”&lt;/a>, Lede Daily, February 3, 2022'))
    })
  })

  describe('the citation block', () => {
    it('gives the canonical link and a ready-to-paste snippet in readonly fields, with an external copy script', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const html = (await t.app.inject(URLS.model)).body
      const url = `https://news.example${URLS.model}`
      const block = /<section class="citation"[^>]*>(.*?)<\/section>/s.exec(html)?.[0]
      assert.ok(block, 'a citation block under the article')
      assert.match(block, /<h2 id="citation-title">Cite this article<\/h2>/)
      assert.ok(block.includes(`<input id="citation-link" class="citation-field" type="url" readonly value="${url}" data-copy/>`))
      assert.ok(block.includes(`<textarea id="citation-html" class="citation-field" readonly rows="3" data-copy>&lt;a href=&quot;${url}&quot;>US Department of State expects Russian response&lt;/a>, Lede Daily, February 3, 2022</textarea>`))
      assert.match(block, /<script src="\/assets\/citation\.js" defer><\/script>/)
      assert.match(block, /data-copy-label="Copy" data-copied-label="Copied"/)
      assert.ok(html.indexOf('class="citation"') > html.indexOf('class="canonical-link"'), 'after the reprint notice and link')
      const script = await t.app.inject('/assets/citation.js')
      assert.equal(script.statusCode, 200)
      assert.match(script.headers['content-type'] as string, /javascript/)
      const ru = (await t.app.inject(URLS.ru)).body
      assert.match(ru, /<h2 id="citation-title">Как сослаться на материал<\/h2>/)
      assert.match(ru, /, Lede Daily, 3 февраля 2022 г\.<\/textarea>/)
    })
  })
})
