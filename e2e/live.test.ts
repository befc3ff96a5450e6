// A reader keeps the newsfeed open in Chromium while the newsroom works: a breaking story shows a banner
// and a "new stories" button at once, without moving the list; pressing it inserts the story in place;
// a withdrawn story leaves the list. Every other page of the edition shows the banner. An editor working
// in the admin screens in another window reaches the reader's pages: a breaking story, and a live blog's
// updates with its key events. With JavaScript off the page is as served.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { HAS_CHROMIUM, runAxe, useBrowserAndSite } from './browser.js'
import { changeArticleStatus, createArticle } from '../src/services/articles.service.js'
import { insertUser } from '../src/db/repositories/users.repository.js'
import { postUpdate, startLiveBlog } from '../src/services/live-blog.service.js'
import { currentSettings } from '../src/services/site-settings.service.js'
import { articlePath } from '../src/domain/urls.js'
import { loginAs } from '../test/admin-helper.js'
import { MODEL_ARTICLE_PATH } from './pages.js'

describe('live newsfeed in the browser', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const chromium = useBrowserAndSite({ name: 'sqlite' }, { demo: true })

  it('shows breaking news and new stories without a reload, and drops withdrawn ones', async () => {
    const { browser, site } = chromium
    const context = await browser.newContext({ bypassCSP: false })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
    await page.goto(site.baseUrl + '/')
    const firstBefore = await page.locator('ul.newsfeed li.story a').first().innerText()
    // Connected: the stream is open in this process.
    for (let i = 0; i < 100 && site.app.live.streams.size === 0; i++) await new Promise((r) => setTimeout(r, 20))
    assert.equal(site.app.live.streams.size, 1)

    const { id } = await createArticle(site.deps, {
      edition: 'en', headline: 'Dam breach floods the valley', lead: 'Residents are told to move to high ground.', bodySource: 'Text.',
      status: 'published', publishedAt: site.clock().toISOString(), breaking: true
    })
    const banner = page.getByRole('alert')
    await banner.waitFor({ timeout: 3_000 })
    assert.match(await banner.innerText(), /Breaking news: Dam breach floods the valley/)
    const show = page.getByRole('button', { name: '1 new story — show' })
    await show.waitFor({ timeout: 3_000 })
    assert.equal(await page.locator('ul.newsfeed li.story a').first().innerText(), firstBefore, 'the list did not move by itself')

    // By keyboard: the button takes focus and Enter shows the story, whose link then has the focus.
    await show.focus()
    await page.keyboard.press('Enter')
    const first = page.locator('ul.newsfeed li.story').first()
    assert.equal(await first.locator('a').innerText(), 'Dam breach floods the valley')
    assert.equal(await first.locator('.breaking-mark').innerText(), 'BREAKING')
    assert.equal(await first.getAttribute('data-article-id'), String(id))
    assert.equal(await show.isHidden(), true)
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Dam breach floods the valley', 'focus moves to the inserted story')

    // Withdrawn by an editor: the line goes.
    const victim = await page.locator('ul.newsfeed li.story').nth(2).getAttribute('data-article-id')
    const id0 = await insertUser(site.deps.db, {
      email: 'desk@example.org', display_name: 'Desk', slug: 'desk', password_hash: null, role: 'editor', created_at: '2026-01-01T00:00:00.000Z'
    })
    const editor = { id: id0, role: 'editor' as const, displayName: 'Desk' }
    const result = await changeArticleStatus(site.deps, editor, Number(victim), 'unpublish')
    assert.equal(result.kind, 'done', JSON.stringify(result))
    await page.locator(`li.story[data-article-id="${victim}"]`).waitFor({ state: 'detached', timeout: 3_000 })

    await page.getByRole('button', { name: 'Dismiss' }).click()
    assert.equal(await banner.isHidden(), true)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a pinned story listed twice follows its changes in both places; new stories go into the newsfeed, not the pinned list', async () => {
    const { browser, site } = chromium
    const pinned = await site.deps.db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('published_at', 'asc').executeTakeFirstOrThrow()
    await site.deps.db.updateTable('articles').set({ sticky: 1 }).where('id', '=', pinned.id).execute()
    site.deps.events.emit({ type: 'article.updated', articleId: pinned.id })
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(site.baseUrl + '/')
    const lines = page.locator(`li.story[data-article-id="${pinned.id}"]`)
    assert.equal(await page.locator(`ul.pinned-stories li.story[data-article-id="${pinned.id}"]`).count(), 1)
    for (let i = 0; i < 100 && site.app.live.streams.size === 0; i++) await new Promise((r) => setTimeout(r, 20))

    await site.deps.db.updateTable('articles').set({ headline: 'Pinned, and corrected' }).where('id', '=', pinned.id).execute()
    await site.app.live.hub.syncArticle(pinned.id)
    await page.locator('ul.pinned-stories li.story a', { hasText: 'Pinned, and corrected' }).waitFor({ timeout: 3_000 })
    for (const text of await lines.locator('a').allInnerTexts()) assert.equal(text, 'Pinned, and corrected')

    await createArticle(site.deps, { edition: 'en', headline: 'Fresh from the desk', lead: 'New.', bodySource: 'Text.', status: 'published', publishedAt: site.clock().toISOString() })
    const show = page.getByRole('button', { name: '1 new story — show' })
    await show.waitFor({ timeout: 3_000 })
    await show.click()
    assert.equal(await page.locator('ul.pinned-stories li.story a', { hasText: 'Fresh from the desk' }).count(), 0)
    assert.equal(await page.locator('ul.newsfeed:not(.pinned-stories) li.story a').first().innerText(), 'Fresh from the desk')

    await site.deps.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', pinned.id).execute()
    await site.app.live.hub.syncArticle(pinned.id)
    await page.waitForFunction((id) => document.querySelectorAll(`li.story[data-article-id="${id}"]`).length === 0, pinned.id, { timeout: 3_000 })
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('announces the banner and the button accessibly (axe)', async () => {
    const { browser, site } = chromium
    // axe is injected inline, which the site's CSP blocks: this context bypasses it (the flow above does not).
    const context = await browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await page.goto(site.baseUrl + '/')
    const streams = site.app.live.streams.size
    for (let i = 0; i < 100 && site.app.live.streams.size === streams; i++) await new Promise((r) => setTimeout(r, 20))
    await createArticle(site.deps, {
      edition: 'en', headline: 'Second dam holds', lead: 'Engineers say.', bodySource: 'Text.',
      status: 'published', publishedAt: site.clock().toISOString(), breaking: true
    })
    await page.getByRole('alert').waitFor({ timeout: 3_000 })
    await page.getByRole('button', { name: /new stor/ }).waitFor({ timeout: 3_000 })
    assert.equal(await page.getByRole('status').filter({ has: page.getByRole('button') }).count(), 1, 'the button sits in a polite live region')
    assert.deepEqual(await runAxe(page, { name: 'live newsfeed' }), [])
    await context.close()
  })

  it('a live blog receives three updates that appear at the top, in order', async () => {
    const { browser, site } = chromium
    const editorId = await insertUser(site.deps.db, {
      email: 'blog@example.org', display_name: 'Blog desk', slug: 'blog-desk', password_hash: null, role: 'editor', created_at: '2026-01-01T00:00:00.000Z'
    })
    const editor = { id: editorId, role: 'editor' as const, displayName: 'Blog desk' }
    const { id, slug } = await createArticle(site.deps, {
      edition: 'en', headline: 'Election night live', lead: 'Results as they come in.', bodySource: 'Polls close at 20:00.',
      status: 'published', publishedAt: site.clock().toISOString()
    })
    await startLiveBlog(site.deps, editor, id)
    await postUpdate(site.deps, editor, id, { text: 'Coverage begins.', keyEvent: false })
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    // The server's clock may be today's (E2E_NOW), so the article's day is read, not assumed.
    const { timeZone } = await currentSettings(site.deps)
    // The article's stream is subscribed once its headers arrive (the page also follows the edition's, for the banner).
    const blogStream = page.waitForResponse((r) => r.url().includes(`/live?article=${id}`))
    await page.goto(site.baseUrl + articlePath('', site.clock().toISOString(), slug, timeZone))
    await blogStream

    for (const text of ['Polls are closed.', 'Turnout is 61%.', 'First results are in.']) {
      site.clock.advance(60_000)
      await postUpdate(site.deps, editor, id, { text, keyEvent: text.startsWith('First') })
    }
    await page.locator('.live-update', { hasText: 'First results are in.' }).waitFor({ timeout: 3_000 })
    const texts = await page.locator('.live-updates .update-body').allInnerTexts()
    assert.deepEqual(texts.map((x) => x.trim()), ['First results are in.', 'Turnout is 61%.', 'Polls are closed.', 'Coverage begins.'])
    assert.equal(await page.locator('.live-update').first().getAttribute('class'), 'live-update key-event')
    assert.equal(await page.locator('.live-updates').getAttribute('aria-live'), 'polite')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('reaches readers from the admin screens: breaking news on every page, a live blog with its key events', async () => {
    const { browser, site } = chromium
    const editor = await loginAs(site, 'editor', { displayName: 'Night editor' })
    const [name, ...value] = editor.cookie.split('=')
    const desk = await browser.newContext()
    await desk.addCookies([{ name: name!, value: value.join('='), url: site.baseUrl }])
    const editorPage = await desk.newPage()
    // axe is injected inline, which the site's CSP blocks: the reader's context bypasses it.
    const reader = await browser.newContext({ bypassCSP: true })
    const articlePage = await reader.newPage()
    const errors: string[] = []
    articlePage.on('pageerror', (e) => errors.push(e.message))
    const streams = site.app.live.streams.size
    await articlePage.goto(site.baseUrl + MODEL_ARTICLE_PATH)
    for (let i = 0; i < 100 && site.app.live.streams.size === streams; i++) await new Promise((r) => setTimeout(r, 20))
    assert.equal(site.app.live.streams.size, streams + 1, 'an article page follows the edition for breaking news')
    assert.equal(await articlePage.getByRole('button', { name: /new stor/ }).count(), 0, 'no new-stories button outside newsfeeds')

    // The editor writes and publishes a breaking story in the article editor.
    await editorPage.goto(`${site.baseUrl}/admin/articles/new/`)
    await editorPage.locator('#headline').fill('Summit talks collapse')
    await editorPage.locator('#lead').fill('Delegations leave the hall.')
    await editorPage.getByRole('textbox', { name: 'Text', exact: true }).click()
    await editorPage.keyboard.type('Talks ended without a statement.')
    await editorPage.getByLabel('Breaking news').check()
    await editorPage.locator('button[name="intent"][value="publish"]').click()
    await editorPage.waitForURL(/\/admin\/articles\/(\d+)\/\?notice=articlePublished$/)
    const articleId = Number(/\/admin\/articles\/(\d+)\//.exec(editorPage.url())![1])
    const banner = articlePage.getByRole('alert')
    await banner.waitFor({ timeout: 3_000 })
    assert.match(await banner.innerText(), /Breaking news: Summit talks collapse/)

    // …makes it a live blog and posts three updates, the last a key event, from the live blog screen.
    await editorPage.goto(`${site.baseUrl}/admin/articles/${articleId}/live/`)
    await editorPage.getByRole('button', { name: 'Make it a live blog' }).click()
    await editorPage.locator('#update-text').waitFor()
    // The reader follows the banner's link; the page's article stream is subscribed once its headers arrive.
    const blogStream = articlePage.waitForResponse((r) => r.url().includes(`/live?article=${articleId}`))
    await articlePage.getByRole('link', { name: 'Summit talks collapse' }).click()
    await blogStream
    for (const [text, key] of [['Delegates gather.', false], ['The chair speaks.', false], ['The summit is suspended.', true]] as const) {
      site.clock.advance(60_000)
      await editorPage.locator('#update-text').fill(text)
      if (key) await editorPage.getByLabel(/Key event/).check()
      await editorPage.getByRole('button', { name: 'Post update' }).click()
      await editorPage.locator('#update-text').waitFor()
    }
    await articlePage.locator('.live-update', { hasText: 'The summit is suspended.' }).waitFor({ timeout: 3_000 })
    const texts = await articlePage.locator('.live-updates .update-body').allInnerTexts()
    assert.deepEqual(texts.map((x) => x.trim()), ['The summit is suspended.', 'The chair speaks.', 'Delegates gather.'])
    const keyEvents = articlePage.getByRole('navigation', { name: 'Key events' })
    assert.match(await keyEvents.innerText(), /The summit is suspended\./, 'the key event joins the summary')
    // The summary's link leads to the update, by keyboard too.
    await keyEvents.getByRole('link').first().focus()
    await articlePage.keyboard.press('Enter')
    await articlePage.waitForURL(/#update-\d+$/)
    assert.deepEqual(await runAxe(articlePage, { name: 'live blog with updates' }), [])
    assert.deepEqual(errors, [])
    await reader.close()
    await desk.close()
  })

  it('leaves the page as served with JavaScript off', async () => {
    const { browser, site } = chromium
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(site.baseUrl + '/')
    assert.equal(await page.locator('.live-notice, .live-banner').count(), 0)
    assert.equal(await page.locator('.live-newsfeed').isHidden(), true)
    await context.close()
  })
})
