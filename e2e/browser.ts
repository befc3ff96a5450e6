// Browser tests drive Debian's Chromium through playwright-core; no browser is ever downloaded.
// The app listens on an ephemeral loopback port for the browser, on SQLite or PostgreSQL.
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser } from 'playwright-core'
import { buildTestApp, type BuildTestOptions, type DialectUnderTest, type TestApp } from '../test/helper.js'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH)

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine has no network but loopback; background networking only produces refused connections.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run']
  })
}

export interface ServedApp extends TestApp { baseUrl: string }

/** Builds the test app and serves it on 127.0.0.1 at a free port. */
export async function serveTestApp(dialect: DialectUnderTest, options: BuildTestOptions = {}): Promise<ServedApp> {
  const built = await buildTestApp(dialect, options)
  await built.app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = built.app.server.address() as AddressInfo
  return { ...built, baseUrl: `http://127.0.0.1:${port}` }
}
