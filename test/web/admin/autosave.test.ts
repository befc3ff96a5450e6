// The article editor's autosave over HTTP: the script's endpoint keeps the form as the user's own
// autosave and never touches the article (version, revisions, live text, audit log); the editor offers
// it back, Restore fills the form, a real save clears it; role, CSRF and input checks answer JSON.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, form, FORM_HEADERS, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { revisionsOf } from '../../../src/db/repositories/revisions.repository.js'
import { currentFields, newArticle, versionOf } from './newsroom-support.js'
import { assertBodyDocument, doc, p, paragraphs, text } from '../../body-support.js'

// DEMO_NOW is 10:00 UTC: 14:00 in Yerevan.
const YEREVAN = { timeZone: 'Asia/Yerevan', siteName: 'Lede Test' }

forEachDialect((dialect) => {
  describe('article editor autosave', () => {
    let t: TestApp
    let editor: AdminSession
    let otherEditor: AdminSession
    let author: AdminSession
    let contributor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: YEREVAN })
      editor = await loginAs(t, 'editor', { displayName: 'Ana Editor' })
      otherEditor = await loginAs(t, 'editor', { displayName: 'Boris Editor' })
      author = await loginAs(t, 'author', { displayName: 'Aram Author' })
      contributor = await loginAs(t, 'contributor', { displayName: 'Carine Contributor' })
    })
    after(() => t.close())

    /** What the editor's script sends: the form's fields as JSON, the token in X-CSRF-Token. */
    function autosave(session: Pick<AdminSession, 'cookie' | 'csrf'>, id: number | string, fields: Record<string, unknown>) {
      return t.app.inject({
        method: 'POST', url: `/admin/articles/${id}/autosave/`,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        payload: JSON.stringify(fields)
      })
    }

    async function storedAutosaves(articleId: number) {
      return t.deps.db.selectFrom('article_autosaves').selectAll().where('article_id', '=', articleId).orderBy('user_id').execute()
    }

    async function auditCount(): Promise<number> {
      return Number((await t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    }

    function jsonError(res: { statusCode: number, headers: Record<string, unknown>, body: string }, status: number, code: string) {
      assert.equal(res.statusCode, status, res.body.slice(0, 300))
      assert.match(String(res.headers['content-type']), /^application\/json/)
      const body = JSON.parse(res.body) as { error: { code: string, message: string } }
      assert.equal(body.error.code, code)
      assert.equal(typeof body.error.message, 'string')
      assert.ok(body.error.message.length > 0)
      return body
    }

    it('keeps the form as the user’s autosave and replaces it on the next one, leaving the article, its version, revisions and audit log alone', async () => {
      const id = await newArticle(t, editor, { headline: 'Autosaved draft' })
      const fields = await currentFields(t, id)
      const [revisionsBefore, auditBefore] = [(await revisionsOf(t.deps.db, id)).length, await auditCount()]

      const first = await autosave(editor, id, { ...fields, body: 'First words typed.' })
      assert.equal(first.statusCode, 200, first.body)
      assert.equal(first.headers['cache-control'], 'private, no-store')
      const answer = JSON.parse(first.body) as { autosave: { savedAt: string, version: number, outdated: boolean, message: string } }
      assert.deepEqual(answer.autosave, {
        savedAt: '2026-11-26T10:00:00.000Z', version: 1, outdated: false,
        message: 'Changes autosaved at 14:00. They reach the article when you save.'
      })

      t.clock.advance(30_000)
      // The plain form encoding works too, with the token as the form's field.
      const second = await adminPost(t, editor, `/admin/articles/${id}/autosave/`, { ...fields, body: 'Second, longer words typed.' })
      assert.equal(second.statusCode, 200, second.body)

      const rows = await storedAutosaves(id)
      assert.equal(rows.length, 1, 'one autosave per article and user')
      assert.equal(rows[0]!.user_id, editor.user.id)
      assert.equal(rows[0]!.base_version, 1)
      assert.equal(rows[0]!.saved_at, '2026-11-26T10:00:30.000Z')
      assert.equal((JSON.parse(rows[0]!.form_values) as { body: string }).body, 'Second, longer words typed.')

      const article = (await articleById(t.deps.db, id))!
      assert.equal(article.version, 1, 'the version editors save against does not move')
      assertBodyDocument(article.body_source, paragraphs('The National Assembly voted on Thursday.', 'The opposition walked out.'))
      assert.equal((await revisionsOf(t.deps.db, id)).length, revisionsBefore, 'no revision for an autosave')
      assert.equal(await auditCount(), auditBefore, 'autosaves are not audited')

      // The user's next real save is not a conflict with their own autosaves, and it clears them.
      const save = await adminPost(t, editor, `/admin/articles/${id}/`, { ...fields, body: 'Second, longer words typed.', intent: 'save' })
      assert.equal(save.statusCode, 303)
      assert.equal(await versionOf(t, id), 2)
      assert.deepEqual(await storedAutosaves(id), [])
    })

    it('never changes a published story: readers keep the saved text, and the editor offers the autosave', async () => {
      const id = await newArticle(t, editor, { headline: 'Live story', body: 'What readers read.' }, 'publish')
      const fields = await currentFields(t, id)
      const stored = (await articleById(t.deps.db, id))!
      t.clock.advance(5 * 60_000)
      const res = await autosave(editor, id, { ...fields, body: 'Unfinished correction.', intent: 'publish' })
      assert.equal(res.statusCode, 200, res.body)

      const page = await t.app.inject('/2026/11/26/live-story/')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /What readers read\./)
      assert.doesNotMatch(page.body, /Unfinished correction/)
      const after = (await articleById(t.deps.db, id))!
      assert.deepEqual(after, stored, 'the article row is exactly as saved')

      const editorPage = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.equal(editorPage.statusCode, 200)
      assert.match(editorPage.body, /An autosave from November 26, 2026 14:05 is newer than this version\./)
      assert.match(editorPage.body, new RegExp(`<a class="button" href="/admin/articles/${id}/\\?autosave=restore">Restore it</a>`))
      assert.match(editorPage.body, new RegExp(`action="/admin/articles/${id}/autosave/discard/"`))
      assert.match(editorPage.body, /<textarea id="body" name="body"[^>]*>&lt;p>What readers read\.&lt;\/p><\/textarea>/, 'the form shows the saved version until restored')
      // Only its author is offered an autosave.
      assert.doesNotMatch((await adminGet(t, otherEditor, `/admin/articles/${id}/`)).body, /autosave=restore/)
    })

    it('restores the autosave into the form at its version; saving it updates the story and clears the autosave', async () => {
      const id = await newArticle(t, editor, { headline: 'Restorable story', body: 'Saved text.' }, 'publish')
      const fields = await currentFields(t, id)
      // The rich editor keeps the form's body as the schema's HTML, and the script autosaves that.
      const typed = '<p>Autosaved <strong>text</strong>.</p>'
      await autosave(editor, id, { ...fields, headline: 'Restorable story, corrected', body: typed, tags: 'Budget' })

      const restored = await adminGet(t, editor, `/admin/articles/${id}/?autosave=restore`)
      assert.equal(restored.statusCode, 200)
      assert.match(restored.body, /The form below holds the autosave from November 26, 2026 14:05\. The article changes only when you save\./)
      assert.match(restored.body, /<textarea id="body" name="body"[^>]*>&lt;p>Autosaved &lt;strong>text&lt;\/strong>\.&lt;\/p><\/textarea>/)
      assert.match(restored.body, /value="Restorable story, corrected"/)
      assert.match(restored.body, /value="Budget"/)
      assert.match(restored.body, /<input type="hidden" name="version" value="1"\/>/)
      assert.match(restored.body, /data-unsaved="true"/, 'leaving the restored form warns')
      assert.match(restored.body, new RegExp(`<a href="/admin/articles/${id}/">Show the saved version instead</a>`))
      assertBodyDocument((await articleById(t.deps.db, id))!.body_source, paragraphs('Saved text.'), 'restoring wrote nothing')

      const revisions = (await revisionsOf(t.deps.db, id)).length
      const save = await adminPost(t, editor, `/admin/articles/${id}/`, {
        ...fields, headline: 'Restorable story, corrected', body: typed, tags: 'Budget', version: '1', intent: 'save'
      })
      assert.equal(save.statusCode, 303, save.body.slice(0, 300))
      const article = (await articleById(t.deps.db, id))!
      assertBodyDocument(article.body_source, doc(p('Autosaved ', text('text', 'strong'), '.')))
      assert.equal(article.status, 'published')
      assert.equal((await revisionsOf(t.deps.db, id)).length, revisions + 1, 'the real save keeps its revision')
      assert.deepEqual(await storedAutosaves(id), [])
      const page = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.doesNotMatch(page.body, /autosave=restore/)
      // Without an autosave, ?autosave=restore is just the editor.
      assert.match((await adminGet(t, editor, `/admin/articles/${id}/?autosave=restore`)).body, /<textarea id="body" name="body"[^>]*>&lt;p>Autosaved &lt;strong>text&lt;\/strong>\.&lt;\/p><\/textarea>/)
    })

    it('keeps and offers an autosave typed on an older version; restoring and saving it shows the conflict instead of overwriting', async () => {
      const id = await newArticle(t, editor, { headline: 'Contested story', body: 'Original text.' })
      const loadedByAna = await currentFields(t, id)
      const borisSave = await adminPost(t, otherEditor, `/admin/articles/${id}/`, { ...(await currentFields(t, id)), body: 'Boris’s text.', intent: 'save' })
      assert.equal(borisSave.statusCode, 303)

      const res = await autosave(editor, id, { ...loadedByAna, body: 'Ana’s typing.' })
      assert.equal(res.statusCode, 200, res.body)
      const answer = JSON.parse(res.body) as { autosave: { outdated: boolean, version: number, message: string } }
      assert.equal(answer.autosave.outdated, true)
      assert.equal(answer.autosave.version, 1)
      assert.match(answer.autosave.message, /Someone else has saved this article since you opened it/)
      assertBodyDocument((await articleById(t.deps.db, id))!.body_source, paragraphs('Boris’s text.'))

      const page = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.match(page.body, /There is an autosave from November 26, 2026 14:05, typed on version 1; the article has been saved since\./)
      const restored = await adminGet(t, editor, `/admin/articles/${id}/?autosave=restore`)
      assert.match(restored.body, /<input type="hidden" name="version" value="1"\/>/)
      const save = await adminPost(t, editor, `/admin/articles/${id}/`, { ...loadedByAna, body: 'Ana’s typing.', version: '1', intent: 'save' })
      assert.equal(save.statusCode, 409)
      assert.match(save.body, /Someone else saved this article meanwhile/)
      assert.match(save.body, /Ana’s typing\.<\/textarea>/)
      assertBodyDocument((await articleById(t.deps.db, id))!.body_source, paragraphs('Boris’s text.'))
      assert.equal((await storedAutosaves(id)).length, 1, 'a conflict keeps the autosave')
    })

    it('discards on request, and offers nothing when the autosave says what the article says', async () => {
      const id = await newArticle(t, editor, { headline: 'Discardable', tags: 'Budget, Parliament' })
      const fields = await currentFields(t, id)
      await autosave(editor, id, { ...fields, body: 'Typing to throw away.' })
      const discard = await adminPost(t, editor, `/admin/articles/${id}/autosave/discard/`)
      assert.equal(discard.statusCode, 303)
      assert.equal(discard.headers.location, `/admin/articles/${id}/?notice=autosaveDiscarded`)
      assert.deepEqual(await storedAutosaves(id), [])
      const page = await adminGet(t, editor, discard.headers.location as string)
      assert.match(page.body, /Autosave discarded\./)
      assert.doesNotMatch(page.body, /autosave=restore/)

      // Typed and undone, or tags spelled differently: nothing to restore.
      await autosave(editor, id, { ...fields, tags: 'budget,  Parliament ,Budget' })
      assert.equal((await storedAutosaves(id)).length, 1)
      assert.doesNotMatch((await adminGet(t, editor, `/admin/articles/${id}/`)).body, /autosave=restore/)

      assert.equal((await adminPost(t, editor, '/admin/articles/999999/autosave/discard/')).statusCode, 404)
      assert.equal((await adminPost(t, { cookie: editor.cookie, csrf: 'forged' }, `/admin/articles/${id}/autosave/discard/`)).statusCode, 403)
    })

    it('clears only the saving user’s autosave; deleting the article removes them all', async () => {
      const id = await newArticle(t, editor, { headline: 'Two desks' })
      const fields = await currentFields(t, id)
      await autosave(editor, id, { ...fields, body: 'Ana types.' })
      await autosave(otherEditor, id, { ...fields, body: 'Boris types.' })
      assert.equal((await storedAutosaves(id)).length, 2)
      await adminPost(t, editor, `/admin/articles/${id}/`, { ...fields, body: 'Ana saves.', intent: 'save' })
      assert.deepEqual((await storedAutosaves(id)).map((r) => r.user_id), [otherEditor.user.id])

      await adminPost(t, editor, `/admin/articles/${id}/trash/`, {})
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/delete/`, {})).statusCode, 303)
      assert.deepEqual(await storedAutosaves(id), [])
    })

    it('lets whoever may edit the article autosave it, like a save: others get 403, a binned story 409', async () => {
      const editorsDraft = await newArticle(t, editor, { headline: 'Editor’s draft' })
      const contributorsDraft = await newArticle(t, contributor, { headline: 'Contributor’s draft' })
      const authorsDraft = await newArticle(t, author, { headline: 'Author’s draft' })
      const fieldsOf = async (id: number) => ({ ...(await currentFields(t, id)), body: 'Typed.' })

      jsonError(await autosave(contributor, editorsDraft, await fieldsOf(editorsDraft)), 403, 'forbidden')
      jsonError(await autosave(author, editorsDraft, await fieldsOf(editorsDraft)), 403, 'forbidden')
      jsonError(await autosave(contributor, authorsDraft, await fieldsOf(authorsDraft)), 403, 'forbidden')
      assert.equal((await autosave(contributor, contributorsDraft, await fieldsOf(contributorsDraft))).statusCode, 200)
      assert.equal((await autosave(author, authorsDraft, await fieldsOf(authorsDraft))).statusCode, 200)
      assert.equal((await autosave(editor, contributorsDraft, await fieldsOf(contributorsDraft))).statusCode, 200, 'editors edit others’ stories')

      // Published, the contributor's story is the editors' to change; so is autosaving it.
      assert.equal((await adminPost(t, editor, `/admin/articles/${contributorsDraft}/publish/`, {})).statusCode, 303)
      jsonError(await autosave(contributor, contributorsDraft, await fieldsOf(contributorsDraft)), 403, 'forbidden')
      assert.equal((await autosave(editor, contributorsDraft, await fieldsOf(contributorsDraft))).statusCode, 200)

      await adminPost(t, editor, `/admin/articles/${editorsDraft}/trash/`, {})
      jsonError(await autosave(editor, editorsDraft, await fieldsOf(editorsDraft)), 409, 'refused')
      const binned = await adminGet(t, editor, `/admin/articles/${editorsDraft}/`)
      assert.doesNotMatch(binned.body, /data-autosave-url/, 'a read-only editor does not autosave')

      jsonError(await autosave(editor, 999999, { version: '1', headline: 'Nowhere' }), 404, 'not_found')
      jsonError(await autosave(editor, 'abc', { version: '1', headline: 'Nowhere' }), 404, 'not_found')
      assert.deepEqual((await storedAutosaves(editorsDraft)).map((r) => r.user_id), [])
      assert.deepEqual((await storedAutosaves(authorsDraft)).map((r) => r.user_id), [author.user.id])
    })

    it('sends anonymous requests to the login page and refuses a missing or forged CSRF token, keeping nothing', async () => {
      const id = await newArticle(t, editor, { headline: 'Guarded autosave' })
      const fields = { ...(await currentFields(t, id)), body: 'Hijacked?' }
      const anonymous = await t.app.inject({
        method: 'POST', url: `/admin/articles/${id}/autosave/`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(fields)
      })
      assert.equal(anonymous.statusCode, 303)
      assert.equal(anonymous.headers.location, '/admin/login/')
      for (const token of ['', 'forged-token']) {
        const res = await autosave({ cookie: editor.cookie, csrf: token }, id, fields)
        assert.equal(res.statusCode, 403, `token ${JSON.stringify(token)}`)
      }
      const noHeader = await t.app.inject({
        method: 'POST', url: `/admin/articles/${id}/autosave/`, headers: { ...FORM_HEADERS, cookie: editor.cookie }, payload: form(fields)
      })
      assert.equal(noHeader.statusCode, 403)
      assert.deepEqual(await storedAutosaves(id), [])
    })

    it('answers input no editor form sends with 400 JSON, but keeps work in progress the save would still refuse', async () => {
      const id = await newArticle(t, editor, { headline: 'Checked input' })
      const fields = await currentFields(t, id)
      const { version: _version, ...withoutVersion } = fields
      const bad: [string, Record<string, unknown>][] = [
        ['no version', withoutVersion],
        ['a version that is not a number', { ...fields, version: 'abc' }],
        ['a version the article never had', { ...fields, version: '7' }],
        ['a field sent twice', { ...fields, headline: ['One', 'Two'] }],
        ['a field that is not text', { ...fields, body: { text: 'x' } }],
        ['control characters', { ...fields, lead: 'Bell\u0007' }],
        ['too long', { ...fields, body: 'x'.repeat(250_001) }],
        ['too many tags', { ...fields, tags: Array.from({ length: 31 }, (_, i) => `Tag ${i}`).join(', ') }]
      ]
      for (const [what, body] of bad) {
        const res = await autosave(editor, id, body)
        assert.equal(res.statusCode, 400, `${what}: ${res.body.slice(0, 200)}`)
        jsonError(res, 400, 'bad_request')
      }
      const tooLong = JSON.parse((await autosave(editor, id, { ...fields, body: 'x'.repeat(250_001) })).body) as { error: { fields?: string[] } }
      assert.deepEqual(tooLong.error.fields, ['body'])
      for (const payload of ['{"headline": "broken', '[1, 2]', 'null']) {
        const res = await t.app.inject({
          method: 'POST', url: `/admin/articles/${id}/autosave/`,
          headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, 'content-type': 'application/json' }, payload
        })
        jsonError(res, 400, 'bad_request')
      }
      assert.deepEqual(await storedAutosaves(id), [])

      // No headline yet, half a slug, a date without its time: the real save will ask; the text is kept.
      const unfinished = await autosave(editor, id, { ...fields, headline: '', slug: 'half a slug', publish_date: '2026-12-01', publish_time: '' })
      assert.equal(unfinished.statusCode, 200, unfinished.body)
      const restored = await adminGet(t, editor, `/admin/articles/${id}/?autosave=restore`)
      assert.match(restored.body, /value="half a slug"/)
      assert.match(restored.body, /value="2026-12-01"/)
    })

    it('autosaves only a saved article the user may change, and marks a form sent back unsaved', async () => {
      const fresh = await adminGet(t, editor, '/admin/articles/new/')
      assert.doesNotMatch(fresh.body, /data-autosave-url/, 'a new article autosaves from its first save on')
      assert.doesNotMatch(fresh.body, /id="autosave-status"/)
      assert.doesNotMatch(fresh.body, /data-unsaved/)
      const id = await newArticle(t, editor, { headline: 'Status line' })
      const page = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.match(page.body, new RegExp(`data-autosave-url="/admin/articles/${id}/autosave/"`))
      assert.match(page.body, /<p id="autosave-status" class="autosave-status" role="status" aria-live="polite" data-failed="Autosave failed — your text is still here; save manually\."><\/p>/)
      assert.doesNotMatch(page.body, /data-unsaved/)
      const invalid = await adminPost(t, editor, `/admin/articles/${id}/`, { ...(await currentFields(t, id)), headline: '', intent: 'save' })
      assert.equal(invalid.statusCode, 400)
      assert.match(invalid.body, /data-unsaved="true"/)
    })
  })
})
