import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, form, FORM_HEADERS, type TestApp } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'

const VALID = { author: 'Ani Reader', email: 'ani@example.org', url: 'https://example.org/ani', comment: 'A first thought.\n\nAnd a second paragraph.' }

forEachDialect((dialect) => {
  describe('Leave a Reply', () => {
    let t: TestApp
    let articleId: number
    let closedId: number
    const ARTICLE_URL = '/2026/11/25/open-for-comments/'
    const comments = () => t.deps.db.selectFrom('comments').selectAll().orderBy('id').execute()

    before(async () => {
      t = await buildTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan', siteName: 'Lede Demo' } })
      articleId = (await createArticle(t.deps, { edition: 'en', headline: 'Open for comments', lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z' })).id
      closedId = (await createArticle(t.deps, { edition: 'en', headline: 'Closed for comments', lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: '2026-11-25T09:00:00.000Z', commentsOpen: false })).id
    })
    after(() => t.close())

    // Each post comes from its own address, so flood control (one comment per IP every 15 s) stays out of these tests.
    let lastIp = 0
    const post = (fields: Record<string, string | string[]>, headers: Record<string, string> = FORM_HEADERS) =>
      t.app.inject({ method: 'POST', url: '/comments', headers, payload: form(fields), remoteAddress: `192.0.2.${++lastIp}` })

    it('stores a valid comment as pending and answers 303 back to the article with a notice flag', async () => {
      const before = (await comments()).length
      const res = await post({ ...VALID, article_id: String(articleId) })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, `${ARTICLE_URL}?comment=pending#comments`)
      assert.match(res.headers['cache-control'] as string, /no-store/)
      const rows = await comments()
      assert.equal(rows.length, before + 1)
      const saved = rows.at(-1)!
      assert.equal(saved.status, 'pending')
      assert.equal(saved.author_name, 'Ani Reader')
      assert.equal(saved.author_email, 'ani@example.org')
      assert.equal(saved.author_url, 'https://example.org/ani')
      assert.equal(saved.body, 'A first thought.\n\nAnd a second paragraph.')
      assert.equal(saved.article_id, articleId)
    })

    it('shows the awaiting-moderation notice on the flagged URL only, and never the pending comment', async () => {
      const flagged = await t.app.inject(`${ARTICLE_URL}?comment=pending`)
      assert.equal(flagged.statusCode, 200)
      assert.match(flagged.body, /Your comment is awaiting moderation/)
      assert.doesNotMatch(flagged.body, /A first thought/)
      const plain = await t.app.inject(ARTICLE_URL)
      assert.doesNotMatch(plain.body, /awaiting moderation/)
      assert.match(plain.body, /Comments \(0\)/)
      assert.match(plain.headers['cache-control'] as string, /^public/)
    })

    it('shows a comment once approved, and counts only approved comments', async () => {
      await t.deps.db.updateTable('comments').set({ status: 'approved' }).where('article_id', '=', articleId).execute()
      const page = await t.app.inject(ARTICLE_URL)
      assert.match(page.body, /Comments \(1\)/)
      assert.match(page.body, /<a href="https:\/\/example.org\/ani" rel="external nofollow ugc noopener">Ani Reader<\/a>/)
      assert.match(page.body, /<div class="comment-content"><p>A first thought\.<\/p><p>And a second paragraph\.<\/p><\/div>/)
      assert.doesNotMatch(page.body, /ani@example\.org/)
      const front = await t.app.inject('/')
      assert.match(front.body, /<span class="comment-count">1 comment<\/span>/)
    })

    it('re-renders the form with 400, a message next to each wrong field, and what was typed', async () => {
      const before = (await comments()).length
      const res = await post({ article_id: String(articleId), author: '', email: 'not-an-email', url: 'javascript:alert(1)', comment: '' })
      assert.equal(res.statusCode, 400)
      assert.match(res.headers['cache-control'] as string, /no-store/)
      assert.match(res.body, /Your comment was not posted/)
      assert.match(res.body, /<p class="field-error" id="comment-error">Please fill in this field\.<\/p>/)
      assert.match(res.body, /<p class="field-error" id="author-error">Please fill in this field\.<\/p>/)
      assert.match(res.body, /<p class="field-error" id="email-error">Please enter a valid email address/)
      assert.match(res.body, /<p class="field-error" id="url-error">Please enter a valid web address/)
      assert.match(res.body, /<input id="email" name="email" type="email" value="not-an-email"/)
      assert.match(res.body, /<link rel="canonical" href="http:\/\/localhost:3000\/2026\/11\/25\/open-for-comments\/"/)
      assert.equal((await comments()).length, before)
    })

    it('escapes everything a commenter typed when re-rendering', async () => {
      const res = await post({ article_id: String(articleId), author: '"><script>alert(1)</script>', email: 'x', url: '', comment: '</textarea><img src=x onerror=alert(1)>' })
      assert.equal(res.statusCode, 400)
      assert.doesNotMatch(res.body, /<script>alert/)
      assert.doesNotMatch(res.body, /<img src=x/)
      assert.match(res.body, /value="&quot;>&lt;script>alert\(1\)&lt;\/script>"/)
      assert.match(res.body, /&lt;\/textarea>&lt;img src=x onerror=alert\(1\)>/)
    })

    it('refuses a comment over 10,000 characters and keeps it in the form', async () => {
      const long = 'a'.repeat(10_001)
      const res = await post({ ...VALID, article_id: String(articleId), comment: long })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /This is too long: at most 10000 characters\./)
      assert.ok(res.body.includes(long))
      const ok = await post({ ...VALID, article_id: String(articleId), comment: 'b'.repeat(10_000) })
      assert.equal(ok.statusCode, 303)
    })

    it('refuses fields sent as arrays', async () => {
      const res = await post({ ...VALID, article_id: String(articleId), author: ['One', 'Two'] })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /<p class="field-error" id="author-error">Please send this field only once\.<\/p>/)
    })

    it('refuses NUL bytes and control characters', async () => {
      const res = await post({ ...VALID, article_id: String(articleId), comment: 'hello\u0000world' })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /This contains characters that cannot be saved\./)
    })

    it('answers an unknown article with 404, a malformed one with 400', async () => {
      const before = (await comments()).length
      assert.equal((await post({ ...VALID, article_id: '999999' })).statusCode, 404)
      assert.equal((await post({ ...VALID, article_id: 'abc' })).statusCode, 400)
      assert.equal((await post({ ...VALID, article_id: [String(articleId), String(articleId)] })).statusCode, 400)
      assert.equal((await post({ ...VALID })).statusCode, 400)
      assert.equal((await comments()).length, before)
    })

    it('answers 403 when comments are closed on the article', async () => {
      const res = await post({ ...VALID, article_id: String(closedId) })
      assert.equal(res.statusCode, 403)
      assert.match(res.body, /Comments are closed on this article\./)
      const page = await t.app.inject('/2026/11/25/closed-for-comments/')
      assert.match(page.body, /Comments are closed\./)
      assert.doesNotMatch(page.body, /<form action="\/comments"/)
    })

    it('refuses a comment on a story that is not public yet', async () => {
      const future = await createArticle(t.deps, { edition: 'en', headline: 'Not yet', lead: '', bodySource: 'x', status: 'scheduled', publishedAt: '2027-01-01T00:00:00.000Z' })
      assert.equal((await post({ ...VALID, article_id: String(future.id) })).statusCode, 404)
    })

    it('answers a body that is not a form with 415 and a readable page', async () => {
      const json = await t.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...VALID, article_id: String(articleId) }) })
      assert.equal(json.statusCode, 415)
      assert.match(json.body, /Please send the form as a normal web form\./)
      const odd = await t.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/x-unknown' }, payload: 'x' })
      assert.equal(odd.statusCode, 415)
      assert.match(odd.body, /<h1>Bad request<\/h1>/)
      const none = await t.app.inject({ method: 'POST', url: '/comments', payload: '' })
      assert.ok(none.statusCode >= 400 && none.statusCode < 500, String(none.statusCode))
    })

    it('answers an oversized body with 413 and broken JSON with 400, never 500', async () => {
      const big = await post({ ...VALID, article_id: String(articleId), comment: 'x'.repeat(400_000) })
      assert.equal(big.statusCode, 413)
      assert.match(big.body, /What you sent is too large\./)
      const broken = await t.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/json' }, payload: '{"a":' })
      assert.equal(broken.statusCode, 400)
    })

    it('survives invalid percent-encoding in a form body', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/comments', headers: FORM_HEADERS, payload: `article_id=${articleId}&author=%E0%A4%A&email=a%40b.co&comment=%FF%FE` })
      assert.ok(res.statusCode < 500, String(res.statusCode))
    })
  })
})
