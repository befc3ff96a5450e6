// The newsroom journey in Chromium: first-run setup → log in → write an article with an image →
// schedule it a few seconds ahead → it appears on the newsfeed by itself → a reader comments → a
// moderator approves → the comment shows. Then the same editor path with JavaScript off.
// The site's clock is the test's, ticking in real time, so "by itself" means nobody touches anything.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import sharp from 'sharp'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { e2eTime, HAS_CHROMIUM, launchBrowser, serveTestApp, type ServedApp } from './browser.js'
import { wallClock } from '../src/domain/days.js'

const ZONE = 'Asia/Yerevan'
const ADMIN = { name: 'Nare Editor', email: 'nare@example.org', password: 'a long enough newsroom passphrase' }

/** The site-zone wall clock at `at`, as the editor's date and time fields want it. */
function siteDateTime(at: Date): { date: string, time: string } {
  const w = wallClock(at, ZONE)
  const pad = (n: number) => String(n).padStart(2, '0')
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` }
}

async function logIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login/`)
  await page.locator('#email').fill(ADMIN.email)
  await page.locator('#password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL(`${baseUrl}/admin/`)
}

describe('newsroom journey in the browser', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp
  let ticker: NodeJS.Timeout
  let imagePath: string

  before(async () => {
    browser = await launchBrowser()
    // An empty site: no account, no content (first run). 10:04:00 UTC is 14:04 in Yerevan.
    site = await serveTestApp({ name: 'sqlite' }, { clock: e2eTime(4 * 60_000), settings: { timeZone: ZONE } })
    // The test clock ticks with real time from here on.
    let last = Date.now()
    ticker = setInterval(() => { const now = Date.now(); site.clock.advance(now - last); last = now }, 50)
    const { mkdtemp, writeFile } = await import('node:fs/promises')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    imagePath = join(await mkdtemp(join(tmpdir(), 'lede-e2e-')), 'republic-square.jpg')
    await writeFile(imagePath, await sharp({ create: { width: 1400, height: 900, channels: 3, background: { r: 180, g: 60, b: 40 } } }).jpeg().toBuffer())
  })
  after(async () => {
    clearInterval(ticker)
    await browser?.close()
    await site?.close()
  })

  it('with JavaScript: setup, an article with an image scheduled seconds ahead, a reader’s comment approved', async () => {
    const newsroom: BrowserContext = await browser.newContext()
    const page = await newsroom.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))

    // First run: the admin leads to setup.
    await page.goto(`${site.baseUrl}/admin/`)
    await page.waitForURL(/\/admin\/setup\/$/)
    await page.locator('#site_name').fill('Journey News')
    await page.locator('#display_name').fill(ADMIN.name)
    await page.locator('#email').fill(ADMIN.email)
    await page.locator('#password').fill(ADMIN.password)
    await page.locator('#password_confirm').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Create the site' }).click()
    await page.waitForURL(/\/admin\/(\?.*)?$/)
    assert.equal(await page.locator('.admin-user-name').innerText(), ADMIN.name, 'signed in after setup')

    // Upload the picture.
    await page.goto(`${site.baseUrl}/admin/media/`)
    await page.locator('#file').setInputFiles(imagePath)
    await page.locator('#alt').fill('Republic Square at dusk')
    await page.locator('#credit').fill('Photo: Journey News')
    await page.getByRole('button', { name: 'Upload', exact: true }).click()
    await page.waitForURL(/\/admin\/media\/\d+\/\?notice=mediaUploaded$/)

    // Write the article; the script proposes the slug and fills the image's alt text from the library.
    await page.goto(`${site.baseUrl}/admin/articles/new/`)
    await page.locator('#headline').fill('Square reopens after repairs')
    await page.waitForFunction(() => (document.getElementById('slug') as HTMLInputElement).placeholder === 'square-reopens-after-repairs')
    await page.locator('#lead').fill('Republic Square is open to traffic again.')
    // The rich editor: **bold** is a shortcut as it is typed, Enter a new paragraph.
    await page.getByRole('textbox', { name: 'Text', exact: true }).click()
    await page.keyboard.type('Work on the square **ended** on Thursday.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('The fountains run again.')
    await page.waitForFunction(() => document.getElementById('body-preview')!.innerHTML.includes('<strong>ended</strong>'))
    assert.equal(await page.locator('textarea#body').inputValue(), '<p>Work on the square <strong>ended</strong> on Thursday.</p><p>The fountains run again.</p>')
    await page.locator('.media-choice input[type="radio"]').nth(1).check()
    assert.equal(await page.locator('#featured_alt').inputValue(), 'Republic Square at dusk')
    assert.equal(await page.locator('#featured_credit').inputValue(), 'Photo: Journey News')

    // A few seconds ahead: jump to 55 s past a minute and schedule for the next minute.
    const now = site.clock()
    site.clock.set(new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 55_000).toISOString())
    const due = new Date(Math.ceil(site.clock().getTime() / 60_000) * 60_000)
    const when = siteDateTime(due)
    await page.locator('#publish_date').fill(when.date)
    await page.locator('#publish_time').fill(when.time)
    const publish = page.locator('button[name="intent"][value="publish"]')
    assert.equal(await publish.innerText(), 'Schedule')
    await publish.click()
    await page.waitForURL(/\?notice=articleScheduled$/)
    assert.match(await page.locator('.notice').innerText(), /It will appear by itself/)

    // A reader watches the newsfeed: not there yet, then there, with nobody doing anything.
    const reader = await browser.newContext()
    const readerPage = await reader.newPage()
    readerPage.on('pageerror', (e) => errors.push(e.message))
    await readerPage.goto(`${site.baseUrl}/`)
    assert.equal(site.clock() < due, true, 'the check ran before the time')
    assert.equal(await readerPage.getByText('Square reopens after repairs').count(), 0)
    const deadline = Date.now() + 20_000
    while (await readerPage.getByText('Square reopens after repairs').count() === 0) {
      assert.ok(Date.now() < deadline, 'the scheduled story did not appear')
      await new Promise((resolve) => setTimeout(resolve, 500))
      await readerPage.reload()
    }
    assert.ok(site.clock() >= due)

    // The article page shows the picture with its sizes.
    await readerPage.getByRole('link', { name: 'Square reopens after repairs' }).first().click()
    await readerPage.waitForURL(/\/square-reopens-after-repairs\/$/)
    const img = readerPage.locator('figure.featured-image img')
    assert.equal(await img.getAttribute('alt'), 'Republic Square at dusk')
    assert.match((await img.getAttribute('srcset'))!, /320\.webp 320w, .*640\.webp 640w, .*1024\.webp 1024w/)
    assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), 'the image loaded')

    // The reader comments; it waits for moderation.
    await readerPage.locator('#comment').fill('Good news for the whole city.')
    await readerPage.locator('#author').fill('Armen Reader')
    await readerPage.locator('#email').fill('armen@example.org')
    site.clock.advance(30_000)
    await readerPage.getByRole('button', { name: 'Post Comment' }).click()
    await readerPage.waitForURL(/\?comment=pending#comments$/)
    assert.equal(await readerPage.locator('.comment-content', { hasText: 'Good news for the whole city.' }).count(), 0)

    // The moderator approves it from the Pending tab.
    await page.goto(`${site.baseUrl}/admin/comments/`)
    const item = page.locator('.moderation-item', { hasText: 'Good news for the whole city.' })
    assert.match(await item.innerText(), /armen@example\.org/)
    await item.getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(/notice=commentApproved/)

    // The comment shows.
    await readerPage.goto(readerPage.url().replace(/\?.*$/, ''))
    await readerPage.reload()
    assert.equal(await readerPage.locator('.comment-content', { hasText: 'Good news for the whole city.' }).count(), 1)
    assert.deepEqual(errors, [])
    await reader.close()
    await newsroom.close()
  })

  it('without JavaScript: the editor writes, previews with the button and publishes an article with an image', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await logIn(page, site.baseUrl)
    await page.goto(`${site.baseUrl}/admin/articles/new/`)
    await page.locator('#headline').fill('Plain form story')
    // Without JavaScript the body is the textarea itself, which takes simple HTML.
    await page.locator('#body').fill('<p>Written <em>without</em> scripts.</p>')
    await page.getByRole('button', { name: 'Preview the text' }).click()
    await page.waitForLoadState()
    assert.equal(await page.locator('#body-preview em').innerText(), 'without')
    assert.equal(await page.locator('#headline').inputValue(), 'Plain form story', 'the form came back as typed')
    await page.locator('.media-choice input[type="radio"]').nth(1).check()
    // Without the script nothing fills the alt text: the server asks for it.
    await page.getByRole('button', { name: 'Publish or schedule' }).click()
    await page.waitForLoadState()
    assert.match(await page.locator('#featured_alt-error').innerText(), /describe the image/)
    await page.locator('#featured_alt').fill('Republic Square at dusk, again')
    await page.getByRole('button', { name: 'Publish or schedule' }).click()
    await page.waitForURL(/\?notice=articlePublished$/)
    await page.getByRole('link', { name: 'View on the site' }).click()
    await page.waitForURL(/\/plain-form-story\/$/)
    assert.equal(await page.locator('figure.featured-image img').getAttribute('alt'), 'Republic Square at dusk, again')
    await context.close()
  })
})
