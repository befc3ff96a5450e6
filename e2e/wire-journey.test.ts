// The wire desk in Chromium: an editor adds a source, the first fetch lands its items, the editor opens
// one, makes it a draft and publishes it; the published story carries the agency credit and the link. An
// item the agency sends while the inbox is open appears in it without a reload.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { HAS_CHROMIUM, launchBrowser, runAxe, serveTestApp, type ServedApp } from './browser.js'
import { DIALECTS } from '../test/helper.js'
import { createTestUser, login } from '../test/admin-helper.js'
import { startWireServer, rssFeed, type WireServer } from '../test/wire/wire-server.js'
import { pollDueSources } from '../src/wire/poller.js'

const EDITOR = { email: 'wanda.wire@example.org', displayName: 'Wanda Wire' }
const HEADLINE = 'Talks on the new border crossing resume'

for (const dialect of DIALECTS) describe(`[${dialect.name}] wire desk journey in the browser`, { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp
  let agency: WireServer
  /** Items the agency adds to its feed later in the journey. */
  const later: Array<{ guid: string, title: string }> = []

  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp(dialect, { demo: true })
    await createTestUser(site, { role: 'editor', ...EDITOR })
    agency = await startWireServer()
    agency.on('/rss', (_req, res) => {
      res.setHeader('content-type', 'application/rss+xml')
      res.end(rssFeed([
        { guid: 'urn:agency:501', title: HEADLINE, body: '&lt;p&gt;Delegations met in the morning.&lt;/p&gt;' },
        { guid: 'urn:agency:502', title: 'Weather: snow in the mountains' },
        ...later
      ]).replace('<item><guid>urn:agency:501</guid>', '<item><guid>urn:agency:501</guid><link>https://agency.example/501</link>'))
    })
  })
  after(async () => {
    await browser?.close()
    await site?.close()
    await agency?.close()
  })

  it('adds a source, sees the first fetch land, makes a draft from an item and publishes it; a later item appears in the open inbox', async () => {
    // bypassCSP only so axe can be injected (see runAxe).
    const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))

    // Signed in through the login form by the helper, the session cookie handed to the browser: the
    // browser's own login step is the editor journey's to test (it times out in some sandboxes).
    const { cookie } = await login(site, EDITOR.email)
    const [name, value] = cookie.split('=') as [string, string]
    await context.addCookies([{ name, value, url: site.baseUrl }])

    await page.goto(`${site.baseUrl}/admin/wire/`)
    await page.getByRole('link', { name: 'Wire sources' }).click()
    await page.getByRole('link', { name: 'Add a source' }).click()
    await page.locator('#name').fill('Agency')
    await page.locator('#url').fill(agency.url('/rss'))
    await page.locator('#agencyCredit').fill('AGENCY')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.waitForURL(/\/admin\/wire\/sources\/\d+\/\?notice=wireSourceSaved$/)

    // The app's poller polls due sources; the test runs its round rather than wait for the timer.
    const [run] = await pollDueSources(site.deps)
    assert.equal(run!.counts.new, 2)
    await page.reload()
    assert.equal(await page.locator('.wire-runs tbody tr').count(), 1, 'the run is on the source page')
    const violations = await runAxe(page, { name: 'wire source' })

    await page.goto(`${site.baseUrl}/admin/wire/`)
    violations.push(...await runAxe(page, { name: 'wire inbox' }))
    // The keys move through the items: j focuses the first, Enter opens it.
    await page.keyboard.press('j')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Weather: snow in the mountains')
    await page.keyboard.press('j')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), HEADLINE)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/admin\/wire\/items\/\d+\/$/)
    assert.match(await page.locator('.wire-body').innerText(), /Delegations met in the morning/)
    violations.push(...await runAxe(page, { name: 'wire item' }))
    assert.deepEqual(violations, [])
    await page.getByRole('button', { name: 'Make a draft' }).click()
    await page.waitForURL(/\/admin\/articles\/\d+\/\?notice=wireTaken$/)
    assert.equal(await page.locator('#headline').inputValue(), HEADLINE)

    await page.locator('button[name="intent"][value="publish"]').click()
    await page.waitForURL(/\/admin\/articles\/\d+\/\?notice=articlePublished$/)

    // An item the agency sends while the inbox is open appears in it without a reload, marked and announced.
    // The inbox's stream must be open before the item arrives (a stream opened later is not sent what came
    // before it): under CI's load the script connected after the pump once, and the row never came.
    const hub = site.app.live.hub
    const subscribe = hub.subscribe.bind(hub)
    const streamOpen = new Promise<void>((resolve) => {
      hub.subscribe = (...args: Parameters<typeof subscribe>) => { const off = subscribe(...args); resolve(); return off }
    })
    await page.goto(`${site.baseUrl}/admin/wire/`)
    await streamOpen
    hub.subscribe = subscribe
    const shown = await page.evaluate(() => { (window as unknown as { untouched: boolean }).untouched = true; return document.querySelectorAll('tr[data-item]').length })
    later.push({ guid: 'urn:agency:503', title: 'Border crossing opens at noon' })
    await site.deps.db.updateTable('wire_sources').set({ next_poll_at: new Date(0).toISOString() }).execute()
    const [second] = await pollDueSources(site.deps)
    assert.equal(second!.counts.new, 1)
    await site.app.live.hub.pump()
    await page.locator('tr.wire-fresh', { hasText: 'Border crossing opens at noon' }).waitFor()
    assert.equal(await page.locator('tr[data-item]').count(), shown + 1)
    assert.equal(await page.locator('[data-wire-status]').innerText(), 'New or updated items arrived: 1.')
    assert.equal(await page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched), true, 'the page was not reloaded')

    const reader = await browser.newContext()
    const readerPage = await reader.newPage()
    readerPage.on('pageerror', (e) => errors.push(e.message))
    await readerPage.goto(`${site.baseUrl}/newsfeed/`)
    await readerPage.getByRole('link', { name: HEADLINE }).first().click()
    assert.equal(await readerPage.locator('h1').innerText(), HEADLINE)
    assert.match(await readerPage.locator('.agency-credit').first().innerText(), /\/AGENCY\/\./)
    assert.equal(await readerPage.locator('a[href="https://agency.example/501"]').count(), 1, 'the source link')
    assert.deepEqual(errors, [])
    await reader.close()
    await context.close()
  })
})
