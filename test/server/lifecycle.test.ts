import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { channelForSchema } from '../../src/events/postgres-bus.js'
import { startServerProcess, freshDatabaseEnv } from './spawn.js'

/** A POST whose body arrives in two parts, so the request is still in flight when we want it to be. */
function slowPost(baseUrl: string, path: string, body: string, pauseMs: number, onFirstPart: () => void): Promise<{ status: number, location: string | undefined }> {
  return new Promise((resolve, reject) => {
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
    onFirstPart()
    setTimeout(() => req.end(body.slice(half)), pauseMs)
  })
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

    let signalledAt = 0
    const inFlight = slowPost(server.baseUrl, '/comments', body, 1_000, () => {
      setTimeout(() => { signalledAt = Date.now(); server.child.kill('SIGTERM') }, 200)
    })
    await sleep(500)
    await assert.rejects(fetch(`${server.baseUrl}/healthz`), 'no new connections once shutting down')
    const answer = await inFlight
    assert.equal(answer.status, 303, 'the slow request completed')
    const exit = await server.exited
    assert.deepEqual(exit, { code: 0, signal: null })
    const shutdownMs = Date.now() - signalledAt
    assert.ok(shutdownMs < 5_000, `exited ${shutdownMs} ms after SIGTERM at ${signalledAt}:\n${server.output()}`)
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
