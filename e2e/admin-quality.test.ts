// The main newsroom screens in Chromium, on the demo site with pending comments and a picture in the
// library: dashboard, articles list, the article editor (new and existing), comment moderation (list
// and one comment), the media library (list and one item), sections & tags (list and one term),
// settings and the audit log. Screenshots at phone and desktop widths, axe-core (no serious or
// critical violation; colour contrast included) and the Nu Html Checker (no errors).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { HAS_CHROMIUM, launchBrowser, serveTestApp, type ServedApp } from './browser.js'
import { MODEL_ARTICLE_PATH } from './pages.js'
import { loginAs, type AdminSession } from '../test/admin-helper.js'
import { testImage, upload } from '../test/web/admin/newsroom-support.js'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar')
const SCREENSHOT_DIR = 'test-results/screenshots'
const WIDTHS = [390, 1280]

interface AxeViolation { id: string, impact: string | null, help: string, nodes: { target: string[] }[] }

describe('main admin screens in Chromium', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp
  let admin: AdminSession
  const screens: { name: string, path: string }[] = []

  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp({ name: 'sqlite' }, { demo: true, settings: { timeZone: 'Asia/Yerevan' } })
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    admin = await loginAs(site, 'administrator', { displayName: 'Ani Administrator' })

    // Readers' comments waiting for moderation, from different addresses (flood control is per address).
    const page = await site.app.inject(MODEL_ARTICLE_PATH)
    const articleId = /name="article_id" value="(\d+)"/.exec(page.body)![1]!
    const comments = [
      ['Gor Reader', 'gor@example.org', 'https://gor.example.org/', 'The State Department has said this before.'],
      ['Mane Reader', 'mane@example.org', '', 'Is there a transcript of the briefing?\n\nI could not find one.'],
      ['Spam Bot', 'bot@example.org', 'https://cheap.example.com/', 'Great article! Visit my site.']
    ]
    for (const [i, [author, email, url, comment]] of comments.entries()) {
      const res = await site.app.inject({
        method: 'POST', url: '/comments', remoteAddress: `10.20.0.${i + 1}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ article_id: articleId, author: author!, email: email!, url: url!, comment: comment! }).toString()
      })
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    }
    const pending = await site.deps.db.selectFrom('comments').select('id').where('status', '=', 'pending').orderBy('id').executeTakeFirstOrThrow()

    // A picture in the library.
    const uploaded = await upload(site, admin, { name: 'square.jpg', type: 'image/jpeg', bytes: await testImage('jpeg', 1400, 900) }, { alt: 'Republic Square at dusk', caption: 'The square after the rain.', credit: 'Photo: Lede' })
    assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 300))
    const mediaId = /\/admin\/media\/(\d+)\//.exec(uploaded.headers.location as string)![1]!

    // A section and a tag to open from the taxonomy screen.
    const taxonomy = (await site.app.inject({ url: '/admin/taxonomy/', headers: { cookie: admin.cookie } })).body
    const sectionPath = /href="(\/admin\/taxonomy\/section\/\d+\/)"/.exec(taxonomy)?.[1]
    const tagPath = /href="(\/admin\/taxonomy\/tag\/\d+\/)"/.exec(taxonomy)?.[1]
    assert.ok(sectionPath && tagPath, 'the taxonomy screen links to a section and a tag')

    screens.push(
      { name: 'admin-main-dashboard', path: '/admin/' },
      { name: 'admin-articles', path: '/admin/articles/' },
      { name: 'admin-article-new', path: '/admin/articles/new/' },
      { name: 'admin-article-edit', path: '/admin/articles/1/' },
      { name: 'admin-article-revisions', path: '/admin/articles/1/revisions/' },
      { name: 'admin-comments', path: '/admin/comments/' },
      { name: 'admin-comments-approved', path: '/admin/comments/?status=approved' },
      { name: 'admin-comment', path: `/admin/comments/${pending.id}/` },
      { name: 'admin-media', path: '/admin/media/' },
      { name: 'admin-media-item', path: `/admin/media/${mediaId}/` },
      { name: 'admin-taxonomy', path: '/admin/taxonomy/' },
      { name: 'admin-section', path: sectionPath },
      { name: 'admin-tag', path: tagPath },
      { name: 'admin-main-settings', path: '/admin/settings/' },
      { name: 'admin-main-audit', path: '/admin/audit/' }
    )
  })
  after(async () => {
    await browser?.close()
    await site?.close()
  })

  it('every main screen: screenshots at both widths, and no serious axe violation (contrast included)', async () => {
    const cookie = admin.cookie.split('=')
    for (const screen of screens) {
      for (const width of WIDTHS) {
        // axe is injected as an inline script, which our CSP rightly blocks; the check page bypasses it.
        const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true })
        await context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: site.baseUrl }])
        const page = await context.newPage()
        const response = await page.goto(site.baseUrl + screen.path)
        assert.equal(response?.status(), 200, screen.path)
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${screen.name}-${width}.png`), fullPage: true })
        if (width === WIDTHS[0]) {
          await page.addScriptTag({ content: AXE_SOURCE })
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
            // Every rule runs: color-contrast is named so that nobody can quietly turn it off.
            return (await axe.run(document, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: true } } })).violations
          }) as AxeViolation[]
          const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          const minor = violations.filter((v) => !serious.includes(v))
          if (minor.length) console.log(`# axe ${screen.name}: minor: ${minor.map((v) => v.id).join(', ')}`)
          assert.deepEqual(serious.map((v) => `${screen.name}: ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [])
        }
        await context.close()
      }
    }
    console.log(`# axe: ${screens.length} main admin screens checked`)
  })

  it('every main screen is valid HTML according to the Nu Html Checker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-vnu-admin-main-'))
    const files: string[] = []
    for (const screen of screens) {
      const res = await fetch(site.baseUrl + screen.path, { headers: { cookie: admin.cookie } })
      assert.equal(res.status, 200, screen.path)
      const file = join(dir, `${screen.name}.html`)
      writeFileSync(file, await res.text())
      files.push(file)
    }
    const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8' })
    if (run.error) throw run.error
    const messages = (JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string, url: string, lastLine?: number, message: string }[] }).messages
    const errors = messages.filter((m) => m.type === 'error')
    console.log(`# vnu: ${files.length} main admin screens checked, ${errors.length} errors, ${messages.length - errors.length} other messages`)
    assert.deepEqual(errors.map((e) => `${e.url.split('/').pop()}:${e.lastLine}: ${e.message}`), [])
  })
})
