// Whether screens fit the window: a page wider than the viewport scrolls sideways as a whole, which on a
// phone hides the end of every line (the users list was 649 px wide at 390 px). Kept apart from
// ./browser.ts's checkScreens (screenshots and axe) so that either can change without the other.
import type { Browser, BrowserContextOptions } from 'playwright-core'

/** A phone, tablets upright and on their side with the admin menu beside the page (content about 570 and 780 px wide), and a desktop. */
export const FIT_WIDTHS = [390, 820, 1024, 1280]

/**
 * Opens each screen at each width and returns `<name> at <width>: <scrollWidth> px` for every one whose
 * document is wider than the viewport; empty when all fit.
 */
export async function screensWiderThanViewport(browser: Browser, screens: ReadonlyArray<{ name: string, url: string }>,
  context: BrowserContextOptions = {}, widths = FIT_WIDTHS): Promise<string[]> {
  const wide: string[] = []
  const ctx = await browser.newContext({ ...context, viewport: { width: widths[0]!, height: 900 } })
  try {
    const page = await ctx.newPage()
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 })
      for (const screen of screens) {
        await page.goto(screen.url)
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
        if (scrollWidth > width) wide.push(`${screen.name} at ${width}: ${scrollWidth} px`)
      }
    }
  } finally {
    await ctx.close()
  }
  return wide
}
