import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Insertable } from 'kysely'
import { build, forEachDialect } from '../helper.js'
import type { ArticlesTable } from '../../src/db/tables/articles.table.js'
import { currentSettings } from '../../src/services/site-settings.service.js'
import { childSitemapEntries, editionSitemaps } from '../../src/services/syndication.service.js'
import { createArticle } from '../../src/services/articles.service.js'
import { buildNewsroom, URLS } from './syndication-fixtures.js'
import { childElements, SKIP_XMLLINT, textOf, XSD, xmllint, xmlTree } from './syndication-support.js'

/** <loc> and <lastmod> of each <url> or <sitemap> entry. */
function entries(xml: string): { loc: string, lastmod: string | null }[] {
  const root = (xmlTree(xml).elements ?? []).find((e) => e.type === 'element')!
  return (root.elements ?? []).filter((e) => e.type === 'element').map((e) => ({
    loc: textOf(childElements(e, 'loc')[0]),
    lastmod: childElements(e, 'lastmod')[0] ? textOf(childElements(e, 'lastmod')[0]) : null
  }))
}

function assertValid(xml: string, schema: string, what: string) {
  const result = xmllint(xml, schema)
  assert.ok(result.ok, `${what}: ${result.output}`)
}

forEachDialect((dialect) => {
  describe('sitemaps', () => {
    it('/sitemap.xml indexes every edition\'s monthly, section, tag and page sitemaps, with lastmod', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const res = await t.app.inject('/sitemap.xml')
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8')
      assert.match(res.headers['cache-control'] as string, /^public/)
      const index = entries(res.body)
      assert.deepEqual(index.map((e) => e.loc), [
        'https://news.example/sitemap-pages.xml',
        'https://news.example/sitemap-articles-2022-02.xml',
        'https://news.example/sitemap-sections.xml',
        'https://news.example/sitemap-tags.xml',
        'https://news.example/ru/sitemap-pages.xml',
        'https://news.example/ru/sitemap-articles-2022-02.xml',
        'https://news.example/ru/sitemap-sections.xml',
        'https://news.example/ru/sitemap-tags.xml'
      ])
      for (const e of index) assert.equal(e.lastmod, '2022-02-04T10:00:00.000Z', e.loc)
      assert.deepEqual(entries((await t.app.inject('/ru/sitemap.xml')).body).map((e) => e.loc).filter((l) => !l.includes('/ru/')), [],
        'an edition\'s own index lists only its sitemaps')
    })

    it('validate with xmllint against the sitemap schemas', { skip: SKIP_XMLLINT }, async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      assertValid((await t.app.inject('/sitemap.xml')).body, XSD.index, '/sitemap.xml')
      assertValid((await t.app.inject('/ru/sitemap.xml')).body, XSD.index, '/ru/sitemap.xml')
      for (const url of ['/sitemap-pages.xml', '/sitemap-articles-2022-02.xml', '/sitemap-sections.xml', '/sitemap-tags.xml', '/ru/sitemap-articles-2022-02.xml']) {
        assertValid((await t.app.inject(url)).body, XSD.urlset, url)
      }
      const news = (await t.app.inject('/news-sitemap.xml')).body
      assertValid(news, XSD.news, '/news-sitemap.xml')
      // The schema is really applied: a news entry without its publication date is refused.
      assert.equal(xmllint(news.replace(/<news:publication_date>[^<]*<\/news:publication_date>/, ''), XSD.news).ok, false)
    })

    it('list live article URLs by UTC month of publication, each with its last change', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      await t.deps.db.updateTable('articles').set({ updated_at: '2022-02-04T09:00:00.000Z' }).where('id', '=', ids.model).execute()
      const articles = entries((await t.app.inject('/sitemap-articles-2022-02.xml')).body)
      assert.deepEqual(articles, [
        { loc: `https://news.example${URLS.quiet}`, lastmod: '2022-02-04T10:00:00.000Z' },
        { loc: `https://news.example${URLS.model}`, lastmod: '2022-02-04T09:00:00.000Z' },
        { loc: `https://news.example${URLS.talks}`, lastmod: '2022-02-04T10:00:00.000Z' }
      ])
      assert.deepEqual(entries((await t.app.inject('/ru/sitemap-articles-2022-02.xml')).body).map((e) => e.loc), [`https://news.example${URLS.ru}`])
      assert.deepEqual(entries((await t.app.inject('/sitemap-pages.xml')).body).map((e) => e.loc), ['https://news.example/'])
    })

    it('list sections with stories (their own or their subsections\') and tags of live stories', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      assert.deepEqual(entries((await t.app.inject('/sitemap-sections.xml')).body).map((e) => e.loc), [
        'https://news.example/section/europe/', 'https://news.example/section/politics/', 'https://news.example/section/world/'
      ])
      assert.deepEqual(entries((await t.app.inject('/sitemap-tags.xml')).body).map((e) => e.loc), [
        'https://news.example/tag/diplomacy/', 'https://news.example/tag/russia/'
      ])
      assert.deepEqual(entries((await t.app.inject('/ru/sitemap-tags.xml')).body).map((e) => e.loc), ['https://news.example/ru/tag/diplomatiya/'])
    })

    it('answer 404 for sitemaps that do not exist', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      for (const url of ['/sitemap-articles-2021-01.xml', '/sitemap-articles-2022-13.xml', '/sitemap-articles-2022-02-2.xml', '/sitemap-articles-2022-02-1.xml',
        '/sitemap-tags-2.xml', '/sitemap-pages-2.xml', '/sitemap-other.xml', '/sitemap-.xml', '/xx/sitemap.xml', '/en/sitemap-pages.xml']) {
        assert.equal((await t.app.inject(url)).statusCode, 404, url)
      }
    })

    it('split a month, and the sections and tags, into pages of at most the URL limit', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const settings = await currentSettings(t.deps)
      const limit = 2
      const sitemaps = (await editionSitemaps(t.deps, settings, 'en', limit)).map((s) => s.sitemap)
      assert.deepEqual(sitemaps, [
        { kind: 'pages' },
        { kind: 'articles', month: '2022-02', page: 1 }, { kind: 'articles', month: '2022-02', page: 2 },
        { kind: 'sections', page: 1 }, { kind: 'sections', page: 2 },
        { kind: 'tags', page: 1 }
      ])
      const page2 = await childSitemapEntries(t.deps, settings, 'en', { kind: 'articles', month: '2022-02', page: 2 }, limit)
      assert.deepEqual(page2?.map((e) => e.path), [URLS.talks])
      assert.equal(await childSitemapEntries(t.deps, settings, 'en', { kind: 'articles', month: '2022-02', page: 3 }, limit), null)
      const sections2 = await childSitemapEntries(t.deps, settings, 'en', { kind: 'sections', page: 2 }, limit)
      assert.deepEqual(sections2?.map((e) => e.path), ['/section/world/'])
      const tags = await childSitemapEntries(t.deps, settings, 'en', { kind: 'tags', page: 1 }, 1)
      const tags2 = await childSitemapEntries(t.deps, settings, 'en', { kind: 'tags', page: 2 }, 1)
      assert.deepEqual([tags?.map((e) => e.path), tags2?.map((e) => e.path)], [['/tag/diplomacy/'], ['/tag/russia/']])
      assert.equal(await childSitemapEntries(t.deps, settings, 'en', { kind: 'tags', page: 3 }, 1), null)
    })
  })

  describe('the news sitemap', () => {
    it('lists the last two days\' stories of every edition with publication name, language, date and title', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const res = await t.app.inject('/news-sitemap.xml')
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8')
      const urlset = childElements(xmlTree(res.body), 'urlset')[0]!
      const news = childElements(urlset, 'url').map((u) => {
        const n = childElements(u, 'news:news')[0]
        const publication = childElements(n, 'news:publication')[0]
        return {
          loc: textOf(childElements(u, 'loc')[0]),
          name: textOf(childElements(publication, 'news:name')[0]),
          language: textOf(childElements(publication, 'news:language')[0]),
          date: textOf(childElements(n, 'news:publication_date')[0]),
          title: textOf(childElements(n, 'news:title')[0])
        }
      })
      assert.deepEqual(news, [
        { loc: `https://news.example${URLS.talks}`, name: 'Lede Daily', language: 'en', date: '2022-02-03T15:00:00+04:00', title: 'Talks resume in Geneva' },
        { loc: `https://news.example${URLS.ru}`, name: 'Lede Daily', language: 'ru', date: '2022-02-03T13:40:00+04:00', title: 'Госдеп ожидает ответа' },
        { loc: `https://news.example${URLS.model}`, name: 'Lede Daily', language: 'en', date: '2022-02-03T13:33:00+04:00', title: 'US Department of State expects Russian response' },
        { loc: `https://news.example${URLS.quiet}`, name: 'Lede Daily', language: 'en', date: '2022-02-03T00:00:00+04:00', title: 'Quiet morning in the valley' }
      ])
      const ru = (await t.app.inject('/ru/news-sitemap.xml')).body
      assert.equal((ru.match(/<url>/g) ?? []).length, 1)
      // A day later, what was published before 10:00 UTC on 3 February has aged out, and the story
      // scheduled for 12:00 UTC on 4 February has come in by itself.
      t.clock.set('2022-02-05T10:00:00.000Z')
      const later = (await t.app.inject('/news-sitemap.xml')).body
      assert.deepEqual([...later.matchAll(/<news:title>([^<]*)</g)].map((m) => m[1]), ['Future story', 'Talks resume in Geneva'])
      t.clock.set('2022-02-10T00:00:00.000Z')
      const empty = (await t.app.inject('/news-sitemap.xml')).body
      assert.doesNotMatch(empty, /<url>/)
      assert.match(empty, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:news=/)
    })

    it('holds at most 1,000 stories, the newest, and nothing older than two days', { timeout: 120_000 }, async (tc) => {
      const now = '2022-03-10T12:00:00.000Z'
      const t = await build(tc, dialect, { clock: now, settings: { siteUrl: 'https://news.example', siteName: 'Lede Daily' } })
      const start = Date.parse(now)
      const rows: Insertable<ArticlesTable>[] = []
      // 1,001 stories a minute apart (the last two days), and one from just over two days ago.
      for (let i = 0; i < 1001; i++) {
        const at = new Date(start - i * 60_000).toISOString()
        rows.push({ edition: 'en', slug: `story-${i}`, headline: `Story ${i}`, lead: '', body_source: '', body_html: '', status: 'published', published_at: at, created_at: at, updated_at: at })
      }
      const old = new Date(start - 2 * 86_400_000 - 60_000).toISOString()
      rows.push({ edition: 'en', slug: 'old-story', headline: 'Old story', lead: '', body_source: '', body_html: '', status: 'published', published_at: old, created_at: old, updated_at: old })
      for (let i = 0; i < rows.length; i += 250) await t.deps.db.insertInto('articles').values(rows.slice(i, i + 250)).execute()

      const body = (await t.app.inject('/news-sitemap.xml')).body
      const titles = [...body.matchAll(/<news:title>([^<]*)<\/news:title>/g)].map((m) => m[1])
      assert.equal(titles.length, 1000)
      assert.equal(titles[0], 'Story 0')
      assert.equal(titles.at(-1), 'Story 999')
      assert.ok(!titles.includes('Old story'))
      if (!SKIP_XMLLINT) assertValid(body, XSD.news, 'a full news sitemap')
    })

    it('keeps a hostile headline as text', async (tc) => {
      const t = await build(tc, dialect, { clock: '2022-02-04T10:00:00.000Z', settings: { siteUrl: 'https://news.example' } })
      await createArticle(t.deps, { edition: 'en', headline: '</news:title><script>alert(1)</script> & ]]>', lead: '', bodySource: 'x', status: 'published', publishedAt: '2022-02-04T09:00:00.000Z', slug: 'hostile' })
      const body = (await t.app.inject('/news-sitemap.xml')).body
      assert.match(body, /<news:title>&lt;\/news:title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; ]]&gt;<\/news:title>/)
      if (!SKIP_XMLLINT) assertValid(body, XSD.news, 'hostile news sitemap')
    })
  })

  describe('robots.txt', () => {
    it('names both sitemaps and keeps the newsroom out', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const res = await t.app.inject('/robots.txt')
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
      assert.equal(res.body, 'User-agent: *\nDisallow: /admin/\n\nSitemap: https://news.example/sitemap.xml\nSitemap: https://news.example/news-sitemap.xml\n')
      assert.equal((await t.app.inject('/ru/robots.txt')).statusCode, 404)
    })
  })
})
