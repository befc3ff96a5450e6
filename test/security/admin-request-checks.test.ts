// The CSRF token travels only in the form body or a header (never the URL, which access logs keep), and an
// upload's role and CSRF token are checked before its file is read.
import { Readable } from 'node:stream'
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, FORM_HEADERS, form } from '../helper.js'
import { loginAs } from '../admin-helper.js'
import { MAX_UPLOAD_BYTES } from '../../src/domain/media.js'
import { multipartBody, testImage, upload } from '../web/admin/newsroom-support.js'

forEachDialect((dialect) => {
  describe(`admin request checks (${dialect.name})`, () => {
    it('refuses a CSRF token sent in the query string, and takes it from the body or the header', async (tc) => {
      const t = await build(tc, dialect)
      const editor = await loginAs(t, 'editor')
      const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
        t.app.inject({ method: 'POST', url, headers: { ...FORM_HEADERS, cookie: editor.cookie, ...headers }, payload: form(fields) })
      const fields = { alt: 'x', caption: '', credit: '' }
      assert.equal((await post(`/admin/media/999999/?_csrf=${encodeURIComponent(editor.csrf)}`, fields)).statusCode, 403)
      // The same request with the token where it belongs gets past the check (to "no such image").
      assert.equal((await post('/admin/media/999999/', { ...fields, _csrf: editor.csrf })).statusCode, 404)
      assert.equal((await post('/admin/media/999999/', fields, { 'x-csrf-token': editor.csrf })).statusCode, 404)
    })

    it('checks an upload\'s CSRF token before reading its file', async (tc) => {
      const t = await build(tc, dialect)
      const author = await loginAs(t, 'author')
      // Over the size limit: had the file been read first, the answer would be 413.
      const big = Buffer.concat([await testImage('jpeg', 64, 64), Buffer.alloc(MAX_UPLOAD_BYTES)])
      const forged = await upload(t, { ...author, csrf: 'forged' }, { name: 'huge.jpg', type: 'image/jpeg', bytes: big })
      assert.equal(forged.statusCode, 403)
      // A token that is not the body's first part does not count either.
      const late = multipartBody({ alt: '', _csrf: author.csrf }, { name: 'x.png', type: 'image/png', bytes: await testImage('png', 20, 20) })
      assert.equal((await t.app.inject({ method: 'POST', url: '/admin/media/', headers: { ...late.headers, cookie: author.cookie }, payload: late.payload })).statusCode, 403)
      // The real token first: the upload goes through.
      assert.equal((await upload(t, author, { name: 'ok.png', type: 'image/png', bytes: await testImage('png', 20, 20) })).statusCode, 303)
    })

    it('checks the uploader\'s role before reading any of the body', async (tc) => {
      const t = await build(tc, dialect)
      const contributor = await loginAs(t, 'contributor')
      // A large upload handed over as it is read: the answer must come without the body being read.
      const body = multipartBody({ _csrf: contributor.csrf }, { name: 'big.jpg', type: 'image/jpeg', bytes: Buffer.alloc(8 * 1024 * 1024, 1) })
      let pulled = 0
      const chunks = function * () {
        for (let at = 0; at < body.payload.length; at += 64 * 1024) {
          const chunk = body.payload.subarray(at, at + 64 * 1024)
          pulled += chunk.length
          yield chunk
        }
      }
      const res = await t.app.inject({
        method: 'POST', url: '/admin/media/', headers: { ...body.headers, cookie: contributor.cookie }, payload: Readable.from(chunks())
      })
      assert.equal(res.statusCode, 403)
      assert.ok(pulled < 1024 * 1024, `${pulled} bytes of the body were read`)
      const count = await t.deps.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      assert.equal(Number(count.n), 0)
    })
  })
})
