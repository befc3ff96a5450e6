// The comment form in Chromium: replies in place with JavaScript and through ?replytocom= without it,
// the timing token fetched after load, and "Save my name, email, and website" kept in localStorage.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { e2eDay, e2eTime, HAS_CHROMIUM, launchBrowser, serveTestApp, type ServedApp } from './browser.js'
import { createArticle } from '../src/services/articles.service.js'
import { insertComment } from '../src/db/repositories/comments.repository.js'

const RULES_OFF = { commentModeration: false, commentPreviouslyApproved: false, commentMaxLinks: 0 }

describe('comment form in the browser', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp
  let articleUrl: string
  let parentId: number

  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp({ name: 'sqlite' }, { settings: { timeZone: 'UTC', ...RULES_OFF } })
    const { id, slug } = await createArticle(site.deps, { edition: 'en', headline: 'Form journey', lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: e2eTime(-26 * 3_600_000) })
    articleUrl = `${site.baseUrl}/${e2eDay(1, 'UTC').path}/${slug}/`
    parentId = await insertComment(site.deps.db, {
      article_id: id, parent_id: null, author_name: 'Anna <Petrosyan>', author_email: 'anna@example.org', author_url: null, user_id: null,
      body: 'The first comment.', status: 'approved', ip: null, user_agent: null, created_at: e2eTime(-25 * 3_600_000)
    })
  })
  after(async () => {
    await browser?.close()
    await site?.close()
  })

  it('with JavaScript: fetches the timing token, replies in place, cancels, and posts a nested reply', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(articleUrl)
    await page.waitForFunction(() => (document.getElementById('comment-ts') as HTMLInputElement).value !== '')
    assert.match(await page.locator('#comment-ts').inputValue(), /^\d+\.[\w-]{22}$/)

    await page.locator(`#div-comment-${parentId} .comment-reply-link`).click()
    assert.equal(page.url(), articleUrl, 'no navigation with JavaScript')
    assert.equal(await page.locator(`#comment-${parentId} > #respond`).count(), 1, 'the form moved under the comment')
    assert.equal(await page.locator('#reply-title-text').innerText(), 'Reply to Anna <Petrosyan>')
    assert.equal(await page.locator('#comment_parent').inputValue(), String(parentId))
    assert.ok(await page.locator('#cancel-comment-reply-link').isVisible())
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'comment')

    await page.locator('#cancel-comment-reply-link').click()
    assert.equal(await page.locator(`#comment-${parentId} #respond`).count(), 0, 'the form went back')
    assert.equal(await page.locator('#reply-title-text').innerText(), 'Leave a Reply')
    assert.equal(await page.locator('#comment_parent').inputValue(), '0')
    assert.ok(!(await page.locator('#cancel-comment-reply-link').isVisible()))

    await page.locator(`#div-comment-${parentId} .comment-reply-link`).click()
    await page.locator('#comment').fill('A reply in place.')
    await page.locator('#author').fill('Replying Reader')
    await page.locator('#email').fill('replying@example.org')
    // A person takes more than five seconds; the server's clock is the test's.
    site.clock.advance(30_000)
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await page.waitForURL(/\?comment=\d+#comment-\d+$/)
    const reply = page.locator(`#comment-${parentId} > ol.children > li.comment`)
    assert.equal(await reply.count(), 1)
    assert.match(await reply.innerText(), /A reply in place\./)
    const row = await site.deps.db.selectFrom('comments').selectAll().where('body', '=', 'A reply in place.').executeTakeFirstOrThrow()
    assert.deepEqual([row.status, row.parent_id, JSON.parse(row.spam_reasons)], ['approved', parentId, []])
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('with JavaScript: remembers name, email and website in this browser only when asked', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(articleUrl)
    assert.equal(await page.locator('#save-details').isChecked(), false)
    await page.locator('#comment').fill('Remember me, please.')
    await page.locator('#author').fill('Saved Reader')
    await page.locator('#email').fill('saved@example.org')
    await page.locator('#url').fill('https://saved.example')
    await page.locator('#save-details').check()
    site.clock.advance(30_000)
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await page.waitForURL(/\?comment=/)

    await page.goto(articleUrl)
    assert.equal(await page.locator('#author').inputValue(), 'Saved Reader')
    assert.equal(await page.locator('#email').inputValue(), 'saved@example.org')
    assert.equal(await page.locator('#url').inputValue(), 'https://saved.example')
    assert.equal(await page.locator('#save-details').isChecked(), true)
    // The server's page is the same for everyone: the values come from localStorage, not the HTML.
    const html = await (await context.request.get(articleUrl)).text()
    assert.doesNotMatch(html, /saved@example\.org|value="Saved Reader"|value="https:\/\/saved/)

    await page.locator('#save-details').uncheck()
    await page.locator('#comment').fill('Forget me now.')
    site.clock.advance(30_000)
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await page.waitForURL(/\?comment=/)
    await page.goto(articleUrl)
    assert.equal(await page.locator('#author').inputValue(), '')
    assert.equal(await page.evaluate(() => localStorage.getItem('lede.commentAuthor')), null)
    await context.close()
  })

  it('without JavaScript: Reply opens ?replytocom=, the form says whom it answers, and the reply is held', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(articleUrl)
    await page.locator(`#div-comment-${parentId} .comment-reply-link`).click()
    await page.waitForURL(`${articleUrl}?replytocom=${parentId}#respond`)
    assert.equal(await page.locator('#reply-title-text').innerText(), 'Reply to Anna <Petrosyan>')
    assert.ok(await page.locator('#cancel-comment-reply-link').isVisible())
    await page.locator('#comment').fill('A reply without scripts.')
    await page.locator('#author').fill('Plain Reader')
    await page.locator('#email').fill('plain@example.org')
    site.clock.advance(30_000)
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await page.waitForURL(/\?comment=pending#comments$/)
    const row = await site.deps.db.selectFrom('comments').selectAll().where('body', '=', 'A reply without scripts.').executeTakeFirstOrThrow()
    assert.deepEqual([row.status, row.parent_id, JSON.parse(row.spam_reasons)], ['pending', parentId, [{ code: 'no-timing-token' }]])

    await page.goto(`${articleUrl}?replytocom=${parentId}`)
    await page.locator('#cancel-comment-reply-link').click()
    await page.waitForURL(`${articleUrl}#respond`)
    assert.equal(await page.locator('#reply-title-text').innerText(), 'Leave a Reply')
    await context.close()
  })
})
