// Behind one trusted proxy, the client address is what that proxy saw (the rightmost X-Forwarded-For
// entry), never the leftmost, which the client writes: forged addresses must not reach the comment
// limits, the login limits or the audit log.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { commentsFixture, READER, RULES_OFF } from '../web/comments-support.js'
import { createArticle } from '../../src/services/articles.service.js'
import { build, form, FORM_HEADERS } from '../helper.js'

forEachDialect((dialect) => {
  describe(`the client address behind a proxy (${dialect.name})`, () => {
    it('ignores a forged leftmost X-Forwarded-For behind one trusted hop', async (tc) => {
      const t = await build(tc, dialect, { trustProxy: 1, settings: { timeZone: 'Asia/Yerevan', ...RULES_OFF } })
      const { id } = await createArticle(t.deps, { edition: 'en', headline: 'Budget debate', lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z' })
      const res = await t.app.inject({
        method: 'POST', url: '/comments', remoteAddress: '10.0.0.2',
        headers: { ...FORM_HEADERS, 'user-agent': 'Mozilla/5.0', 'x-forwarded-for': '203.0.113.66, 198.51.100.7' },
        payload: form({ article_id: String(id), subject: '', ts: '', ...READER })
      })
      assert.equal(res.statusCode, 303)
      const rows = await t.deps.db.selectFrom('comments').select('ip').execute()
      assert.deepEqual(rows.map((r) => r.ip), ['198.51.100.7'])
    })

    it('believes X-Forwarded-For only from the listed proxy addresses', async (tc) => {
      const t = await build(tc, dialect, { trustProxy: ['10.0.0.0/8'], settings: { timeZone: 'Asia/Yerevan', ...RULES_OFF } })
      const { id } = await createArticle(t.deps, { edition: 'en', headline: 'Budget debate', lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z' })
      const post = (remoteAddress: string, comment: string) => t.app.inject({
        method: 'POST', url: '/comments', remoteAddress,
        headers: { ...FORM_HEADERS, 'user-agent': 'Mozilla/5.0', 'x-forwarded-for': '203.0.113.66, 198.51.100.7' },
        payload: form({ article_id: String(id), subject: '', ts: '', ...READER, comment })
      })
      assert.equal((await post('10.1.2.3', 'Through the proxy')).statusCode, 303)
      // Straight to the app, not through the proxy: the header is the client's own invention.
      assert.equal((await post('198.51.100.50', 'Around the proxy')).statusCode, 303)
      const rows = await t.deps.db.selectFrom('comments').select('ip').orderBy('id').execute()
      assert.deepEqual(rows.map((r) => r.ip), ['198.51.100.7', '198.51.100.50'])
    })

    it('uses the connection\'s address when no proxy is trusted', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      const res = await f.t.app.inject({
        method: 'POST', url: '/comments', remoteAddress: '198.51.100.9',
        headers: { ...FORM_HEADERS, 'user-agent': 'Mozilla/5.0', 'x-forwarded-for': '203.0.113.66' },
        payload: form({ article_id: String(f.articleId), subject: '', ts: '', ...READER })
      })
      assert.equal(res.statusCode, 303)
      assert.deepEqual((await f.rows()).map((r) => r.ip), ['198.51.100.9'])
    })
  })
})
