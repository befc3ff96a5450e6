// The calendar guard: the signed-in journey (log in through the form, stay signed in across pages,
// moderate, see the result as a reader) with the server's clock a month before and a month after the
// browser's. A test, cookie or script that depends on the two agreeing, or on the day the suite runs,
// fails here today instead of some day next week. `npm run test:calendar` runs every browser journey
// the same way.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { E2E_NOW, HAS_CHROMIUM, launchBrowser, serveTestApp } from './browser.js'
import { DIALECTS } from '../test/helper.js'
import { MODEL_ARTICLE_PATH } from './pages.js'
import { createTestUser, TEST_PASSWORD } from '../test/admin-helper.js'

const DAY_MS = 86_400_000
const SHIFTS = [-31, 31]

describe('calendar guard: signed in with the server a month away from the browser', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  before(async () => { browser = await launchBrowser() })
  after(async () => { await browser?.close() })

  for (const dialect of DIALECTS) {
    for (const days of SHIFTS) {
      it(`[${dialect.name}] server clock ${days > 0 ? '+' : ''}${days} days: log in, moderate, and the reader sees it`, async (t) => {
        const site = await serveTestApp(dialect, { demo: true, clock: new Date(Date.parse(E2E_NOW) + days * DAY_MS).toISOString() })
        t.after(() => site.close())
        const moderator = await createTestUser(site, { role: 'editor' })
        const text = `A comment written ${days} days away.`

        const context = await browser.newContext()
        t.after(() => context.close())
        const reader = await context.newPage()
        await reader.goto(site.baseUrl + MODEL_ARTICLE_PATH)
        await reader.locator('#comment').fill(text)
        await reader.locator('#author').fill('Calendar Reader')
        await reader.locator('#email').fill('calendar@example.org')
        // The form's timing token says a person took a while to write; the server's clock decides.
        site.clock.advance(20_000)
        await reader.getByRole('button', { name: 'Post Comment' }).click()
        await reader.waitForURL(/\?comment=pending#comments$/)

        const page = await context.newPage()
        await page.goto(`${site.baseUrl}/admin/comments/`)
        await page.waitForURL(/\/admin\/login\//)
        await page.locator('#email').fill(moderator.email)
        await page.locator('#password').fill(TEST_PASSWORD)
        await page.getByRole('button', { name: 'Log in' }).click()
        await page.waitForURL(`${site.baseUrl}/admin/comments/`)
        const cookies = await context.cookies(site.baseUrl)
        assert.ok(cookies.some((c) => c.name.endsWith('lede_session')), 'the browser kept the session cookie')

        // Still signed in on the next page and the one after: the cookie was not dropped as expired.
        await page.goto(`${site.baseUrl}/admin/`)
        assert.equal(await page.locator('.admin-user-name').innerText(), moderator.displayName)
        await page.goto(`${site.baseUrl}/admin/comments/`)
        await page.locator('.moderation-item', { hasText: text }).getByRole('button', { name: 'Approve' }).click()
        await page.waitForURL(/notice=commentApproved/)

        await reader.goto(site.baseUrl + MODEL_ARTICLE_PATH)
        await reader.reload()
        assert.equal(await reader.locator('.comment-content', { hasText: text }).count(), 1, 'the approved comment shows')
      })
    }
  }
})
