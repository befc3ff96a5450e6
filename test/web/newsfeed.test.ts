import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, build, forEachDialect, type TestApp } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'
import { saveSettings } from '../../src/db/repositories/settings.repository.js'

forEachDialect((dialect) => {
  describe('the front-page newsfeed', () => {
    let t: TestApp
    before(async () => { t = await buildTestApp(dialect, { demo: true }) })
    after(() => t.close())

    it('lists the latest stories under day headings with time, link, breaking mark and comment count', async () => {
      const res = await t.app.inject('/')
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/)
      const html = res.body
      assert.match(html, /^<!doctype html><html lang="en" dir="ltr">/)
      assert.match(html, /<title>Lede Demo<\/title>/)
      assert.match(html, /<meta name="description" content="The latest news from Lede Demo, newest first."/)
      assert.match(html, /<link rel="canonical" href="http:\/\/localhost:3000\/"/)
      assert.match(html, /<h2 class="day-heading"><a href="\/newsfeed\/2026-11-26\/">November 26, 2026<\/a><\/h2>/)
      assert.match(html, /<time datetime="2026-11-26T\d\d:\d\d:00\+04:00">\d\d:\d\d<\/time>/)
      assert.match(html, /<strong class="breaking-mark">Breaking<\/strong>/)
      assert.match(html, /<span class="comment-count">\d+ comments?<\/span>/)
      assert.match(html, /<a href="\/2026\/11\/\d\d\/[a-z0-9-]+\/">/)
    })

    it('is cacheable by anyone and answers 304 to a matching If-None-Match', async () => {
      const res = await t.app.inject('/')
      assert.match(res.headers['cache-control'] as string, /^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/)
      const etag = res.headers.etag as string
      assert.ok(etag && !etag.startsWith('W/'), 'a strong ETag')
      const again = await t.app.inject({ url: '/', headers: { 'if-none-match': etag } })
      assert.equal(again.statusCode, 304)
      assert.equal(again.body, '')
    })

    it('refuses a tampered "Older news" cursor with 400, not 500', async () => {
      for (const cursor of ['abc', '1-', '-1', '99999999999999999999-1', '1643880780000-1-2']) {
        const res = await t.app.inject(`/?before=${encodeURIComponent(cursor)}`)
        assert.equal(res.statusCode, 400, cursor)
        assert.match(res.body, /That page link is not valid/)
      }
      const repeated = await t.app.inject('/?before=1&before=2')
      assert.equal(repeated.statusCode, 400)
    })
  })

  describe('"Older news" pagination', () => {
    it('walks every live story exactly once, newest first, with keyset cursors', async (tc) => {
      const t = await build(tc, dialect, { demo: true, settings: { newsfeedPageSize: 7 } })
      const seen: string[] = []
      let url: string | null = '/'
      let pages = 0
      while (url) {
        const res: { statusCode: number, body: string } = await t.app.inject(url)
        assert.equal(res.statusCode, 200)
        for (const m of res.body.matchAll(/<li class="story[^"]*"[^>]*><time datetime="([^"]+)">/g)) seen.push(m[1]!)
        const next = /<a rel="next" href="([^"]+)">Older news/.exec(res.body)
        url = next ? next[1]!.replaceAll('&amp;', '&') : null
        pages++
        if (pages > 1) assert.match(res.body, /<meta name="robots" content="noindex, follow"/)
        assert.ok(pages < 50)
      }
      // The root is the English edition; the demo's Russian and Armenian stories have their own newsfeeds.
      const total = Number((await t.deps.db.selectFrom('articles').where('edition', '=', 'en').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      assert.equal(seen.length, total)
      const sorted = [...seen].sort((a, b) => Date.parse(b) - Date.parse(a))
      assert.deepEqual(seen, sorted)
      assert.ok(pages >= 5)
    })

    it('keeps stories published in the same second apart by id', async (tc) => {
      const t = await build(tc, dialect, { settings: { newsfeedPageSize: 2 } })
      for (let i = 1; i <= 5; i++) {
        await createArticle(t.deps, { edition: 'en', headline: `Same second ${i}`, lead: '', bodySource: 'x', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z' })
      }
      const headlines: string[] = []
      let url: string | null = '/'
      while (url) {
        const res: { body: string } = await t.app.inject(url)
        for (const m of res.body.matchAll(/>(Same second \d)</g)) headlines.push(m[1]!)
        const next = /<a rel="next" href="([^"]+)">/.exec(res.body)
        url = next ? next[1]! : null
      }
      assert.deepEqual(headlines, ['Same second 5', 'Same second 4', 'Same second 3', 'Same second 2', 'Same second 1'])
    })

    it('says so when nothing is published yet', async (tc) => {
      const t = await build(tc, dialect)
      const res = await t.app.inject('/')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /No news has been published yet\./)
    })
  })

  describe('the day newsfeed', () => {
    let t: TestApp
    before(async () => { t = await buildTestApp(dialect, { demo: true }) })
    after(() => t.close())

    it('shows every story of the day newest first, with links to the previous and next day with news', async () => {
      const res = await t.app.inject('/newsfeed/2022-02-03/')
      assert.equal(res.statusCode, 200)
      const times = [...res.body.matchAll(/<li class="story[^"]*"[^>]*><time datetime="[^"]+">(\d\d:\d\d)<\/time>/g)].map((m) => m[1])
      assert.deepEqual(times, ['16:20', '13:33', '09:45'])
      assert.match(res.body, /US Department of State expects Russian response to clarify Moscow’s position/)
      assert.match(res.body, /<a rel="prev" class="prev" href="\/newsfeed\/2022-02-02\/">← Previous day with news: February 02, 2022<\/a>/)
      assert.match(res.body, /<a rel="next" class="next" href="\/newsfeed\/2022-02-04\/">Next day with news: February 04, 2022 →<\/a>/)
      assert.match(res.body, /<title>Day newsfeed: February 03, 2022 — Lede Demo<\/title>/)
      assert.match(res.body, /<link rel="canonical" href="http:\/\/localhost:3000\/newsfeed\/2022-02-03\/"/)
    })

    it('cuts days in the site time zone: 21:30 UTC on 2 February is on the 3 February page in Yerevan', async () => {
      await createArticle(t.deps, { edition: 'en', headline: 'Late evening in London', lead: '', bodySource: 'x', status: 'published', publishedAt: '2022-02-02T21:30:00.000Z' })
      const third = await t.app.inject('/newsfeed/2022-02-03/')
      assert.match(third.body, /<time datetime="2022-02-03T01:30:00\+04:00">01:30<\/time> <a href="\/2022\/02\/03\/late-evening-in-london\/">/)
      const second = await t.app.inject('/newsfeed/2022-02-02/')
      assert.doesNotMatch(second.body, /Late evening in London/)
    })

    it('links the next day with news across a gap of empty days', async () => {
      const res = await t.app.inject('/newsfeed/2022-02-04/')
      assert.match(res.body, /<a rel="prev" class="prev" href="\/newsfeed\/2022-02-03\/">/)
      assert.match(res.body, /<a rel="next" class="next" href="\/newsfeed\/2026-11-\d\d\/">/)
    })

    it('shows an empty day with links to its neighbours', async () => {
      const res = await t.app.inject('/newsfeed/2023-06-01/')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /href="\/newsfeed\/2022-02-04\/"/)
    })

    it('answers an impossible or malformed date with a readable 404', async () => {
      for (const path of ['/newsfeed/2022-02-30/', '/newsfeed/abc/', '/newsfeed/2022-13-01/', '/newsfeed/2021-02-29/']) {
        const res = await t.app.inject(path)
        assert.equal(res.statusCode, 404, path)
        assert.match(res.body, /<h1>Page not found<\/h1>/, path)
      }
      const res = await t.app.inject('/newsfeed/2022-02-30/')
      assert.match(res.body, /There is no such date/)
      // A broken percent-encoding is a bad request rather than a missing page, but still a readable one.
      const broken = await t.app.inject('/newsfeed/%E0%A4%A/')
      assert.equal(broken.statusCode, 400)
      assert.match(broken.body, /<h1>Bad request<\/h1>/)
    })

    it('redirects the form without a trailing slash', async () => {
      const res = await t.app.inject('/newsfeed/2022-02-03')
      assert.equal(res.statusCode, 301)
      assert.equal(res.headers.location, '/newsfeed/2022-02-03/')
      const plain = await t.app.inject('/newsfeed')
      assert.equal(plain.headers.location, '/newsfeed/')
    })

    it('shows today at /newsfeed/', async () => {
      const res = await t.app.inject('/newsfeed/')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<h1>Day newsfeed: <time datetime="2026-11-26">November 26, 2026<\/time><\/h1>/)
      assert.match(res.body, /<li class="story/)
    })
  })

  describe('/newsfeed/ on a day without news', () => {
    it('says there is no news yet today and links to the latest day', async (tc) => {
      const t = await build(tc, dialect, { demo: true })
      t.clock.set('2026-12-30T08:00:00.000Z')
      const res = await t.app.inject('/newsfeed/')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /There is no news yet today\./)
      assert.match(res.body, /<a href="\/newsfeed\/2026-11-26\/">Latest news: November 26, 2026<\/a>/)
    })

    it('says nothing is published at all on an empty site', async (tc) => {
      const t = await build(tc, dialect)
      await saveSettings(t.deps.db, { timeZone: 'Asia/Yerevan' })
      const res = await t.app.inject('/newsfeed/')
      assert.match(res.body, /No news has been published yet\./)
    })
  })
})
