import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { channelForSchema } from '../../src/events/postgres-bus.js'
import { startServerProcess, freshDatabaseEnv } from './spawn.js'

/**
 * A POST whose body arrives in two parts: the second only when the test says so, so the request is still in
 * flight for as long as the test needs, however slow the machine.
 */
function slowPost(baseUrl: string, path: string, body: string): { finish(): void, answer: Promise<{ status: number, location: string | undefined }> } {
  let finish = () => {}
  const answer = new Promise<{ status: number, location: string | undefined }>((resolve, reject) => {
    const url = new URL(path, baseUrl)
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }
    }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location }))
    })
    req.on('error', reject)
    const half = Math.floor(body.length / 2)
    req.write(body.slice(0, half))
    finish = () => req.end(body.slice(half))
  })
  return { finish, answer }
}

/** Waits until the process has printed `pattern` (a loaded machine may take a while to deliver a signal). */
async function waitForOutput(server: { output(): string }, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!pattern.test(server.output())) {
    if (Date.now() > deadline) assert.fail(`never printed ${pattern}:\n${server.output()}`)
    await sleep(20)
  }
}

/** Whether a new connection to the server is refused (or dropped unanswered). */
async function refusesConnections(baseUrl: string): Promise<boolean> {
  try {
    await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
    return false
  } catch {
    return true
  }
}

describe('the server process', () => {
  it('starts on a new SQLite file, loads the demo once, and serves pages', async () => {
    const db = await freshDatabaseEnv('sqlite')
    const first = await startServerProcess(db.env)
    const page = await fetch(`${first.baseUrl}/`)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /Lede Demo/)
    assert.match(first.output(), /demo content loaded/)
    first.child.kill('SIGTERM')
    assert.deepEqual(await first.exited, { code: 0, signal: null })

    const second = await startServerProcess(db.env)
    assert.doesNotMatch(second.output(), /demo content loaded/)
    second.child.kill('SIGTERM')
    assert.equal((await second.exited).code, 0)
  })

  it('stops with a clear message naming a bad variable', async () => {
    await assert.rejects(startServerProcess({ PORT: 'eighty' }), /PORT must be a whole number/)
  })

  it('finishes a request in flight on SIGTERM, refuses new connections, and exits 0', async () => {
    const db = await freshDatabaseEnv('sqlite')
    const server = await startServerProcess(db.env)
    const page = await (await fetch(`${server.baseUrl}/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/`)).text()
    const articleId = /name="article_id" value="(\d+)"/.exec(page)![1]!
    const body = new URLSearchParams({ article_id: articleId, author: 'Slow Reader', email: 'slow@example.org', comment: 'Typed slowly. '.repeat(50) }).toString()

    const inFlight = slowPost(server.baseUrl, '/comments', body)
    // Let the first half reach the server, so the request is in flight when the signal arrives.
    await sleep(200)
    server.child.kill('SIGTERM')
    await waitForOutput(server, /shutting down/)
    // Closing the listener follows the log line within a turn or two of the event loop; a busy machine may
    // still answer one request in between (with Connection: close), so ask until refused, within a bound.
    const deadline = Date.now() + 5_000
    while (!(await refusesConnections(server.baseUrl))) {
      if (Date.now() > deadline) assert.fail(`still accepting connections 5 s after "shutting down":\n${server.output()}`)
      await sleep(50)
    }
    assert.equal(server.child.exitCode, null, 'still running: the request in flight holds it open')
    inFlight.finish()
    const answer = await inFlight.answer
    assert.equal(answer.status, 303, 'the slow request completed')
    const answeredAt = Date.now()
    const exit = await server.exited
    assert.deepEqual(exit, { code: 0, signal: null })
    const afterMs = Date.now() - answeredAt
    assert.ok(afterMs < 5_000, `exited ${afterMs} ms after its last request was answered:\n${server.output()}`)
  })
})

describe('the server process on PostgreSQL', { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set: PostgreSQL-only tests' }, () => {
  it('hears other processes on its schema (page cache dropped) and still shuts down at once', async (t) => {
    const db = await freshDatabaseEnv('postgres')
    t.after(() => db.cleanup())
    const server = await startServerProcess({ ...db.env, PAGE_CACHE_SECONDS: '30' })
    t.after(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })
    await fetch(`${server.baseUrl}/`)
    assert.equal((await fetch(`${server.baseUrl}/`)).headers.get('x-lede-cache'), 'hit')

    // Another process (here: the test) announces a change on the schema's channel.
    const other = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await other.connect()
    await other.query('select pg_notify($1, $2)', [channelForSchema(db.pgSchema!), JSON.stringify({ from: 'another process', event: { type: 'site.changed' } })])
    await other.end()
    const deadline = Date.now() + 5_000
    while ((await fetch(`${server.baseUrl}/`)).headers.get('x-lede-cache') === 'hit') {
      if (Date.now() > deadline) assert.fail(`the server did not hear the change:\n${server.output()}`)
      await sleep(10)
    }

    const signalledAt = Date.now()
    server.child.kill('SIGTERM')
    assert.deepEqual(await server.exited, { code: 0, signal: null })
    assert.ok(Date.now() - signalledAt < 5_000, `exited ${Date.now() - signalledAt} ms after SIGTERM:\n${server.output()}`)
    assert.doesNotMatch(server.output(), /event bus/)
  })
})
