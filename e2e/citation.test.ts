// The citation block under an article in Chromium: with JavaScript, copy buttons put the link and the
// HTML snippet on the clipboard; without it, the same text sits in readonly fields, selectable.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { HAS_CHROMIUM, useBrowserAndSite } from './browser.js'
import { MODEL_ARTICLE_PATH } from './pages.js'

describe('citation block', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const chromium = useBrowserAndSite({ name: 'sqlite' }, { demo: true })

  it('copies the canonical link and the HTML snippet with the buttons the script adds', async () => {
    const { browser, site } = chromium
    const context = await browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.baseUrl })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()) })
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`) })
    await page.goto(site.baseUrl + MODEL_ARTICLE_PATH)

    const buttons = page.locator('.citation .copy-button')
    assert.equal(await buttons.count(), 2)
    const canonical = `http://localhost:3000${MODEL_ARTICLE_PATH}`
    await buttons.nth(0).click()
    await page.locator('.citation .copy-status', { hasText: 'Copied' }).first().waitFor()
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), canonical)

    await buttons.nth(1).click()
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
      `<a href="${canonical}">US Department of State expects Russian response to clarify Moscow’s position</a>, Lede Demo, February 03, 2022`)
    assert.deepEqual(errors, [], 'no script errors, no CSP violations')
    await context.close()
  })

  it('shows the same text without JavaScript, and no buttons', async () => {
    const { browser, site } = chromium
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(site.baseUrl + MODEL_ARTICLE_PATH)
    assert.equal(await page.locator('.citation .copy-button').count(), 0)
    assert.match(await page.locator('#citation-html').inputValue(), /^<a href="http:\/\/localhost:3000\/2022\/02\/03\/[^"]+">US Department of State/)
    assert.equal(await page.locator('#citation-link').inputValue(), `http://localhost:3000${MODEL_ARTICLE_PATH}`)
    assert.equal(await page.locator('#citation-html').getAttribute('readonly'), '')
    await context.close()
  })
})
