// A comment approved on one story drops the pages that show that story's comments or count (its own page,
// the lists, the article pages whose strip lists it) and leaves every other article's cached copy.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, form, FORM_HEADERS, forEachDialect, type TestApp } from '../helper.js'
import { BROWSER_UA, READER } from '../web/comments-support.js'
import { moderateComment } from '../../src/services/moderation.service.js'
import { COMMAND_LINE_ACTOR } from '../../src/services/users.service.js'
import { articlePath } from '../../src/domain/urls.js'
import { loadSettings } from '../../src/db/repositories/settings.repository.js'

const TTL = 30
const MODEL_SLUG = 'us-department-of-state-expects-russian-response-to-clarify-moscows-position'

async function pages(app: TestApp) {
  const settings = await loadSettings(app.deps.db)
  const rows = await app.deps.db.selectFrom('articles').select(['id', 'slug', 'published_at'])
    .where('edition', '=', 'en').where('status', '=', 'published').orderBy('published_at', 'desc').execute()
  const path = (row: typeof rows[number]) => articlePath('', row.published_at!, row.slug, settings.timeZone)
  const model = rows.find((r) => r.slug === MODEL_SLUG)!
  const [newest, second] = rows
  return { model: { id: model.id, url: path(model) }, newest: { id: newest!.id, url: path(newest!) }, second: { id: second!.id, url: path(second!) } }
}

const cacheState = async (app: TestApp, url: string) => (await app.app.inject(url)).headers['x-lede-cache'] ?? 'rendered'

forEachDialect((dialect) => {
  describe('page cache: what a comment drops', () => {
    it('a comment on an old story drops its page and the lists, and keeps the other articles cached', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const { model, newest, second } = await pages(app)
      const urls = [model.url, newest.url, second.url, '/', '/feed/', '/api/v1/articles']
      for (const url of urls) assert.equal((await app.app.inject(url)).statusCode, 200, url)
      app.deps.events.emit({ type: 'comment.approved', commentId: 1, articleId: model.id })
      assert.equal(await cacheState(app, newest.url), 'hit', 'another article: its strip does not list the old story')
      assert.equal(await cacheState(app, second.url), 'hit')
      assert.equal(await cacheState(app, model.url), 'rendered', 'its own page')
      for (const url of ['/', '/feed/', '/api/v1/articles']) assert.equal(await cacheState(app, url), 'rendered', url)
    })

    it('a comment on a story in the strip drops every article page that lists it', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const { model, newest, second } = await pages(app)
      for (const url of [model.url, newest.url, second.url]) await app.app.inject(url)
      app.deps.events.emit({ type: 'comment.approved', commentId: 1, articleId: newest.id })
      for (const url of [model.url, newest.url, second.url]) assert.equal(await cacheState(app, url), 'rendered', url)
    })

    it('a story published, edited or withdrawn, or a settings change, drops every copy', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const { model, newest } = await pages(app)
      for (const event of [{ type: 'article.updated', articleId: newest.id }, { type: 'site.changed' }] as const) {
        for (const url of [model.url, newest.url, '/']) await app.app.inject(url)
        app.deps.events.emit(event)
        for (const url of [model.url, newest.url, '/']) assert.equal(await cacheState(app, url), 'rendered', `${event.type} ${url}`)
      }
    })

    it('an approved comment shows on its page at once, through the real moderation path', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const { model, newest } = await pages(app)
      await app.app.inject(model.url)
      await app.app.inject(newest.url)
      const token = (await app.app.inject(`/comments/timing.json?article=${model.id}`)).json() as { token: string }
      app.clock.advance(20_000)
      const posted = await app.app.inject({
        method: 'POST', url: '/comments', headers: { ...FORM_HEADERS, 'user-agent': BROWSER_UA }, remoteAddress: '198.51.100.7',
        payload: form({ article_id: String(model.id), subject: '', ts: token.token, author: READER.author, email: READER.email, url: '', comment: 'A fresh view from the ground.' })
      })
      assert.equal(posted.statusCode, 303)
      const row = await app.deps.db.selectFrom('comments').select(['id', 'status']).where('article_id', '=', model.id).orderBy('id', 'desc').executeTakeFirstOrThrow()
      if (row.status !== 'approved') await moderateComment(app.deps, COMMAND_LINE_ACTOR, row.id, 'approve')
      assert.equal(await cacheState(app, newest.url), 'hit')
      const page = await app.app.inject(model.url)
      assert.equal(page.headers['x-lede-cache'], undefined)
      assert.match(page.body, /A fresh view from the ground/)
    })
  })
})
