// The body editor over HTTP (issue 17): what the rich editor fetches (library pictures, related stories,
// pasted HTML cleaned, uploads in place) and the body as the form sends it, with or without JavaScript:
// simple HTML, stored as the body document, shown to readers as sanitised HTML.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { corpus } from '../../corpora.js'
import { articlePath } from '../../../src/domain/urls.js'
import { multipartBody, newArticle, testImage } from './newsroom-support.js'

const WORD_CAPTURE = corpus('paste/word--basic-styles--input-word2016.html', 'the body editor\'s paste test')

function uploadJson(t: TestApp, session: AdminSession, fields: Record<string, string>, file: { name: string, type: string, bytes: Buffer } | null) {
  const body = multipartBody({ _csrf: session.csrf, alt: '', caption: '', credit: '', ...fields }, file)
  return t.app.inject({ method: 'POST', url: '/admin/media/upload.json', headers: { ...body.headers, cookie: session.cookie }, payload: body.payload })
}

forEachDialect((dialect) => {
  describe('body editor', () => {
    let t: TestApp
    let editor: AdminSession
    let contributor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan' } })
      editor = await loginAs(t, 'editor')
      contributor = await loginAs(t, 'contributor')
    })
    after(() => t.close())

    it('uploads a picture in place and offers it, with its srcset, in the picture search', async () => {
      const res = await uploadJson(t, editor, { alt: 'The bridge at dusk', credit: 'Photo: Desk' }, { name: 'bridge.jpg', type: 'image/jpeg', bytes: await testImage('jpeg', 1600, 900) })
      assert.equal(res.statusCode, 201, res.body)
      const { item } = res.json() as { item: { id: number, src: string, srcset: string, width: number, height: number, alt: string, credit: string } }
      assert.match(item.src, /^\/media\/\d+-[0-9a-f]{16}\/1024\.webp$/)
      assert.match(item.srcset, /320\.webp 320w, .*640\.webp 640w, .*1024\.webp 1024w/)
      assert.deepEqual([item.width, item.height, item.alt, item.credit], [1024, 576, 'The bridge at dusk', 'Photo: Desk'])

      const search = await adminGet(t, editor, '/admin/editor/pictures.json?q=bridge')
      assert.equal(search.statusCode, 200)
      const found = (search.json() as { items: { id: number }[] }).items
      assert.deepEqual(found.map((p) => p.id), [item.id])
      assert.equal((await adminGet(t, editor, '/admin/editor/pictures.json?q=nothing-like-it')).json().items.length, 0)
    })

    it('answers an upload in place that cannot be taken in JSON, saying what to fix', async () => {
      const noFile = await uploadJson(t, editor, { alt: 'x' }, null)
      assert.equal(noFile.statusCode, 400)
      assert.match((noFile.json() as { error: string }).error, /\w/)
      const notImage = await uploadJson(t, editor, { alt: 'x' }, { name: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('not an image at all') })
      assert.equal(notImage.statusCode, 415)
      assert.match((notImage.json() as { error: string }).error, /\w/)
    })

    it('keeps the library to those who may choose from it, and every tool to the signed in', async () => {
      assert.equal((await adminGet(t, contributor, '/admin/editor/pictures.json')).statusCode, 403)
      const up = await uploadJson(t, contributor, { alt: 'x' }, { name: 'a.png', type: 'image/png', bytes: await testImage('png', 40, 40) })
      assert.equal(up.statusCode, 403)
      assert.equal((await adminGet(t, contributor, '/admin/editor/stories.json?q=x')).statusCode, 200, 'contributors may link related stories')
      const anonymous = await t.app.inject({ method: 'GET', url: '/admin/editor/stories.json' })
      assert.ok([302, 303].includes(anonymous.statusCode), 'the anonymous are sent to log in')
      const page = await adminGet(t, contributor, '/admin/articles/new/')
      assert.doesNotMatch(page.body, /data-media-choices-url/, 'no picture button for whoever may not choose pictures')
      assert.match(page.body, /data-rich-editor/)
    })

    it('finds published stories to link as related, by headline, with their address', async () => {
      const id = await newArticle(t, editor, { headline: 'Metro line opens to Ajapnyak', body: '<p>Trains every four minutes.</p>' }, 'publish')
      await newArticle(t, editor, { headline: 'Metro fares: a draft nobody may see' })
      const res = await adminGet(t, editor, '/admin/editor/stories.json?q=metro')
      const items = (res.json() as { items: { id: number, headline: string, href: string }[] }).items
      assert.deepEqual(items.map((i) => i.id), [id], 'published stories only')
      const row = (await articleById(t.deps.db, id))!
      assert.match(items[0]!.href, new RegExp(`/${row.slug}/$`))
    })

    it('cleans a Word clipboard on the server: structure kept, Word\'s styling gone', { skip: !WORD_CAPTURE && 'no paste corpus' }, async () => {
      const html = readFileSync(WORD_CAPTURE!, 'utf8')
      const res = await adminPost(t, editor, '/admin/editor/paste/', { html })
      assert.equal(res.statusCode, 200)
      const cleaned = (res.json() as { html: string }).html
      assert.match(cleaned, /<(strong|em)>/)
      assert.doesNotMatch(cleaned, /mso-|class=|style=|<span|<o:p/i)
      const forged = await t.app.inject({ method: 'POST', url: '/admin/editor/paste/', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'html=%3Cp%3Ex%3C%2Fp%3E' })
      assert.equal(forged.statusCode, 403, 'no CSRF token, no cleaning')
    })

    it('stores the form\'s HTML as the body document and shows readers the sanitised HTML, as without JavaScript', async () => {
      const body = [
        '<h2>What happened</h2>',
        '<p>The <strong>council</strong> met <em>twice</em>; see <a href="https://example.org/minutes">the minutes</a>.</p>',
        '<ul><li><p>Roads</p></li><li><p>Schools</p></li></ul>',
        '<blockquote class="pull-quote"><p>We will rebuild.</p></blockquote>',
        '<p onclick="alert(1)">Safe <script>alert(2)</script>text <a href="javascript:alert(3)">here</a>.</p>'
      ].join('\n')
      const id = await newArticle(t, editor, { headline: 'Council meets twice', body }, 'publish')
      const row = (await articleById(t.deps.db, id))!
      const doc = JSON.parse(row.body_source) as { type: string, content: { type: string }[] }
      assert.equal(doc.type, 'doc')
      assert.deepEqual(doc.content.map((n) => n.type), ['heading', 'paragraph', 'bullet_list', 'pull_quote', 'paragraph'])
      assert.match(row.body_html, /<h2>What happened<\/h2>/)
      assert.match(row.body_html, /<blockquote class="pull-quote"><p>We will rebuild\.<\/p><\/blockquote>/)
      assert.doesNotMatch(row.body_html, /onclick|<script|javascript:/)
      assert.match(row.body_html, /Safe text here\./)

      // The editor shows the document as the same simple HTML, so saving it unchanged changes nothing.
      const form = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.ok(form.body.includes('&lt;h2>What happened&lt;/h2>&lt;p>The &lt;strong>council&lt;/strong>'), 'the textarea holds the document as HTML')
    })

    it('turns a YouTube link block into a placeholder that loads nothing until clicked, and the CSP allows only the frames it needs', async () => {
      const body = '<p>Watch:</p><figure class="embed" data-embed-provider="youtube" data-embed-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><p class="embed-provider">YouTube</p><p><a class="embed-title" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">The clip</a></p></figure>'
      const id = await newArticle(t, editor, { headline: 'A clip worth watching', body }, 'publish')
      const row = (await articleById(t.deps.db, id))!
      assert.match(row.body_html, /<figure class="embed" data-embed-provider="youtube" data-embed-url="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ"/)
      assert.doesNotMatch(row.body_html, /<iframe/)
      const page = await t.app.inject({ method: 'GET', url: articlePath('', row.published_at!, row.slug, 'Asia/Yerevan') })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<script src="\/assets\/embeds\.js" defer/)
      assert.match(page.body, /data-embed-frame="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/)
      const csp = String(page.headers['content-security-policy'])
      assert.match(csp, /frame-src 'self' [^;]*https:\/\/www\.youtube-nocookie\.com/)
      assert.doesNotMatch(csp, /script-src[^;]*youtube/, 'the page itself runs no third-party script')
      const plain = await t.app.inject({ method: 'GET', url: articlePath('', (await articleById(t.deps.db, id - 1))!.published_at!, (await articleById(t.deps.db, id - 1))!.slug, 'Asia/Yerevan') })
      assert.doesNotMatch(plain.body, /embeds\.js/, 'a story without embeds loads no embed script')
    })
  })
})
