// A comment's HTML is rendered once, when it is saved or edited, and every reader of it shows the stored
// copy: a hostile comment costs its rendering once, not on every page view.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { commentsFixture, READER, RULES_OFF } from './comments-support.js'
import { commentTextToHtml } from '../../src/domain/comment-text.js'
import { updateCommentContent } from '../../src/db/repositories/comments.repository.js'

forEachDialect((dialect) => {
  describe(`stored comment HTML (${dialect.name})`, () => {
    it('is rendered when a comment is posted and when it is edited', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      const text = 'Read https://example.org/report.\n\n<b>Bold</b> & <img src=x>'
      const res = await f.post({ ...READER, comment: text })
      assert.equal(res.statusCode, 303)
      const [row] = await f.rows()
      assert.equal(row!.body_html, commentTextToHtml(text))

      await updateCommentContent(f.t.deps.db, row!.id, { authorName: 'Ani', authorUrl: null, body: 'Edited *text*', updatedAt: '2026-11-26T11:00:00.000Z' })
      const [edited] = await f.rows()
      assert.equal(edited!.body_html, '<p>Edited *text*</p>')
    })

    it('is what the article page, the comment feed and the API show', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      assert.equal((await f.post({ ...READER, comment: 'Original words' })).statusCode, 303)
      const [row] = await f.rows()
      // Only the stored copy carries this marker: a reader that rendered the text again would not show it.
      await f.t.deps.db.updateTable('comments').set({ body_html: '<p>stored-copy-marker</p>' }).where('id', '=', row!.id).execute()

      const page = await f.t.app.inject(f.articleUrl)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /stored-copy-marker/)
      const feed = await f.t.app.inject(`${f.articleUrl}feed/`)
      assert.equal(feed.statusCode, 200)
      assert.match(feed.body, /stored-copy-marker/)
      const api = await f.t.app.inject(`/api/v1/articles/${f.articleId}/comments`)
      assert.equal(api.statusCode, 200)
      assert.equal((api.json() as { items: { bodyHtml: string }[] }).items[0]!.bodyHtml, '<p>stored-copy-marker</p>')
    })
  })
})
