// No stampede: a burst of readers of a page that is not kept costs one render. Before anything is kept,
// the others wait for that render; right after a change, they get the copy from before it meanwhile.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'

const TTL = 30
const BURST = 12

async function burst(app: Awaited<ReturnType<typeof build>>, url: string) {
  const answers = await Promise.all(Array.from({ length: BURST }, () => app.app.inject(url)))
  for (const answer of answers) assert.equal(answer.statusCode, 200)
  const rendered = answers.filter((a) => a.headers['x-lede-cache'] === undefined)
  return { answers, rendered }
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
