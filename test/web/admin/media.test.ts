// The media library over HTTP: uploads judged by their bytes, generated sizes, immutable cached files,
// the library and its details, and the featured image on the article page with srcset.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import sharp from 'sharp'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { MAX_UPLOAD_BYTES } from '../../../src/domain/media.js'
import { mediaById } from '../../../src/db/repositories/media.repository.js'
import { auditEntriesFor } from '../../../src/db/repositories/audit.repository.js'
import { newArticle, testImage, upload } from './newsroom-support.js'

function mediaIdFrom(location: string | undefined): number {
  const m = /^\/admin\/media\/(\d+)\/\?notice=/.exec(location ?? '')
  assert.ok(m, `unexpected redirect ${String(location)}`)
  return Number(m[1])
}

forEachDialect((dialect) => {
  describe('media library', () => {
    let t: TestApp
    let author: AdminSession
    let editor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan' } })
      author = await loginAs(t, 'author', { displayName: 'Photo Author' })
      editor = await loginAs(t, 'editor')
    })
    after(() => t.close())

    for (const [format, mime, ext] of [['jpeg', 'image/jpeg', 'jpg'], ['png', 'image/png', 'png'], ['webp', 'image/webp', 'webp'], ['avif', 'image/avif', 'avif']] as const) {
      it(`takes a ${format.toUpperCase()} upload and makes 320, 640 and 1024 px WebP copies of a 1200 px image`, async () => {
        const bytes = await testImage(format, 1200, 800)
        const res = await upload(t, author, { name: `photo.${ext}`, type: mime, bytes }, { alt: `A ${format} test card`, credit: 'Photo: Test' })
        assert.equal(res.statusCode, 303, res.body.slice(0, 400))
        const id = mediaIdFrom(res.headers.location as string)
        const row = (await mediaById(t.deps.db, id))!
        assert.equal(row.mime, mime)
        assert.deepEqual([row.width, row.height], [1200, 800])
        assert.equal(row.alt, `A ${format} test card`)
        const files = await t.deps.db.selectFrom('media_files').select(['variant', 'mime', 'width', 'height']).where('media_id', '=', id).orderBy('width').execute()
        assert.deepEqual(files.map((f) => `${f.variant} ${f.mime} ${f.width}x${f.height}`), [
          '320 image/webp 320x213', '640 image/webp 640x427', '1024 image/webp 1024x683', `original ${mime} 1200x800`
        ])
        const page = await adminGet(t, author, `/admin/media/${id}/?notice=mediaUploaded`)
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /Image uploaded\./)
        assert.match(page.body, new RegExp(`/media/${id}-${row.hash.slice(0, 16)}/original\\.${ext}`))
        assert.equal((await auditEntriesFor(t.deps.db, 'media', id))[0]!.action, 'media.upload')
      })
    }

    it('serves every copy with its type, a year of immutable caching and a 304 for a known copy', async () => {
      const res = await upload(t, author, { name: 'served.png', type: 'image/png', bytes: await testImage('png', 700, 400) })
      const id = mediaIdFrom(res.headers.location as string)
      const row = (await mediaById(t.deps.db, id))!
      const url = `/media/${id}-${row.hash.slice(0, 16)}/640.webp`
      const file = await t.app.inject(url)
      assert.equal(file.statusCode, 200)
      assert.equal(file.headers['content-type'], 'image/webp')
      assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable')
      assert.equal(file.headers['x-content-type-options'], 'nosniff')
      assert.equal(file.headers['set-cookie'], undefined)
      assert.equal((await sharp(file.rawPayload).metadata()).width, 640)
      const again = await t.app.inject({ url, headers: { 'if-none-match': file.headers.etag as string } })
      assert.equal(again.statusCode, 304)
      const original = await t.app.inject(`/media/${id}-${row.hash.slice(0, 16)}/original.png`)
      assert.equal(original.headers['content-type'], 'image/png')
      // A wrong hash, variant or extension names nothing.
      for (const wrong of [`/media/${id}-0000000000000000/640.webp`, `/media/${id}-${row.hash.slice(0, 16)}/1600.webp`, `/media/${id}-${row.hash.slice(0, 16)}/original.jpg`, '/media/abc/640.webp', `/media/${id + 1000}-${row.hash.slice(0, 16)}/640.webp`]) {
        assert.equal((await t.app.inject(wrong)).statusCode, 404, wrong)
      }
    })

    it('judges the type by the bytes: a PNG named .jpg and sent as image/jpeg is stored as a PNG', async () => {
      const res = await upload(t, author, { name: 'disguised.jpg', type: 'image/jpeg', bytes: await testImage('png', 400, 300) })
      assert.equal(res.statusCode, 303)
      const row = (await mediaById(t.deps.db, mediaIdFrom(res.headers.location as string)))!
      assert.equal(row.mime, 'image/png')
      assert.equal(row.original_name, 'disguised.jpg')
    })

    it('refuses garbage named .jpg with a clear message, and an image cut short', async () => {
      const garbage = await upload(t, author, { name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('this is not an image at all, only text pretending') }, { alt: 'kept alt' })
      assert.equal(garbage.statusCode, 415)
      assert.match(garbage.body, /id="file-error">This file is not a JPEG, PNG, WebP or AVIF image \(judged by its contents, not its name\)/)
      assert.match(garbage.body, /kept alt<\/textarea>/)
      const svg = await upload(t, author, { name: 'logo.png', type: 'image/png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') })
      assert.equal(svg.statusCode, 415)
      const jpeg = await testImage('jpeg', 800, 600)
      const truncated = await upload(t, author, { name: 'cut.jpg', type: 'image/jpeg', bytes: jpeg.subarray(0, 200) })
      assert.equal(truncated.statusCode, 400)
      assert.match(truncated.body, /cannot be read/)
      const none = await upload(t, author, null, { alt: 'x' })
      assert.equal(none.statusCode, 400)
      assert.match(none.body, /Please choose an image file/)
    })

    it('refuses a file over the size limit with 413 and says the limit', async () => {
      const big = Buffer.concat([await testImage('jpeg', 64, 64), Buffer.alloc(MAX_UPLOAD_BYTES)])
      const res = await upload(t, author, { name: 'huge.jpg', type: 'image/jpeg', bytes: big })
      assert.equal(res.statusCode, 413)
      assert.match(res.body, /The file is larger than 20 MB/)
      assert.equal(res.headers['cache-control'], 'private, no-store')
    })

    it('shows an oversized upload’s error with the library only to those who may upload', async () => {
      const contributor = await loginAs(t, 'contributor')
      const big = Buffer.concat([await testImage('jpeg', 64, 64), Buffer.alloc(MAX_UPLOAD_BYTES)])
      const res = await upload(t, contributor, { name: 'huge.jpg', type: 'image/jpeg', bytes: big })
      assert.equal(res.statusCode, 403)
      assert.doesNotMatch(res.body, /huge\.jpg|class="media-grid"|The file is larger/)
    })

    it('removes camera and location data from every copy, the full-size one included', async () => {
      const withExif = await testImage('jpeg', 900, 600, true)
      assert.match(withExif.toString('latin1'), /Secret photographer/)
      const res = await upload(t, author, { name: 'exif.jpg', type: 'image/jpeg', bytes: withExif })
      const id = mediaIdFrom(res.headers.location as string)
      const files = await t.deps.db.selectFrom('media_files').select(['variant', 'bytes']).where('media_id', '=', id).execute()
      assert.ok(files.length >= 2)
      for (const f of files) assert.doesNotMatch(Buffer.from(f.bytes).toString('latin1'), /Secret photographer/, f.variant)
    })

    it('finds an upload of the same bytes instead of storing it twice', async () => {
      const bytes = await testImage('webp', 500, 500)
      const first = await upload(t, author, { name: 'once.webp', type: 'image/webp', bytes })
      const second = await upload(t, author, { name: 'twice.webp', type: 'image/webp', bytes })
      assert.equal(second.statusCode, 303)
      assert.match(second.headers.location as string, /notice=mediaDuplicate/)
      assert.equal(mediaIdFrom(first.headers.location as string), mediaIdFrom(second.headers.location as string))
    })

    it('lists and searches the library, and saves alt text, caption and credit', async () => {
      const res = await upload(t, author, { name: 'ararat-at-dawn.png', type: 'image/png', bytes: await testImage('png', 360, 240) }, { alt: 'Mount Ararat at dawn' })
      const id = mediaIdFrom(res.headers.location as string)
      const library = await adminGet(t, author, '/admin/media/')
      assert.equal(library.statusCode, 200)
      assert.match(library.body, /enctype="multipart\/form-data"/)
      assert.match(library.body, /ararat-at-dawn\.png/)
      const found = await adminGet(t, author, '/admin/media/?q=ARARAT')
      assert.match(found.body, /ararat-at-dawn\.png/)
      assert.doesNotMatch(found.body, /disguised\.jpg/)
      assert.match((await adminGet(t, author, '/admin/media/?q=nothing-like-this')).body, /No images match\./)
      const saved = await adminPost(t, author, `/admin/media/${id}/`, { alt: 'Ararat from Yerevan', caption: 'Seen at 6 a.m.', credit: 'Photo: A. Author' })
      assert.equal(saved.statusCode, 303)
      const row = (await mediaById(t.deps.db, id))!
      assert.deepEqual([row.alt, row.caption, row.credit], ['Ararat from Yerevan', 'Seen at 6 a.m.', 'Photo: A. Author'])
      const tooLong = await adminPost(t, author, `/admin/media/${id}/`, { alt: 'x'.repeat(1001), caption: '', credit: '' })
      assert.equal(tooLong.statusCode, 400)
      assert.match(tooLong.body, /at most 1000 characters/)
    })

    it('shows the featured image on the article page with srcset, sizes and alt text, and keeps it from being deleted', async () => {
      const res = await upload(t, author, { name: 'hall.jpg', type: 'image/jpeg', bytes: await testImage('jpeg', 1800, 1200) }, { alt: 'Library alt' })
      const id = mediaIdFrom(res.headers.location as string)
      const row = (await mediaById(t.deps.db, id))!
      const prefix = `/media/${id}-${row.hash.slice(0, 16)}`
      const editorForm = await adminGet(t, author, '/admin/articles/new/')
      assert.match(editorForm.body, new RegExp(`name="featured_media_id" value="${id}"`))
      await newArticle(t, author, {
        headline: 'Story with a picture', featured_media_id: String(id), featured_alt: 'The assembly hall, seen from the gallery',
        featured_caption: 'The vote', featured_credit: 'Photo: Lede'
      }, 'publish')
      const page = await t.app.inject('/2026/11/26/story-with-a-picture/')
      assert.equal(page.statusCode, 200)
      const img = /<figure class="featured-image"><img ([^>]+)\/>/.exec(page.body)?.[1]
      assert.ok(img, 'the page has a featured image')
      assert.match(img, new RegExp(`src="${prefix}/1024\\.webp"`))
      assert.match(img, new RegExp(`srcset="${prefix}/320\\.webp 320w, ${prefix}/640\\.webp 640w, ${prefix}/1024\\.webp 1024w, ${prefix}/1600\\.webp 1600w"`))
      assert.match(img, /sizes="\(min-width: 50rem\) 44rem, 100vw"/)
      assert.match(img, /width="1024" height="683"/)
      assert.match(img, /alt="The assembly hall, seen from the gallery"/)
      assert.match(page.body, /<figcaption>The vote <span class="image-credit">Photo: Lede<\/span><\/figcaption>/)
      const refused = await adminPost(t, editor, `/admin/media/${id}/delete/`, {})
      assert.equal(refused.statusCode, 409)
      assert.match(refused.body, /still the featured image of 1 article/)
      assert.ok(await mediaById(t.deps.db, id))
    })

    it('finds older images for the editor’s picker without losing what was typed', async () => {
      const res = await upload(t, author, { name: 'unique-sunflower.png', type: 'image/png', bytes: await testImage('png', 90, 60) })
      const id = mediaIdFrom(res.headers.location as string)
      const found = await adminPost(t, author, '/admin/articles/new/', { headline: 'Half-written', body: 'Typed so far.', media_q: 'sunflower', intent: 'find-images' })
      assert.equal(found.statusCode, 200)
      assert.match(found.body, new RegExp(`name="featured_media_id" value="${id}"`))
      assert.equal(found.body.match(/class="media-choice"/g)?.length, 1)
      assert.match(found.body, /value="Half-written"/)
      assert.match(found.body, /Typed so far\.<\/textarea>/)
      assert.match(found.body, /id="media_q" name="media_q" type="search" value="sunflower"/)
    })

    it('deletes an unused image, its files with it', async () => {
      const res = await upload(t, author, { name: 'unused.png', type: 'image/png', bytes: await testImage('png', 100, 100) })
      const id = mediaIdFrom(res.headers.location as string)
      const deleted = await adminPost(t, author, `/admin/media/${id}/delete/`, {})
      assert.equal(deleted.statusCode, 303)
      assert.equal(await mediaById(t.deps.db, id), undefined)
      const left = await t.deps.db.selectFrom('media_files').select('variant').where('media_id', '=', id).execute()
      assert.deepEqual(left, [])
    })

    it('lets authors change only their own uploads; editors any', async () => {
      const otherAuthor = await loginAs(t, 'author')
      const res = await upload(t, author, { name: 'mine.png', type: 'image/png', bytes: await testImage('png', 120, 80) })
      const id = mediaIdFrom(res.headers.location as string)
      assert.equal((await adminPost(t, otherAuthor, `/admin/media/${id}/`, { alt: 'Not yours', caption: '', credit: '' })).statusCode, 403)
      assert.equal((await adminPost(t, otherAuthor, `/admin/media/${id}/delete/`, {})).statusCode, 403)
      assert.equal((await adminPost(t, editor, `/admin/media/${id}/`, { alt: 'Fixed by the editor', caption: '', credit: '' })).statusCode, 303)
    })

    it('refuses an upload without the CSRF token, storing nothing', async () => {
      const count = async () => Number((await t.deps.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      const before = await count()
      const res = await upload(t, { ...author, csrf: 'forged' }, { name: 'x.png', type: 'image/png', bytes: await testImage('png', 50, 50) })
      assert.equal(res.statusCode, 403)
      assert.equal(await count(), before)
      assert.equal((await adminPost(t, { ...author, csrf: 'forged' }, '/admin/media/1/', { alt: 'x', caption: '', credit: '' })).statusCode, 403)
    })

    it('answers 404 for an image that does not exist', async () => {
      assert.equal((await adminGet(t, author, '/admin/media/999999/')).statusCode, 404)
      assert.equal((await adminPost(t, author, '/admin/media/999999/', { alt: '', caption: '', credit: '' })).statusCode, 404)
      assert.equal((await adminPost(t, author, '/admin/media/999999/delete/', {})).statusCode, 404)
    })
  })
})
