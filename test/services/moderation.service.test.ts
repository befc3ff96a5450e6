import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'
import { editComment, eraseCommenter, moderateComment, moderateComments, replyAsStaff } from '../../src/services/moderation.service.js'
import { auditEntriesFor } from '../../src/db/repositories/audit.repository.js'
import { commentById, countByStatus, insertComment, moderationQueue } from '../../src/db/repositories/comments.repository.js'
import type { CommentStatus } from '../../src/db/tables/comments.table.js'
import type { LedeEvent } from '../../src/events/bus.js'

const EDITOR = { id: null, name: 'Night editor' }

async function setUp(t: TestApp) {
  const { id: articleId } = await createArticle(t.deps, { edition: 'en', headline: 'Moderated story', lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z' })
  let n = 0
  const add = (status: CommentStatus, extra: { author_email?: string, body?: string, author_name?: string, ip?: string } = {}) => insertComment(t.deps.db, {
    article_id: articleId, parent_id: null, author_name: extra.author_name ?? `Reader ${++n}`, author_email: extra.author_email ?? `reader${n}@example.org`,
    author_url: 'https://example.org/', user_id: null, body: extra.body ?? `Comment ${n}`, status, ip: extra.ip ?? '198.51.100.7',
    user_agent: 'Mozilla/5.0 test', created_at: new Date(Date.parse('2026-11-25T09:00:00.000Z') + n * 60_000).toISOString()
  })
  return { articleId, add }
}

function recordEvents(t: TestApp): LedeEvent[] {
  const events: LedeEvent[] = []
  t.deps.events.on((e) => events.push(e))
  return events
}

forEachDialect((dialect) => {
  describe('moderation service', () => {
    it('approving a pending comment writes an audit row with who, what and why, and emits comment.approved', async (tc) => {
      const t = await build(tc, dialect)
      const { articleId, add } = await setUp(t)
      const id = await add('pending')
      const events = recordEvents(t)
      assert.deepEqual(await moderateComment(t.deps, EDITOR, id, 'approve', 'on topic'), { kind: 'ok' })
      assert.equal((await commentById(t.deps.db, id))!.status, 'approved')
      const [audit] = await auditEntriesFor(t.deps.db, 'comment', id)
      assert.equal(audit!.action, 'comment.approve')
      assert.equal(audit!.actor_name, 'Night editor')
      assert.equal(audit!.reason, 'on topic')
      assert.equal(audit!.created_at, '2026-11-26T10:00:00.000Z')
      assert.deepEqual(JSON.parse(audit!.details), { from: 'pending', to: 'approved', articleId })
      assert.deepEqual(events, [{ type: 'comment.approved', commentId: id, articleId }])
    })

    it('refuses an action that does not apply with a readable message, and changes nothing', async (tc) => {
      const t = await build(tc, dialect)
      const { add } = await setUp(t)
      const id = await add('approved')
      const result = await moderateComment(t.deps, EDITOR, id, 'approve')
      assert.deepEqual(result, { kind: 'invalid', message: 'This comment is already approved.' })
      assert.deepEqual(await moderateComment(t.deps, EDITOR, id, 'delete'), { kind: 'invalid', message: 'Only a comment in spam or in the trash can be deleted permanently.' })
      assert.equal((await auditEntriesFor(t.deps.db, 'comment', id)).length, 0)
      assert.deepEqual(await moderateComment(t.deps, EDITOR, 999_999, 'approve'), { kind: 'not-found' })
    })

    it('spam then not spam puts an approved comment back where it was; trash then restore likewise', async (tc) => {
      const t = await build(tc, dialect)
      const { add } = await setUp(t)
      const id = await add('approved')
      const events = recordEvents(t)
      await moderateComment(t.deps, EDITOR, id, 'spam')
      assert.equal((await commentById(t.deps.db, id))!.status, 'spam')
      await moderateComment(t.deps, EDITOR, id, 'not-spam')
      assert.equal((await commentById(t.deps.db, id))!.status, 'approved')
      await moderateComment(t.deps, EDITOR, id, 'trash')
      await moderateComment(t.deps, EDITOR, id, 'restore')
      assert.equal((await commentById(t.deps.db, id))!.status, 'approved')
      assert.deepEqual(events.map((e) => e.type), ['comment.unapproved', 'comment.approved', 'comment.unapproved', 'comment.approved'])
      const actions = (await auditEntriesFor(t.deps.db, 'comment', id)).map((a) => a.action).sort()
      assert.deepEqual(actions, ['comment.not-spam', 'comment.restore', 'comment.spam', 'comment.trash'])
    })

    it('deletes a trashed comment for good; its replies stay', async (tc) => {
      const t = await build(tc, dialect)
      const { add } = await setUp(t)
      const parent = await add('trash')
      const reply = await replyAsStaff(t.deps, { ...EDITOR, email: 'desk@example.org' }, parent, 'Staff reply')
      assert.equal(reply.kind, 'invalid', 'cannot reply under a trashed comment')
      const child = await add('approved')
      await t.deps.db.updateTable('comments').set({ parent_id: parent }).where('id', '=', child).execute()
      assert.deepEqual(await moderateComment(t.deps, EDITOR, parent, 'delete', 'abusive'), { kind: 'ok' })
      assert.equal(await commentById(t.deps.db, parent), undefined)
      const kept = await commentById(t.deps.db, child)
      assert.equal(kept!.parent_id, null)
      assert.equal((await auditEntriesFor(t.deps.db, 'comment', parent))[0]!.action, 'comment.delete')
    })

    it('bulk actions count what was done and what was skipped', async (tc) => {
      const t = await build(tc, dialect)
      const { add } = await setUp(t)
      const a = await add('pending')
      const b = await add('pending')
      const c = await add('approved')
      assert.deepEqual(await moderateComments(t.deps, EDITOR, [a, b, c, 424242], 'approve'), { done: 2, skipped: 2 })
      assert.deepEqual(await countByStatus(t.deps.db), { pending: 0, approved: 3, spam: 0, trash: 0 })
    })

    it('edits name, website and text, keeping the old text in the audit row', async (tc) => {
      const t = await build(tc, dialect)
      const { add } = await setUp(t)
      const id = await add('approved', { body: 'Teh original' })
      const events = recordEvents(t)
      assert.deepEqual(await editComment(t.deps, EDITOR, id, { authorName: ' Fixed Name ', authorUrl: 'example.com', body: 'The original' }, 'typo'), { kind: 'ok' })
      const row = (await commentById(t.deps.db, id))!
      assert.equal(row.author_name, 'Fixed Name')
      assert.equal(row.author_url, 'https://example.com')
      assert.equal(row.body, 'The original')
      assert.equal(row.updated_at, '2026-11-26T10:00:00.000Z')
      const details = JSON.parse((await auditEntriesFor(t.deps.db, 'comment', id))[0]!.details)
      assert.deepEqual(details.changed, ['authorName', 'authorUrl', 'body'])
      assert.equal(details.previousBody, 'Teh original')
      assert.equal(events[0]!.type, 'comment.updated')
      const bad = await editComment(t.deps, EDITOR, id, { authorName: '', authorUrl: 'javascript:alert(1)', body: '' })
      assert.deepEqual(bad, { kind: 'invalid', errors: { authorName: 'Please fill in this field.', authorUrl: 'Please enter a valid web address starting with http:// or https://.', body: 'Please fill in this field.' } })
      assert.deepEqual(await editComment(t.deps, EDITOR, 987_654, { authorName: 'x', authorUrl: null, body: 'y' }), { kind: 'not-found' })
    })

    it('a staff reply is approved at once, marked as staff, approves a pending parent, and respects the depth limit', async (tc) => {
      const t = await build(tc, dialect, { settings: { threadCommentsDepth: 2 } })
      const { add } = await setUp(t)
      const parent = await add('pending')
      const events = recordEvents(t)
      const result = await replyAsStaff(t.deps, { id: null, name: 'Desk', email: 'desk@example.org' }, parent, 'Thanks, corrected.')
      assert.equal(result.kind, 'ok')
      const id = (result as { commentId: number }).commentId
      const reply = (await commentById(t.deps.db, id))!
      assert.equal(reply.status, 'approved')
      assert.equal(reply.parent_id, parent)
      assert.equal(reply.depth, 1)
      assert.equal(reply.author_email, 'desk@example.org')
      assert.equal((await commentById(t.deps.db, parent))!.status, 'approved')
      assert.deepEqual(events.map((e) => e.type), ['comment.approved', 'comment.approved'])
      // The deepest level is 1 here: a reply to the reply joins it under the same parent.
      const deeper = await replyAsStaff(t.deps, { id: null, name: 'Desk', email: 'desk@example.org' }, id, 'And another.')
      const row = (await commentById(t.deps.db, (deeper as { commentId: number }).commentId))!
      assert.equal(row.parent_id, parent)
      assert.equal(row.depth, 1)
      assert.deepEqual(await replyAsStaff(t.deps, { id: null, name: 'Desk', email: 'd@example.org' }, parent, '   '), { kind: 'invalid', message: 'Please fill in this field.' })
      assert.deepEqual(await replyAsStaff(t.deps, { id: null, name: 'Desk', email: 'd@example.org' }, 55_555, 'x'), { kind: 'not-found' })
    })

    it('erasing a commenter anonymises every comment under that email (any case), keeps the text, and audits without the address', async (tc) => {
      const t = await build(tc, dialect)
      const { add } = await setUp(t)
      const a = await add('approved', { author_email: 'Ani@Example.org', author_name: 'Ani' })
      const b = await add('spam', { author_email: 'ani@example.org', author_name: 'Ani P.' })
      const other = await add('approved', { author_email: 'someone@example.org' })
      assert.deepEqual(await eraseCommenter(t.deps, { id: null, name: 'command line' }, 'ANI@example.org'), { erased: 2 })
      for (const id of [a, b]) {
        const row = (await commentById(t.deps.db, id))!
        assert.deepEqual([row.author_name, row.author_email, row.author_url, row.ip, row.user_agent], ['Anonymous', '', null, null, null])
        assert.match(row.body, /^Comment/)
      }
      assert.equal((await commentById(t.deps.db, other))!.author_email, 'someone@example.org')
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'comment.erase-personal-data').execute()
      assert.equal(audit.length, 1)
      assert.doesNotMatch(JSON.stringify(audit), /ani@/i)
      assert.deepEqual(JSON.parse(audit[0]!.details), { comments: 2 })
    })
  })

  describe('moderation queue', () => {
    it('lists a status newest first with article and author details, searches, filters and pages by cursor', async (tc) => {
      const t = await build(tc, dialect)
      const { articleId, add } = await setUp(t)
      const ids = [await add('pending', { body: 'Cheap 100% discount_code' }), await add('pending'), await add('pending'), await add('approved')]
      await t.deps.db.updateTable('comments').set({ spam_reasons: JSON.stringify([{ code: 'manual-approval' }]) }).where('id', '=', ids[1]!).execute()
      const page1 = await moderationQueue(t.deps.db, { status: 'pending', limit: 2 })
      assert.deepEqual(page1.map((r) => r.id), [ids[2], ids[1]])
      const row = page1[1]!
      assert.equal(row.articleHeadline, 'Moderated story')
      assert.equal(row.articleSlug, 'moderated-story')
      assert.equal(row.articleId, articleId)
      assert.equal(row.articlePublishedAt, '2026-11-25T08:00:00.000Z')
      assert.equal(row.authorEmail, 'reader2@example.org')
      assert.equal(row.ip, '198.51.100.7')
      assert.equal(row.userAgent, 'Mozilla/5.0 test')
      assert.deepEqual(row.reasons, [{ code: 'manual-approval' }])
      const page2 = await moderationQueue(t.deps.db, { status: 'pending', limit: 2, before: { createdAt: row.createdAt, id: row.id } })
      assert.deepEqual(page2.map((r) => r.id), [ids[0]])
      assert.deepEqual((await moderationQueue(t.deps.db, { status: 'all', limit: 10 })).length, 4)
      assert.deepEqual((await moderationQueue(t.deps.db, { status: 'pending', search: 'CHEAP', limit: 10 })).map((r) => r.id), [ids[0]])
      // "%" and "_" are literal in a search.
      assert.deepEqual((await moderationQueue(t.deps.db, { status: 'pending', search: '100%', limit: 10 })).map((r) => r.id), [ids[0]])
      assert.deepEqual((await moderationQueue(t.deps.db, { status: 'pending', search: 't_c', limit: 10 })).map((r) => r.id), [ids[0]])
      assert.deepEqual((await moderationQueue(t.deps.db, { status: 'pending', search: '%', limit: 10 })).map((r) => r.id), [ids[0]])
      assert.deepEqual((await moderationQueue(t.deps.db, { status: 'pending', search: 'reader3@', limit: 10 })).map((r) => r.id), [ids[2]])
      assert.deepEqual((await moderationQueue(t.deps.db, { status: 'pending', articleId: articleId + 1, limit: 10 })), [])
      assert.deepEqual(await countByStatus(t.deps.db), { pending: 3, approved: 1, spam: 0, trash: 0 })
    })
  })
})
