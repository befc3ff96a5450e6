// A keyboard-only reader in Chromium: from the top of an article, Tab reaches the comment form, whose
// fields come in reading order (Comment, Name, Email, Website, "save my details", Post Comment), each
// showing a visible focus ring (:focus-visible with a real outline); Space ticks the box and the form
// is sent with Enter on one run and Space on the other. With JavaScript on and off.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { HAS_CHROMIUM, useBrowserAndSite } from './browser.js'
import { MODEL_ARTICLE_PATH } from './pages.js'

/** Where the focus is, and whether it is drawn: :focus-visible applies and the outline is at least 2 px. */
async function focused(page: Page): Promise<{ id: string, tag: string, visible: boolean, outline: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { id: '', tag: 'body', visible: false, outline: 'none' }
    const style = getComputedStyle(el)
    const width = Number.parseFloat(style.outlineWidth)
    const visible = el.matches(':focus-visible') && style.outlineStyle !== 'none' && width >= 2 && style.outlineColor !== 'transparent'
    return { id: el.id, tag: el.tagName.toLowerCase(), visible, outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` }
  })
}

describe('keyboard-only journey through the comment form', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const chromium = useBrowserAndSite({ name: 'sqlite' }, { demo: true })

  for (const [javaScriptEnabled, submitKey] of [[true, 'Enter'], [false, 'Space']] as const) {
    it(`reaches every field in order with a visible focus and posts with ${submitKey}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const { browser, site } = chromium
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 800 } })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(site.baseUrl + MODEL_ARTICLE_PATH)

      // Tab from the top of the page until the comment box has the focus; every stop on the way is drawn.
      let presses = 0
      let stop = await focused(page)
      const undrawn: string[] = []
      while (stop.id !== 'comment') {
        assert.ok(presses < 400, 'Tab never reached the comment box')
        await page.keyboard.press('Tab')
        presses += 1
        stop = await focused(page)
        if (stop.tag !== 'body' && !stop.visible) undrawn.push(`${stop.tag}#${stop.id} (${stop.outline})`)
      }
      assert.deepEqual(undrawn, [], 'every focus stop before the form has a visible focus ring')

      const text = `Typed without a mouse (JavaScript ${javaScriptEnabled ? 'on' : 'off'}).`
      await page.keyboard.type(text)
      const order: string[] = ['comment']
      const typed: Record<string, string> = { author: 'Keyboard Reader', email: 'keys@example.org', url: 'https://keys.example.org/' }
      for (const expected of ['author', 'email', 'url', 'save-details']) {
        await page.keyboard.press('Tab')
        const now = await focused(page)
        assert.ok(now.visible, `${now.id} has a visible focus ring (${now.outline})`)
        order.push(now.id)
        if (typed[expected] && now.id === expected) await page.keyboard.type(typed[expected])
      }
      assert.deepEqual(order, ['comment', 'author', 'email', 'url', 'save-details'])
      await page.keyboard.press('Space')
      assert.equal(await page.locator('#save-details').isChecked(), true, 'Space ticks the box')

      await page.keyboard.press('Tab')
      const button = await focused(page)
      assert.equal(button.tag, 'button', 'after the box comes the Post Comment button')
      assert.ok(button.visible, `the button has a visible focus ring (${button.outline})`)
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).innerText.trim()), 'Post Comment')

      // Both runs post from 127.0.0.1, and flood control allows one comment per address every 15 seconds.
      site.clock.advance(20_000)
      await page.keyboard.press(submitKey)
      await page.waitForURL(/\?comment=pending#comments$/)
      const stored = await site.deps.db.selectFrom('comments').select(['author_name', 'author_email', 'author_url', 'status']).where('body', '=', text).executeTakeFirstOrThrow()
      assert.deepEqual(stored, { author_name: 'Keyboard Reader', author_email: 'keys@example.org', author_url: 'https://keys.example.org/', status: 'pending' })
      console.log(`# keyboard (JavaScript ${javaScriptEnabled ? 'on' : 'off'}): ${presses} Tab presses from the top to the comment box, then 5 more to Post Comment`)
      assert.deepEqual(errors, [])
      await context.close()
    })
  }
})
