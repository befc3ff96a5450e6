// The admin shell and account screens in Chromium: the first-run form filled in by hand, then every
// screen of accounts, users, settings and the audit log at phone and desktop widths, with axe-core (no
// serious or critical violation) and the Nu Html Checker (no errors).
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { BrowserContext } from 'playwright-core'
import { assertScreensPassed, checkScreens, HAS_CHROMIUM, runVnu, saveScreenshot, useBrowserAndSite } from './browser.js'
import { screensWiderThanViewport } from './page-width.js'

const ADMIN = { name: 'Ani Administrator', email: 'ani@example.org', password: 'a long enough newsroom passphrase' }

describe('admin account screens in Chromium', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const chromium = useBrowserAndSite({ name: 'sqlite' }, { demo: true, settings: { timeZone: 'Asia/Yerevan' } })
  let signedIn: BrowserContext
  const screens: { name: string, path: string }[] = [
    { name: 'admin-dashboard', path: '/admin/' },
    { name: 'admin-profile', path: '/admin/profile/' },
    { name: 'admin-users', path: '/admin/users/' },
    { name: 'admin-user-new', path: '/admin/users/new/' },
    { name: 'admin-user', path: '/admin/users/2/' },
    { name: 'admin-settings', path: '/admin/settings/' },
    { name: 'admin-audit', path: '/admin/audit/' },
    { name: 'admin-forbidden-or-404', path: '/admin/users/999/' }
  ]

  after(async () => {
    await signedIn?.close()
  })

  it('first run: /admin/ leads to setup; the form creates the site and signs the administrator in', async () => {
    const { browser, site } = chromium
    signedIn = await browser.newContext()
    const page = await signedIn.newPage()
    await page.goto(`${site.baseUrl}/admin/`)
    assert.equal(new URL(page.url()).pathname, '/admin/setup/')
    await saveScreenshot(page, 'admin-setup-390')
    await page.locator('#site_name').fill('Yerevan Evening')
    await page.locator('#display_name').fill(ADMIN.name)
    await page.locator('#email').fill(ADMIN.email)
    await page.locator('#password').fill(ADMIN.password)
    await page.locator('#password_confirm').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Create the site' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/?notice=welcome`)
    assert.match(await page.locator('.notice').innerText(), /Your site is ready/)
    // Invite a second user so the user page has someone to show.
    await page.goto(`${site.baseUrl}/admin/users/new/`)
    await page.locator('#display_name').fill('Eva Editor')
    await page.locator('#email').fill('eva@example.org')
    await page.locator('#role').selectOption('editor')
    await page.getByRole('button', { name: 'Add user and create link' }).click()
    assert.match(await page.locator('#one-time-link').inputValue(), /\/admin\/welcome\/[A-Za-z0-9_-]{43}\/$/)
    await page.close()
  })

  it('logs out and back in through the forms', async () => {
    const { site } = chromium
    const page = await signedIn.newPage()
    await page.goto(`${site.baseUrl}/admin/`)
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/login/?notice=loggedOut`)
    await saveScreenshot(page, 'admin-login-390')
    await page.goto(`${site.baseUrl}/admin/users/`)
    await page.locator('#email').fill(ADMIN.email)
    await page.locator('#password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/users/`)
    await page.close()
  })

  it('every account screen: screenshots at both widths, and no serious axe violation', async () => {
    const storage = await signedIn.storageState()
    assertScreensPassed(await checkScreens(chromium.browser, screens.map((screen) => ({
      url: chromium.site.baseUrl + screen.path, check: { name: screen.name, status: (s: number) => s < 500, context: { storageState: storage } }
    }))))
  })

  it('every account screen fits the window: no page wider than a phone, a tablet or a desktop (tables included)', async () => {
    const storageState = await signedIn.storageState()
    const wide = await screensWiderThanViewport(chromium.browser, screens.map((screen) => ({ name: screen.name, url: chromium.site.baseUrl + screen.path })), { storageState })
    assert.deepEqual(wide, [])
  })

  it('every account screen is valid HTML according to the Nu Html Checker', async () => {
    const storage = await signedIn.storageState()
    const cookie = storage.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const pages: { name: string, html: string }[] = []
    for (const screen of [...screens, { name: 'admin-login', path: '/admin/login/' }]) {
      const html = await (await fetch(chromium.site.baseUrl + screen.path, { headers: screen.name === 'admin-login' ? {} : { cookie } })).text()
      pages.push({ name: screen.name, html })
    }
    assert.deepEqual(await runVnu(pages, 'admin screens'), [])
  })
})
