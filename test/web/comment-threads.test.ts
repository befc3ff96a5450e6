import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'
import { moderateComment } from '../../src/services/moderation.service.js'
import { commentsFixture, READER, RULES_OFF } from './comments-support.js'

const EDITOR = { id: null, name: 'Editor' }

forEachDialect((dialect) => {
  describe('comment threads', () => {
    it('a reply hangs under the comment it answers and is shown nested, in thread order', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      await f.post({ ...READER, author: 'First', comment: 'Top one' })
      await f.post({ ...READER, author: 'Second', comment: 'Top two' })
      const [one, two] = await f.rows()
      await f.post({ ...READER, author: 'Reply', comment: 'Answer to one', comment_parent: String(one!.id) })
      const reply = (await f.rows())[2]!
      assert.equal(reply.parent_id, one!.id)
      assert.equal(reply.depth, 1)
      await f.post({ ...READER, author: 'Deeper', comment: 'Answer to the answer', comment_parent: String(reply.id) })

      const page = await f.t.app.inject(f.articleUrl)
      assert.match(page.body, /Comments \(4\)/)
      const order = ['Top one', 'Answer to one', 'Answer to the answer', 'Top two'].map((text) => page.body.indexOf(text))
      assert.deepEqual([...order].sort((a, b) => a - b), order, 'depth-first: a thread’s replies come before the next thread')
      assert.ok(order.every((i) => i > 0))
      // The reply's <li> sits inside an <ol class="children"> of the first comment's <li>.
      const firstLi = page.body.slice(page.body.indexOf(`id="comment-${one!.id}"`), page.body.indexOf(`id="comment-${two!.id}"`))
      assert.match(firstLi, new RegExp(`<ol class="children"><li class="comment depth-2" id="comment-${reply.id}">`))
      assert.match(firstLi, /<li class="comment depth-3"/)
    })

    it('every approved comment has a Reply link that works without JavaScript', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      await f.post(READER)
      const [row] = await f.rows()
      const page = await f.t.app.inject(f.articleUrl)
      assert.match(page.body, new RegExp(`<a rel="nofollow" class="comment-reply-link" href="/2026/11/25/budget-debate/\\?replytocom=${row!.id}#respond" data-comment-id="${row!.id}" data-reply-title="Reply to Ani Reader" aria-label="Reply to Ani Reader">Reply</a>`))
    })

    it('?replytocom= sets the form to "Reply to NAME" with a Cancel reply link, and stays cacheable', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      await f.post(READER)
      const [row] = await f.rows()
      const page = await f.t.app.inject(`${f.articleUrl}?replytocom=${row!.id}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<span id="reply-title-text" data-default-title="Leave a Reply">Reply to Ani Reader<\/span>/)
      assert.match(page.body, /<a rel="nofollow" id="cancel-comment-reply-link" href="\/2026\/11\/25\/budget-debate\/#respond">Cancel reply<\/a>/)
      assert.match(page.body, new RegExp(`<input type="hidden" name="comment_parent" id="comment_parent" value="${row!.id}"/>`))
      assert.match(page.headers['cache-control'] as string, /^public/)
      assert.match(page.body, /<link rel="canonical" href="http:\/\/localhost:3000\/2026\/11\/25\/budget-debate\/"/)
      // Without a reply target the cancel link is hidden and the form is a new comment.
      const plain = await f.t.app.inject(f.articleUrl)
      assert.match(plain.body, /id="cancel-comment-reply-link" href="[^"]+" hidden>/)
      assert.match(plain.body, /name="comment_parent" id="comment_parent" value="0"/)
    })

    it('?replytocom= naming an unknown, pending or malformed comment shows the ordinary form', async (tc) => {
      const f = await commentsFixture(tc, dialect)
      await f.post(READER)
      const [pending] = await f.rows()
      for (const value of ['999', String(pending!.id), 'abc', '1e3']) {
        const page = await f.t.app.inject(`${f.articleUrl}?replytocom=${value}`)
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /data-default-title="Leave a Reply">Leave a Reply<\/span>/, value)
      }
    })

    it('refuses (400, with a message and the text kept) a reply to an unknown, pending, spam or other article’s comment', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      const other = await createArticle(f.t.deps, { edition: 'en', headline: 'Other story', lead: '', bodySource: 'x', status: 'published', publishedAt: '2026-11-25T09:00:00.000Z' })
      await f.post({ ...READER, comment: 'On the other story' }, { articleId: other.id })
      await f.post({ ...READER, comment: 'Soon to be spam' })
      await f.post({ ...READER, comment: 'Soon to be pending' })
      const [elsewhere, spam, pending] = await f.rows()
      await moderateComment(f.t.deps, EDITOR, spam!.id, 'spam')
      await moderateComment(f.t.deps, EDITOR, pending!.id, 'unapprove')
      const before = (await f.rows()).length
      for (const parent of ['424242', String(elsewhere!.id), String(spam!.id), String(pending!.id), 'abc', '-1']) {
        const res = await f.post({ ...READER, comment: `My reply to ${parent}`, comment_parent: parent })
        assert.equal(res.statusCode, 400, parent)
        assert.match(res.body, /The comment you are replying to does not exist, is not published, or belongs to another article\./, parent)
        assert.ok(res.body.includes(`My reply to ${parent}</textarea>`), parent)
      }
      assert.equal((await f.rows()).length, before)
    })

    it('a reply to the deepest level attaches at that level, beside the comment it answers', async (tc) => {
      const f = await commentsFixture(tc, dialect, { ...RULES_OFF, threadCommentsDepth: 3 })
      await f.post({ ...READER, comment: 'Level 1' })
      let parent = (await f.rows()).at(-1)!
      for (const level of [2, 3, 4, 5]) {
        await f.post({ ...READER, comment: `Level ${level}`, comment_parent: String(parent.id) })
        parent = (await f.rows()).at(-1)!
      }
      const rows = await f.rows()
      assert.deepEqual(rows.map((r) => r.depth), [0, 1, 2, 2, 2])
      assert.deepEqual(rows.map((r) => r.parent_id), [null, rows[0]!.id, rows[1]!.id, rows[1]!.id, rows[1]!.id])
      const page = await f.t.app.inject(f.articleUrl)
      assert.doesNotMatch(page.body, /depth-4/)
      const order = ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5'].map((text) => page.body.indexOf(`<p>${text}</p>`))
      assert.deepEqual([...order].sort((a, b) => a - b), order)
    })

    it('with threads off (depth 1) a reply is a top-level comment', async (tc) => {
      const f = await commentsFixture(tc, dialect, { ...RULES_OFF, threadCommentsDepth: 1 })
      await f.post({ ...READER, comment: 'First' })
      const [first] = await f.rows()
      await f.post({ ...READER, comment: 'Reply', comment_parent: String(first!.id) })
      const reply = (await f.rows())[1]!
      assert.deepEqual([reply.parent_id, reply.depth], [null, 0])
    })

    it('keeps showing an approved reply whose parent was later unapproved, under the nearest shown ancestor', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      await f.post({ ...READER, comment: 'Root' })
      const [root] = await f.rows()
      await f.post({ ...READER, comment: 'Middle', comment_parent: String(root!.id) })
      const middle = (await f.rows())[1]!
      await f.post({ ...READER, comment: 'Leaf', comment_parent: String(middle.id) })
      await moderateComment(f.t.deps, EDITOR, middle.id, 'spam')
      const page = await f.t.app.inject(f.articleUrl)
      assert.match(page.body, /Comments \(2\)/)
      assert.doesNotMatch(page.body, /<p>Middle<\/p>/)
      assert.match(page.body, /<p>Root<\/p>.*<ol class="children"><li class="comment depth-2"[^>]*><article[^>]*>.*<p>Leaf<\/p>/s)
    })

    it('a thread of more than nine comments keeps its order (ids compared as padded digits, not numbers as text)', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      for (let i = 1; i <= 11; i++) await f.post({ ...READER, comment: `Top ${i}` })
      const rows = await f.rows()
      await f.post({ ...READER, comment: 'Reply to 2', comment_parent: String(rows[1]!.id) })
      const page = await f.t.app.inject(f.articleUrl)
      const texts = [...page.body.matchAll(/<div class="comment-content"><p>([^<]+)<\/p>/g)].map((m) => m[1])
      assert.deepEqual(texts, ['Top 1', 'Top 2', 'Reply to 2', 'Top 3', 'Top 4', 'Top 5', 'Top 6', 'Top 7', 'Top 8', 'Top 9', 'Top 10', 'Top 11'])
    })

    it('shows no Reply links once comments are closed', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      await f.post(READER)
      await f.t.deps.db.updateTable('articles').set({ comments_open: 0 }).execute()
      const page = await f.t.app.inject(f.articleUrl)
      assert.match(page.body, /Comments \(1\)/)
      assert.doesNotMatch(page.body, /comment-reply-link/)
    })
  })
})
