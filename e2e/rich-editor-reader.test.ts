// A story with a library picture and a YouTube embed, written in the rich editor (issue 17), as readers
// get it: the picture is a <figure> with the pipeline's srcset; the embed is a placeholder, and nothing is
// requested from anywhere but this site until the reader clicks it (every request of the page is
// watched); axe finds nothing serious. Then the same story is edited with JavaScript off: the body is the
// textarea of simple HTML, and saving it keeps the picture and the embed.
import { spawnSync } from 'node:child_process'
import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { HAS_CHROMIUM, runAxe, useBrowserAndSite } from './browser.js'
import { DIALECTS } from '../test/helper.js'
import { createTestUser, TEST_PASSWORD } from '../test/admin-helper.js'
import { uploadMedia } from '../src/services/media.service.js'

const WRITER = { email: 'pia.picture@example.org', displayName: 'Pia Picture' }
const HEADLINE = 'Harbour wall repaired before the storms'
const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'

async function logIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login/`)
  await page.locator('#email').fill(WRITER.email)
  await page.locator('#password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL(`${baseUrl}/admin/`)
}

for (const dialect of DIALECTS) describe(`[${dialect.name}] a story with a picture and an embed, from the editor to the reader`, { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const env = useBrowserAndSite(dialect)
  let writerId = 0
  before(async () => {
    const built = spawnSync(process.execPath, [new URL('../scripts/build-assets.mjs', import.meta.url).pathname, '--if-stale'], { stdio: 'inherit' })
    assert.equal(built.status, 0, 'the editor bundle builds')
    writerId = (await createTestUser(env.site, { role: 'editor', ...WRITER })).id
    const bytes = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#6a8caf' } }).jpeg().toBuffer()
    const uploaded = await uploadMedia(env.site.deps, { id: writerId, role: 'editor', displayName: WRITER.displayName },
      { bytes, originalName: 'harbour-wall.jpg', alt: 'Workers on the harbour wall at low tide', caption: 'The wall in November.', credit: 'Photo: Lede' })
    assert.equal(uploaded.kind, 'created')
  })

  it('publishes a library picture with its srcset and an embed that loads nothing until clicked', async () => {
    const context = await env.browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await logIn(page, env.site.baseUrl)
    await page.goto(`${env.site.baseUrl}/admin/articles/new/`)
    await page.locator('#headline').fill(HEADLINE)
    const editor = page.getByRole('textbox', { name: 'Text', exact: true })
    await editor.click()
    await page.keyboard.type('Crews worked through three low tides.')
    await page.keyboard.press('Enter')

    // A picture from the library: found by searching, its alt text, caption and credit come with it.
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Picture' }).click()
    const dialog = page.getByRole('dialog', { name: 'Picture' })
    await dialog.waitFor()
    const searched = page.waitForResponse((response) => response.url().includes('harbour'))
    await dialog.getByLabel('Search the media library').fill('harbour')
    // Chosen maybe from the first answer (recent pictures), before the search's answer replaces the list:
    // the picture must then be listed once, still chosen (each answer brings it as a new object).
    await dialog.getByRole('radio', { name: 'harbour-wall.jpg' }).first().check()
    await searched
    await page.waitForFunction(() => document.querySelector('.rich-choices [role="status"]')?.textContent === '')
    assert.equal(await dialog.getByRole('radio', { name: 'harbour-wall.jpg' }).count(), 1)
    assert.ok(await dialog.getByRole('radio', { name: 'harbour-wall.jpg' }).isChecked())
    assert.equal(await dialog.getByLabel('Alt text (required)').inputValue(), 'Workers on the harbour wall at low tide')
    await dialog.getByRole('button', { name: 'Insert picture' }).click()
    await dialog.waitFor({ state: 'detached' })

    // A YouTube address pasted on its own line.
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.press('Enter')
    await page.evaluate((url) => {
      const transfer = new DataTransfer()
      transfer.setData('text/plain', url)
      document.querySelector('[role="textbox"][contenteditable="true"]')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
    }, YOUTUBE)
    await page.waitForFunction(() => /<figure class="embed"/.test((document.getElementById('body') as HTMLTextAreaElement).value))
    await page.locator('button[name="intent"][value="publish"]').click()
    await page.waitForURL(/\/admin\/articles\/\d+\/\?notice=articlePublished$/)
    const editUrl = page.url().replace(/\?.*$/, '')
    assert.deepEqual(errors, [])
    await context.close()

    // The reader: every request the page makes is watched.
    const reader = await env.browser.newContext({ bypassCSP: true }) // only so axe can be injected
    const readerPage = await reader.newPage()
    const requested: string[] = []
    readerPage.on('request', (r) => requested.push(r.url()))
    await readerPage.goto(`${env.site.baseUrl}/newsfeed/`)
    await readerPage.getByRole('link', { name: HEADLINE }).first().click()
    await readerPage.waitForURL(/\/harbour-wall-repaired-before-the-storms\/$/)
    await readerPage.waitForLoadState('networkidle')
    const story = readerPage.locator('.article-body')
    const img = story.locator('figure.picture img')
    assert.equal(await img.getAttribute('alt'), 'Workers on the harbour wall at low tide')
    assert.match(await img.getAttribute('srcset') ?? '', /\/media\/\d+-[0-9a-f]{16}\/320\.webp 320w, .*640\.webp 640w, .*1024\.webp 1024w/)
    assert.ok(await img.evaluate((e) => (e as HTMLImageElement).naturalWidth > 0), 'the picture loads')
    assert.equal(await story.locator('figcaption .credit').innerText(), 'Photo: Lede')
    const outside = () => requested.filter((url) => !url.startsWith(env.site.baseUrl) && !url.startsWith('data:'))
    assert.deepEqual(outside(), [], 'nothing from a third party before the click')
    assert.equal(await story.locator('iframe').count(), 0)
    assert.deepEqual(await runAxe(readerPage, { name: 'article with picture and embed' }), [])

    const show = story.getByRole('button', { name: /Show the post \(YouTube\)/ })
    await show.click()
    const frame = story.locator('iframe.embed-frame')
    await frame.waitFor({ state: 'attached' })
    assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
    await readerPage.waitForTimeout(300)
    assert.ok(outside().every((url) => url.startsWith('https://www.youtube-nocookie.com/')), `after the click, only the player: ${outside().join(', ')}`)
    await reader.close()

    // The same story edited with JavaScript off: the body is simple HTML in a textarea.
    const plain = await env.browser.newContext({ javaScriptEnabled: false })
    const plainPage = await plain.newPage()
    await logIn(plainPage, env.site.baseUrl)
    await plainPage.goto(editUrl)
    const textarea = plainPage.locator('textarea#body')
    assert.ok(await textarea.isVisible(), 'without JavaScript the body is a visible textarea')
    const html = await textarea.inputValue()
    assert.match(html, /<figure class="picture" data-media-id="\d+">/)
    assert.match(html, /<figure class="embed" data-embed-provider="youtube"/)
    await textarea.fill(html.replace('<p>Crews worked through three low tides.</p>', '<p>Crews worked through <strong>four</strong> low tides.</p>'))
    await plainPage.locator('button[name="intent"][value="save"]').click()
    await plainPage.waitForURL(/\?notice=/)
    await plainPage.goto(`${env.site.baseUrl}/newsfeed/`)
    await plainPage.getByRole('link', { name: HEADLINE }).first().click()
    const edited = plainPage.locator('.article-body')
    assert.equal(await edited.locator('strong', { hasText: 'four' }).count(), 1)
    assert.equal(await edited.locator('figure.picture img[srcset]').count(), 1, 'the picture kept')
    assert.equal(await edited.locator('figure.embed').count(), 1, 'the embed kept, as a link without JavaScript')
    assert.equal(await edited.locator('figure.embed a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').count(), 1)
    await plain.close()
  })
})
