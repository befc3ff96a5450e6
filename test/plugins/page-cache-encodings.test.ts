// Kept copies carry their brotli and gzip forms, made once when stored; a hit sends the form the
// reader asks for with a matching ETag, and answers that are not kept are compressed on the way out.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { build, forEachDialect } from '../helper.js'
import { adminGet, loginAs } from '../admin-helper.js'
import { listen, openStream } from '../live/sse-client.js'

const TTL = 30

forEachDialect((dialect) => {
  describe('page cache: compressed forms', () => {
    it('sends brotli, gzip or the plain body by Accept-Encoding, the same page in each, with Vary and a matching ETag', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const plain = await app.app.inject('/')
      assert.equal(plain.headers['content-encoding'], undefined)
      assert.match(String(plain.headers.vary), /Accept-Encoding/)
      const strong = String(plain.headers.etag)
      assert.match(strong, /^"/)

      const br = await app.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } })
      assert.equal(br.headers['x-lede-cache'], 'hit')
      assert.equal(br.headers['content-encoding'], 'br')
      assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body)
      assert.equal(br.headers.etag, `W/${strong}`)
      assert.match(String(br.headers.vary), /Accept-Encoding/)
      assert.ok(br.rawPayload.length < plain.rawPayload.length / 3, 'brotli form is much smaller')

      const gz = await app.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } })
      assert.equal(gz.headers['content-encoding'], 'gzip')
      assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), plain.body)
      assert.equal(Number(gz.headers['content-length']), gz.rawPayload.length)

      const again = await app.app.inject('/')
      assert.equal(again.headers['x-lede-cache'], 'hit')
      assert.equal(again.headers['content-encoding'], undefined)
      assert.equal(again.body, plain.body)
      assert.equal(again.headers.etag, strong)
    })

    it('answers 304 to either ETag whatever form is asked for (weak comparison)', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const strong = String((await app.app.inject('/feed/')).headers.etag)
      for (const [etag, encoding] of [[strong, 'br'], [`W/${strong}`, 'br'], [`W/${strong}`, ''], [strong, 'gzip']] as const) {
        const res = await app.app.inject({ url: '/feed/', headers: { 'if-none-match': etag, ...(encoding ? { 'accept-encoding': encoding } : {}) } })
        assert.equal(res.statusCode, 304, `${etag} / ${encoding}`)
        assert.equal(res.rawPayload.length, 0)
      }
    })

    it('the first reader of a page gets the compressed form too, compressed once', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: TTL })
      const first = await app.app.inject({ url: '/api/v1/articles', headers: { 'accept-encoding': 'gzip' } })
      assert.equal(first.headers['x-lede-cache'], undefined)
      assert.equal(first.headers['content-encoding'], 'gzip')
      const json = JSON.parse(gunzipSync(first.rawPayload).toString('utf8')) as { items: unknown[] }
      assert.ok(json.items.length > 0)
    })

    it('compresses answers that are not kept (the page cache off, signed-in pages)', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: 0 })
      const res = await app.app.inject({ url: '/', headers: { 'accept-encoding': 'br' } })
      assert.equal(res.headers['content-encoding'], 'br')
      assert.match(brotliDecompressSync(res.rawPayload).toString('utf8'), /^<!doctype html>/i)
      const admin = await loginAs(app, 'editor')
      const page = await app.app.inject({ url: '/admin/articles/', headers: { cookie: admin.cookie, 'accept-encoding': 'gzip' } })
      assert.equal(page.statusCode, 200)
      assert.equal(page.headers['content-encoding'], 'gzip')
      assert.match(gunzipSync(page.rawPayload).toString('utf8'), /<\/html>/)
      assert.equal((await adminGet(app, admin, '/admin/articles/')).headers['content-encoding'], undefined)
    })

    it('gives an answer compressed on its way out a weak ETag that still answers 304, and leaves small ones alone', async (t) => {
      const app = await build(t, dialect, { demo: true, pageCacheSeconds: 0 })
      const res = await app.app.inject({ url: '/feed/', headers: { 'accept-encoding': 'gzip, deflate, br' } })
      assert.equal(res.headers['content-encoding'], 'br')
      assert.match(String(res.headers.vary), /Accept-Encoding/)
      const etag = String(res.headers.etag)
      assert.match(etag, /^W\/"/)
      assert.equal(Number(res.headers['content-length']), res.rawPayload.length)
      const plain = await app.app.inject('/feed/')
      assert.equal(brotliDecompressSync(res.rawPayload).toString('utf8'), plain.body)
      assert.equal(`W/${String(plain.headers.etag)}`, etag)
      const again = await app.app.inject({ url: '/feed/', headers: { 'accept-encoding': 'br', 'if-none-match': etag } })
      assert.equal(again.statusCode, 304)
      const small = await app.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br' } })
      assert.equal(small.headers['content-encoding'], undefined)
    })

    it('leaves the live stream uncompressed, so events are not held in a compressor', async (t) => {
      const app = await build(t, dialect, { pageCacheSeconds: TTL })
      const base = await listen(app.app)
      const reader = await openStream(`${base}/live`, { 'accept-encoding': 'gzip, br' })
      t.after(() => reader.close())
      assert.equal(reader.status, 200)
      assert.equal(reader.headers.get('content-encoding'), null)
    })
  })
})
