// Two app processes on one PostgreSQL schema, each with its page cache: a change made through one is
// seen at once through the other, not after PAGE_CACHE_SECONDS (the PostgreSQL event bus).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import type { LightMyRequestResponse } from 'fastify'
import { build, type TestApp } from '../helper.js'
import { adminPost, loginAs } from '../admin-helper.js'
import { settingsToFormText } from '../../src/domain/settings-form.js'
import { loadSettings } from '../../src/db/repositories/settings.repository.js'
import { createArticle } from '../../src/services/articles.service.js'

const TTL = 30
const postgres = { name: 'postgres' as const }

/** GETs `url` until the answer is not from the cache (every 10 ms, 5 s at most). */
async function freshPage(app: TestApp, url: string): Promise<LightMyRequestResponse> {
  const deadline = Date.now() + 5_000
  for (;;) {
    const res = await app.app.inject(url)
    if (res.headers['x-lede-cache'] !== 'hit') return res
    if (Date.now() > deadline) assert.fail(`${url} still came from the cache after 5 s`)
    await sleep(10)
  }
}

/** GETs `url` twice: the second answer comes from the cache. */
async function cached(app: TestApp, url: string): Promise<void> {
  await app.app.inject(url)
  assert.equal((await app.app.inject(url)).headers['x-lede-cache'], 'hit')
}

describe('page caches of several app processes', { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set: PostgreSQL-only tests' }, () => {
  it('drop their copies when another process writes in the newsroom or publishes', async (t) => {
    const a = await build(t, postgres, { demo: true, pageCacheSeconds: TTL, events: 'postgres' })
    const b = await build(t, postgres, { sameDatabaseAs: a, pageCacheSeconds: TTL, events: 'postgres' })
    const admin = await loginAs(a, 'administrator')

    await cached(b, '/')
    const saved = await adminPost(a, admin, '/admin/settings/', { ...settingsToFormText(await loadSettings(a.deps.db)), siteName: 'Renamed Daily' })
    assert.equal(saved.statusCode, 303)
    assert.match((await freshPage(b, '/')).body, /Renamed Daily/)

    await cached(b, '/')
    await cached(b, '/feed/')
    await createArticle(a.deps, {
      edition: 'en', headline: 'Harbour bridge reopens after repairs', lead: 'Traffic flows again.', bodySource: 'Text.',
      status: 'published', publishedAt: a.clock().toISOString()
    })
    assert.match((await freshPage(b, '/')).body, /Harbour bridge reopens after repairs/)
    assert.match((await freshPage(b, '/feed/')).body, /Harbour bridge reopens after repairs/)
  })

  it('keep their copies when an anonymous or refused newsroom request changed nothing', async (t) => {
    const a = await build(t, postgres, { demo: true, pageCacheSeconds: TTL, events: 'postgres' })
    const b = await build(t, postgres, { sameDatabaseAs: a, pageCacheSeconds: TTL, events: 'postgres' })
    const heard: string[] = []
    b.deps.events.on((event) => heard.push(event.type))
    await cached(b, '/')
    const anonymous = await adminPost(a, null, '/admin/settings/', { siteName: 'Not Allowed' })
    assert.equal(anonymous.statusCode, 303, 'sent to the login page')
    const failedLogin = await adminPost(a, null, '/admin/login/', { email: 'nobody@example.org', password: 'wrong' })
    assert.ok(failedLogin.statusCode >= 400 && failedLogin.statusCode < 500, `refused with ${failedLogin.statusCode}`)
    const contributor = await loginAs(a, 'contributor')
    const forbidden = await adminPost(a, contributor, '/admin/settings/', { siteName: 'Not Allowed' })
    assert.equal(forbidden.statusCode, 403)
    // An event B does hear, sent after the refused request: once it arrives, anything before it has too.
    a.deps.events.emit({ type: 'comment.submitted', commentId: 1, articleId: 1 })
    const deadline = Date.now() + 5_000
    while (!heard.includes('comment.submitted')) {
      if (Date.now() > deadline) assert.fail('B never heard A')
      await sleep(10)
    }
    assert.deepEqual(heard, ['comment.submitted'])
    assert.equal((await b.app.inject('/')).headers['x-lede-cache'], 'hit')
  })
})
