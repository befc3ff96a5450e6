// A tag page, like an author page, exists only while a live article carries it: a tag on a draft (or a
// story scheduled for later) must not announce the story before it is out.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'

forEachDialect((dialect) => {
  describe(`tag pages (${dialect.name})`, () => {
    it('answer 404, page and feed, for a tag that only a draft or a scheduled story carries', async (t) => {
      const app = await build(t, dialect)
      await createArticle(app.deps, { edition: 'en', headline: 'Merger plan', lead: '', bodySource: 'x', status: 'draft', tags: ['Secret merger'] })
      await createArticle(app.deps, { edition: 'en', headline: 'Embargoed', lead: '', bodySource: 'x', status: 'scheduled', publishedAt: '2026-12-01T08:00:00.000Z', tags: ['Embargoed report'] })
      for (const url of ['/tag/secret-merger/', '/tag/secret-merger/feed/', '/tag/embargoed-report/', '/tag/embargoed-report/feed/',
        '/api/v1/articles?tag=secret-merger']) {
        assert.equal((await app.app.inject(url)).statusCode, 404, url)
      }
    })

    it('answer 200 once a live article carries the tag', async (t) => {
      const app = await build(t, dialect)
      await createArticle(app.deps, { edition: 'en', headline: 'Merger plan', lead: '', bodySource: 'x', status: 'draft', tags: ['Merger'] })
      await createArticle(app.deps, { edition: 'en', headline: 'Merger announced', lead: '', bodySource: 'x', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z', tags: ['Merger'] })
      const page = await app.app.inject('/tag/merger/')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Merger announced/)
      assert.doesNotMatch(page.body, /Merger plan/)
      assert.equal((await app.app.inject('/tag/merger/feed/')).statusCode, 200)
    })
  })
})
