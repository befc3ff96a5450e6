// One log line per answer, sampled for successful answers when asked, never for refusals and errors.
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import Fastify from 'fastify'
import requestLog, { OneLineRequestLogging } from '../../src/plugins/request-log.js'

async function appWith(sample: number, level = 'info') {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk)) as Record<string, unknown>); done() } })
  const app = Fastify({ logger: { level, stream }, logController: new OneLineRequestLogging() })
  await app.register(requestLog, { sample })
  app.get('/ok', async () => 'fine')
  app.get('/admin/welcome/:token/', async () => 'welcome')
  app.get('/boom', async () => { throw new Error('boom') })
  return { app, all: () => lines, requests: () => lines.filter((l) => l.msg === 'request') }
}

describe('request log', () => {
  it('writes one line per answer with status, time and a redacted URL', async () => {
    const { app, requests } = await appWith(1)
    await app.inject('/ok')
    await app.inject('/admin/welcome/SECRET-token/')
    await app.inject('/missing')
    const lines = requests()
    assert.equal(lines.length, 3)
    assert.deepEqual(lines.map((l) => [l.method, l.url, l.status]), [['GET', '/ok', 200], ['GET', '/admin/welcome/[redacted]/', 200], ['GET', '/missing', 404]])
    assert.equal(typeof lines[0]!.ms, 'number')
    assert.ok(!JSON.stringify(lines).includes('SECRET'))
  })

  it('samples successful answers one in N and always writes refusals and errors', async () => {
    const { app, requests } = await appWith(10)
    for (let i = 0; i < 30; i++) await app.inject('/ok')
    await app.inject('/missing')
    await app.inject('/boom')
    const lines = requests()
    assert.equal(lines.filter((l) => l.status === 200).length, 3)
    assert.equal(lines.filter((l) => l.status === 404).length, 1)
    assert.equal(lines.filter((l) => l.status === 500 && l.level === 50).length, 1)
  })

  it('keeps Fastify\'s own error line, with the stack, beside the request line', async () => {
    const { app, all } = await appWith(1)
    await app.inject('/boom')
    assert.ok(all().some((l) => l.level === 50 && (l.err as { stack?: string } | undefined)?.stack?.includes('boom')))
    assert.ok(!all().some((l) => l.msg === 'incoming request' || l.msg === 'request completed'))
  })

  it('writes only refusals and errors with 0, and nothing above the info level', async () => {
    const none = await appWith(0)
    await none.app.inject('/ok')
    await none.app.inject('/missing')
    assert.deepEqual(none.requests().map((l) => l.status), [404])
    const quiet = await appWith(1, 'warn')
    await quiet.app.inject('/ok')
    await quiet.app.inject('/missing')
    assert.equal(quiet.requests().length, 0)
  })
})
