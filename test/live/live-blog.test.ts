// Live blogs over HTTP on both engines: the editor's screen, the public page and its JSON-LD, the
// article's live channel, the role rules, soft deletion with an audit row, closing.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { adminGet, adminPost, createTestUser, login, loginAs } from '../admin-helper.js'
import { createArticle } from '../../src/services/articles.service.js'
import { auditEntriesFor } from '../../src/db/repositories/audit.repository.js'
import { isEvent, listen, openStream } from './sse-client.js'
import { uploadMedia } from '../../src/services/media.service.js'
import { testImage } from '../web/admin/newsroom-support.js'

async function story(t: TestApp, authorId: number | null = null): Promise<{ id: number, path: string }> {
  const { id, slug } = await createArticle(t.deps, {
    edition: 'en', headline: 'Election night', lead: 'Results as they come in.', bodySource: 'Polls close at 20:00.',
    status: 'published', publishedAt: t.clock().toISOString(), authorId
  })
  return { id, path: `/2026/11/26/${slug}/` }
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>)
}

forEachDialect((dialect) => {
  describe('live blogs', () => {
    it('an editor posts updates that readers see newest first, with key events, anchors and JSON-LD, and the channel carries them', async (tc) => {
      const t = await build(tc, dialect)
      const editor = await loginAs(t, 'editor')
      const { id, path } = await story(t)
      const base = await listen(t.app)
      const channel = await openStream(`${base}/live?article=${id}`)
      tc.after(() => channel.close())
      await channel.next(isEvent('ready'))

      const screen = await adminGet(t, editor, `/admin/articles/${id}/live/`)
      assert.equal(screen.statusCode, 200)
      assert.match(screen.body, /This article is not a live blog/)
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/start/`)).statusCode, 303)
      for (const [i, text] of ['Polls are closed.', '**Turnout** is 61%.', 'First results: the coalition leads.'].entries()) {
        t.clock.advance(60_000)
        const res = await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text, ...(i !== 1 ? { key_event: 'on' } : {}) })
        assert.equal(res.statusCode, 303, res.body)
      }
      const arrived = [await channel.next(isEvent('update')), await channel.next(isEvent('update')), await channel.next(isEvent('update'))]
      assert.deepEqual(arrived.map((e) => (JSON.parse(e.data) as { html: string }).html.replace(/<[^>]+>/g, '').trim()), ['Polls are closed.', 'Turnout is 61%.', 'First results: the coalition leads.'])
      assert.equal((JSON.parse(arrived[0]!.data) as { keyEvent: boolean }).keyEvent, true)
      // The summary line the key events' list shows, so the page's script can add it there.
      assert.equal((JSON.parse(arrived[1]!.data) as { summary: string }).summary, 'Turnout is 61%.')

      const page = await t.app.inject(path)
      assert.equal(page.statusCode, 200)
      const order = [...page.body.matchAll(/<li id="update-(\d+)" class="live-update/g)].map((m) => Number(m[1]))
      assert.equal(order.length, 3)
      assert.deepEqual(order, [...order].sort((a, b) => b - a), 'newest first')
      assert.match(page.body, /<nav class="key-events" aria-label="Key events">/)
      assert.match(page.body, new RegExp(`<a href="#update-${order[2]}"><time[^>]*>[^<]+</time> Polls are closed.</a>`))
      assert.match(page.body, /<strong>Turnout<\/strong> is 61%/)
      assert.match(page.body, new RegExp(`data-live-blog="/live\\?article=${id}"`))

      const blog = jsonLd(page.body).find((d) => d['@type'] === 'LiveBlogPosting')!
      assert.ok(blog, 'LiveBlogPosting JSON-LD')
      assert.equal(blog.coverageStartTime, '2026-11-26T10:00:00+00:00')
      assert.equal(blog.coverageEndTime, undefined)
      const updates = blog.liveBlogUpdate as { headline: string, url: string }[]
      assert.equal(updates.length, 3)
      assert.equal(updates[0]!.headline, 'First results: the coalition leads.')
      assert.match(updates[0]!.url, new RegExp(`${path}#update-${order[0]}$`))

      const api = await t.app.inject(`/api/v1/articles/${id}/live-blog`)
      assert.equal(api.statusCode, 200, api.body)
      const json = api.json() as { articleId: number, closedAt: string | null, updates: { id: number, url: string, keyEvent: boolean, bodyHtml: string }[] }
      assert.equal(json.articleId, id)
      assert.equal(json.closedAt, null)
      assert.deepEqual(json.updates.map((u) => u.id), order)
      assert.match(json.updates[1]!.bodyHtml, /<strong>Turnout<\/strong>/)
      const plain = await story(t)
      assert.equal((await t.app.inject(`/api/v1/articles/${plain.id}/live-blog`)).statusCode, 404)

      // The full-text feeds carry the updates with the story, newest first; other stories carry none.
      for (const feed of ['/feed/', '/feed/atom/', '/feed.json']) {
        const body = (await t.app.inject(feed)).body
        const at = (text: string) => body.indexOf(text)
        assert.ok(at('First results: the coalition leads.') > -1 && at('First results: the coalition leads.') < at('Polls are closed.'), `${feed}: the updates, newest first`)
        assert.equal(body.split('Live updates').length - 1, 1, `${feed}: only the live blog carries updates`)
      }
    })

    it('an update may carry a picture from the library: drawn on the page, down the channel and in the API; the library keeps it while shown', async (tc) => {
      const t = await build(tc, dialect)
      const editor = await loginAs(t, 'editor')
      const { id, path } = await story(t)
      const uploaded = await uploadMedia(t.deps, editor.user, {
        bytes: await testImage('jpeg', 1600, 900), originalName: 'crowd.jpg', alt: 'Voters queue <outside> the school', caption: 'Polling station 12', credit: 'Photo: A. Petrosyan'
      })
      assert.equal(uploaded.kind, 'created')
      const mediaId = (uploaded as { id: number }).id
      const base = await listen(t.app)
      const channel = await openStream(`${base}/live?article=${id}`)
      tc.after(() => channel.close())
      await channel.next(isEvent('ready'))
      await adminPost(t, editor, `/admin/articles/${id}/live/start/`)

      const form = await adminGet(t, editor, `/admin/articles/${id}/live/`)
      assert.match(form.body, new RegExp(`<option value="${mediaId}">${mediaId} · Voters queue &lt;outside> the school</option>`))
      const res = await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: 'The queue reaches the corner.', media_id: String(mediaId) })
      assert.equal(res.statusCode, 303, res.body)

      const event = JSON.parse((await channel.next(isEvent('update'))).data) as { html: string }
      for (const html of [event.html, (await t.app.inject(path)).body, (await t.app.inject(`/api/v1/articles/${id}/live-blog`)).body]) {
        assert.match(html, /<figure class=\\?"update-image\\?"><img src=\\?"\/media\//)
        assert.match(html, /alt=\\?"Voters queue &lt;outside&gt; the school\\?"/)
        assert.match(html, /srcset=/)
        assert.match(html, /Polling station 12 <span class=\\?"image-credit\\?">Photo: A. Petrosyan<\/span>/)
        assert.match(html, /The queue reaches the corner\./)
      }

      // Correcting the text keeps the picture.
      const [row] = await t.deps.db.selectFrom('live_blog_updates').select(['id', 'media_id']).execute()
      assert.equal(row!.media_id, mediaId)
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/updates/${row!.id}/edit/`, { text: 'The queue reaches the square.' })).statusCode, 303)
      const corrected = (await t.app.inject(path)).body
      assert.match(corrected, /The queue reaches the square\./)
      assert.match(corrected, /<figure class="update-image">/)

      // The library does not delete a picture an update shows.
      const del = await adminPost(t, editor, `/admin/media/${mediaId}/delete/`)
      assert.notEqual(del.statusCode, 303)
      assert.ok(await t.deps.db.selectFrom('media').select('id').where('id', '=', mediaId).executeTakeFirst(), 'still in the library')

      // A picture that is not in the library is refused with a message, and the text is kept.
      for (const bad of ['999999', 'abc']) {
        const refused = await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: 'Another picture.', media_id: bad })
        assert.equal(refused.statusCode, 400)
        assert.match(refused.body, /That picture is not in the media library/)
        assert.match(refused.body, /Another picture\./)
      }
      assert.equal((await t.deps.db.selectFrom('live_blog_updates').select('id').execute()).length, 1)
    })

    it('keeps an empty or overlong update out with a message, and what was typed', async (tc) => {
      const t = await build(tc, dialect)
      const editor = await loginAs(t, 'editor')
      const { id } = await story(t)
      await adminPost(t, editor, `/admin/articles/${id}/live/start/`)
      const empty = await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: '   ' })
      assert.equal(empty.statusCode, 400)
      assert.match(empty.body, /Write the update first/)
      const long = await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: 'Ж'.repeat(5001) })
      assert.equal(long.statusCode, 400)
      assert.match(long.body, /at most 5,000 characters/)
      assert.ok(long.body.includes('Ж'.repeat(5001)), 'the text typed is kept')
      const rows = await t.deps.db.selectFrom('live_blog_updates').selectAll().execute()
      assert.equal(rows.length, 0)
    })

    it('authors run their own live blogs only; contributors none', async (tc) => {
      const t = await build(tc, dialect)
      const author = await createTestUser(t, { role: 'author' })
      const session = await login(t, author.email)
      const own = await story(t, author.id)
      const others = await story(t)
      assert.equal((await adminPost(t, session, `/admin/articles/${own.id}/live/start/`)).statusCode, 303)
      assert.equal((await adminPost(t, session, `/admin/articles/${others.id}/live/start/`)).statusCode, 403)
      assert.equal((await adminGet(t, session, `/admin/articles/${others.id}/live/`)).statusCode, 403)
      const contributor = await loginAs(t, 'contributor')
      assert.equal((await adminPost(t, contributor, `/admin/articles/${own.id}/live/updates/`, { text: 'Hi' })).statusCode, 403)
      assert.equal((await adminGet(t, session, '/admin/articles/999999/live/')).statusCode, 404)
    })

    it('deleting an update hides it, keeps the row and audits it; closing ends coverage and updates', async (tc) => {
      const t = await build(tc, dialect)
      const editor = await loginAs(t, 'editor')
      const { id, path } = await story(t)
      await adminPost(t, editor, `/admin/articles/${id}/live/start/`)
      await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: 'A wrong figure.' })
      const row = await t.deps.db.selectFrom('live_blog_updates').select('id').executeTakeFirstOrThrow()
      const base = await listen(t.app)
      const channel = await openStream(`${base}/live?article=${id}`)
      tc.after(() => channel.close())
      await channel.next(isEvent('ready'))

      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/updates/${row.id}/delete/`)).statusCode, 303)
      assert.deepEqual(JSON.parse((await channel.next(isEvent('update-removed'))).data), { articleId: id, id: row.id })
      assert.doesNotMatch((await t.app.inject(path)).body, /A wrong figure/)
      const kept = await t.deps.db.selectFrom('live_blog_updates').select('deleted_at').where('id', '=', row.id).executeTakeFirstOrThrow()
      assert.ok(kept.deleted_at)
      const audit = await auditEntriesFor(t.deps.db, 'article', id)
      assert.ok(audit.some((a) => a.action === 'liveblog.delete'))

      t.clock.advance(3_600_000)
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/close/`)).statusCode, 303)
      const closed = await t.app.inject(path)
      assert.match(closed.body, /Live updates \(ended\)/)
      const blog = jsonLd(closed.body).find((d) => d['@type'] === 'LiveBlogPosting')!
      assert.equal(blog.coverageEndTime, '2026-11-26T11:00:00+00:00')
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: 'Too late.' })).statusCode, 409)
    })
    it('an update can be corrected: readers and the channel get the new text, the audit row keeps the old', async (tc) => {
      const t = await build(tc, dialect)
      const editor = await loginAs(t, 'editor')
      const { id, path } = await story(t)
      await adminPost(t, editor, `/admin/articles/${id}/live/start/`)
      await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: 'Turnout is 16%.' })
      const row = await t.deps.db.selectFrom('live_blog_updates').select('id').executeTakeFirstOrThrow()
      const base = await listen(t.app)
      const channel = await openStream(`${base}/live?article=${id}`)
      tc.after(() => channel.close())
      await channel.next(isEvent('ready'))

      const screen = await adminGet(t, editor, `/admin/articles/${id}/live/`)
      assert.match(screen.body, new RegExp(`action="/admin/articles/${id}/live/updates/${row.id}/edit/"`))
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/updates/${row.id}/edit/`, { text: '' })).statusCode, 400)
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/updates/${row.id}/edit/`, { text: 'Turnout is 61%.' })).statusCode, 303)
      const edited = JSON.parse((await channel.next(isEvent('update-edited'))).data) as { id: number, html: string }
      assert.equal(edited.id, row.id)
      assert.match(edited.html, /Turnout is 61%/)
      const page = (await t.app.inject(path)).body
      assert.match(page, /Turnout is 61%/)
      assert.doesNotMatch(page, /Turnout is 16%/)
      const audit = (await auditEntriesFor(t.deps.db, 'article', id)).find((a) => a.action === 'liveblog.edit')
      assert.ok(audit)
      assert.match(JSON.stringify(audit), /Turnout is 16%/)
    })

    it('a pinned update stays on top of newer ones until unpinned; pinning is audited', async (tc) => {
      const t = await build(tc, dialect)
      const editor = await loginAs(t, 'editor')
      const { id, path } = await story(t)
      await adminPost(t, editor, `/admin/articles/${id}/live/start/`)
      for (const text of ['How to vote: polling stations are open until 20:00.', 'Queues in the centre.', 'Polls are closed.']) {
        t.clock.advance(60_000)
        await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text })
      }
      const rows = await t.deps.db.selectFrom('live_blog_updates').select('id').orderBy('id').execute()
      const [guide, queues, closed] = rows.map((r) => r.id)
      const order = async () => [...(await t.app.inject(path)).body.matchAll(/<li id="update-(\d+)" class="live-update([^"]*)"/g)].map((m) => `${m[1]}${m[2]}`)
      assert.deepEqual(await order(), [`${closed}`, `${queues}`, `${guide}`])

      const screen = await adminGet(t, editor, `/admin/articles/${id}/live/`)
      assert.match(screen.body, new RegExp(`action="/admin/articles/${id}/live/updates/${guide}/pin/"`))
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/updates/${guide}/pin/`, { pinned: '1' })).statusCode, 303)
      assert.deepEqual(await order(), [`${guide} pinned`, `${closed}`, `${queues}`], 'pinned first, then newest first')
      assert.match((await t.app.inject(path)).body, new RegExp(`id="update-${guide}"[^>]*>\\s*<p class="update-meta">.*?<strong class="update-flag">Pinned</strong>`, 's'))
      t.clock.advance(60_000)
      await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: 'First results.' })
      const newest = (await t.deps.db.selectFrom('live_blog_updates').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id
      assert.deepEqual(await order(), [`${guide} pinned`, `${newest}`, `${closed}`, `${queues}`], 'a newer update goes under the pinned one')

      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/updates/${guide}/pin/`, { pinned: '0' })).statusCode, 303)
      assert.deepEqual(await order(), [`${newest}`, `${closed}`, `${queues}`, `${guide}`])
      const actions = (await auditEntriesFor(t.deps.db, 'article', id)).map((a) => a.action)
      assert.ok(actions.includes('liveblog.pin') && actions.includes('liveblog.unpin'), actions.join(', '))
      // A contributor may not pin on someone's live blog.
      const contributor = await loginAs(t, 'contributor')
      assert.equal((await adminPost(t, contributor, `/admin/articles/${id}/live/updates/${guide}/pin/`, { pinned: '1' })).statusCode, 403)
    })

    it('JSON-LD lists the latest 50 updates, newest first; the page shows them all', async (tc) => {
      const t = await build(tc, dialect)
      const editor = await loginAs(t, 'editor')
      const { id, path } = await story(t)
      await adminPost(t, editor, `/admin/articles/${id}/live/start/`)
      for (let i = 1; i <= 52; i++) {
        t.clock.advance(10_000)
        assert.equal((await adminPost(t, editor, `/admin/articles/${id}/live/updates/`, { text: `Update number ${i}.` })).statusCode, 303)
      }
      const page = (await t.app.inject(path)).body
      assert.equal([...page.matchAll(/<li id="update-\d+" class="live-update/g)].length, 52)
      const blog = jsonLd(page).find((d) => d['@type'] === 'LiveBlogPosting')!
      const updates = blog.liveBlogUpdate as { headline: string }[]
      assert.equal(updates.length, 50)
      assert.equal(updates[0]!.headline, 'Update number 52.')
      assert.equal(updates[49]!.headline, 'Update number 3.')
    })
  })
})
