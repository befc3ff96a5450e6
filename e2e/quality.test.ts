// Every public template in a real browser: screenshots at phone and desktop widths, axe-core
// (no serious or critical violation), and the Nu Html Checker (no errors).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { checkScreen, HAS_CHROMIUM, runVnu, SCREENSHOT_WIDTHS, useBrowserAndSite } from './browser.js'
import { PUBLIC_TEMPLATES } from './pages.js'

describe('public templates in Chromium', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const chromium = useBrowserAndSite({ name: 'sqlite' }, { demo: true })

  for (const template of PUBLIC_TEMPLATES) {
    it(`${template.name}: screenshots at ${SCREENSHOT_WIDTHS.join(' and ')} px, and no serious axe violation`, async () => {
      await checkScreen(chromium.browser, chromium.site.baseUrl + template.path, { name: template.name, status: (s) => s < 500 })
    })
  }

  it('every template is valid HTML according to the Nu Html Checker', async () => {
    const pages: { name: string, html: string }[] = []
    for (const template of PUBLIC_TEMPLATES) {
      pages.push({ name: template.name, html: await (await fetch(chromium.site.baseUrl + template.path)).text() })
    }
    assert.deepEqual(runVnu(pages, 'templates'), [])
  })
})
