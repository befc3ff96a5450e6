// The editor's journey in Chromium with JavaScript on, publishing at once (the newsroom journey
// schedules; this one does not): log in → write in the rich editor → the live preview shows the formatted text →
// publish now → the story leads the front page and today's newsfeed, and its page opens.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { HAS_CHROMIUM, launchBrowser, serveTestApp, type ServedApp } from './browser.js'
import { DIALECTS } from '../test/helper.js'
import { createTestUser, TEST_PASSWORD } from '../test/admin-helper.js'

const EDITOR = { email: 'erik.editor@example.org', displayName: 'Erik Editor' }
const HEADLINE = 'Riverton opens its new footbridge'

// On each engine the suite runs on: the journey ends in writes (approval, publication) read back by the pages.
for (const dialect of DIALECTS) describe(`[${dialect.name}] editor journey in the browser`, { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp

  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp(dialect, { demo: true })
    await createTestUser(site, { role: 'editor', ...EDITOR })
  })
  after(async () => {
    await browser?.close()
    await site?.close()
  })

  it('writes, previews and publishes now with JavaScript on; the story appears on the newsfeed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))

    await page.goto(`${site.baseUrl}/admin/login/`)
    await page.locator('#email').fill(EDITOR.email)
    await page.locator('#password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/`)

    // Write: the script proposes the slug; the editor formats as it is typed (**bold** is a shortcut), and
    // the preview follows.
    await page.goto(`${site.baseUrl}/admin/articles/new/`)
    await page.locator('#headline').fill(HEADLINE)
    await page.waitForFunction(() => (document.getElementById('slug') as HTMLInputElement).placeholder === 'riverton-opens-its-new-footbridge')
    await page.locator('#lead').fill('The bridge links the old town with the station.')
    await page.getByRole('textbox', { name: 'Text', exact: true }).click()
    await page.keyboard.type('The footbridge opened on **Thursday** morning.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('It took two years to build.')
    await page.waitForFunction(() => document.getElementById('body-preview')!.innerHTML.includes('It took two years to build.'))
    assert.equal(await page.locator('textarea#body').inputValue(), '<p>The footbridge opened on <strong>Thursday</strong> morning.</p><p>It took two years to build.</p>')
    assert.match(await page.locator('#body-preview').innerHTML(), /<strong>Thursday<\/strong>/)
    assert.equal(await page.locator('#body-preview p').count(), 2, 'the preview shows both paragraphs')

    // No date: the button publishes now.
    const publish = page.locator('button[name="intent"][value="publish"]')
    assert.doesNotMatch(await publish.innerText(), /Schedule/)
    await publish.click()
    await page.waitForURL(/\/admin\/articles\/\d+\/\?notice=articlePublished$/)
    assert.ok(await page.locator('.notice').count() > 0, 'the editor says it is published')

    // A reader sees it at the top of the front page and on today's newsfeed, and opens it.
    const reader = await browser.newContext()
    const readerPage = await reader.newPage()
    readerPage.on('pageerror', (e) => errors.push(e.message))
    await readerPage.goto(`${site.baseUrl}/`)
    assert.equal(await readerPage.getByRole('link', { name: HEADLINE }).count() > 0, true, 'on the front page')
    await readerPage.goto(`${site.baseUrl}/newsfeed/`)
    assert.equal(await readerPage.getByRole('link', { name: HEADLINE }).count() > 0, true, 'on today’s newsfeed')
    await readerPage.getByRole('link', { name: HEADLINE }).first().click()
    await readerPage.waitForURL(/\/riverton-opens-its-new-footbridge\/$/)
    assert.equal(await readerPage.locator('h1').innerText(), HEADLINE)
    assert.equal(await readerPage.locator('article strong', { hasText: 'Thursday' }).count(), 1)

    assert.deepEqual(errors, [])
    await reader.close()
    await context.close()
  })
})
