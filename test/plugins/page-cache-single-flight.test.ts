// No stampede: a burst of readers of a page that is not kept costs one render. Before anything is kept,
// the others wait for that render; right after a change, they get the copy from before it meanwhile.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { build, forEachDialect } from '../helper.js'

const TTL = 30
const BURST = 12

async function burst(app: Awaited<ReturnType<typeof build>>, url: string) {
  const answers = await Promise.all(Array.from({ length: BURST }, () => app.app.inject(url)))
  for (const answer of answers) assert.equal(answer.statusCode, 200)
  const rendered = answers.filter((a) => a.headers['x-lede-cache'] === undefined)
  return { answers, rendered }
}

/**
 * Holds the database until released (on SQLite its one connection, on PostgreSQL the articles table), so a
 * render stops at its first read of stories while the test lets other readers arrive and changes happen.
 */
async function holdTheDatabase(app: Awaited<ReturnType<typeof build>>): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((resolve) => { release = resolve })
  let held!: () => void
  const holding = new Promise<void>((resolve) => { held = resolve })
  void app.deps.db.transaction().execute(async (trx) => {
    if (app.deps.dialect === 'postgres') await sql`lock table articles in access exclusive mode`.execute(trx)
    held()
    await released
  })
  await holding
  return release
}

/** Lets every request started so far go as far as it can. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

forEachDialect((dialect) => {
  describe('page cache: single flight', () => {
    it('renders a page once for a burst of readers; the rest wait and get that copy', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      for (const url of ['/', '/feed/', '/api/v1/articles']) {
        const { answers, rendered } = await burst(app, url)
        assert.equal(rendered.length, 1, `${url}: one render`)
        for (const a of answers) assert.equal(a.body, rendered[0]!.body, url)
        assert.equal(answers.filter((a) => a.headers['x-lede-cache'] === 'hit').length, BURST - 1, url)
      }
    })

    it('after a change, one reader renders the new page while the others get the copy from before it', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const before = await app.app.inject('/')
      app.deps.events.emit({ type: 'site.changed' })
      const { answers, rendered } = await burst(app, '/')
      assert.equal(rendered.length, 1, 'one render')
      const stale = answers.filter((a) => a.headers['x-lede-cache'] === 'stale')
      assert.equal(stale.length + answers.filter((a) => a.headers['x-lede-cache'] === 'hit').length, BURST - 1)
      for (const a of stale) assert.equal(a.body, before.body)
      // Once rendered, everyone gets the new copy.
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], 'hit')
    })

    it('a change while a page renders: the readers already waiting get that render, and it is not kept', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const release = await holdTheDatabase(app)
      const pending = Array.from({ length: BURST }, () => app.app.inject('/'))
      await turns(30)
      app.deps.events.emit({ type: 'site.changed' })
      release()
      const answers = await Promise.all(pending)
      for (const a of answers) assert.equal(a.statusCode, 200)
      const rendered = answers.filter((a) => a.headers['x-lede-cache'] === undefined)
      assert.equal(rendered.length, 1, 'one render, not one per reader')
      for (const a of answers) assert.equal(a.body, rendered[0]!.body)
      // Begun before the change, it was not kept: the next reader renders the page anew.
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], undefined)
    })

    it('keeps each dropped copy for readers for its grace period, however many changes come after it', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const [front, feed] = [await app.app.inject('/'), await app.app.inject('/feed/')]
      app.deps.events.emit({ type: 'site.changed' })
      // Another change right after (a comment in a surge): the front page's copy from before the first must stay.
      app.deps.events.emit({ type: 'site.changed' })
      const release = await holdTheDatabase(app)
      const pending = [...Array.from({ length: 4 }, () => app.app.inject('/')), ...Array.from({ length: 4 }, () => app.app.inject('/feed/'))]
      await turns(30)
      release()
      const answers = await Promise.all(pending)
      const stale = answers.filter((a) => a.headers['x-lede-cache'] === 'stale')
      assert.equal(stale.length, 6, 'all but the two renders get the copies from before the changes')
      answers.forEach((a, i) => { if (a.headers['x-lede-cache'] === 'stale') assert.equal(a.body, i < 4 ? front.body : feed.body) })
    })

    it('a reader alone after a change always gets the new page, never the old copy', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      await app.app.inject('/')
      app.deps.events.emit({ type: 'site.changed' })
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], undefined)
    })

    it('does not hold up readers of pages that are never kept, nor signed-in requests', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const missing = await Promise.all(Array.from({ length: 4 }, () => app.app.inject('/no-such-page/')))
      for (const a of missing) assert.equal(a.statusCode, 404)
      const again = await Promise.all(Array.from({ length: 4 }, () => app.app.inject('/no-such-page/')))
      for (const a of again) assert.equal(a.statusCode, 404)
      const withCookie = await Promise.all(Array.from({ length: 4 }, () => app.app.inject({ url: '/admin/login/', headers: { cookie: 'x=1' } })))
      for (const a of withCookie) assert.ok(a.statusCode < 400)
    })
  })
})
