// A section's or tag's description on its page: under the heading, as escaped text in paragraphs, and as
// the page's meta description; changing it in the admin changes the page, cached copy or not.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../helper.js'
import { adminPost, loginAs, type AdminSession } from '../admin-helper.js'
import { createArticle } from '../../src/services/articles.service.js'

forEachDialect((dialect) => {
  describe('section and tag descriptions on their pages', () => {
    let t: TestApp
    let editor: AdminSession
    let sectionId: number
    let tagId: number
    before(async () => {
      // The page cache on, as in production: an edit in the admin must drop the copy readers are given.
      t = await buildTestApp(dialect, { pageCacheSeconds: 60 })
      editor = await loginAs(t, 'editor')
      const created = await adminPost(t, editor, '/admin/taxonomy/section/new/', {
        edition: 'en', name: 'Culture', slug: '', description: 'Books & films.\r\nNo <script>alert(1)</script> here.\r\n\r\nReviews every week.'
      })
      assert.equal(created.statusCode, 303)
      sectionId = (await t.deps.db.selectFrom('sections').select('id').where('slug', '=', 'culture').executeTakeFirstOrThrow()).id
      await createArticle(t.deps, {
        edition: 'en', headline: 'A new novel', lead: '', bodySource: 'x', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z', sectionId, tags: ['Novels']
      })
      tagId = (await t.deps.db.selectFrom('tags').select('id').where('slug', '=', 'novels').executeTakeFirstOrThrow()).id
    })
    after(() => t.close())

    it('shows a section\'s description under its heading, escaped, in paragraphs, and as the meta description', async () => {
      const page = await t.app.inject('/section/culture/')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<h1>Culture<\/h1>\s*<div class="term-description"><p>Books &amp; films\.<br\/?>No &lt;script>alert\(1\)&lt;\/script> here\.<\/p><p>Reviews every week\.<\/p><\/div>/)
      assert.doesNotMatch(page.body, /<script>alert\(1\)/)
      assert.match(page.body, /<meta name="description" content="Books &amp; films\. No &lt;script>alert\(1\)&lt;\/script> here\. Reviews every week\."/)
      assert.match(page.body, /A new novel/)
    })

    it('shows nothing extra, and the usual meta description, for a tag without one', async () => {
      const page = await t.app.inject('/tag/novels/')
      assert.equal(page.statusCode, 200)
      assert.doesNotMatch(page.body, /term-description/)
      assert.match(page.body, /<meta name="description" content="News tagged “Novels”/)
    })

    it('shows the new description once an editor changes it', async () => {
      assert.match((await t.app.inject('/tag/novels/')).body, /News tagged/)
      const res = await adminPost(t, editor, `/admin/taxonomy/tag/${tagId}/`, { name: 'Novels', slug: 'novels', description: 'Long fiction, <i>new</i> and old.' })
      assert.equal(res.statusCode, 303)
      const page = await t.app.inject('/tag/novels/')
      assert.match(page.body, /<div class="term-description"><p>Long fiction, &lt;i>new&lt;\/i> and old\.<\/p><\/div>/)
      assert.match(page.body, /<meta name="description" content="Long fiction, &lt;i>new&lt;\/i> and old\."/)

      const section = await adminPost(t, editor, `/admin/taxonomy/section/${sectionId}/`, { name: 'Culture', slug: 'culture', description: '' })
      assert.equal(section.statusCode, 303)
      const cleared = await t.app.inject('/section/culture/')
      assert.doesNotMatch(cleared.body, /term-description|Reviews every week/)
      assert.match(cleared.body, /<meta name="description" content="The latest news in Culture/)
    })
  })
})
