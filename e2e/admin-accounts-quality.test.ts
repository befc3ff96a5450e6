// The admin shell and account screens in Chromium: the first-run form filled in by hand, then every
// screen of accounts, users, settings and the audit log at phone and desktop widths, with axe-core (no
// serious or critical violation) and the Nu Html Checker (no errors).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { HAS_CHROMIUM, launchBrowser, serveTestApp, type ServedApp } from './browser.js'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar')
const SCREENSHOT_DIR = 'test-results/screenshots'
const WIDTHS = [390, 1280]
const ADMIN = { name: 'Ani Administrator', email: 'ani@example.org', password: 'a long enough newsroom passphrase' }

interface AxeViolation { id: string, impact: string | null, help: string, nodes: { target: string[] }[] }

describe('admin account screens in Chromium', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp
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

  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp({ name: 'sqlite' }, { demo: true, settings: { timeZone: 'Asia/Yerevan' } })
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
  })
  after(async () => {
    await signedIn?.close()
    await browser?.close()
    await site?.close()
  })

  it('first run: /admin/ leads to setup; the form creates the site and signs the administrator in', async () => {
    signedIn = await browser.newContext()
    const page = await signedIn.newPage()
    await page.goto(`${site.baseUrl}/admin/`)
    assert.equal(new URL(page.url()).pathname, '/admin/setup/')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-setup-390.png'), fullPage: true })
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
    const page = await signedIn.newPage()
    await page.goto(`${site.baseUrl}/admin/`)
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/login/?notice=loggedOut`)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-login-390.png'), fullPage: true })
    await page.goto(`${site.baseUrl}/admin/users/`)
    await page.locator('#email').fill(ADMIN.email)
    await page.locator('#password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.waitForURL(`${site.baseUrl}/admin/users/`)
    await page.close()
  })

  it('every account screen: screenshots at both widths, and no serious axe violation', async () => {
    const storage = await signedIn.storageState()
    for (const screen of screens) {
      for (const width of WIDTHS) {
        // axe is injected as an inline script, which our CSP rightly blocks; the check page bypasses it.
        const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, storageState: storage })
        const page = await context.newPage()
        const response = await page.goto(site.baseUrl + screen.path)
        assert.ok(response && response.status() < 500, screen.path)
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${screen.name}-${width}.png`), fullPage: true })
        if (width === WIDTHS[0]) {
          await page.addScriptTag({ content: AXE_SOURCE })
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
            return (await axe.run(document, { resultTypes: ['violations'] })).violations
          }) as AxeViolation[]
          const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          const minor = violations.filter((v) => !serious.includes(v))
          if (minor.length) console.log(`# axe ${screen.name}: minor: ${minor.map((v) => v.id).join(', ')}`)
          assert.deepEqual(serious.map((v) => `${screen.name}: ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [])
        }
        await context.close()
      }
    }
  })

  it('every account screen is valid HTML according to the Nu Html Checker', async () => {
    const storage = await signedIn.storageState()
    const cookie = storage.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const dir = mkdtempSync(join(tmpdir(), 'lede-vnu-admin-'))
    const files: string[] = []
    for (const screen of [...screens, { name: 'admin-login', path: '/admin/login/' }]) {
      const html = await (await fetch(site.baseUrl + screen.path, { headers: screen.name === 'admin-login' ? {} : { cookie } })).text()
      const file = join(dir, `${screen.name}.html`)
      writeFileSync(file, html)
      files.push(file)
    }
    const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8' })
    if (run.error) throw run.error
    const messages = (JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string, url: string, lastLine?: number, message: string }[] }).messages
    const errors = messages.filter((m) => m.type === 'error')
    console.log(`# vnu: ${files.length} admin screens checked, ${errors.length} errors, ${messages.length - errors.length} other messages`)
    assert.deepEqual(errors.map((e) => `${e.url.split('/').pop()}:${e.lastLine}: ${e.message}`), [])
  })
})
