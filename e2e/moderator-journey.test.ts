// The moderator's journey in Chromium, with JavaScript on and with it off: a reader's comment waits
// for moderation → the moderator logs in through the login form → approves it on /admin/comments/ →
// the comment shows on the article. The moderator's account is made through the services, as the
// command line does; everything after that goes through the pages a person would use.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { HAS_CHROMIUM, launchBrowser, serveTestApp, type ServedApp } from './browser.js'
import { DIALECTS } from '../test/helper.js'
import { MODEL_ARTICLE_PATH } from './pages.js'
import { createTestUser, TEST_PASSWORD } from '../test/admin-helper.js'

const MODERATOR = { email: 'mara.moderator@example.org', displayName: 'Mara Moderator' }

// On each engine the suite runs on: the journey ends in writes (approval, publication) read back by the pages.
for (const dialect of DIALECTS) describe(`[${dialect.name}] moderator journey in the browser`, { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp

  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp(dialect, { demo: true })
    // Editors hold comments.moderate, as in WordPress.
    await createTestUser(site, { role: 'editor', ...MODERATOR })
  })
  after(async () => {
    await browser?.close()
    await site?.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'on' : 'off'
    it(`a pending comment is approved through the admin and shows on the article, JavaScript ${mode}`, async () => {
      const errors: string[] = []
      const text = `The council should publish the minutes (JavaScript ${mode}).`

      // A reader comments; it waits for moderation and is not shown.
      const reader = await browser.newContext({ javaScriptEnabled })
      const readerPage = await reader.newPage()
      readerPage.on('pageerror', (e) => errors.push(e.message))
      await readerPage.goto(site.baseUrl + MODEL_ARTICLE_PATH)
      await readerPage.locator('#comment').fill(text)
      await readerPage.locator('#author').fill('Lilit Reader')
      await readerPage.locator('#email').fill('lilit@example.org')
      // Both runs post from 127.0.0.1, and flood control allows one comment per address every 15 seconds.
      site.clock.advance(20_000)
      await readerPage.getByRole('button', { name: 'Post Comment' }).click()
      await readerPage.waitForURL(/\?comment=pending#comments$/)
      assert.equal(await readerPage.locator('.comment-content', { hasText: text }).count(), 0, 'a pending comment is not shown')

      // The moderator asks for the moderation screen, is sent to the login form, and comes back to it.
      const newsroom = await browser.newContext({ javaScriptEnabled })
      const page = await newsroom.newPage()
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${site.baseUrl}/admin/comments/`)
      await page.waitForURL(/\/admin\/login\//)
      await page.locator('#email').fill(MODERATOR.email)
      await page.locator('#password').fill(TEST_PASSWORD)
      await page.getByRole('button', { name: 'Log in' }).click()
      await page.waitForURL(`${site.baseUrl}/admin/comments/`)
      assert.equal(await page.locator('.admin-user-name').innerText(), MODERATOR.displayName)

      // The Pending tab lists the comment with the reader's details; Approve.
      const item = page.locator('.moderation-item', { hasText: text })
      assert.equal(await item.count(), 1, 'the comment is in the Pending tab')
      assert.match(await item.innerText(), /lilit@example\.org/)
      await item.getByRole('button', { name: 'Approve' }).click()
      await page.waitForURL(/notice=commentApproved/)
      assert.equal(await page.locator('.moderation-item', { hasText: text }).count(), 0, 'no longer pending')

      // The reader comes back to the article and reloads it (a plain visit may be answered from the
      // browser's cache, which public pages allow for a short while): the comment is there.
      await readerPage.goto(site.baseUrl + MODEL_ARTICLE_PATH)
      await readerPage.reload()
      assert.equal(await readerPage.locator('.comment-content', { hasText: text }).count(), 1, 'the approved comment shows')
      const stored = await site.deps.db.selectFrom('comments').select('status').where('body', '=', text).executeTakeFirstOrThrow()
      assert.equal(stored.status, 'approved')
      const audit = await site.deps.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()
      assert.match(JSON.stringify(audit), /approve/i, 'the approval is in the audit log')

      assert.deepEqual(errors, [])
      await reader.close()
      await newsroom.close()
    })
  }
})
