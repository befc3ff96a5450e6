// The front door of docs/deploy.md, run for real: nginx with docs/deploy/nginx/lede.conf (only its
// listen port, upstream ports and cache directory changed) in front of two Lede processes on one
// PostgreSQL database. A page is served from nginx's cache, a publish reaches readers within
// SHARED_CACHE_SECONDS and down a live stream at once, both processes take requests, and a forged X-Forwarded-For gains nothing.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import http from 'node:http'
import pg from 'pg'
import { freshDatabaseEnv, startServerProcess, type RunningServer } from './spawn.js'
import { logIn, prepareWithEditor, publishThroughForm } from './editor-session.js'
import { NGINX, startFrontDoor } from './front-door.js'

const MODEL_PATH = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'
const SHARED_CACHE_SECONDS = 2

function missing(): string | null {
  if (!process.env.TEST_DATABASE_URL) return 'TEST_DATABASE_URL is not set'
  if (!existsSync(NGINX)) return `${NGINX} not found (apt-get install -y nginx)`
  return null
}

async function get(url: string): Promise<{ status: number, body: string, cache: string | null, headers: Headers }> {
  const res = await fetch(url)
  return { status: res.status, body: await res.text(), cache: res.headers.get('x-cache-status'), headers: res.headers }
}

/** A comment posted from the given local address, with a forged X-Forwarded-For. */
function postCommentFrom(localAddress: string, port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1', port, localAddress, method: 'POST', path: '/comments',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': '203.0.113.66' }
    }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)) })
    request.on('error', reject)
    request.end(body)
  })
}

describe('nginx in front of two Lede processes (docs/deploy.md)', () => {
  const why = missing()
  if (why) {
    if (process.env.CI === 'true') throw new Error(`${why}: the front-door test must run in CI (.ci/run installs nginx and sets TEST_DATABASE_URL)`)
    console.warn(`\n!! ${why}: the nginx front-door test is SKIPPED.\n`)
    return
  }

  it('caches public pages, brings a publish to readers within SHARED_CACHE_SECONDS and down a live stream, spreads requests over both processes, and ignores a forged client address', async (t) => {
    const db = await freshDatabaseEnv('postgres')
    t.after(() => db.cleanup())
    await prepareWithEditor('postgres', db)
    const env = { ...db.env, TRUST_PROXY: '1', SHARED_CACHE_SECONDS: String(SHARED_CACHE_SECONDS), SEED_DEMO: 'false', WIRE_POLLER: 'false' }
    const servers: RunningServer[] = []
    t.after(async () => { for (const s of servers) { s.child.kill('SIGTERM'); await s.exited } })
    servers.push(await startServerProcess(env), await startServerProcess(env))

    const door = await startFrontDoor(servers.map((s) => s.port))
    t.after(() => door.stop())
    const front = door.url
    const port = door.port

    // Kept by nginx: the second reader of a page is answered without asking Lede.
    const first = await get(front + MODEL_PATH)
    assert.equal(first.status, 200)
    assert.equal(first.cache, 'MISS')
    assert.match(first.headers.get('cache-control') ?? '', new RegExp(`s-maxage=${SHARED_CACHE_SECONDS}\\b`))
    const second = await get(front + MODEL_PATH)
    assert.equal(second.cache, 'HIT')
    assert.equal(second.body, first.body)

    // Requests are spread over both processes (health checks are never cached).
    const pids = new Set<number>()
    for (let i = 0; i < 8; i++) pids.add(((await (await fetch(`${front}/healthz`)).json()) as { pid: number }).pid)
    assert.equal(pids.size, 2, 'both Lede processes answered')

    // An editor publishes through nginx; the front page nginx holds shows it within the shared lifetime.
    assert.equal((await get(front + '/')).status, 200)
    assert.equal((await get(front + '/')).cache, 'HIT')
    const headline = 'Front door test: the dam holds through the night'
    assert.ok(!(await get(front + '/')).body.includes(headline))
    const session = await logIn(front)
    // A reader's live stream through nginx, open before the publish: the story comes down it as it happens.
    const live = new AbortController()
    t.after(() => live.abort())
    const stream = await fetch(`${front}/live`, { signal: live.signal })
    assert.equal(stream.status, 200)
    assert.equal(stream.headers.get('x-cache-status'), null, 'live streams are not cached')
    let streamed = ''
    const streamedHeadline = (async () => {
      const decoder = new TextDecoder()
      const reader = stream.body!.getReader()
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return false
        streamed += decoder.decode(value, { stream: true })
        if (streamed.includes(headline)) return true
      }
    })().catch(() => false)
    const location = await publishThroughForm(front, session, { headline, lead: 'Engineers worked until dawn.', body: 'The water fell by morning.' })
    assert.match(location, /notice=articlePublished/)
    const publishedAt = Date.now()
    let seenAfter = -1
    while (Date.now() - publishedAt < (SHARED_CACHE_SECONDS + 15) * 1000) {
      if ((await get(front + '/')).body.includes(headline)) { seenAfter = Date.now() - publishedAt; break }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.ok(seenAfter >= 0, 'the published story reached the front page behind nginx')
    const streamTimeout = setTimeout(() => live.abort(), 10_000)
    assert.ok(await streamedHeadline, `the live stream through nginx carried the new story; it carried:\n${streamed.slice(0, 500)}`)
    clearTimeout(streamTimeout)
    console.log(`# the publish showed on nginx's front page after ${seenAfter} ms (SHARED_CACHE_SECONDS=${SHARED_CACHE_SECONDS})`)

    // A comment through nginx is recorded with the reader's address, not the forged header.
    const articleId = /name="article_id" value="(\d+)"/.exec(first.body)![1]!
    const text = 'Posted through the front door, from 127.0.0.2.'
    const status = await postCommentFrom('127.0.0.2', port, new URLSearchParams({ article_id: articleId, author: 'Front Door', email: 'door@example.org', comment: text }).toString())
    assert.equal(status, 303)
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await client.connect()
    try {
      const { rows } = await client.query<{ ip: string }>(`select ip from ${db.pgSchema}.comments where body = $1`, [text])
      assert.deepEqual(rows.map((r) => r.ip), ['127.0.0.2'])
    } finally {
      await client.end()
    }
  })
})
