// Browser tests drive Debian's Chromium through playwright-core; no browser is ever downloaded.
// The app listens on an ephemeral loopback port for the browser, on SQLite or PostgreSQL.
// The quality checks (screenshots, axe-core, the Nu Html Checker) share their runners here too.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { after, before } from 'node:test'
import assert from 'node:assert/strict'
import type { RunOptions } from 'axe-core'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { checkHtml } from './vnu.js'
import { buildTestApp, type BuildTestOptions, type DialectUnderTest, type TestApp } from '../test/helper.js'

/** Debian's Chromium (`apt-get install -y chromium`): Lighthouse runs it, and the journeys when the shell below is absent. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH)
/**
 * Debian's build of Chromium's headless shell (`apt-get install -y chromium-headless-shell`, the same source
 * and version as the chromium package), which Playwright itself uses for headless runs by default. The full
 * browser's headless mode starts three renderer processes per browser context where the shell starts one:
 * measured here, a context with one page costs ~1.3 s of CPU in /usr/bin/chromium and ~0.3 s in the shell,
 * and the journeys open hundreds (decision 022). Same Blink and V8, so the pages behave the same.
 */
const HEADLESS_SHELL_PATH = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell'
/** What playwright-core drives: the headless shell where installed (unless CHROMIUM_PATH names a browser), else Chromium. */
export const PLAYWRIGHT_CHROMIUM_PATH = process.env.CHROMIUM_PATH === undefined && existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : CHROMIUM_PATH

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: PLAYWRIGHT_CHROMIUM_PATH,
    headless: true,
    // The machine has no network but loopback; background networking only produces refused connections.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run']
  })
}

export interface ServedApp extends TestApp { baseUrl: string }

const DAY_MS = 86_400_000

/**
 * The server's clock in browser tests: today (by the machine's calendar, as the browser sees it) at
 * 10:00 UTC, after every "today" demo story, as DEMO_NOW is for the other tests. A fixed date would put
 * the server and the browser further apart every day until something that compares them (a cookie's
 * lifetime, a form's timestamp) breaks. LEDE_E2E_CLOCK_SHIFT_DAYS moves it (the calendar guard runs the
 * journeys a month either side of today, so a test that depends on the two agreeing fails now).
 */
export const E2E_NOW = (() => {
  const shift = Number(process.env.LEDE_E2E_CLOCK_SHIFT_DAYS ?? '0')
  if (!Number.isInteger(shift)) throw new Error(`LEDE_E2E_CLOCK_SHIFT_DAYS must be a whole number of days, not ${process.env.LEDE_E2E_CLOCK_SHIFT_DAYS}`)
  const today = new Date(Date.now() + shift * DAY_MS).toISOString().slice(0, 10)
  return `${today}T10:00:00.000Z`
})()

/** E2E_NOW moved by `ms` (negative: earlier), as an ISO string. */
export function e2eTime(ms: number): string {
  return new Date(Date.parse(E2E_NOW) + ms).toISOString()
}

/** The day `daysAgo` days before E2E_NOW in `zone`, as the URL (`2026-11-25`) and as English pages print it. */
export function e2eDay(daysAgo: number, zone = 'Asia/Yerevan'): { iso: string, long: string, path: string } {
  const at = new Date(Date.parse(E2E_NOW) - daysAgo * DAY_MS)
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(at).map((p) => [p.type, p.value]))
  const iso = `${parts.year}-${parts.month}-${parts.day}`
  const long = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'long', day: '2-digit' }).format(at)
  return { iso, long, path: iso.replaceAll('-', '/') }
}

/** Builds the test app (on E2E_NOW unless a clock is given) and serves it on 127.0.0.1 at a free port. */
export async function serveTestApp(dialect: DialectUnderTest, options: BuildTestOptions = {}): Promise<ServedApp> {
  const built = await buildTestApp(dialect, { clock: E2E_NOW, ...options })
  await built.app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = built.app.server.address() as AddressInfo
  return {
    ...built,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      const closing = built.close()
      // Chromium keeps sockets open (keep-alive, and speculative connections that never send a request);
      // a server closing waits for those until Node's 60 s header timeout. The test is over: drop them.
      built.app.server.closeAllConnections()
      await closing
    }
  }
}

export interface BrowserAndSite { readonly browser: Browser, readonly site: ServedApp }

/**
 * Called inside a describe(): its before() launches Chromium and serves the test app, its after() closes
 * both. The returned object reads them once before() has run; hooks the caller adds later run after these.
 */
export function useBrowserAndSite(dialect: DialectUnderTest, options: BuildTestOptions = {}): BrowserAndSite {
  let browser: Browser | undefined
  let site: ServedApp | undefined
  before(async () => {
    browser = await launchBrowser()
    site = await serveTestApp(dialect, options)
  })
  after(async () => {
    await browser?.close()
    await site?.close()
  })
  return {
    get browser() { return browser ?? assert.fail('the browser is launched in before()') },
    get site() { return site ?? assert.fail('the site is served in before()') }
  }
}

const require = createRequire(import.meta.url)
export const SCREENSHOT_DIR = 'test-results/screenshots'
/** Phone and desktop. Axe runs at the first. */
export const SCREENSHOT_WIDTHS = [390, 1280]

/** A full-page screenshot at test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

interface AxeViolation { id: string, impact: string | null, help: string, nodes: { target: string[] }[] }
let axeSource: string | undefined

/**
 * Runs axe-core on the page with every rule it enables by default (plus `rules`) and returns its serious
 * and critical violations as readable lines, `<name>: <rule>: <help> at <selectors>`; minor ones are
 * printed. axe is injected as an inline script, which our CSP rightly blocks: the page's context must be
 * opened with bypassCSP.
 */
export async function runAxe(page: Page, options: { name: string, rules?: RunOptions['rules'] }): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.addScriptTag({ content: axeSource })
  const runOptions: RunOptions = { resultTypes: ['violations'], ...(options.rules && { rules: options.rules }) }
  const violations = await page.evaluate(async (opts) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    return (await axe.run(document, opts)).violations
  }, runOptions) as AxeViolation[]
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const minor = violations.filter((v) => !serious.includes(v))
  if (minor.length) console.log(`# axe ${options.name}: minor: ${minor.map((v) => v.id).join(', ')}`)
  return serious.map((v) => `${options.name}: ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

export interface ScreenCheck {
  name: string
  /** Whether the response's status is the one expected for this screen. */
  status: (status: number) => boolean
  /** Options for the context the screen is opened in (the viewport and bypassCSP are set here). */
  context?: BrowserContextOptions
  cookies?: Parameters<BrowserContext['addCookies']>[0]
  axeRules?: RunOptions['rules']
}

/**
 * A page for checking screens, kept open between them: a fresh context per screen and width starts a cold
 * renderer process, and measured on the public templates that made the check about 3.5 times as costly
 * in CPU (97 s against 27 s for 15 templates at both widths: process start, loading, screenshot and axe
 * all run slower in a new renderer). Screens with the same context options and cookies share one.
 */
class ScreenPage {
  private context: BrowserContext | undefined
  private page: Page | undefined
  private key = ''

  constructor(private readonly browser: Browser) {}

  async open(check: ScreenCheck, width: number): Promise<Page> {
    const key = JSON.stringify([check.context ?? null, check.cookies ?? null])
    if (!this.page || key !== this.key) {
      await this.close()
      // axe is injected as an inline script, which our CSP rightly blocks; the check page bypasses it.
      this.context = await this.browser.newContext({ ...check.context, viewport: { width, height: 900 }, bypassCSP: true })
      if (check.cookies) await this.context.addCookies(check.cookies)
      this.page = await this.context.newPage()
      this.key = key
    } else {
      await this.page.setViewportSize({ width, height: 900 })
    }
    return this.page
  }

  async close(): Promise<void> {
    await this.context?.close()
    this.context = undefined
    this.page = undefined
  }
}

/**
 * Opens the URL at each of SCREENSHOT_WIDTHS, checks the status, saves `<name>-<width>.png`, and asserts
 * that axe finds no serious or critical violation at the phone width.
 */
async function checkScreen(screenPage: ScreenPage, url: string, check: ScreenCheck): Promise<void> {
  for (const width of SCREENSHOT_WIDTHS) {
    const page = await screenPage.open(check, width)
    const response = await page.goto(url)
    assert.ok(response && check.status(response.status()), `${url}: status ${response?.status()}`)
    await saveScreenshot(page, `${check.name}-${width}`)
    if (width === SCREENSHOT_WIDTHS[0]) assert.deepEqual(await runAxe(page, { name: check.name, rules: check.axeRules }), [])
  }
}

/**
 * checkScreen over many screens, a few at a time (much of a check is waiting on Chromium), in the order
 * given within each lane. Resolves to each screen's failure, or null, by name; never rejects.
 */
export async function checkScreens(browser: Browser, screens: ReadonlyArray<{ url: string, check: ScreenCheck }>, lanes = 3): Promise<Map<string, Error | null>> {
  const results = new Map<string, Error | null>()
  const queue = [...screens]
  await Promise.all(Array.from({ length: lanes }, async () => {
    const screenPage = new ScreenPage(browser)
    try {
      for (let screen = queue.shift(); screen; screen = queue.shift()) {
        try {
          await checkScreen(screenPage, screen.url, screen.check)
          results.set(screen.check.name, null)
        } catch (error) {
          results.set(screen.check.name, error instanceof Error ? error : new Error(String(error)))
          // A failed check may leave the page anywhere (a dialog, a half-loaded document): start the next afresh.
          await screenPage.close().catch(() => {})
        }
      }
    } finally {
      await screenPage.close().catch(() => {})
    }
  }))
  return results
}

/** Fails with every screen's failure, named, when any screen failed. */
export function assertScreensPassed(results: Map<string, Error | null>): void {
  const failed = [...results].filter(([, error]) => error !== null)
  assert.deepEqual(failed.map(([name, error]) => `${name}: ${error!.message}`), [])
}

/**
 * Checks pages with the Nu Html Checker (vnu) and returns its errors as `<name>.html:<line>: <message>`,
 * printing how many pages (`what`) were checked; the checker runs once per process (./vnu.ts).
 */
export async function runVnu(pages: { name: string, html: string }[], what = 'pages'): Promise<string[]> {
  const errors: string[] = []
  let others = 0
  for (const { name, html } of pages) {
    const messages = await checkHtml(html)
    for (const m of messages) {
      if (m.type === 'error') errors.push(`${name}.html:${m.lastLine}: ${m.message}`)
      else others++
    }
  }
  console.log(`# vnu: ${pages.length} ${what} checked, ${errors.length} errors, ${others} other messages`)
  return errors
}
