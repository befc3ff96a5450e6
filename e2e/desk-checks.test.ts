// The desk checks in Chromium: typing a long headline brings up its warning, and typing the text changes
// the word count, without a request or a reload; the change of level is announced once; axe finds
// nothing serious on the editor with the panel.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { HAS_CHROMIUM, runAxe, useBrowserAndSite } from './browser.js'
import { DIALECTS } from '../test/helper.js'
import { createTestUser, TEST_PASSWORD } from '../test/admin-helper.js'

const EDITOR = { email: 'dana.desk@example.org', displayName: 'Dana Desk' }
const LONG_HEADLINE = 'Riverton opens its new footbridge after two years of works and a long row over the cost'

for (const dialect of DIALECTS) describe(`[${dialect.name}] desk checks in the browser`, { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const env = useBrowserAndSite(dialect)

  it('warns of a long headline and counts words as they are typed, without reloading; axe passes', async () => {
    await createTestUser(env.site, { role: 'editor', ...EDITOR })
    // bypassCSP only so axe can be injected (see runAxe).
    const context = await env.browser.newContext({ javaScriptEnabled: true, bypassCSP: true })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${env.site.baseUrl}/admin/login/`)
    await page.locator('#email').fill(EDITOR.email)
    await page.locator('#password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.waitForURL(`${env.site.baseUrl}/admin/`)

    await page.goto(`${env.site.baseUrl}/admin/articles/new/`)
    const panel = page.getByRole('region', { name: 'Desk checks' })
    assert.equal(await panel.count(), 1, 'the panel is a region named by its heading')
    const headlineCheck = panel.locator('li[data-check="headline"]')
    const lengthCheck = panel.locator('li[data-check="length"]')
    assert.equal(await headlineCheck.getAttribute('data-level'), 'problem')
    // A mark on the page: a reload would lose it.
    await page.evaluate(() => { (window as unknown as { deskMark: number }).deskMark = 42 })
    let requests = 0
    page.on('request', (request) => { if (!request.url().includes('/admin/articles/slug/') && !request.url().includes('/admin/articles/preview/')) requests++ })

    await page.locator('#headline').pressSequentially(LONG_HEADLINE.slice(0, 20))
    await page.waitForFunction(() => document.querySelector('li[data-check="headline"]')!.getAttribute('data-level') === 'ok')
    await page.locator('#headline').fill(LONG_HEADLINE)
    await page.waitForFunction(() => document.querySelector('li[data-check="headline"]')!.getAttribute('data-level') === 'warning')
    assert.match(await headlineCheck.innerText(), /Warning.*The headline is 87 characters: search results and social cards cut it after about 70\./s)
    assert.match(await page.locator('#desk-announce').innerText(), /The headline is 87 characters/, 'the new warning is announced')

    // The text goes into the rich editor, which writes it back into the form's (hidden) body field.
    const bodyEditor = page.getByRole('textbox', { name: 'Text', exact: true })
    await bodyEditor.click()
    await page.keyboard.type('The footbridge opened on Thursday morning.')
    await page.waitForFunction(() => /^6 words/.test(document.querySelector('li[data-check="length"] .desk-text')!.textContent ?? ''))
    await page.keyboard.press('End')
    await page.keyboard.type(' It took two years to build.')
    await page.waitForFunction(() => /^12 words, about 1 min to read/.test(document.querySelector('li[data-check="length"] .desk-text')!.textContent ?? ''))
    assert.equal(await lengthCheck.getAttribute('data-level'), 'ok')

    // The search result follows the headline and the lead.
    await page.locator('#lead').fill('The bridge links the old town with the station.')
    await page.waitForFunction(() => document.querySelector('.serp-description')!.textContent === 'The bridge links the old town with the station.')
    assert.match(await panel.locator('.serp-title').innerText(), /^Riverton opens its new footbridge after two years of works…$/)
    // The address carries the slug the server proposes for the headline.
    await page.waitForFunction(() => /\/riverton-opens-its-new-footbridge[a-z-]*\/$/.test(document.querySelector('.serp-url')!.textContent ?? ''))
    assert.equal(await page.evaluate(() => (window as unknown as { deskMark?: number }).deskMark), 42, 'the page was not reloaded')
    assert.equal(requests, 0, 'no request but the preview and the slug proposal')

    assert.deepEqual(await runAxe(page, { name: 'article editor with desk checks' }), [])
    assert.deepEqual(errors, [])
    await context.close()
  })
})
