// The comment moderation screen over HTTP: tabs with counts, what each comment shows, every action,
// bulk actions, edit and staff reply, all through the moderation service.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { createArticle } from '../../../src/services/articles.service.js'
import { commentById, insertComment } from '../../../src/db/repositories/comments.repository.js'
import type { CommentStatus } from '../../../src/db/tables/comments.table.js'

forEachDialect((dialect) => {
  describe('comment moderation screen', () => {
    let t: TestApp
    let editor: AdminSession
    let articleId: number
    let n = 0
    const add = (status: CommentStatus, extra: { body?: string, reasons?: unknown[], name?: string } = {}) => insertComment(t.deps.db, {
      article_id: articleId, parent_id: null, author_name: extra.name ?? `Reader ${++n}`, author_email: `reader${n}@example.org`,
      author_url: 'https://reader.example/', user_id: null, body: extra.body ?? `Comment number ${n}`, status,
      spam_reasons: JSON.stringify(extra.reasons ?? []), ip: `198.51.100.${n}`, user_agent: 'Mozilla/5.0 test',
      created_at: new Date(Date.parse('2026-11-26T09:00:00.000Z') + n * 60_000).toISOString()
    })

    before(async () => {
      t = await buildTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan' } })
      editor = await loginAs(t, 'editor', { displayName: 'Mod Editor' })
      articleId = (await createArticle(t.deps, { edition: 'en', headline: 'Discussed story', lead: '', bodySource: 'Text', status: 'published', publishedAt: '2026-11-26T08:00:00.000Z' })).id
    })
    after(() => t.close())

    it('shows Pending / Approved / Spam / Trash with counts, and each held comment with article, author, email, IP and reasons', async () => {
      const held = await add('pending', { body: 'Buy <img src=x onerror=alert(1)> now', reasons: [{ code: 'too-many-links', detail: '3' }, { code: 'moderation-word', detail: 'casino', field: 'content' }] })
      await add('approved')
      await add('spam', { reasons: [{ code: 'honeypot' }] })
      const res = await adminGet(t, editor, '/admin/comments/')
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['cache-control'], 'private, no-store')
      for (const [tab, count] of [['Pending', 1], ['Approved', 1], ['Spam', 1], ['Trash', 0]] as const) {
        assert.match(res.body, new RegExp(`${tab} <span class="count">\\(${count}\\)</span>`), tab)
      }
      const item = res.body.slice(res.body.indexOf(`id="comment-${held}"`))
      assert.match(item, /Discussed story/)
      assert.match(item, /reader\d+@example\.org/)
      assert.match(item, /198\.51\.100\.\d+/)
      assert.match(item, /Held because:/)
      assert.match(item, /Contains 3 links\./)
      assert.match(item, /Matches the moderation word “casino” \(content\)\./)
      assert.match(item, /Buy &lt;img src=x onerror=alert\(1\)&gt; now/)
      for (const action of ['approve', 'spam', 'trash']) assert.match(item, new RegExp(`formaction="/admin/comments/${held}/${action}/"`))
      const spam = await adminGet(t, editor, '/admin/comments/?status=spam')
      assert.match(spam.body, /Marked as spam because:/)
      assert.match(spam.body, /Filled in the hidden field/)
    })

    it('approves a comment, which then shows on the article page', async () => {
      const id = await add('pending', { body: 'A fair point about the budget.' })
      const res = await adminPost(t, editor, `/admin/comments/${id}/approve/`, { return_to: '/admin/comments/' })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/comments/?notice=commentApproved')
      assert.equal((await commentById(t.deps.db, id))!.status, 'approved')
      const page = await t.app.inject('/2026/11/26/discussed-story/')
      assert.match(page.body, /A fair point about the budget\./)
    })

    it('walks a comment through unapprove, spam, not spam, trash, restore and delete permanently', async () => {
      const id = await add('approved')
      const step = async (action: string, expected: CommentStatus | null) => {
        const res = await adminPost(t, editor, `/admin/comments/${id}/${action}/`, {})
        assert.equal(res.statusCode, 303, action)
        assert.equal((await commentById(t.deps.db, id))?.status ?? null, expected, action)
      }
      await step('unapprove', 'pending')
      await step('spam', 'spam')
      await step('not-spam', 'pending')
      await step('trash', 'trash')
      await step('restore', 'pending')
      await step('trash', 'trash')
      await step('delete', null)
    })

    it('refuses an action that does not apply with 409 and the reason, and an unknown one with 404', async () => {
      const id = await add('approved')
      const res = await adminPost(t, editor, `/admin/comments/${id}/approve/`, {})
      assert.equal(res.statusCode, 409)
      assert.match(res.body, /This comment is already approved\./)
      assert.equal((await adminPost(t, editor, `/admin/comments/${id}/explode/`, {})).statusCode, 404)
      assert.equal((await adminPost(t, editor, '/admin/comments/999999/approve/', {})).statusCode, 404)
      assert.equal((await adminGet(t, editor, '/admin/comments/999999/')).statusCode, 404)
    })

    it('applies bulk actions and reports what was skipped', async () => {
      const a = await add('pending')
      const b = await add('pending')
      const c = await add('approved')
      const res = await adminPost(t, editor, '/admin/comments/bulk/', { bulk_action: 'approve', ids: [String(a), String(b), String(c)], return_to: '/admin/comments/' })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/comments/?bulk=approve&done=2&skipped=1')
      const page = await adminGet(t, editor, res.headers.location as string)
      assert.match(page.body, /Approve: done for 2 comments\./)
      assert.match(page.body, /1 comment was skipped/)
      for (const id of [a, b, c]) assert.equal((await commentById(t.deps.db, id))!.status, 'approved')
    })

    it('edits a comment, re-rendering errors with 400 and keeping the input', async () => {
      const id = await add('pending', { body: 'Typo hree.' })
      const page = await adminGet(t, editor, `/admin/comments/${id}/`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Typo hree\.<\/textarea>/)
      const saved = await adminPost(t, editor, `/admin/comments/${id}/`, { author_name: 'Reader Fixed', author_url: '', body: 'Typo here.' })
      assert.equal(saved.statusCode, 303)
      const row = (await commentById(t.deps.db, id))!
      assert.deepEqual([row.author_name, row.author_url, row.body], ['Reader Fixed', null, 'Typo here.'])
      const bad = await adminPost(t, editor, `/admin/comments/${id}/`, { author_name: 'Reader Fixed', author_url: '', body: '   ' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /id="body-error"/)
    })

    it('replies as staff: the reply is approved at once and marked, and a pending parent is approved with it', async () => {
      const id = await add('pending', { body: 'When is the vote?' })
      const res = await adminPost(t, editor, `/admin/comments/${id}/reply/`, { body: 'On Thursday at noon.' })
      assert.equal(res.statusCode, 303)
      assert.equal((await commentById(t.deps.db, id))!.status, 'approved')
      const reply = await t.deps.db.selectFrom('comments').selectAll().where('parent_id', '=', id).executeTakeFirstOrThrow()
      assert.equal(reply.status, 'approved')
      assert.equal(reply.author_name, 'Mod Editor')
      assert.equal(reply.user_id, editor.user.id)
      const empty = await adminPost(t, editor, `/admin/comments/${id}/reply/`, { body: '' })
      assert.equal(empty.statusCode, 400)
    })

    it('searches by text, name, email or IP', async () => {
      await add('pending', { body: 'Unique kiwi remark' })
      const res = await adminGet(t, editor, '/admin/comments/?q=kiwi')
      assert.match(res.body, /Unique kiwi remark/)
      assert.equal(res.body.match(/class="moderation-item/g)?.length, 1)
    })

    it('refuses moderation posts without the CSRF token, changing nothing', async () => {
      const id = await add('pending')
      const forged = { ...editor, csrf: 'forged' }
      for (const [url, body] of [[`/admin/comments/${id}/approve/`, {}], ['/admin/comments/bulk/', { bulk_action: 'spam', ids: String(id) }], [`/admin/comments/${id}/`, { author_name: 'X', author_url: '', body: 'Y' }], [`/admin/comments/${id}/reply/`, { body: 'Z' }]] as const) {
        assert.equal((await adminPost(t, forged, url, body)).statusCode, 403, url)
      }
      const row = (await commentById(t.deps.db, id))!
      assert.equal(row.status, 'pending')
      assert.notEqual(row.author_name, 'X')
    })
  })
})
