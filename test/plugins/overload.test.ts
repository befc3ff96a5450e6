// Under overload the site refuses at once with 503 and Retry-After, as a readable page (JSON under /api/),
// and still answers its health checks. Pressure is made certain, not waited for: a memory limit of one
// byte is passed by every process at its first sample.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'

const OVERLOADED = { maxEventLoopDelayMs: 0, maxRssBytes: 1, sampleIntervalMs: 5, startGraceMs: 0 }

async function untilUnderPressure(app: { isUnderPressure?: () => boolean }): Promise<void> {
  for (let i = 0; i < 400 && !app.isUnderPressure?.(); i++) await new Promise((r) => setTimeout(r, 5))
  assert.ok(app.isUnderPressure?.(), 'the process reads as under pressure')
}

forEachDialect((dialect) => {
  describe('overload', () => {
    it('answers 503 with Retry-After and a readable page, JSON under /api/, and always answers health checks', async (t) => {
      const app = await build(t, dialect, { demo: true, overload: OVERLOADED })
      await untilUnderPressure(app.app as unknown as { isUnderPressure?: () => boolean })
      const page = await app.app.inject('/')
      assert.equal(page.statusCode, 503)
      assert.equal(page.headers['retry-after'], '5')
      assert.match(String(page.headers['content-type']), /^text\/html/)
      assert.match(page.body, /The site is very busy/)
      assert.match(String(page.headers['cache-control']), /private|no-store/)
      const ru = await app.app.inject('/ru/')
      assert.equal(ru.statusCode, 503)
      assert.match(ru.body, /очень загружен/)
      const api = await app.app.inject('/api/v1/articles')
      assert.equal(api.statusCode, 503)
      assert.equal((api.json() as { error: { code: string } }).error.code, 'service_unavailable')
      assert.equal((await app.app.inject('/healthz')).statusCode, 200)
      assert.equal((await app.app.inject('/readyz')).statusCode, 200)
    })

    it('refuses nothing before the server has listened for its grace period (start-up blocks the event loop)', async (t) => {
      const app = await build(t, dialect, { overload: { ...OVERLOADED, startGraceMs: 60_000 } })
      await untilUnderPressure(app.app as unknown as { isUnderPressure?: () => boolean })
      assert.equal((await app.app.inject('/')).statusCode, 200, 'not listening yet')
      await app.app.listen({ host: '127.0.0.1', port: 0 })
      assert.equal((await app.app.inject('/')).statusCode, 200, 'within the grace period')
    })

    it('serves normally below the limits', async (t) => {
      const app = await build(t, dialect, { demo: true, overload: { maxEventLoopDelayMs: 0, maxRssBytes: 1024 ** 4, sampleIntervalMs: 10 } })
      await new Promise((r) => setTimeout(r, 30))
      assert.equal((await app.app.inject('/')).statusCode, 200)
    })
  })
})
