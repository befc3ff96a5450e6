// Contributors and the trash, over HTTP, as in WordPress: they bin, restore and delete their own drafts
// and stories in review (delete_posts), never a story that is or was live (delete_published_posts) and
// never someone else's. A refusal is a 403 that changes nothing; bulk actions say what they skipped.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, csrfFrom, loginAs, type AdminSession } from '../../admin-helper.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { changeArticleStatus, createArticle } from '../../../src/services/articles.service.js'
import { newArticle } from './newsroom-support.js'

forEachDialect((dialect) => {
  describe('contributors and the trash', () => {
    let t: TestApp
    let contributor: AdminSession
    let editor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan', siteName: 'Lede Test' } })
      contributor = await loginAs(t, 'contributor', { displayName: 'Carla Contributor' })
      editor = await loginAs(t, 'editor', { displayName: 'Ana Editor' })
    })
    after(() => t.close())

    /** A story of the contributor's that an editor published (contributors cannot publish). */
    async function publishedByEditor(headline: string): Promise<number> {
      const { id } = await createArticle(t.deps, {
        edition: 'en', headline, lead: '', bodySource: 'Text.', authorId: contributor.user.id, status: 'published', publishedAt: '2026-11-26T08:00:00.000Z'
      })
      return id
    }

    const row = async (id: number) => (await articleById(t.deps.db, id))!
    const snapshot = async (id: number) => {
      const r = await articleById(t.deps.db, id)
      return r ? { status: r.status, version: r.version, trashedFrom: r.trashed_from, publishedAt: r.published_at } : null
    }

    it('bins their own draft from the editor’s button, restores it from the trash list and deletes it for good', async () => {
      const id = await newArticle(t, contributor, { headline: 'Contributor draft to bin' })
      const page = await adminGet(t, contributor, `/admin/articles/${id}/`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, new RegExp(`<form method="post" action="/admin/articles/${id}/trash/"`))
      const version = /<input type="hidden" name="version" value="(\d+)"\/>/.exec(page.body)?.[1]
      assert.ok(version)

      const trashed = await adminPost(t, { cookie: contributor.cookie, csrf: csrfFrom(page.body) }, `/admin/articles/${id}/trash/`, { version })
      assert.equal(trashed.statusCode, 303)
      assert.equal(trashed.headers.location, `/admin/articles/${id}/?notice=articleTrashed`)
      assert.deepEqual([(await row(id)).status, (await row(id)).trashed_from], ['trashed', 'draft'])

      // The Trash tab lists it with the contributor's own Restore and Delete buttons; it opens read-only with them too.
      const list = await adminGet(t, contributor, '/admin/articles/?status=trashed')
      assert.match(list.body, /Contributor draft to bin/)
      assert.match(list.body, new RegExp(`formaction="/admin/articles/${id}/restore/"`))
      assert.match(list.body, new RegExp(`formaction="/admin/articles/${id}/delete/"`))
      const binnedPage = await adminGet(t, contributor, `/admin/articles/${id}/`)
      assert.equal(binnedPage.statusCode, 200)
      assert.match(binnedPage.body, new RegExp(`action="/admin/articles/${id}/restore/"`))
      assert.doesNotMatch(binnedPage.body, /only an editor can restore/)

      const restored = await adminPost(t, contributor, `/admin/articles/${id}/restore/`, { version: String((await row(id)).version), return_to: '/admin/articles/?status=trashed' })
      assert.equal(restored.statusCode, 303)
      assert.equal(restored.headers.location, '/admin/articles/?status=trashed&notice=articleRestored')
      assert.deepEqual([(await row(id)).status, (await row(id)).trashed_from], ['draft', null])

      await adminPost(t, contributor, `/admin/articles/${id}/trash/`, {})
      const deleted = await adminPost(t, contributor, `/admin/articles/${id}/delete/`, { version: String((await row(id)).version), return_to: '/admin/articles/?status=trashed' })
      assert.equal(deleted.statusCode, 303)
      assert.equal(deleted.headers.location, '/admin/articles/?status=trashed&notice=articleDeleted')
      assert.equal(await articleById(t.deps.db, id), undefined)
    })

    it('bins their own draft and their story in review with the bulk action', async () => {
      const draft = await newArticle(t, contributor, { headline: 'Bulk-binned draft' })
      const pending = await newArticle(t, contributor, { headline: 'Bulk-binned review' }, 'submit')
      assert.equal((await row(pending)).status, 'pending')
      const res = await adminPost(t, contributor, '/admin/articles/bulk/', { bulk_action: 'trash', ids: [String(draft), String(pending)], return_to: '/admin/articles/' })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/articles/?bulk=trash&done=2&forbidden=0&refused=0&missing=0')
      assert.deepEqual([(await row(draft)).trashed_from, (await row(pending)).trashed_from], ['draft', 'pending'])
      // Restored from the bin, a story in review comes back as a draft, as in WordPress.
      assert.equal((await adminPost(t, contributor, `/admin/articles/${pending}/restore/`, {})).statusCode, 303)
      assert.equal((await row(pending)).status, 'draft')
    })

    it('refuses their own published story with 403 and changes nothing', async () => {
      const id = await publishedByEditor('Contributor’s published story')
      const page = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.match(page.body, new RegExp(`action="/admin/articles/${id}/trash/"`), 'an editor may bin it')
      const before = await snapshot(id)
      for (const action of ['trash', 'restore', 'delete']) {
        const res = await adminPost(t, contributor, `/admin/articles/${id}/${action}/`, { version: String(before!.version) })
        assert.equal(res.statusCode, 403, action)
        assert.match(res.body, /Your role does not allow this/)
      }
      assert.deepEqual(await snapshot(id), before)
      assert.equal((await t.app.inject('/2026/11/26/contributors-published-story/')).statusCode, 200)
    })

    it('leaves their story binned while published to editors, saying so on its page', async () => {
      const id = await publishedByEditor('Binned while live')
      assert.equal((await changeArticleStatus(t.deps, editor.user, id, 'trash')).kind, 'done')
      assert.equal((await row(id)).trashed_from, 'published')
      const before = await snapshot(id)

      const list = await adminGet(t, contributor, '/admin/articles/?status=trashed')
      assert.match(list.body, /Binned while live/)
      assert.doesNotMatch(list.body, new RegExp(`/admin/articles/${id}/(restore|delete)/`))
      const page = await adminGet(t, contributor, `/admin/articles/${id}/`)
      assert.equal(page.statusCode, 200)
      assert.doesNotMatch(page.body, new RegExp(`action="/admin/articles/${id}/(restore|delete)/"`))
      assert.match(page.body, /only an editor can restore it or delete it permanently/)
      for (const action of ['restore', 'delete']) {
        const res = await adminPost(t, contributor, `/admin/articles/${id}/${action}/`, { version: String(before!.version) })
        assert.equal(res.statusCode, 403, action)
      }
      assert.deepEqual(await snapshot(id), before)

      // An editor still may; restored, it is a draft again and the bin forgets where it came from.
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/restore/`, {})).statusCode, 303)
      assert.deepEqual([(await row(id)).status, (await row(id)).trashed_from], ['draft', null])
      // Unpublished and restored, it is a draft: now the contributor may bin it (WordPress looks at the status).
      assert.equal((await adminPost(t, contributor, `/admin/articles/${id}/trash/`, {})).statusCode, 303)
      assert.equal((await row(id)).trashed_from, 'draft')
    })

    it('refuses another’s draft with 403, in the trash or not, and changes nothing', async () => {
      const id = await newArticle(t, editor, { headline: 'Editor’s own draft' })
      const before = await snapshot(id)
      const res = await adminPost(t, contributor, `/admin/articles/${id}/trash/`, { version: String(before!.version) })
      assert.equal(res.statusCode, 403)
      // A stale version changes nothing either: the role is checked first, so no 409 hints at the story's state.
      assert.equal((await adminPost(t, contributor, `/admin/articles/${id}/trash/`, { version: '999' })).statusCode, 403)
      assert.equal((await adminPost(t, contributor, `/admin/articles/${id}/`, { headline: 'Taken over', body: 'x', version: '999' })).statusCode, 403)
      assert.deepEqual(await snapshot(id), before)

      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/trash/`, {})).statusCode, 303)
      const binned = await snapshot(id)
      for (const action of ['restore', 'delete']) {
        assert.equal((await adminPost(t, contributor, `/admin/articles/${id}/${action}/`, {})).statusCode, 403, action)
      }
      assert.deepEqual(await snapshot(id), binned)
      // Listed in the Trash, but neither openable nor restorable by the contributor.
      const list = await adminGet(t, contributor, '/admin/articles/?status=trashed')
      assert.match(list.body, /<span class="row-title">Editor’s own draft<\/span>/)
      assert.doesNotMatch(list.body, new RegExp(`/admin/articles/${id}/(restore|delete)/`))
      assert.equal((await adminGet(t, contributor, `/admin/articles/${id}/`)).statusCode, 403)
    })

    it('bins only what it may from a mixed selection, and says what it skipped', async () => {
      const mine = await newArticle(t, contributor, { headline: 'Mixed: mine' })
      const published = await publishedByEditor('Mixed: my published')
      const theirs = await newArticle(t, editor, { headline: 'Mixed: theirs' })
      const gone = await newArticle(t, contributor, { headline: 'Mixed: gone' })
      await adminPost(t, contributor, `/admin/articles/${gone}/trash/`, {})
      await adminPost(t, contributor, `/admin/articles/${gone}/delete/`, {})
      const before = { published: await snapshot(published), theirs: await snapshot(theirs) }

      const res = await adminPost(t, contributor, '/admin/articles/bulk/', {
        bulk_action: 'trash', ids: [String(mine), String(published), String(theirs), String(gone)], return_to: '/admin/articles/?status=draft'
      })
      assert.equal(res.statusCode, 303)
      const location = res.headers.location as string
      assert.equal(location, '/admin/articles/?status=draft&bulk=trash&done=1&forbidden=2&refused=0&missing=1')
      assert.equal((await row(mine)).status, 'trashed')
      assert.deepEqual({ published: await snapshot(published), theirs: await snapshot(theirs) }, before)

      const page = await adminGet(t, contributor, location)
      assert.match(page.body, /Move to trash: done for 1 article\./)
      assert.match(page.body, /2 articles were skipped: your role does not allow this on them\./)
      assert.match(page.body, /1 article no longer exists\./)
    })
  })
})
