import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, type TestApp } from '../helper.js'
import {
  bulkChangeStatus, changeArticleStatus, createArticle, restoreRevision, saveArticle, type Editor, type SaveIntent
} from '../../src/services/articles.service.js'
import { findArticle, frontPage } from '../../src/services/reader.service.js'
import { currentSettings } from '../../src/services/site-settings.service.js'
import { validateArticleForm, type ArticleInput } from '../../src/domain/article-form.js'
import { articleById } from '../../src/db/repositories/articles.repository.js'
import { auditEntriesFor } from '../../src/db/repositories/audit.repository.js'
import { revisionsOf } from '../../src/db/repositories/revisions.repository.js'
import { tagsOfArticle } from '../../src/db/repositories/taxonomy.repository.js'
import { insertUser } from '../../src/db/repositories/users.repository.js'
import type { Role } from '../../src/domain/roles.js'
import type { LedeEvent } from '../../src/events/bus.js'
import { assertBodyDocument, paragraphs } from '../body-support.js'

// DEMO_NOW is 2026-11-26T10:00Z, 14:00 in Yerevan.
const YEREVAN = { timeZone: 'Asia/Yerevan' }

async function makeEditor(t: TestApp, role: Role, name = `${role} one`): Promise<Editor> {
  const id = await insertUser(t.deps.db, {
    email: `${name.replace(/\s/g, '.')}-${Math.random().toString(36).slice(2)}@example.org`, display_name: name,
    slug: `${name.replace(/\s/g, '-')}-${Math.random().toString(36).slice(2)}`, password_hash: null, role, created_at: '2026-01-01T00:00:00.000Z'
  })
  return { id, role, displayName: name }
}

function input(fields: Record<string, string> = {}): ArticleInput {
  const result = validateArticleForm({ headline: 'Parliament passes the budget', lead: 'The vote was 71 to 30.', body: 'The National Assembly voted.', comments_open: 'on', ...fields }, YEREVAN.timeZone)
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors))
  return result.input
}

function recordEvents(t: TestApp): LedeEvent[] {
  const events: LedeEvent[] = []
  t.deps.events.on((e) => events.push(e))
  return events
}

async function save(t: TestApp, editor: Editor, intent: SaveIntent, fields: Record<string, string> = {}, existing?: { id: number, version: number }) {
  return saveArticle(t.deps, editor, { id: existing?.id ?? null, expectedVersion: existing?.version ?? null, edition: 'en', input: input(fields), intent })
}

forEachDialect((dialect) => {
  describe('articles service', () => {
    it('saves a contributor’s draft with a revision and an audit row, and tells nobody', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const contributor = await makeEditor(t, 'contributor')
      const events = recordEvents(t)
      const result = await save(t, contributor, 'save', { tags: 'Budget, Parliament' })
      assert.equal(result.kind, 'saved')
      if (result.kind !== 'saved') return
      const row = (await articleById(t.deps.db, result.id))!
      assert.equal(row.status, 'draft')
      assert.equal(row.author_id, contributor.id)
      assert.equal(row.slug, 'parliament-passes-the-budget')
      assert.equal(row.version, 1)
      assert.deepEqual((await tagsOfArticle(t.deps.db, row.id)).map((tag) => tag.name), ['Budget', 'Parliament'])
      const [revision] = await revisionsOf(t.deps.db, row.id)
      assert.equal(revision!.action, 'create')
      assert.equal(revision!.actorName, 'contributor one')
      assert.deepEqual(revision!.fields.tags, ['Budget', 'Parliament'])
      const [audit] = await auditEntriesFor(t.deps.db, 'article', row.id)
      assert.equal(audit!.action, 'article.create')
      assert.equal(audit!.actor_id, contributor.id)
      assert.deepEqual(events, [])
    })

    it('refuses publishing to a contributor, and lets them submit for review', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const contributor = await makeEditor(t, 'contributor')
      assert.deepEqual(await save(t, contributor, 'publish'), { kind: 'forbidden' })
      const submitted = await save(t, contributor, 'submit')
      assert.equal(submitted.kind === 'saved' && submitted.status, 'pending')
    })

    it('publishes now: visible at once, article.published emitted, audited', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const author = await makeEditor(t, 'author')
      const events = recordEvents(t)
      const result = await save(t, author, 'publish')
      assert.ok(result.kind === 'saved')
      const row = (await articleById(t.deps.db, result.id))!
      assert.equal(row.status, 'published')
      assert.equal(row.published_at, t.clock().toISOString())
      assert.deepEqual(events, [{ type: 'article.published', articleId: result.id }])
      assert.equal((await auditEntriesFor(t.deps.db, 'article', result.id))[0]!.action, 'article.publish')
      const settings = await currentSettings(t.deps)
      assert.equal((await frontPage(t.deps, settings, 'en')).items[0]!.id, result.id)
    })

    it('schedules a future time entered in the site zone; the story appears by itself when the clock reaches it', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const events = recordEvents(t)
      // 14:30 in Yerevan = 10:30 UTC, half an hour after "now".
      const result = await save(t, editor, 'publish', { publish_date: '2026-11-26', publish_time: '14:30' })
      assert.ok(result.kind === 'saved')
      assert.equal(result.status, 'scheduled')
      assert.equal(result.action, 'article.schedule')
      assert.equal((await articleById(t.deps.db, result.id))!.published_at, '2026-11-26T10:30:00.000Z')
      assert.deepEqual(events, [{ type: 'article.updated', articleId: result.id }])
      const settings = await currentSettings(t.deps)
      const visible = async () => (await frontPage(t.deps, settings, 'en')).items.some((i) => i.id === result.id)
      assert.equal(await visible(), false)
      t.clock.set('2026-11-26T10:29:59.999Z')
      assert.equal(await visible(), false)
      t.clock.set('2026-11-26T10:30:00.000Z')
      assert.equal(await visible(), true)
      t.clock.advance(86_400_000)
      assert.equal(await visible(), true)
    })

    it('saves only at the version the form was loaded at; a stale save returns the other version and writes nothing', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const one = await makeEditor(t, 'editor', 'first editor')
      const two = await makeEditor(t, 'editor', 'second editor')
      const created = await save(t, one, 'save')
      assert.ok(created.kind === 'saved')
      const first = await save(t, one, 'save', { headline: 'First editor’s headline' }, { id: created.id, version: 1 })
      assert.equal(first.kind === 'saved' && first.version, 2)
      const events = recordEvents(t)
      const second = await save(t, two, 'save', { headline: 'Second editor’s headline' }, { id: created.id, version: 1 })
      assert.equal(second.kind, 'conflict')
      if (second.kind !== 'conflict') return
      assert.equal(second.current.article.headline, 'First editor’s headline')
      assert.equal(second.current.article.version, 2)
      assert.equal((await articleById(t.deps.db, created.id))!.headline, 'First editor’s headline')
      assert.equal((await revisionsOf(t.deps.db, created.id)).length, 2)
      assert.deepEqual(events, [])
      // Deliberately saving over it, against the version now shown, works.
      const again = await save(t, two, 'save', { headline: 'Second editor’s headline' }, { id: created.id, version: 2 })
      assert.equal(again.kind === 'saved' && again.version, 3)
    })

    it('keeps the old URL of a published story whose slug changes, answering it as moved', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const published = await save(t, editor, 'publish')
      assert.ok(published.kind === 'saved')
      const settings = await currentSettings(t.deps)
      const renamed = await save(t, editor, 'save', { slug: 'budget-adopted' }, { id: published.id, version: published.version })
      assert.ok(renamed.kind === 'saved')
      assert.equal(renamed.slug, 'budget-adopted')
      const old = await findArticle(t.deps, settings, 'en', '2026-11-26', 'parliament-passes-the-budget')
      assert.equal(old.kind, 'moved')
      assert.equal(old.kind === 'moved' && old.article.slug, 'budget-adopted')
      assert.equal((await findArticle(t.deps, settings, 'en', '2026-11-26', 'budget-adopted')).kind, 'found')
    })

    it('keeps the old URL when the publication day changes, and forgets nothing when moved twice', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const published = await save(t, editor, 'publish', { publish_date: '2026-11-24', publish_time: '09:00' })
      assert.ok(published.kind === 'saved')
      const moved = await save(t, editor, 'save', { publish_date: '2026-11-25', publish_time: '09:00', slug: 'parliament-passes-the-budget' }, { id: published.id, version: published.version })
      assert.ok(moved.kind === 'saved')
      const again = await save(t, editor, 'save', { publish_date: '2026-11-25', publish_time: '09:00', slug: 'budget-final' }, { id: published.id, version: moved.version })
      assert.ok(again.kind === 'saved')
      const settings = await currentSettings(t.deps)
      for (const [day, slug] of [['2026-11-24', 'parliament-passes-the-budget'], ['2026-11-25', 'parliament-passes-the-budget']]) {
        const found = await findArticle(t.deps, settings, 'en', day!, slug!)
        assert.equal(found.kind === 'moved' && found.article.slug, 'budget-final', `${day} ${slug}`)
      }
    })

    it('makes a proposed slug unique within its day, and refuses a typed one that is taken', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const a = await save(t, editor, 'publish')
      const b = await save(t, editor, 'publish')
      assert.equal(a.kind === 'saved' && a.slug, 'parliament-passes-the-budget')
      assert.equal(b.kind === 'saved' && b.slug, 'parliament-passes-the-budget-2')
      const typed = await save(t, editor, 'publish', { slug: 'parliament-passes-the-budget' })
      assert.deepEqual(typed, { kind: 'invalid', errors: { slug: { key: 'editor.error.slugTaken' } } })
      // Another day is another URL: the same slug is fine there.
      const otherDay = await save(t, editor, 'publish', { slug: 'parliament-passes-the-budget', publish_date: '2026-11-20', publish_time: '10:00' })
      assert.equal(otherDay.kind, 'saved')
    })

    it('unpublishes (article.unpublished; the URL stops answering) and republishes at the same time', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const published = await save(t, editor, 'publish')
      assert.ok(published.kind === 'saved')
      const events = recordEvents(t)
      assert.deepEqual(await changeArticleStatus(t.deps, editor, published.id, 'unpublish'), { kind: 'done', status: 'draft' })
      assert.deepEqual(events, [{ type: 'article.unpublished', articleId: published.id }])
      const settings = await currentSettings(t.deps)
      assert.equal((await findArticle(t.deps, settings, 'en', '2026-11-26', published.slug)).kind, 'not-found')
      t.clock.advance(3_600_000)
      assert.deepEqual(await changeArticleStatus(t.deps, editor, published.id, 'publish'), { kind: 'done', status: 'published' })
      assert.equal((await articleById(t.deps.db, published.id))!.published_at, '2026-11-26T10:00:00.000Z')
      assert.equal((await findArticle(t.deps, settings, 'en', '2026-11-26', published.slug)).kind, 'found')
    })

    it('publishes a scheduled story now when asked from the list', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const scheduled = await save(t, editor, 'publish', { publish_date: '2026-11-27', publish_time: '09:00' })
      assert.ok(scheduled.kind === 'saved' && scheduled.status === 'scheduled')
      assert.deepEqual(await changeArticleStatus(t.deps, editor, scheduled.id, 'publish'), { kind: 'done', status: 'published' })
      assert.equal((await articleById(t.deps.db, scheduled.id))!.published_at, t.clock().toISOString())
    })

    it('trashes, restores as a draft, and deletes permanently only from the trash; the audit row outlives the article', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const published = await save(t, editor, 'publish')
      assert.ok(published.kind === 'saved')
      assert.deepEqual(await changeArticleStatus(t.deps, editor, published.id, 'delete'), { kind: 'refused' })
      assert.deepEqual(await changeArticleStatus(t.deps, editor, published.id, 'trash'), { kind: 'done', status: 'trashed' })
      assert.deepEqual(await changeArticleStatus(t.deps, editor, published.id, 'restore'), { kind: 'done', status: 'draft' })
      await changeArticleStatus(t.deps, editor, published.id, 'trash')
      assert.deepEqual(await changeArticleStatus(t.deps, editor, published.id, 'delete'), { kind: 'done', status: 'deleted' })
      assert.equal(await articleById(t.deps.db, published.id), undefined)
      assert.equal((await revisionsOf(t.deps.db, published.id)).length, 0)
      const actions = (await auditEntriesFor(t.deps.db, 'article', published.id)).map((a) => a.action)
      assert.deepEqual(actions, ['article.delete', 'article.trash', 'article.restore', 'article.trash', 'article.publish'])
    })

    it('refuses a status change against a stale version', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const created = await save(t, editor, 'save')
      assert.ok(created.kind === 'saved')
      await save(t, editor, 'save', { headline: 'Changed' }, { id: created.id, version: 1 })
      assert.deepEqual(await changeArticleStatus(t.deps, editor, created.id, 'trash', { expectedVersion: 1 }), { kind: 'conflict' })
      assert.equal((await articleById(t.deps.db, created.id))!.status, 'draft')
    })

    it('restores a revision’s text as a new save, keeping status, slug and time', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const editor = await makeEditor(t, 'editor')
      const published = await save(t, editor, 'publish', { tags: 'Budget' })
      assert.ok(published.kind === 'saved')
      const edited = await save(t, editor, 'save', { headline: 'A worse headline', body: 'Rewritten.', tags: 'Other', slug: published.slug }, { id: published.id, version: published.version })
      assert.ok(edited.kind === 'saved')
      const original = (await revisionsOf(t.deps.db, published.id)).find((r) => r.version === published.version)!
      const events = recordEvents(t)
      const result = await restoreRevision(t.deps, editor, published.id, original.id, edited.version)
      assert.deepEqual(result, { kind: 'restored', version: edited.version + 1 })
      const row = (await articleById(t.deps.db, published.id))!
      assert.equal(row.headline, 'Parliament passes the budget')
      assertBodyDocument(row.body_source, paragraphs('The National Assembly voted.'))
      assert.equal(row.body_html, '<p>The National Assembly voted.</p>')
      assert.equal(row.status, 'published')
      assert.deepEqual((await tagsOfArticle(t.deps.db, row.id)).map((tag) => tag.name), ['Budget'])
      assert.deepEqual(events, [{ type: 'article.updated', articleId: published.id }])
      assert.equal((await revisionsOf(t.deps.db, published.id))[0]!.action, 'restore-revision')
      assert.deepEqual(await restoreRevision(t.deps, editor, published.id, original.id, 1), { kind: 'conflict' })
    })

    it('lets an author touch only their own stories, and a contributor not their published one', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const author = await makeEditor(t, 'author')
      const other = await makeEditor(t, 'author', 'other author')
      const contributor = await makeEditor(t, 'contributor')
      const editor = await makeEditor(t, 'editor')
      const theirs = await save(t, other, 'save')
      assert.ok(theirs.kind === 'saved')
      assert.deepEqual(await save(t, author, 'save', {}, { id: theirs.id, version: 1 }), { kind: 'forbidden' })
      assert.deepEqual(await changeArticleStatus(t.deps, author, theirs.id, 'trash'), { kind: 'forbidden' })
      const submitted = await save(t, contributor, 'submit')
      assert.ok(submitted.kind === 'saved')
      assert.equal((await changeArticleStatus(t.deps, editor, submitted.id, 'publish')).kind, 'done')
      const current = (await articleById(t.deps.db, submitted.id))!
      assert.deepEqual(await save(t, contributor, 'save', {}, { id: submitted.id, version: current.version }), { kind: 'forbidden' })
    })

    it('applies bulk actions per article, counting what the role does not allow', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const author = await makeEditor(t, 'author')
      const other = await makeEditor(t, 'author', 'other author')
      const mine = await save(t, author, 'save')
      const theirs = await save(t, other, 'save')
      const trashed = await save(t, author, 'save', { headline: 'Another' })
      assert.ok(mine.kind === 'saved' && theirs.kind === 'saved' && trashed.kind === 'saved')
      await changeArticleStatus(t.deps, author, trashed.id, 'trash')
      const result = await bulkChangeStatus(t.deps, author, [mine.id, theirs.id, trashed.id, 999_999], 'publish')
      assert.deepEqual(result, { done: 1, forbidden: 1, refused: 1, missing: 1 })
      assert.equal((await articleById(t.deps.db, mine.id))!.status, 'published')
      assert.equal((await articleById(t.deps.db, theirs.id))!.status, 'draft')
    })

    it('keeps createArticle working for imports, with a revision and a system audit row', async (tc) => {
      const t = await build(tc, dialect, { settings: YEREVAN })
      const { id, slug } = await createArticle(t.deps, { edition: 'en', headline: 'Wire copy', lead: '', bodySource: 'Text', status: 'published', publishedAt: '2026-11-26T09:00:00.000Z' })
      assert.equal(slug, 'wire-copy')
      assert.equal((await revisionsOf(t.deps.db, id)).length, 1)
      assert.equal((await auditEntriesFor(t.deps.db, 'article', id))[0]!.actor_name, 'Lede')
    })
  })
})
