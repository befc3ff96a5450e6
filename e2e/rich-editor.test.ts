// The rich body editor (issue 17) in Chromium, as a writer uses it: Markdown shortcuts and keys as they
// type (`## `, Mod-b, `- `), a link through its dialog (which first refuses an address without https://),
// undo and redo, the toolbar by keyboard alone (Alt-F10, arrows, Enter, Escape), a Word document pasted
// through the server's cleaner, a pasted YouTube address becoming an embed, then publishing: the reader's
// page shows all of it. Pictures go in through their dialog, which will not insert one without alt text.
// axe finds nothing serious on the editor page, nor with a dialog open.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { HAS_CHROMIUM, runAxe, useBrowserAndSite } from './browser.js'
import { DIALECTS } from '../test/helper.js'
import { createTestUser, TEST_PASSWORD } from '../test/admin-helper.js'
import { corpus } from '../test/corpora.js'

const WRITER = { email: 'rita.rich@example.org', displayName: 'Rita Rich' }
const HEADLINE = 'Ferry timetable changes for the winter'
const WORD_PASTE_PATH = corpus('paste/word--headings-inline-styles--chrome.html', 'the rich editor\'s Word paste')
const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'

/** The editor's bundle, built when missing or older than its sources (scripts/run-tests.mjs does the same). */
function buildBundle(): void {
  const built = spawnSync(process.execPath, [new URL('../scripts/build-assets.mjs', import.meta.url).pathname, '--if-stale'], { stdio: 'inherit' })
  assert.equal(built.status, 0, 'the editor bundle builds')
}

async function logIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login/`)
  await page.locator('#email').fill(WRITER.email)
  await page.locator('#password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL(`${baseUrl}/admin/`)
}

/** What the form will send: the hidden textarea the editor writes into. */
const bodyField = (page: Page): Promise<string> => page.locator('textarea#body').inputValue()

async function waitForBody(page: Page, test: RegExp, message: string): Promise<string> {
  try {
    await page.waitForFunction((source) => new RegExp(source).test((document.getElementById('body') as HTMLTextAreaElement).value), test.source, { timeout: 5_000 })
  } catch {
    assert.fail(`${message}: ${test} not in the body field, which holds ${await bodyField(page)}`)
  }
  return bodyField(page)
}

/** A paste event as the browser fires it, with this clipboard. */
async function paste(page: Page, clipboard: Record<string, string>): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer()
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value)
    document.querySelector('[role="textbox"][contenteditable="true"]')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, clipboard)
}

const focused = (page: Page): Promise<string> => page.evaluate(() => {
  const element = document.activeElement
  return element?.getAttribute('role') === 'textbox' ? 'editor' : element?.textContent ?? ''
})

for (const dialect of DIALECTS) describe(`[${dialect.name}] rich body editor in the browser`, { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const env = useBrowserAndSite(dialect)
  before(async () => {
    buildBundle()
    await createTestUser(env.site, { role: 'editor', ...WRITER })
  })

  it('writes with shortcuts, keys, the toolbar and the link dialog, cleans a Word paste, embeds a pasted video, and publishes it to readers', async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await logIn(page, env.site.baseUrl)
    await page.goto(`${env.site.baseUrl}/admin/articles/new/`)
    await page.locator('#headline').fill(HEADLINE)

    // The editor replaces the textarea, named by the field's label, and is a multi-line text box.
    const editor = page.getByRole('textbox', { name: 'Text', exact: true })
    await editor.waitFor()
    assert.equal(await editor.getAttribute('aria-multiline'), 'true')
    assert.equal(await page.locator('textarea#body').isHidden(), true, 'the textarea stays in the form, hidden')
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    assert.equal(await toolbar.count(), 1)

    // Markdown shortcuts and keys.
    await editor.click()
    await page.keyboard.type('## Winter timetable')
    await page.keyboard.press('Enter')
    await page.keyboard.type('The first ferry leaves at ')
    await page.keyboard.press('ControlOrMeta+b')
    await page.keyboard.type('nine')
    await page.keyboard.press('ControlOrMeta+b')
    await page.keyboard.type(' from December.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('- Monday to Friday')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Saturday')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    let body = await waitForBody(page, /<ul><li><p>Monday to Friday<\/p><\/li><li><p>Saturday<\/p><\/li><\/ul>/, 'a list from "- "')
    assert.match(body, /^<h2>Winter timetable<\/h2><p>The first ferry leaves at <strong>nine<\/strong> from December\.<\/p>/)

    // A link through the dialog: an address without https:// is refused with what to change.
    await page.keyboard.type('Read the whole timetable')
    for (let i = 0; i < 'timetable'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await page.keyboard.press('ControlOrMeta+k')
    const linkDialog = page.getByRole('dialog', { name: 'Link' })
    await linkDialog.waitFor()
    const address = linkDialog.getByRole('textbox', { name: 'Address' })
    assert.equal(await address.evaluate((e) => e === document.activeElement), true, 'the address field has the focus')
    await page.keyboard.type('example.org/timetable')
    await page.keyboard.press('Enter')
    const problem = linkDialog.locator('.field-error:not([hidden])')
    await problem.waitFor()
    assert.match(await problem.innerText(), /Start the address with https:\/\/ \(for example https:\/\/example\.org\/timetable\)/)
    assert.equal(await address.getAttribute('aria-invalid'), 'true')
    assert.match(await address.getAttribute('aria-describedby') ?? '', new RegExp(await problem.getAttribute('id') ?? 'no id'), 'the error is read with the field')
    assert.doesNotMatch(await bodyField(page), /<a /, 'nothing changed yet')
    await address.fill('https://example.org/timetable')
    await linkDialog.getByRole('button', { name: 'Apply link' }).click()
    await linkDialog.waitFor({ state: 'detached' })
    await waitForBody(page, /<p>Read the whole <a href="https:\/\/example\.org\/timetable">timetable<\/a><\/p>/, 'the link')
    assert.equal(await focused(page), 'editor', 'back in the text after the dialog')

    // Undo and redo (Mod-z, Mod-Shift-z and Mod-y).
    await page.keyboard.press('ControlOrMeta+z')
    await waitForBody(page, /<p>Read the whole timetable<\/p>$/, 'undo takes the link away')
    await page.keyboard.press('ControlOrMeta+Shift+z')
    await waitForBody(page, /<a href="https:\/\/example\.org\/timetable">timetable<\/a><\/p>$/, 'redo puts it back')
    await page.keyboard.press('ControlOrMeta+z')
    await waitForBody(page, /<p>Read the whole timetable<\/p>$/, 'undo again')
    await page.keyboard.press('ControlOrMeta+y')
    await waitForBody(page, /<a href="https:\/\/example\.org\/timetable">timetable<\/a><\/p>$/, 'Mod-y redoes')

    // The toolbar by keyboard alone: Alt-F10 reaches it, the arrows move, Enter applies, Escape returns.
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Fares')
    await page.keyboard.press('Alt+F10')
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null), true, 'Alt-F10 moves to the toolbar')
    await page.keyboard.press('Home')
    assert.equal(await focused(page), 'Paragraph')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    assert.equal(await focused(page), 'Subheading')
    assert.deepEqual(await toolbar.locator('button[tabindex="0"]').allInnerTexts(), ['Subheading'], 'one tab stop, on the current button')
    await page.keyboard.press('Enter')
    await waitForBody(page, /<h3>Fares<\/h3>$/, 'the Subheading button')
    assert.equal(await focused(page), 'editor', 'back in the text after the button')
    assert.equal(await toolbar.getByRole('button', { name: 'Subheading' }).getAttribute('aria-pressed'), 'true')
    assert.equal(await toolbar.getByRole('button', { name: 'Heading', exact: true }).getAttribute('aria-pressed'), 'false')
    assert.equal(await toolbar.getByRole('button', { name: 'Redo' }).isDisabled(), true, 'nothing to redo')
    await page.keyboard.press('Alt+F10')
    await page.keyboard.press('Escape')
    assert.equal(await focused(page), 'editor', 'Escape goes back to the text')

    // A Word document pasted: cleaned by the server, none of Word's markup survives.
    if (WORD_PASTE_PATH) {
      await page.keyboard.press('End')
      await page.keyboard.press('Enter')
      await paste(page, { 'text/html': readFileSync(WORD_PASTE_PATH, 'utf8'), 'text/plain': 'Deploy Career InSite 2.1' })
      body = await waitForBody(page, /<h2>I\. Test<\/h2>/, 'the Word paste')
      assert.match(body, /Salary System Test/)
      for (const junk of [/mso-/i, /\bclass=/, /<span/, /\bstyle=/, /<o:p/, /MsoNormal/, /<font/]) assert.doesNotMatch(body, junk)
    }

    // A YouTube address pasted on its own becomes an embed, not a link.
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.press('Enter')
    await paste(page, { 'text/plain': YOUTUBE })
    body = await waitForBody(page, /<figure class="embed" data-embed-provider="youtube"/, 'the pasted video address')
    assert.equal(await editor.locator('figure.embed').count(), 1, 'the editor shows the embed as readers see it')

    // Published: the reader's page has every piece.
    await page.locator('button[name="intent"][value="publish"]').click()
    await page.waitForURL(/\/admin\/articles\/\d+\/\?notice=articlePublished$/)
    const reader = await env.browser.newContext()
    const readerPage = await reader.newPage()
    readerPage.on('pageerror', (e) => errors.push(e.message))
    await readerPage.goto(`${env.site.baseUrl}/newsfeed/`)
    await readerPage.getByRole('link', { name: HEADLINE }).first().click()
    await readerPage.waitForURL(/\/ferry-timetable-changes-for-the-winter\/$/)
    const story = readerPage.locator('.article-body')
    assert.equal(await story.locator('h2', { hasText: 'Winter timetable' }).count(), 1)
    assert.equal(await story.locator('strong', { hasText: 'nine' }).count(), 1)
    assert.deepEqual(await story.locator('ul').first().locator('li').allInnerTexts(), ['Monday to Friday', 'Saturday'])
    assert.equal(await story.locator('a[href="https://example.org/timetable"]').innerText(), 'timetable')
    assert.equal(await story.locator('h3', { hasText: 'Fares' }).count(), 1)
    if (WORD_PASTE_PATH) assert.equal(await story.locator('h2', { hasText: /^I\. Test$/ }).count(), 1)
    const embed = story.locator('figure.embed[data-embed-provider="youtube"]')
    assert.equal(await embed.count(), 1, 'the embed is on the page')
    assert.match(await embed.getAttribute('data-embed-url') ?? '', /dQw4w9WgXcQ/)

    assert.deepEqual(errors, [])
    await reader.close()
    await context.close()
  })

  it('inserts a picture only with alt text, uploading it in place, and reopens its dialog to change the caption', async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await logIn(page, env.site.baseUrl)
    await page.goto(`${env.site.baseUrl}/admin/articles/new/`)
    const editor = page.getByRole('textbox', { name: 'Text', exact: true })
    await editor.click()
    await page.keyboard.type('The new pier.')

    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Picture' }).click()
    const dialog = page.getByRole('dialog', { name: 'Picture' })
    await dialog.waitFor()
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#3a6ea5' } }).png().toBuffer()
    await dialog.getByLabel('Or upload a picture').setInputFiles({ name: 'pier.png', mimeType: 'image/png', buffer: png })
    await dialog.getByRole('button', { name: 'Insert picture' }).click()
    const altProblem = dialog.locator('.field-error:not([hidden])')
    await altProblem.waitFor()
    assert.match(await altProblem.innerText(), /alt text/)
    assert.equal(await dialog.getByLabel('Alt text (required)').evaluate((e) => e === document.activeElement), true, 'the alt field has the focus')
    assert.doesNotMatch(await bodyField(page), /<figure/, 'nothing inserted without alt text')

    await dialog.getByLabel('Alt text (required)').fill('The new pier seen from the ferry')
    await dialog.getByLabel('Caption (optional)').fill('The pier opens in May.')
    await dialog.getByRole('button', { name: 'Insert picture' }).click()
    await dialog.waitFor({ state: 'detached', timeout: 15_000 })
    let body = await waitForBody(page, /<figure class="picture" data-media-id="\d+"><img src="[^"]+"[^>]* alt="The new pier seen from the ferry"/, 'the uploaded picture')
    assert.match(body, /<figcaption><span class="caption">The pier opens in May\.<\/span><\/figcaption><\/figure>/)

    // Enter on the selected picture reopens its dialog.
    await editor.locator('figure.picture').click()
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await dialog.getByLabel('Credit (optional)').fill('Lede photo desk')
    await dialog.getByRole('button', { name: 'Update picture' }).click()
    await dialog.waitFor({ state: 'detached' })
    body = await waitForBody(page, /<span class="credit">Lede photo desk<\/span>/, 'the credit changed in place')
    assert.equal((body.match(/<figure class="picture"/g) ?? []).length, 1, 'changed, not added')

    assert.deepEqual(errors, [])
    await context.close()
  })

  it('passes axe on the editor page, with and without a dialog open', async () => {
    // bypassCSP only so axe can be injected (see runAxe).
    const context = await env.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await logIn(page, env.site.baseUrl)
    await page.goto(`${env.site.baseUrl}/admin/articles/new/`)
    const editor = page.getByRole('textbox', { name: 'Text', exact: true })
    await editor.click()
    await page.keyboard.type('## A heading')
    assert.deepEqual(await runAxe(page, { name: 'rich editor' }), [])
    await page.keyboard.press('ControlOrMeta+k')
    await page.getByRole('dialog', { name: 'Link' }).waitFor()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'Link' }).locator('.field-error:not([hidden])').waitFor()
    assert.deepEqual(await runAxe(page, { name: 'rich editor, link dialog with an error' }), [])
    await context.close()
  })
})
