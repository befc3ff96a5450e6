// The editor's autosave in Chromium: type into a saved article → the quiet status line says it was
// autosaved (and the article itself is unchanged) → leaving asks first → reopening offers the autosave →
// Restore fills the form → Save keeps it and the offer is gone. Without JavaScript the offer still works.
// The offer and the restored form pass axe-core (no serious violation) and the Nu Html Checker.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { HAS_CHROMIUM, launchBrowser, runAxe, runVnu, serveTestApp, type ServedApp } from './browser.js'
import { DIALECTS } from '../test/helper.js'
import { createTestUser, login, TEST_PASSWORD } from '../test/admin-helper.js'
import { currentFields } from '../test/web/admin/newsroom-support.js'
import { articleById } from '../src/db/repositories/articles.repository.js'
import { assertBodyDocument, paragraphs } from '../test/body-support.js'

const EDITOR = { email: 'ani.autosave@example.org', displayName: 'Ani Autosave' }
const SAVED_BODY = 'The ferry leaves at nine.'
/** The body as the form holds it (the hidden textarea the rich editor writes into). */
const SAVED_BODY_HTML = `<p>${SAVED_BODY}</p>`

/** The rich editor in place of the body textarea, named by the field's label. */
const bodyEditor = (page: Page) => page.getByRole('textbox', { name: 'Text', exact: true })

async function logIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login/`)
  await page.locator('#email').fill(EDITOR.email)
  await page.locator('#password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL(`${baseUrl}/admin/`)
}

/** Writes and saves a draft through the editor; returns its id. */
async function saveDraft(page: Page, baseUrl: string, headline: string): Promise<number> {
  await page.goto(`${baseUrl}/admin/articles/new/`)
  assert.equal(await page.locator('#article-form[data-autosave-url]').count(), 0, 'a new article is not autosaved before its first save')
  await page.locator('#headline').fill(headline)
  await bodyEditor(page).click()
  await page.keyboard.type(SAVED_BODY)
  assert.equal(await page.locator('textarea#body').inputValue(), SAVED_BODY_HTML, 'the editor wrote the body into the form')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.waitForURL(/\/admin\/articles\/\d+\/\?notice=articleSaved$/)
  return Number(/\/admin\/articles\/(\d+)\//.exec(page.url())![1])
}

for (const dialect of DIALECTS) describe(`[${dialect.name}] editor autosave in the browser`, { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp

  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan' } })
    await createTestUser(site, { role: 'editor', ...EDITOR })
  })
  after(async () => {
    await browser?.close()
    await site?.close()
  })

  it('autosaves typing, warns on leaving, offers the autosave on reopening, restores it and saves it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true })
    // Page clocks run at real speed from the real time, and can be moved on past the script's waits.
    await context.clock.install()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const dialogs: string[] = []
    page.on('dialog', (dialog) => { dialogs.push(dialog.type()); void dialog.accept() })

    await logIn(page, site.baseUrl)
    const id = await saveDraft(page, site.baseUrl, 'Ferry timetable changes')
    const status = page.locator('#autosave-status')
    assert.equal(await status.getAttribute('aria-live'), 'polite')
    assert.equal(await status.innerText(), '', 'nothing to say before anything changed')

    // Type (real key presses: a page may only ask before unloading after the user did something).
    await bodyEditor(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' It now stops at the island.')
    // The script waits 3 s after the last key press: the page's clock jumps there instead of the test waiting.
    await page.clock.fastForward(3_000)
    await page.waitForFunction(() => /^Changes autosaved at \d\d:\d\d\./.test(document.getElementById('autosave-status')!.textContent ?? ''), null, { timeout: 20_000 })
    const typedText = `${SAVED_BODY} It now stops at the island.`
    const typed = `<p>${typedText}</p>`
    const stored = (await articleById(site.deps.db, id))!
    assertBodyDocument(stored.body_source, paragraphs(SAVED_BODY), 'the article itself is unchanged')
    assert.equal(stored.version, 1)
    const autosaves = await site.deps.db.selectFrom('article_autosaves').selectAll().where('article_id', '=', id).execute()
    assert.equal(autosaves.length, 1)
    assert.equal((JSON.parse(autosaves[0]!.form_values) as { body: string }).body, typed)

    // Leaving with unsaved changes asks first (accepted here), and the editor then offers the autosave.
    await page.reload()
    assert.deepEqual(dialogs, ['beforeunload'])
    const offer = page.locator('.autosave-notice')
    assert.match(await offer.innerText(), /An autosave from .+ is newer than this version\./)
    assert.equal(await page.locator('#body').inputValue(), SAVED_BODY_HTML, 'the saved version is shown until restored')
    assert.equal(await bodyEditor(page).innerText(), SAVED_BODY, 'in the editor too')

    await page.getByRole('link', { name: 'Restore it' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/articles/${id}/?autosave=restore`)
    assert.equal(await page.locator('#body').inputValue(), typed)
    assert.equal(await bodyEditor(page).innerText(), typedText, 'the editor shows the restored text')
    assert.match(await page.locator('.autosave-notice').innerText(), /The article changes only when you save\./)

    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/articles/${id}/?notice=articleSaved`)
    assert.equal(dialogs.length, 1, 'saving does not ask about leaving')
    assert.equal(await page.locator('#body').inputValue(), typed)
    assert.equal(await page.locator('.autosave-notice').count(), 0, 'nothing left to offer')
    const saved = (await articleById(site.deps.db, id))!
    assertBodyDocument(saved.body_source, paragraphs(typedText))
    assert.equal(saved.version, 2, 'one real save, no conflict with its own autosaves')
    assert.equal((await site.deps.db.selectFrom('article_autosaves').selectAll().where('article_id', '=', id).execute()).length, 0)

    // Nothing changed since: no autosave request, and leaving asks nothing.
    await page.goto(`${site.baseUrl}/admin/articles/`)
    assert.equal(dialogs.length, 1)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('without JavaScript: nothing is autosaved, and an autosave from elsewhere is offered and discarded with plain forms', async () => {
    const scripted = await browser.newContext({ javaScriptEnabled: true })
    await scripted.clock.install()
    const writer = await scripted.newPage()
    await logIn(writer, site.baseUrl)
    const id = await saveDraft(writer, site.baseUrl, 'Bakery reopens')
    await writer.locator('#lead').pressSequentially('Bread again from Monday.')
    await writer.clock.fastForward(3_000)
    await writer.waitForFunction(() => (document.getElementById('autosave-status')!.textContent ?? '') !== '', null, { timeout: 20_000 })
    await scripted.close()

    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await logIn(page, site.baseUrl)
    await page.goto(`${site.baseUrl}/admin/articles/${id}/`)
    assert.match(await page.locator('.autosave-notice').innerText(), /newer than this version/)
    assert.equal(await page.locator('#lead').inputValue(), '')
    await page.getByRole('button', { name: 'Discard' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/articles/${id}/?notice=autosaveDiscarded`)
    assert.match(await page.locator('.notice').first().innerText(), /Autosave discarded\./)
    assert.equal(await page.locator('.autosave-notice').count(), 0)
    assert.equal(await page.locator('#autosave-status').innerText(), '', 'the status line stays empty without the script')
    assert.equal((await site.deps.db.selectFrom('article_autosaves').selectAll().where('article_id', '=', id).execute()).length, 0)
    // Typing and pausing longer than the script would wait sends nothing.
    await page.locator('#lead').fill('Typed without the script.')
    await page.waitForTimeout(4_000)
    assert.equal((await site.deps.db.selectFrom('article_autosaves').selectAll().where('article_id', '=', id).execute()).length, 0)
    await context.close()
  })

  it('shows the offer and the restored form accessibly and as valid HTML', async () => {
    const session = await login(site, EDITOR.email)
    const context = await browser.newContext({ javaScriptEnabled: true })
    const writer = await context.newPage()
    await logIn(writer, site.baseUrl)
    const id = await saveDraft(writer, site.baseUrl, 'Checked notices')
    const res = await site.app.inject({
      method: 'POST', url: `/admin/articles/${id}/autosave/`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...(await currentFields(site, id)), body: 'Autosaved for the checks.' })
    })
    assert.equal(res.statusCode, 200, res.body)
    await context.close()

    const pages = [`/admin/articles/${id}/`, `/admin/articles/${id}/?autosave=restore`]
    const cookie = session.cookie.split('=')
    // axe is injected as an inline script, which our CSP rightly blocks; the check page bypasses it.
    const checker = await browser.newContext({ bypassCSP: true })
    await checker.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: site.baseUrl }])
    const page = await checker.newPage()
    const saved: { name: string, html: string }[] = []
    for (const [i, path] of pages.entries()) {
      assert.equal((await page.goto(site.baseUrl + path))?.status(), 200, path)
      assert.equal(await page.locator('.autosave-notice').count(), 1, path)
      assert.deepEqual(await runAxe(page, { name: path, rules: { 'color-contrast': { enabled: true } } }), [])
      saved.push({ name: `autosave-${i}`, html: await (await fetch(site.baseUrl + path, { headers: { cookie: session.cookie } })).text() })
    }
    await checker.close()
    assert.deepEqual(await runVnu(saved, 'autosave screens'), [])
  })
})
