// A reader's journey in Chromium, with JavaScript on and off: front page → a day's newsfeed →
// the previous day → an article → leave a comment → see that it awaits moderation.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { e2eDay, HAS_CHROMIUM, useBrowserAndSite } from './browser.js'

describe('reader journey', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const chromium = useBrowserAndSite({ name: 'sqlite' }, { demo: true })

  for (const javaScriptEnabled of [true, false]) {
    it(`reads the news and comments with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const { browser, site } = chromium
      const context = await browser.newContext({ javaScriptEnabled })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))

      await page.goto(site.baseUrl + '/')
      const yesterday = e2eDay(1)
      const dayBefore = e2eDay(2)
      await page.getByRole('link', { name: yesterday.long }).click()
      await page.waitForURL(`**/newsfeed/${yesterday.iso}/`)
      assert.match(await page.locator('h1').innerText(), /Day newsfeed/)

      await page.getByRole('link', { name: /Previous day with news/ }).first().click()
      await page.waitForURL(`**/newsfeed/${dayBefore.iso}/`)

      const story = page.locator('.day-newsfeed .story a').first()
      const headline = await story.innerText()
      await story.click()
      await page.waitForURL(new RegExp(`/${dayBefore.path}/[a-z0-9-]+/$`))
      assert.equal(await page.locator('h1').innerText(), headline)

      const comment = `A reader's view with JavaScript ${javaScriptEnabled ? 'on' : 'off'}.`
      // Both runs post from 127.0.0.1, and flood control allows one comment per IP every 15 seconds.
      site.clock.advance(20_000)
      await page.locator('#comment').fill(comment)
      await page.locator('#author').fill('Journey Reader')
      await page.locator('#email').fill('journey@example.org')
      await page.getByRole('button', { name: 'Post Comment' }).click()
      await page.waitForURL(/\?comment=pending#comments$/)
      assert.match(await page.locator('.notice').innerText(), /awaiting moderation/)
      assert.equal(await page.getByText(comment).count(), 0, 'a pending comment is not shown')

      const stored = await site.deps.db.selectFrom('comments').select(['status', 'author_name']).where('body', '=', comment).executeTakeFirst()
      assert.equal(stored?.author_name, 'Journey Reader')
      assert.deepEqual(errors, [])
      await context.close()
    })
  }
})
