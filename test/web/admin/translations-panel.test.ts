import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../../helper.js'
import { adminGet, adminPost, loginAs } from '../../admin-helper.js'
import { createArticle } from '../../../src/services/articles.service.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { auditEntriesFor } from '../../../src/db/repositories/audit.repository.js'

const SETTINGS = { editions: ['en', 'ru', 'hy'], defaultEdition: 'en', timeZone: 'Asia/Yerevan' }

forEachDialect((dialect) => {
  describe('the editor’s Translations panel', () => {
    it('lists missing languages, creates a linked draft and then lists it', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const editor = await loginAs(t, 'editor')
      const { id } = await createArticle(t.deps, { edition: 'en', headline: 'Bridge reopens', lead: 'Traffic flows.', bodySource: 'Text.', status: 'published', publishedAt: '2026-11-20T09:00:00.000Z' })
      const page = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<h2 id="translations-heading">Translations<\/h2>/)
      assert.match(page.body, /<button type="submit" class="button button-secondary">Translate into Russian<\/button>/)
      assert.match(page.body, /Translate into Armenian/)

      const res = await adminPost(t, editor, `/admin/articles/${id}/translate/`, { edition: 'ru' })
      assert.equal(res.statusCode, 303)
      const draftId = Number(/\/admin\/articles\/(\d+)\//.exec(res.headers.location as string)![1])
      assert.match(res.headers.location as string, /notice=translationCreated/)
      const draft = await adminGet(t, editor, res.headers.location as string)
      assert.equal(draft.statusCode, 200)
      assert.match(draft.body, /A translation draft was created from the original/)
      assert.match(draft.body, new RegExp(`<a href="/admin/articles/${id}/" lang="en">Bridge reopens</a>`))

      const again = await adminPost(t, editor, `/admin/articles/${id}/translate/`, { edition: 'ru' })
      assert.equal(again.headers.location, `/admin/articles/${draftId}/?notice=translationExists`)
      const original = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.match(original.body, new RegExp(`<strong>Russian</strong>: <a href="/admin/articles/${draftId}/" lang="ru">Bridge reopens</a>`))
      assert.doesNotMatch(original.body, /Translate into Russian/)

      // The original changed (it joined a translation group): its history says who linked what.
      const log = await adminGet(t, editor, `/admin/audit/?action=article.translation_linked&subject=article&subject_id=${id}`)
      assert.equal(log.statusCode, 200)
      assert.match(log.body, /Linked a translation to an article/)
      const rows = await auditEntriesFor(t.deps.db, 'article', id)
      assert.equal(rows[0]!.action, 'article.translation_linked')
      assert.equal(rows[0]!.actor_id, editor.user.id)
      assert.deepEqual(JSON.parse(rows[0]!.details), {
        headline: 'Bridge reopens', translation: draftId, edition: 'ru', group: (await articleById(t.deps.db, id))!.translation_group, groupCreated: true
      })
    })

    it('refuses a contributor another’s story that is no longer published, changing nothing', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const editor = await loginAs(t, 'editor')
      const contributor = await loginAs(t, 'contributor')
      const { id } = await createArticle(t.deps, { edition: 'en', headline: 'Bridge reopens', lead: '', bodySource: 'Text.', status: 'published', publishedAt: '2026-11-20T09:00:00.000Z' })
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/unpublish/`, { version: '1' })).statusCode, 303)
      const before = await articleById(t.deps.db, id)
      const res = await adminPost(t, contributor, `/admin/articles/${id}/translate/`, { edition: 'ru' })
      assert.equal(res.statusCode, 403)
      assert.deepEqual(await articleById(t.deps.db, id), before)
      assert.equal((await t.deps.db.selectFrom('articles').select('id').execute()).length, 1)
    })

    it('refuses a bad edition, a missing article and a request without the CSRF token', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const editor = await loginAs(t, 'editor')
      const { id } = await createArticle(t.deps, { edition: 'en', headline: 'Bridge reopens', lead: '', bodySource: '', status: 'published', publishedAt: '2026-11-20T09:00:00.000Z' })
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/translate/`, { edition: 'de' })).statusCode, 400)
      assert.equal((await adminPost(t, editor, '/admin/articles/999999/translate/', { edition: 'ru' })).statusCode, 404)
      assert.equal((await adminPost(t, { cookie: editor.cookie, csrf: 'forged' }, `/admin/articles/${id}/translate/`, { edition: 'ru' })).statusCode, 403)
      const count = await t.deps.db.selectFrom('articles').select('id').execute()
      assert.equal(count.length, 1)
    })
  })
})
