// Who may choose an article's featured image: as in WordPress (the featured-image box needs upload_files),
// authors and editors pick from the library; a contributor never sees the library in the editor, keeps the
// image an editor chose, and a change of it (to another image or to none) is refused with a message.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { revisionsOf } from '../../../src/db/repositories/revisions.repository.js'
import { ARTICLE_FIELDS, currentFields, newArticle, testImage, upload } from './newsroom-support.js'

const REFUSED = /<p class="field-error" id="featured_media_id-error">Only an author or an editor can choose or remove the featured image\./

forEachDialect((dialect) => {
  describe('featured image by role', () => {
    let t: TestApp
    let editor: AdminSession
    let author: AdminSession
    let contributor: AdminSession
    let harbour: number
    let secret: number

    async function uploaded(name: string, seed: number): Promise<number> {
      const res = await upload(t, editor, { name, type: 'image/png', bytes: await testImage('png', 64 + seed, 48) }, { alt: `Library alt of ${name}` })
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
      return Number(/^\/admin\/media\/(\d+)\//.exec(res.headers.location as string)![1])
    }

    /** A contributor's draft to which an editor gave the harbour image. */
    async function draftWithImage(headline: string): Promise<number> {
      const id = await newArticle(t, contributor, { headline })
      const res = await adminPost(t, editor, `/admin/articles/${id}/`, {
        ...ARTICLE_FIELDS, ...(await currentFields(t, id)), featured_media_id: String(harbour), featured_alt: 'Boats at dawn', featured_credit: 'Photo desk', intent: 'save'
      })
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
      return id
    }

    const count = async () => Number((await t.deps.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

    before(async () => {
      t = await buildTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan' } })
      editor = await loginAs(t, 'editor')
      author = await loginAs(t, 'author')
      contributor = await loginAs(t, 'contributor')
      harbour = await uploaded('harbour-sunrise.png', 1)
      secret = await uploaded('embargoed-portrait.png', 2)
    })
    after(() => t.close())

    it('shows a contributor no library picker, no search and no library file names', async () => {
      for (const res of [
        await adminGet(t, contributor, '/admin/articles/new/'),
        // The picker's search, sent by hand: the library is not read for them either.
        await adminPost(t, contributor, '/admin/articles/new/', { ...ARTICLE_FIELDS, media_q: 'harbour', intent: 'find-images' })
      ]) {
        assert.equal(res.statusCode, 200)
        assert.doesNotMatch(res.body, /type="radio" name="featured_media_id"/)
        assert.doesNotMatch(res.body, /name="media_q"/)
        assert.doesNotMatch(res.body, /harbour-sunrise|embargoed-portrait|\/media\//)
        assert.doesNotMatch(res.body, /href="\/admin\/media\/"/)
        assert.match(res.body, /<input type="hidden" name="featured_media_id" value\/>/)
        assert.match(res.body, /No image/)
        assert.match(res.body, /An author or editor chooses the featured image\./)
        assert.doesNotMatch(res.body, /name="featured_alt"/, 'no image, nothing to describe')
      }
      // Authors and editors keep the picker.
      for (const who of [author, editor]) {
        const page = await adminGet(t, who, '/admin/articles/new/')
        assert.match(page.body, new RegExp(`type="radio" name="featured_media_id" value="${harbour}"`))
        assert.match(page.body, /harbour-sunrise\.png/)
        assert.match(page.body, /name="media_q"/)
      }
    })

    it('shows a contributor the image an editor chose, read-only, and keeps it when they save', async () => {
      const id = await draftWithImage('Harbour reopens')
      const page = await adminGet(t, contributor, `/admin/articles/${id}/`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, new RegExp(`<input type="hidden" name="featured_media_id" value="${harbour}"/>`))
      assert.match(page.body, /<div class="field media-chosen" id="featured_media_id" tabindex="-1"><img src="\/media\/[^"]+" alt width=/, 'a thumbnail of the chosen image')
      assert.match(page.body, /An author or editor chooses the featured image\./)
      assert.doesNotMatch(page.body, /type="radio" name="featured_media_id"/)
      assert.doesNotMatch(page.body, /harbour-sunrise|embargoed-portrait/)
      assert.match(page.body, />Boats at dawn<\/textarea>/, 'the alt text stays the article’s to edit')

      const res = await adminPost(t, contributor, `/admin/articles/${id}/`, {
        ...ARTICLE_FIELDS, ...(await currentFields(t, id)), headline: 'Harbour reopens at dawn',
        featured_media_id: String(harbour), featured_alt: 'Fishing boats at dawn', featured_credit: 'Photo desk', intent: 'save'
      })
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
      const row = (await articleById(t.deps.db, id))!
      assert.equal(row.headline, 'Harbour reopens at dawn')
      assert.equal(row.featured_media_id, harbour)
      assert.equal(row.featured_alt, 'Fishing boats at dawn')
      assert.equal(row.featured_credit, 'Photo desk')
    })

    it('refuses a contributor’s change of the image, to another or to none, with 400 and the text kept', async () => {
      const id = await draftWithImage('Harbour closes')
      const stored = (await articleById(t.deps.db, id))!
      for (const featured of [String(secret), '']) {
        const res = await adminPost(t, contributor, `/admin/articles/${id}/`, {
          ...ARTICLE_FIELDS, ...(await currentFields(t, id)), headline: 'Typed but not saved', featured_media_id: featured, featured_alt: 'Other', intent: 'save'
        })
        assert.equal(res.statusCode, 400, featured)
        assert.match(res.body, REFUSED)
        assert.match(res.body, /value="Typed but not saved"/)
        assert.match(res.body, /class="error-summary"/)
        // The form sent back carries the article's image again, so saving it as it is now works.
        assert.match(res.body, new RegExp(`<input type="hidden" name="featured_media_id" value="${harbour}"/>`))
        assert.doesNotMatch(res.body, /embargoed-portrait/)
        assert.deepEqual(await articleById(t.deps.db, id), stored, 'nothing saved')
      }
    })

    it('refuses a contributor’s new article with a featured image, and saves nothing', async () => {
      const before = await count()
      const res = await adminPost(t, contributor, '/admin/articles/new/', { ...ARTICLE_FIELDS, headline: 'With a picked image', featured_media_id: String(secret), featured_alt: 'A face', intent: 'save' })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, REFUSED)
      assert.match(res.body, /value="With a picked image"/)
      assert.equal(await count(), before)
    })

    it('lets authors and editors set, change and remove the image as before', async () => {
      for (const who of [author, editor]) {
        const id = await newArticle(t, who, { featured_media_id: String(harbour), featured_alt: 'Boats' })
        assert.equal((await articleById(t.deps.db, id))!.featured_media_id, harbour)
        for (const [featured, expected] of [[String(secret), secret], ['', null]] as const) {
          const res = await adminPost(t, who, `/admin/articles/${id}/`, { ...ARTICLE_FIELDS, ...(await currentFields(t, id)), featured_media_id: featured, featured_alt: 'Boats', intent: 'save' })
          assert.equal(res.statusCode, 303, res.body.slice(0, 300))
          assert.equal((await articleById(t.deps.db, id))!.featured_media_id, expected)
        }
      }
    })

    it('lets a contributor restore a revision’s image, but not drop the one an editor chose', async () => {
      const id = await draftWithImage('Harbour revisions')
      const [withHarbour, withoutImage] = await revisionsOf(t.deps.db, id)
      assert.equal(withHarbour!.fields.featuredMediaId, harbour)
      assert.equal(withoutImage!.fields.featuredMediaId, null)
      const restore = async (revisionId: number) => {
        const res = await adminPost(t, contributor, `/admin/articles/${id}/revisions/${revisionId}/restore/`, { version: String((await articleById(t.deps.db, id))!.version) })
        assert.equal(res.statusCode, 303, res.body.slice(0, 300))
      }
      // The contributor's first version had no image: restoring its words keeps the editor's image.
      await restore(withoutImage!.id)
      let row = (await articleById(t.deps.db, id))!
      assert.equal(row.featured_media_id, harbour)
      assert.equal(row.featured_alt, 'Boats at dawn')
      // An editor changes the image; the contributor may bring back the one the article had before.
      const change = await adminPost(t, editor, `/admin/articles/${id}/`, { ...ARTICLE_FIELDS, ...(await currentFields(t, id)), featured_media_id: String(secret), featured_alt: 'A face', intent: 'save' })
      assert.equal(change.statusCode, 303)
      await restore(withHarbour!.id)
      row = (await articleById(t.deps.db, id))!
      assert.equal(row.featured_media_id, harbour)
      assert.equal(row.featured_alt, 'Boats at dawn')
    })

    it('shows a contributor’s restored autosave with the article’s image, whatever the autosave says', async () => {
      const id = await draftWithImage('Harbour autosave')
      const res = await t.app.inject({
        method: 'POST', url: `/admin/articles/${id}/autosave/`,
        headers: { cookie: contributor.cookie, 'x-csrf-token': contributor.csrf, 'content-type': 'application/json' },
        payload: JSON.stringify({ ...ARTICLE_FIELDS, ...(await currentFields(t, id)), body: 'Autosaved words.', featured_media_id: String(secret), featured_alt: 'Boats at dawn' })
      })
      assert.equal(res.statusCode, 200, res.body)
      const restored = await adminGet(t, contributor, `/admin/articles/${id}/?autosave=restore`)
      assert.equal(restored.statusCode, 200)
      assert.match(restored.body, /Autosaved words\.<\/textarea>/)
      assert.match(restored.body, new RegExp(`<input type="hidden" name="featured_media_id" value="${harbour}"/>`))
      assert.doesNotMatch(restored.body, /embargoed-portrait/)
      // Saved as sent by a forged form, the autosaved image is refused like any other change.
      const forged = await adminPost(t, contributor, `/admin/articles/${id}/`, {
        ...ARTICLE_FIELDS, ...(await currentFields(t, id)), body: 'Autosaved words.', featured_media_id: String(secret), featured_alt: 'Boats at dawn', intent: 'save'
      })
      assert.equal(forged.statusCode, 400)
      assert.match(forged.body, REFUSED)
      assert.equal((await articleById(t.deps.db, id))!.featured_media_id, harbour)
    })
  })
})
