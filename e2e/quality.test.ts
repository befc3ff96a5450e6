// Every public template in a real browser: screenshots at phone and desktop widths, axe-core
// (no serious or critical violation), and the Nu Html Checker (no errors).
import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { checkScreens, HAS_CHROMIUM, runVnu, SCREENSHOT_WIDTHS, useBrowserAndSite } from './browser.js'
import { PUBLIC_TEMPLATES } from './pages.js'

describe('public templates in Chromium', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const chromium = useBrowserAndSite({ name: 'sqlite' }, { demo: true })
  // Every template is checked a few at a time from the start; each test below reports its own.
  let checked: Promise<Map<string, Error | null>>
  before(() => {
    checked = checkScreens(chromium.browser, PUBLIC_TEMPLATES.map((template) => ({
      url: chromium.site.baseUrl + template.path, check: { name: template.name, status: (s: number) => s < 500 }
    })))
  })

  for (const template of PUBLIC_TEMPLATES) {
    it(`${template.name}: screenshots at ${SCREENSHOT_WIDTHS.join(' and ')} px, and no serious axe violation`, async () => {
      const failure = (await checked).get(template.name)
      if (failure) throw failure
      assert.equal(failure, null, `${template.name} was checked`)
    })
  }

  it('every template is valid HTML according to the Nu Html Checker', async () => {
    const pages: { name: string, html: string }[] = []
    for (const template of PUBLIC_TEMPLATES) {
      pages.push({ name: template.name, html: await (await fetch(chromium.site.baseUrl + template.path)).text() })
    }
    assert.deepEqual(await runVnu(pages, 'templates'), [])
  })
})
