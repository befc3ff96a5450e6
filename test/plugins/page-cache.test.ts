// The in-memory page cache: one render serves a burst of readers, and no reader sees a page that
// outlived a change — an editor's write, an approved comment, or a scheduled story's time.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { adminGet, adminPost, loginAs } from '../admin-helper.js'
import { settingsToFormText } from '../../src/domain/settings-form.js'
import { loadSettings } from '../../src/db/repositories/settings.repository.js'

const TTL = 30

forEachDialect((dialect) => {
  describe('page cache', () => {
    it('serves a second reader from memory with the same body, ETag and 304 handling', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const first = await app.app.inject('/')
      assert.equal(first.statusCode, 200)
      assert.equal(first.headers['x-lede-cache'], undefined)
      const second = await app.app.inject('/')
      assert.equal(second.headers['x-lede-cache'], 'hit')
      assert.equal(second.body, first.body)
      assert.equal(second.headers.etag, first.headers.etag)
      assert.equal(second.headers['content-type'], first.headers['content-type'])
      assert.equal(second.headers['cache-control'], first.headers['cache-control'])
      assert.equal(second.headers['content-security-policy'], first.headers['content-security-policy'])
      const conditional = await app.app.inject({ url: '/', headers: { 'if-none-match': String(first.headers.etag) } })
      assert.equal(conditional.statusCode, 304)
      assert.equal(conditional.body, '')
      // Feeds and the API are kept too; a query string is a page of its own.
      for (const url of ['/feed/', '/api/v1/articles', '/search?q=ferry']) {
        const a = await app.app.inject(url)
        const b = await app.app.inject(url)
        assert.equal(b.headers['x-lede-cache'], 'hit', url)
        assert.equal(b.body, a.body, url)
      }
      assert.equal((await app.app.inject('/search?q=port')).headers['x-lede-cache'], undefined)
    })

    it('keys a copy by its path and the query parameters the route reads, so junk parameters get the cached copy', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const first = await app.app.inject('/?junk=1')
      assert.equal(first.statusCode, 200)
      assert.equal(first.headers['x-lede-cache'], undefined)
      for (const url of ['/?junk=2', '/', '/?utm_source=x&fbclid=y']) assert.equal((await app.app.inject(url)).headers['x-lede-cache'], 'hit', url)
      // The parameters a route reads still tell pages apart, in any order.
      assert.equal((await app.app.inject('/search?q=ferry&scope=all&junk=1')).headers['x-lede-cache'], undefined)
      assert.equal((await app.app.inject('/search?junk=2&scope=all&q=ferry')).headers['x-lede-cache'], 'hit')
      assert.equal((await app.app.inject('/search?q=ferry')).headers['x-lede-cache'], undefined)
      assert.equal((await app.app.inject('/search?q=port&scope=all')).headers['x-lede-cache'], undefined)
      // The API reads what its schema declares.
      assert.equal((await app.app.inject('/api/v1/search?q=ferry&junk=1')).headers['x-lede-cache'], undefined)
      assert.equal((await app.app.inject('/api/v1/search?q=ferry&junk=2')).headers['x-lede-cache'], 'hit')
      assert.equal((await app.app.inject('/api/v1/search?q=port')).headers['x-lede-cache'], undefined)
    })

    it('keeps nothing private, failed or bodiless', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const admin = await loginAs(app, 'administrator')
      for (const url of ['/no-such-page/', '/admin/login/', '/comments/timing.json?article=1']) {
        await app.app.inject(url)
        assert.equal((await app.app.inject(url)).headers['x-lede-cache'], undefined, url)
      }
      await app.app.inject({ url: '/admin/', headers: { cookie: admin.cookie } })
      assert.equal((await app.app.inject({ url: '/admin/', headers: { cookie: admin.cookie } })).headers['x-lede-cache'], undefined)
      await app.app.inject({ method: 'HEAD', url: '/' })
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], undefined, 'a HEAD request stores nothing')
    })

    it('drops every copy when the newsroom writes, so the change shows at once', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      await app.app.inject('/')
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], 'hit')
      const admin = await loginAs(app, 'administrator')
      const saved = await adminPost(app, admin, '/admin/settings/', { ...settingsToFormText(await loadSettings(app.deps.db)), siteName: 'Renamed Daily' })
      assert.equal(saved.statusCode, 303)
      const after = await app.app.inject('/')
      assert.equal(after.headers['x-lede-cache'], undefined)
      assert.match(after.body, /Renamed Daily/)
    })

    it('keeps every copy through newsroom requests that change nothing readers see, and drops them on a publish', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const editor = await loginAs(app, 'editor')
      const cached = async () => (await app.app.inject('/')).headers['x-lede-cache']
      await app.app.inject('/')
      assert.equal(await cached(), 'hit')
      const draft = await adminPost(app, editor, '/admin/articles/new/', { headline: 'Quiet draft', body: 'Text.', intent: 'save' })
      assert.equal(draft.statusCode, 303)
      const id = /\/admin\/articles\/(\d+)\//.exec(String(draft.headers.location))![1]!
      assert.equal(await cached(), 'hit', 'a saved draft shows nowhere')
      // What the editor sends while typing: the live preview, slug suggestions, the image picker's search.
      assert.equal((await adminPost(app, editor, '/admin/articles/preview/', { body: 'Typing **now**' })).statusCode, 200)
      assert.equal((await adminGet(app, editor, '/admin/articles/slug/?text=Quiet+draft')).statusCode, 200)
      const picker = await adminPost(app, editor, `/admin/articles/${id}/`, { headline: 'Quiet draft', body: 'Text.', version: '1', intent: 'find-images', media_q: 'ferry' })
      assert.equal(picker.statusCode, 200)
      const preview = await adminPost(app, editor, `/admin/articles/${id}/`, { headline: 'Quiet draft', body: 'Text.', version: '1', intent: 'preview' })
      assert.equal(preview.statusCode, 200)
      assert.equal(await cached(), 'hit', 'previews and look-ups keep the cached pages')

      const published = await adminPost(app, editor, `/admin/articles/${id}/`, { headline: 'Quiet draft', body: 'Text.', version: '1', intent: 'publish' })
      assert.equal(published.statusCode, 303)
      const after = await app.app.inject('/')
      assert.equal(after.headers['x-lede-cache'], undefined, 'a publish drops the cached pages')
      assert.match(after.body, /Quiet draft/)
    })

    it('drops every copy on events from outside a request (a comment approved, a story published)', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      await app.app.inject('/')
      app.deps.events.emit({ type: 'comment.submitted', commentId: 1, articleId: 1 })
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], 'hit', 'a held comment changes no page')
      app.deps.events.emit({ type: 'comment.approved', commentId: 1, articleId: 1 })
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], undefined)
      app.deps.events.emit({ type: 'article.published', articleId: 1 })
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], undefined)
    })

    it('never serves a copy past its time-to-live or past a scheduled story’s time', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      // Scheduled by another process: this one heard no event.
      const at = new Date(app.clock().getTime() + 10_000).toISOString()
      const now = app.clock().toISOString()
      await app.deps.db.insertInto('articles').values({
        edition: 'en', translation_group: null, slug: 'embargo-lifts', headline: 'Embargo lifts at last', lead: '', body_source: 'Text.',
        body_html: '<p>Text.</p>', agency_credit: null, source_url: null, byline: null, author_id: null, section_id: null,
        status: 'scheduled', published_at: at, created_at: now, updated_at: now
      } as never).execute()
      assert.doesNotMatch((await app.app.inject('/')).body, /Embargo lifts at last/)
      app.clock.advance(9_000)
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], 'hit')
      app.clock.advance(1_000)
      const live = await app.app.inject('/')
      assert.equal(live.headers['x-lede-cache'], undefined)
      assert.match(live.body, /Embargo lifts at last/)

      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], 'hit')
      app.clock.advance(TTL * 1000)
      assert.equal((await app.app.inject('/')).headers['x-lede-cache'], undefined)
    })
  })
})
