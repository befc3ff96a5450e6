import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, buildTestApp, forEachDialect, type TestApp } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'

const MODEL_URL = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'

forEachDialect((dialect) => {
  describe('the article page', () => {
    let t: TestApp
    let html: string
    before(async () => {
      t = await buildTestApp(dialect, { demo: true })
      const res = await t.app.inject(MODEL_URL)
      assert.equal(res.statusCode, 200)
      html = res.body
    })
    after(() => t.close())

    it('shows the headline as the only h1 and the dateline as the model page writes it, in the site time zone', () => {
      assert.match(html, /<h1>US Department of State expects Russian response to clarify Moscow’s position<\/h1>/)
      assert.equal(html.match(/<h1[ >]/g)?.length, 1)
      assert.match(html, /<time datetime="2022-02-03T13:33:00\+04:00">February 03, 2022 13:33<\/time>/)
    })

    it('shows the lead in bold', () => {
      assert.match(html, /<p class="lead"><strong>The further diplomatic engagement will be done in the closest coordination with partners and allies, “we hope it is done in good faith by the Russian Federation,” State Spokesperson Ned Price noted<\/strong><\/p>/)
    })

    it('opens the body with the agency credit once, and keeps the text verbatim', () => {
      assert.match(html, /<div class="article-body"><p><span class="agency-credit">\/TASS\/\.<\/span> The US administration expects/)
      assert.equal(html.match(/\/TASS\//g)?.length, 1)
      assert.match(html, /preparing a written response &lt;…&gt; that will be reviewed/)
      assert.match(html, /call with \[Russian\] Foreign Minister Lavrov/)
      assert.match(html, /but outlined areas for further talks\.<\/p><\/div>/)
      assert.equal(html.match(/<div class="article-body">(.*?)<\/div>/s)?.[1]?.match(/<p>/g)?.length, 4)
    })

    it('shows section, tags, the reprint notice and the canonical URL', () => {
      assert.match(html, /<span class="label">Section:<\/span> <a href="\/section\/politics\/">Politics<\/a>/)
      assert.match(html, /<a class="tag" rel="tag" href="\/tag\/diplomacy\/">Diplomacy<\/a>, <a class="tag" rel="tag" href="\/tag\/russia\/">Russia<\/a>, <a class="tag" rel="tag" href="\/tag\/usa\/">USA<\/a>/)
      assert.match(html, /<p class="reprint-notice">Media can quote materials of Lede Demo with hyperlink to the certain material quoted\. The hyperlink should be placed on the first passage of the text\.<\/p>/)
      const canonical = `http://localhost:3000${MODEL_URL}`
      assert.ok(html.includes(`<link rel="canonical" href="${canonical}"/>`))
      assert.ok(html.includes(`<a href="${canonical}">${canonical}</a>`))
    })

    it('has a title, a description from the lead, and the page language', () => {
      assert.match(html, /<html lang="en" dir="ltr">/)
      assert.match(html, /<title>US Department of State expects Russian response to clarify Moscow’s position — Lede Demo<\/title>/)
      assert.match(html, /<meta name="description" content="The further diplomatic engagement/)
    })

    it('shows "Comments (0)" and the Leave a Reply form with every field', () => {
      assert.match(html, /<h2 id="comments-title">Comments \(0\)<\/h2>/)
      // Issue 3: the title names the comment replied to when there is one, so its text sits in a span.
      assert.match(html, /<h3 id="reply-title" class="comment-reply-title"><span id="reply-title-text" data-default-title="Leave a Reply">Leave a Reply<\/span>/)
      assert.match(html, /<form action="\/comments" method="post"/)
      for (const field of ['author', 'email', 'url']) assert.match(html, new RegExp(`<input id="${field}" name="${field}"`))
      assert.match(html, /<textarea id="comment" name="comment"/)
      assert.match(html, /Your email address will not be published\./)
      assert.match(html, /<button type="submit" class="submit">Post Comment<\/button>/)
      assert.match(html, /<input type="hidden" name="article_id" value="\d+"\/>/)
    })

    it('carries no per-visitor token and is cacheable', async () => {
      const res = await t.app.inject(MODEL_URL)
      assert.match(res.headers['cache-control'] as string, /^public/)
      assert.equal(res.headers['set-cookie'], undefined)
      const again = await t.app.inject({ url: MODEL_URL, headers: { 'user-agent': 'another reader', cookie: 'x=1' } })
      assert.equal(again.body, res.body)
    })

    it('shows a "Newsfeed" strip of the latest stories', () => {
      assert.match(html, /<aside class="newsfeed-strip" aria-labelledby="strip-title"><h2 id="strip-title">Newsfeed<\/h2>/)
      const strip = html.slice(html.indexOf('newsfeed-strip'), html.indexOf('</aside>'))
      assert.equal(strip.match(/<li class="story/g)?.length, 10)
    })

    it('redirects a right slug under a wrong date to the right URL with 301', async () => {
      const res = await t.app.inject('/2022/02/04/us-department-of-state-expects-russian-response-to-clarify-moscows-position/')
      assert.equal(res.statusCode, 301)
      assert.equal(res.headers.location, MODEL_URL)
      const nonsense = await t.app.inject('/2022/99/99/us-department-of-state-expects-russian-response-to-clarify-moscows-position/')
      assert.equal(nonsense.statusCode, 301)
    })

    it('answers an unknown slug with 404 in the site style', async () => {
      const res = await t.app.inject('/2022/02/03/no-such-story/')
      assert.equal(res.statusCode, 404)
      assert.match(res.body, /<a class="site-name" href="\/">Lede Demo<\/a>/)
      assert.match(res.body, /This article does not exist or is not published\./)
    })

    it('shows approved comments with name, website link, date and text', async () => {
      const res = await t.app.inject('/')
      const withComments = /<a href="(\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\/)">[^<]*<\/a> <span class="comment-count">/.exec(res.body)
      assert.ok(withComments, 'the front page lists a story with comments')
      const page = await t.app.inject(withComments[1]!)
      // Issue 3: threads give each comment its depth and an id on its body, where "Reply" moves the form.
      assert.match(page.body, /<li class="comment depth-1" id="comment-\d+"><article class="comment-body" id="div-comment-\d+"><footer class="comment-meta"><b class="comment-author">/)
      assert.match(page.body, /<h2 id="comments-title">Comments \([1-9]\d*\)<\/h2>/)
      assert.doesNotMatch(page.body, /@example\.org/, 'emails are never shown')
    })
  })

  describe('what readers may not see', () => {
    it('hides drafts and future stories on every page until their time comes, with no job to run', async (tc) => {
      const t = await build(tc, { name: dialect.name }, { clock: '2026-11-26T10:00:00.000Z', settings: { timeZone: 'Asia/Yerevan' } })
      await createArticle(t.deps, { edition: 'en', headline: 'Visible story', lead: '', bodySource: 'x', status: 'published', publishedAt: '2026-11-26T09:00:00.000Z' })
      await createArticle(t.deps, { edition: 'en', headline: 'A draft', lead: '', bodySource: 'x', status: 'draft', publishedAt: '2026-11-26T08:00:00.000Z', slug: 'a-draft' })
      await createArticle(t.deps, { edition: 'en', headline: 'Scheduled story', lead: '', bodySource: 'x', status: 'scheduled', publishedAt: '2026-11-26T11:00:00.000Z' })
      await createArticle(t.deps, { edition: 'en', headline: 'Trashed story', lead: '', bodySource: 'x', status: 'trashed', publishedAt: '2026-11-26T07:00:00.000Z' })

      for (const url of ['/', '/newsfeed/', '/newsfeed/2026-11-26/', '/2026/11/26/visible-story/']) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 200, url)
        assert.doesNotMatch(res.body, /A draft|Scheduled story|Trashed story/, url)
      }
      for (const url of ['/2026/11/26/a-draft/', '/2026/11/26/scheduled-story/', '/2026/11/26/trashed-story/']) {
        assert.equal((await t.app.inject(url)).statusCode, 404, url)
      }

      t.clock.set('2026-11-26T10:59:59.999Z')
      assert.equal((await t.app.inject('/2026/11/26/scheduled-story/')).statusCode, 404)
      t.clock.set('2026-11-26T11:00:00.000Z')
      assert.equal((await t.app.inject('/2026/11/26/scheduled-story/')).statusCode, 200)
      assert.match((await t.app.inject('/')).body, /Scheduled story/)
      assert.match((await t.app.inject('/newsfeed/')).body, /Scheduled story/)
    })
  })

  describe('unknown URLs and errors', () => {
    let t: TestApp
    before(async () => { t = await buildTestApp(dialect, { demo: true }) })
    after(() => t.close())

    it('answers unknown URLs with a 404 page in the site style', async () => {
      for (const url of ['/no/such/page/', '/wp-admin/', '/2022/02/03/', '/section/', '/assets/missing.css']) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 404, url)
        assert.match(res.body, /<h1>Page not found<\/h1>/, url)
        assert.match(res.body, /<link rel="stylesheet" href="\/assets\/site.css"\/>/)
      }
    })

    it('serves the stylesheet', async () => {
      const res = await t.app.inject('/assets/site.css')
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] as string, /^text\/css/)
    })

    it('sets security headers on pages', async () => {
      const res = await t.app.inject('/')
      assert.equal(res.headers['x-content-type-options'], 'nosniff')
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin')
      assert.match(res.headers['content-security-policy'] as string, /script-src 'self'/)
      assert.doesNotMatch(res.headers['content-security-policy'] as string, /unsafe-inline/)
    })

    it('never redirects to another host from a doubled slash', async () => {
      const res = await t.app.inject('//evil.example')
      assert.notEqual(res.statusCode, 301)
      assert.equal(res.headers.location, undefined)
    })

    it('answers health checks', async () => {
      assert.equal((await t.app.inject('/healthz')).statusCode, 200)
      const ready = await t.app.inject('/readyz')
      assert.equal(ready.statusCode, 200)
      assert.deepEqual(ready.json(), { status: 'ready' })
    })
  })
})
