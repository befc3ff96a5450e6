// Every public template in a real browser: screenshots at phone and desktop widths, axe-core
// (no serious or critical violation), and the Nu Html Checker (no errors).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { HAS_CHROMIUM, launchBrowser, serveTestApp, type ServedApp } from './browser.js'
import { PUBLIC_TEMPLATES } from './pages.js'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar')
const SCREENSHOT_DIR = 'test-results/screenshots'
const WIDTHS = [390, 1280]

interface AxeViolation { id: string, impact: string | null, help: string, nodes: { target: string[] }[] }

describe('public templates in Chromium', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  let browser: Browser
  let site: ServedApp
  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp({ name: 'sqlite' }, { demo: true })
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
  })
  after(async () => {
    await browser?.close()
    await site?.close()
  })

  for (const template of PUBLIC_TEMPLATES) {
    it(`${template.name}: screenshots at ${WIDTHS.join(' and ')} px, and no serious axe violation`, async () => {
      for (const width of WIDTHS) {
        // axe is injected as an inline script, which our CSP rightly blocks; the check page bypasses it.
        const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true })
        const response = await page.goto(site.baseUrl + template.path)
        assert.ok(response && response.status() < 500)
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${template.name}-${width}.png`), fullPage: true })
        if (width === WIDTHS[0]) {
          await page.addScriptTag({ content: AXE_SOURCE })
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
            return (await axe.run(document, { resultTypes: ['violations'] })).violations
          }) as AxeViolation[]
          const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          const minor = violations.filter((v) => !serious.includes(v))
          if (minor.length) console.log(`# axe ${template.name}: minor: ${minor.map((v) => v.id).join(', ')}`)
          assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [])
        }
        await page.close()
      }
    })
  }

  it('every template is valid HTML according to the Nu Html Checker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-vnu-'))
    const files: string[] = []
    for (const template of PUBLIC_TEMPLATES) {
      const html = await (await fetch(site.baseUrl + template.path)).text()
      const file = join(dir, `${template.name}.html`)
      writeFileSync(file, html)
      files.push(file)
    }
    const result = runVnu(files)
    const errors = result.messages.filter((m) => m.type === 'error')
    console.log(`# vnu: ${files.length} templates checked, ${errors.length} errors, ${result.messages.length - errors.length} other messages`)
    assert.deepEqual(errors.map((e) => `${e.url.split('/').pop()}:${e.lastLine}: ${e.message}`), [])
  })
})

/** vnu writes its JSON report to stderr; --exit-zero-always leaves judging to the test. */
function runVnu(files: string[]): { messages: { type: string, url: string, lastLine?: number, message: string }[] } {
  const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8' })
  if (run.error) throw run.error
  return JSON.parse(run.stderr || '{"messages":[]}')
}
