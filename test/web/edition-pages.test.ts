import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../helper.js'

const MODEL_URL = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'

/** The demo's three editions, with words their pages must show. */
const EDITIONS = [
  { edition: 'en', prefix: '', newsfeed: 'Newsfeed', dayNewsfeed: 'Day newsfeed', heading: 'February 03, 2022', notFound: 'Page not found', leaveReply: 'Leave a Reply' },
  { edition: 'ru', prefix: '/ru', newsfeed: 'Лента новостей', dayNewsfeed: 'Новости дня', heading: 'четверг, 3 февраля 2022 г.', notFound: 'Страница не найдена', leaveReply: 'Оставить комментарий' },
  { edition: 'hy', prefix: '/hy', newsfeed: 'Լրահոս', dayNewsfeed: 'Օրվա լրահոս', heading: '2022 թ. փետրվարի 3, հինգշաբթի', notFound: 'Էջը չի գտնվել', leaveReply: 'Թողնել մեկնաբանություն' }
] as const

/** rel="alternate" hreflang links of a page, as [hreflang, href] sorted. */
function hreflangs(html: string): string[][] {
  return [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]).sort()
}

forEachDialect((dialect) => {
  describe('the demo’s three editions', () => {
    let t: TestApp
    const modelUrls: Record<string, string> = {}
    before(async () => {
      t = await buildTestApp(dialect, { demo: true })
      const rows = await t.deps.db.selectFrom('articles').select(['edition', 'slug']).where('translation_group', '=', 'demo-model-article').execute()
      for (const row of rows) modelUrls[row.edition] = `${row.edition === 'en' ? '' : `/${row.edition}`}/2022/02/03/${row.slug}/`
    })
    after(() => t.close())

    it('links the English model article, at the same URL as before, to a Russian and an Armenian version', () => {
      assert.equal(modelUrls.en, MODEL_URL)
      assert.match(modelUrls.ru!, /^\/ru\/2022\/02\/03\/gosdepartament-ssha-ozhidaet/)
      assert.match(modelUrls.hy!, /^\/hy\/2022\/02\/03\/[a-z0-9-]+\/$/)
    })

    for (const e of EDITIONS) {
      it(`serves the ${e.edition} front page, newsfeed and day newsfeed in ${e.edition}`, async () => {
        for (const url of [`${e.prefix}/`, `${e.prefix}/newsfeed/`, `${e.prefix}/newsfeed/2022-02-03/`]) {
          const res = await t.app.inject(url)
          assert.equal(res.statusCode, 200, url)
          assert.match(res.body, new RegExp(`<html lang="${e.edition}" dir="ltr">`), url)
          assert.ok(res.body.includes(`>${e.newsfeed}</a>`), `${url}: ${e.newsfeed}`)
          assert.ok(res.body.includes(`>${e.dayNewsfeed}</a>`), `${url}: ${e.dayNewsfeed}`)
        }
        const day = (await t.app.inject(`${e.prefix}/newsfeed/2022-02-03/`)).body
        assert.ok(day.includes(`<time datetime="2022-02-03">${e.heading}</time>`), `${e.edition} day heading`)
        // The model article and its two same-day neighbours appear in every edition's day newsfeed.
        assert.equal(day.match(/<li class="story/g)?.length, 3)
        assert.ok(day.includes(`href="${modelUrls[e.edition]}"`))
      })

      it(`shows the ${e.edition} model article with its own dateline, credit, reprint notice and form`, async () => {
        const res = await t.app.inject(modelUrls[e.edition]!)
        assert.equal(res.statusCode, 200)
        assert.match(res.body, new RegExp(`<html lang="${e.edition}" dir="ltr">`))
        assert.ok(res.body.includes(e.leaveReply))
        const credit = { en: '/TASS/.', ru: '/ТАСС/.', hy: '/ՏԱՍՍ/.' }[e.edition]
        assert.ok(res.body.includes(`<div class="article-body"><p><span class="agency-credit">${credit}</span>`), credit)
        assert.equal(res.body.split(credit.slice(0, -1)).length - 1, 1, 'the credit appears once')
      })

      it(`answers a missing page under ${e.prefix || '/'} with a 404 in ${e.edition}`, async () => {
        // Names Object.prototype has ("/constructor/" was a 500, found by the fuzz test) are missing pages too.
        for (const url of [`${e.prefix}/no-such-page/`, `${e.prefix}/2022/02/03/no-such-story/`, `${e.prefix}/section/no-such-section/`, `${e.prefix}/constructor/`, `${e.prefix}/__proto__/`, `${e.prefix}/hasOwnProperty/`]) {
          const res = await t.app.inject(url)
          assert.equal(res.statusCode, 404, url)
          assert.match(res.body, new RegExp(`<html lang="${e.edition}"`), url)
          assert.ok(res.body.includes(`<h1>${e.notFound}</h1>`), url)
        }
      })

      it(`gives the ${e.edition} edition its own sections, tags and feeds`, async () => {
        const section = await t.app.inject(`${e.prefix}/section/politics/`)
        assert.equal(section.statusCode, 200)
        assert.ok(section.body.includes({ en: 'Politics', ru: 'Политика', hy: 'Քաղաքականություն' }[e.edition]))
        assert.ok(section.body.includes(`href="${modelUrls[e.edition]}"`))
        for (const url of [`${e.prefix}/feed/`, `${e.prefix}/sitemap.xml`]) assert.equal((await t.app.inject(url)).statusCode, 200, url)
      })
    }

    it('writes dates, month names and plural forms in each language', async () => {
      const ru = (await t.app.inject(modelUrls.ru!)).body
      assert.match(ru, /<time datetime="2022-02-03T13:33:00\+04:00">3 февраля 2022 г\. 13:33<\/time>/)
      assert.match(ru, /<h2 id="comments-title">0 комментариев<\/h2>/)
      const hy = (await t.app.inject(modelUrls.hy!)).body
      assert.match(hy, /<time datetime="2022-02-03T13:33:00\+04:00">3 փետրվարի, 2022 թ\. 13:33<\/time>/)
      assert.match(hy, /<h2 id="comments-title">Մեկնաբանություններ \(0\)<\/h2>/)
    })

    it('prints each edition’s own reprint notice', async () => {
      assert.match((await t.app.inject(modelUrls.ru!)).body, /<p class="reprint-notice">При цитировании материалов Lede Demo гиперссылка/)
      assert.match((await t.app.inject(modelUrls.hy!)).body, /<p class="reprint-notice">Lede Demo-ի նյութերը մեջբերելիս/)
      assert.match((await t.app.inject(MODEL_URL)).body, /<p class="reprint-notice">Media can quote materials of Lede Demo/)
    })

    it('keeps the default edition at the root only', async () => {
      assert.equal((await t.app.inject('/en/')).statusCode, 404)
      assert.equal((await t.app.inject(`/en${MODEL_URL}`)).statusCode, 404)
      assert.equal((await t.app.inject('/de/')).statusCode, 404)
      assert.equal((await t.app.inject(modelUrls.ru!.replace('/ru/', '/'))).statusCode, 404)
    })
  })

  describe('translations: language switcher and hreflang', () => {
    let t: TestApp
    const pages: Record<string, string> = {}
    const urls: Record<string, string> = {}
    before(async () => {
      t = await buildTestApp(dialect, { demo: true })
      const rows = await t.deps.db.selectFrom('articles').select(['edition', 'slug']).where('translation_group', '=', 'demo-model-article').execute()
      for (const row of rows) {
        urls[row.edition] = `${row.edition === 'en' ? '' : `/${row.edition}`}/2022/02/03/${row.slug}/`
        pages[row.edition] = (await t.app.inject(urls[row.edition]!)).body
      }
    })
    after(() => t.close())

    it('lists the same story in the other languages, each named in its own language', () => {
      assert.match(pages.en!, new RegExp(`<a href="${urls.ru}" lang="ru" hreflang="ru" dir="ltr">Русский</a>`))
      assert.match(pages.en!, new RegExp(`<a href="${urls.hy}" lang="hy" hreflang="hy" dir="ltr">Հայերեն</a>`))
      assert.match(pages.en!, /<span lang="en" aria-current="page">English<\/span>/)
      assert.match(pages.ru!, new RegExp(`<a href="${MODEL_URL}" lang="en" hreflang="en" dir="ltr">English</a>`))
      assert.match(pages.hy!, new RegExp(`<a href="${urls.ru}" lang="ru" hreflang="ru" dir="ltr">Русский</a>`))
    })

    it('has reciprocal hreflang alternates with x-default on every version', () => {
      const site = 'http://localhost:3000'
      const expected = [['en', site + urls.en], ['hy', site + urls.hy], ['ru', site + urls.ru], ['x-default', site + urls.en]]
      for (const edition of ['en', 'ru', 'hy']) {
        assert.deepEqual(hreflangs(pages[edition]!), expected, edition)
        // Each version names itself among the alternates, and that URL is its canonical.
        assert.ok(pages[edition]!.includes(`<link rel="canonical" href="${site}${urls[edition]}"/>`))
      }
    })

    it('sends a story without a translation to the other editions’ front pages, with no hreflang', async () => {
      const untranslated = await t.deps.db.selectFrom('articles').select(['slug', 'translation_group'])
        .where('headline', '=', 'Port Alden Mariners snatch late win in rain-soaked harbour derby').executeTakeFirstOrThrow()
      assert.equal(untranslated.translation_group, null)
      const listing = (await t.app.inject('/')).body
      const link = [...listing.matchAll(/<a href="(\/\d{4}\/\d{2}\/\d{2}\/[^"]+\/)">/g)].map((m) => m[1]!).find((href) => href.includes(`/${untranslated.slug}/`))
      assert.ok(link, 'the untranslated story is on the front page')
      const page = (await t.app.inject(link)).body
      assert.match(page, /<a href="\/ru\/" lang="ru" hreflang="ru" dir="ltr" title="Not translated: front page of the Russian edition">Русский<\/a>/)
      assert.match(page, /<a href="\/hy\/" lang="hy" hreflang="hy" dir="ltr" title="Not translated: front page of the Armenian edition">Հայերեն<\/a>/)
      assert.deepEqual(hreflangs(page), [])
    })

    it('lists the same reciprocal alternates for each version in the sitemaps', async () => {
      const site = 'http://localhost:3000'
      const expected = [['en', site + urls.en], ['hy', site + urls.hy], ['ru', site + urls.ru], ['x-default', site + urls.en]]
      for (const edition of ['en', 'ru', 'hy']) {
        const xml = (await t.app.inject(`${edition === 'en' ? '' : `/${edition}`}/sitemap-articles-2022-02.xml`)).body
        assert.match(xml, /xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml"/)
        const entry = [...xml.matchAll(/<url>(.*?)<\/url>/gs)].map((m) => m[1]!).find((u) => u.includes(`<loc>${site}${urls[edition]}</loc>`))
        assert.ok(entry, `${edition}: the model article is listed`)
        const links = [...entry.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]).sort()
        assert.deepEqual(links, expected, edition)
      }
    })

    it('links the front pages of all editions to one another', async () => {
      const site = 'http://localhost:3000'
      const expected = [['en', `${site}/`], ['hy', `${site}/hy/`], ['ru', `${site}/ru/`], ['x-default', `${site}/`]]
      for (const url of ['/', '/ru/', '/hy/']) assert.deepEqual(hreflangs((await t.app.inject(url)).body), expected, url)
    })

    it('names the other languages in the page’s language where it explains itself', async () => {
      const untranslatedRu = await t.deps.db.selectFrom('articles').select(['slug']).where('edition', '=', 'ru').where('translation_group', '=', 'demo-model-day-0').executeTakeFirstOrThrow()
      const page = (await t.app.inject(`/ru/2022/02/02/${untranslatedRu.slug}/`)).body
      assert.match(page, /<html lang="ru"/)
      // That neighbour has translations in every edition, so every link is a real translation.
      assert.doesNotMatch(page, /title="Перевода нет/)
    })
  })
})
