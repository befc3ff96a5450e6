// The article screens over HTTP: list, editor, preview, workflow buttons, conflicts, revisions,
// old URLs answering 301, scheduling by the clock, CSRF.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { revisionsOf } from '../../../src/db/repositories/revisions.repository.js'
import { ARTICLE_FIELDS, currentFields, newArticle, versionOf } from './newsroom-support.js'
import { assertBodyDocument, paragraphs } from '../../body-support.js'

const YEREVAN = { timeZone: 'Asia/Yerevan', siteName: 'Lede Test' }

forEachDialect((dialect) => {
  describe('article editor', () => {
    let t: TestApp
    let editor: AdminSession
    let otherEditor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: YEREVAN })
      editor = await loginAs(t, 'editor', { displayName: 'Ana Editor' })
      otherEditor = await loginAs(t, 'editor', { displayName: 'Boris Editor' })
    })
    after(() => t.close())

    it('shows an empty form with every field, the body’s HTML hint and the site zone', async () => {
      const res = await adminGet(t, editor, '/admin/articles/new/')
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['cache-control'], 'private, no-store')
      for (const name of ['headline', 'slug', 'lead', 'body', 'agency_credit', 'source_url', 'byline', 'section_id', 'tags', 'featured_alt', 'featured_caption', 'featured_credit', 'publish_date', 'publish_time', 'breaking', 'comments_open']) {
        assert.match(res.body, new RegExp(`name="${name}"`), name)
      }
      assert.match(res.body, /<p class="field-hint" id="body-hint">Simple HTML: &lt;p>paragraph&lt;\/p>/)
      assert.match(res.body, /Asia\/Yerevan/)
      assert.match(res.body, /<script src="\/assets\/article-editor.js" defer><\/script>/)
      assert.match(res.body, /name="intent" value="publish"/)
      assert.match(res.body, /name="intent" value="preview"/)
      assert.doesNotMatch(res.body, /<script>(?!<)/, 'no inline script')
    })

    it('saves a draft and shows it again with what was typed', async () => {
      const id = await newArticle(t, editor, { tags: 'Budget, Parliament', agency_credit: 'Armenpress', byline: 'Staff', source_url: 'https://example.org/source' })
      const res = await adminGet(t, editor, `/admin/articles/${id}/?notice=articleSaved`)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Article saved\./)
      assert.match(res.body, /value="Parliament passes the budget"/)
      assert.match(res.body, /value="parliament-passes-the-budget"/)
      assert.match(res.body, /value="Budget, Parliament"/)
      assert.match(res.body, /value="Armenpress"/)
      // The plain-text body (a blank line between paragraphs) comes back as the form's HTML, escaped.
      assert.match(res.body, /<textarea id="body" name="body"[^>]*>&lt;p>The National Assembly voted on Thursday\.&lt;\/p>&lt;p>The opposition walked out\.&lt;\/p><\/textarea>/)
      assert.match(res.body, /<input type="hidden" name="version" value="1"\/>/)
      assert.match(res.body, /Draft/)
    })

    it('re-renders an invalid form with 400, messages next to fields and everything typed kept', async () => {
      const res = await adminPost(t, editor, '/admin/articles/new/', {
        ...ARTICLE_FIELDS, headline: '', lead: 'Kept lead', slug: 'Not a slug!', source_url: 'ftp://x', publish_date: '2026-02-30', publish_time: '10:00',
        featured_media_id: '', intent: 'save'
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /class="error-summary"/)
      assert.match(res.body, /<p class="field-error" id="headline-error">Please fill in this field\.<\/p>/)
      assert.match(res.body, /id="slug-error">Use lower-case Latin letters/)
      assert.match(res.body, /id="source_url-error">/)
      assert.match(res.body, /id="publish_date-error">Please enter a real date/)
      assert.match(res.body, /Kept lead<\/textarea>/)
      assert.match(res.body, /value="not a slug!"/)
    })

    it('saves a long Armenian article, and says "too long" past the body limit instead of refusing the request', async () => {
      // Armenian letters are two UTF-8 bytes, six once percent-encoded: 60,000 of them are 360 KB of form.
      const body = 'Երևանի քաղաքապետարանը հայտարարեց։ '.repeat(1_800).slice(0, 60_000)
      const id = await newArticle(t, editor, { headline: 'Երկար հոդված', body })
      assertBodyDocument((await articleById(t.deps.db, id))!.body_source, paragraphs(body), 'every letter kept')
      const tooLong = await adminPost(t, editor, '/admin/articles/new/', { ...ARTICLE_FIELDS, headline: 'Չափազանց երկար', body: 'Ա'.repeat(250_001) })
      assert.equal(tooLong.statusCode, 400)
      assert.match(tooLong.body, /at most 250[,.\u00a0 ]?000 characters/)
    })

    it('requires alt text with a featured image, and refuses an image that is not in the library', async () => {
      const noAlt = await adminPost(t, editor, '/admin/articles/new/', { ...ARTICLE_FIELDS, featured_media_id: '4242', intent: 'save' })
      assert.equal(noAlt.statusCode, 400)
      assert.match(noAlt.body, /id="featured_alt-error">Please describe the image/)
      const missing = await adminPost(t, editor, '/admin/articles/new/', { ...ARTICLE_FIELDS, featured_media_id: '4242', featured_alt: 'A hall', intent: 'save' })
      assert.equal(missing.statusCode, 400)
      assert.match(missing.body, /That image is not in the media library/)
    })

    it('previews the body on the button without saving, sanitised like the published page', async () => {
      const before = (await t.deps.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
      const typed = '<h2>Vote</h2><p><strong>71</strong> to 30 <script>alert(1)</script></p>'
      const res = await adminPost(t, editor, '/admin/articles/new/', { ...ARTICLE_FIELDS, body: typed, intent: 'preview' })
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<div id="body-preview" class="article-body"><h2>Vote<\/h2>\n?<p><strong>71<\/strong> to 30 ?<\/p><\/div>/)
      assert.doesNotMatch(res.body, /<script>alert/)
      assert.doesNotMatch(res.body, /alert\(1\)<\/p>/, 'the script’s text is not shown as words either')
      assert.match(res.body, /<textarea id="body" name="body"[^>]*>&lt;h2>Vote&lt;\/h2>&lt;p>&lt;strong>71&lt;\/strong> to 30 &lt;script>alert\(1\)&lt;\/script>&lt;\/p><\/textarea>/, 'the typed text is kept, escaped')
      // The form reads HTML: Markdown typed into it is words, not formatting.
      const markdown = await adminPost(t, editor, '/admin/articles/new/', { ...ARTICLE_FIELDS, body: '## Vote\n\n**71** to 30', intent: 'preview' })
      assert.match(markdown.body, /<div id="body-preview" class="article-body"><p>## Vote<\/p><p>\*\*71\*\* to 30<\/p><\/div>/)
      const afterwards = (await t.deps.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
      assert.equal(Number(afterwards), Number(before))
    })

    it('answers the live preview and the slug proposal for the editor’s script', async () => {
      const preview = await adminPost(t, editor, '/admin/articles/preview/', {
        body: '<p><em onclick="alert(1)">Hi</em> <a href="javascript:alert(1)">there</a></p><img src="https://example.org/a.jpg" alt="A hall" onerror="alert(1)">'
      })
      assert.equal(preview.statusCode, 200)
      assert.equal(preview.headers['cache-control'], 'private, no-store')
      assert.equal(preview.body, '<p><em>Hi</em> there</p><figure class="picture"><img src="https://example.org/a.jpg" alt="A hall" loading="lazy" decoding="async" /></figure>')
      const slug = await adminGet(t, editor, `/admin/articles/slug/?text=${encodeURIComponent('Госдеп ожидает ответа')}`)
      assert.deepEqual(JSON.parse(slug.body), { slug: 'gosdep-ozhidaet-otveta' })
    })

    it('publishes from the form: the story is on the site at once', async () => {
      const id = await newArticle(t, editor, { headline: 'Published through the form' }, 'publish')
      const page = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.match(page.body, /View on the site/)
      const front = await t.app.inject('/')
      assert.match(front.body, /Published through the form/)
      const article = await t.app.inject('/2026/11/26/published-through-the-form/')
      assert.equal(article.statusCode, 200)
      assert.match(article.headers['cache-control'] as string, /^public/)
    })

    it('gives the second of two editors saving the same version a conflict page, keeping their text', async () => {
      const id = await newArticle(t, editor, { headline: 'Shared story' })
      const [formA, formB] = [await currentFields(t, id), await currentFields(t, id)]
      const saveA = await adminPost(t, editor, `/admin/articles/${id}/`, { ...formA, body: 'Ana’s version of the text.', intent: 'save' })
      assert.equal(saveA.statusCode, 303)
      const saveB = await adminPost(t, otherEditor, `/admin/articles/${id}/`, { ...formB, body: 'Boris’s version of the text.', intent: 'save' })
      assert.equal(saveB.statusCode, 409)
      assert.match(saveB.body, /Someone else saved this article meanwhile/)
      assert.match(saveB.body, /Ana Editor saved version 2/)
      // Nothing lost: Boris's text is in the form, Ana's is stored and shown, and the diff shows both.
      assert.match(saveB.body, /<textarea id="body" name="body"[^>]*>Boris’s version of the text\.<\/textarea>/)
      assert.match(saveB.body, /<del>Ana<\/del><ins>Boris<\/ins>’s version of the text\./)
      assert.match(saveB.body, /<input type="hidden" name="version" value="2"\/>/)
      assertBodyDocument((await articleById(t.deps.db, id))!.body_source, paragraphs('Ana’s version of the text.'))
      // Saving again from the conflict page is a deliberate overwrite.
      const again = await adminPost(t, otherEditor, `/admin/articles/${id}/`, { ...formB, version: '2', body: 'Boris’s version of the text.', intent: 'save' })
      assert.equal(again.statusCode, 303)
      assertBodyDocument((await articleById(t.deps.db, id))!.body_source, paragraphs('Boris’s version of the text.'))
    })

    it('refuses a form without a version as a conflict, never an overwrite', async () => {
      const id = await newArticle(t, editor, { headline: 'Versionless' })
      const { version: _version, ...fields } = await currentFields(t, id)
      const res = await adminPost(t, editor, `/admin/articles/${id}/`, { ...fields, headline: 'Overwritten?', intent: 'save' })
      assert.equal(res.statusCode, 409)
      assert.equal((await articleById(t.deps.db, id))!.headline, 'Versionless')
    })

    it('answers the old URL of a published story with 301 after its slug changes', async () => {
      const id = await newArticle(t, editor, { headline: 'Budget talks begin' }, 'publish')
      const oldUrl = '/2026/11/26/budget-talks-begin/'
      assert.equal((await t.app.inject(oldUrl)).statusCode, 200)
      const fields = await currentFields(t, id)
      const res = await adminPost(t, editor, `/admin/articles/${id}/`, { ...fields, slug: 'budget-talks-open', intent: 'save' })
      assert.equal(res.statusCode, 303)
      const moved = await t.app.inject(oldUrl)
      assert.equal(moved.statusCode, 301)
      assert.equal(moved.headers.location, '/2026/11/26/budget-talks-open/')
      assert.equal((await t.app.inject('/2026/11/26/budget-talks-open/')).statusCode, 200)
    })

    it('answers the old URL with 301 after the publication day changes (time entered in the site zone)', async () => {
      const id = await newArticle(t, editor, { headline: 'Day mover', publish_date: '2026-11-25', publish_time: '23:30' }, 'publish')
      // 23:30 in Yerevan on the 25th is 19:30 UTC: the 25th's newsfeed.
      assert.equal((await articleById(t.deps.db, id))!.published_at, '2026-11-25T19:30:00.000Z')
      const fields = await currentFields(t, id)
      await adminPost(t, editor, `/admin/articles/${id}/`, { ...fields, publish_date: '2026-11-26', publish_time: '00:30', intent: 'save' })
      assert.equal((await articleById(t.deps.db, id))!.published_at, '2026-11-25T20:30:00.000Z')
      const moved = await t.app.inject('/2026/11/25/day-mover/')
      assert.equal(moved.statusCode, 301)
      assert.equal(moved.headers.location, '/2026/11/26/day-mover/')
    })

    it('lists revisions, shows a readable diff, and restores one', async () => {
      const id = await newArticle(t, editor, { headline: 'Revised story', body: 'The minister said on Monday.' })
      const fields = await currentFields(t, id)
      await adminPost(t, editor, `/admin/articles/${id}/`, { ...fields, body: 'The minister said on Tuesday.', intent: 'save' })
      const list = await adminGet(t, editor, `/admin/articles/${id}/revisions/`)
      assert.equal(list.statusCode, 200)
      assert.match(list.body, /Revisions of “Revised story”/)
      assert.equal(list.body.match(/<tr>/g)?.length, 3, 'header row and two revisions')
      const revisions = await revisionsOf(t.deps.db, id)
      const diff = await adminGet(t, editor, `/admin/articles/${id}/revisions/${revisions[0]!.id}/`)
      assert.equal(diff.statusCode, 200)
      assert.match(diff.body, /The minister said on <del>Monday<\/del><ins>Tuesday<\/ins>\./)
      const withNow = await adminGet(t, editor, `/admin/articles/${id}/revisions/${revisions[1]!.id}/?against=current`)
      assert.match(withNow.body, /<del>Monday<\/del><ins>Tuesday<\/ins>/)
      const restore = await adminPost(t, editor, `/admin/articles/${id}/revisions/${revisions[1]!.id}/restore/`, { version: String(await versionOf(t, id)) })
      assert.equal(restore.statusCode, 303)
      assert.equal(restore.headers.location, `/admin/articles/${id}/?notice=revisionRestored`)
      assertBodyDocument((await articleById(t.deps.db, id))!.body_source, paragraphs('The minister said on Monday.'))
      const stale = await adminPost(t, editor, `/admin/articles/${id}/revisions/${revisions[1]!.id}/restore/`, { version: '1' })
      assert.equal(stale.statusCode, 409)
    })

    it('moves a story to the trash, restores it and deletes it from the trash', async () => {
      const id = await newArticle(t, editor, { headline: 'Doomed story' }, 'publish')
      const trash = await adminPost(t, editor, `/admin/articles/${id}/trash/`, { version: String(await versionOf(t, id)) })
      assert.equal(trash.statusCode, 303)
      assert.equal((await t.app.inject('/2026/11/26/doomed-story/')).statusCode, 404)
      const listed = await adminGet(t, editor, '/admin/articles/?status=trashed')
      assert.match(listed.body, /Doomed story/)
      assert.match(listed.body, new RegExp(`formaction="/admin/articles/${id}/delete/"`))
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/restore/`, {})).statusCode, 303)
      assert.equal((await articleById(t.deps.db, id))!.status, 'draft')
      await adminPost(t, editor, `/admin/articles/${id}/trash/`, {})
      const deleted = await adminPost(t, editor, `/admin/articles/${id}/delete/`, { return_to: '/admin/articles/?status=trashed' })
      assert.equal(deleted.statusCode, 303)
      assert.equal(deleted.headers.location, '/admin/articles/?status=trashed&notice=articleDeleted')
      assert.equal(await articleById(t.deps.db, id), undefined)
      assert.equal((await adminGet(t, editor, `/admin/articles/${id}/`)).statusCode, 404)
    })

    it('refuses saving a trashed story with 409, keeping the typed text; it opens read-only with Restore', async () => {
      const id = await newArticle(t, editor, { headline: 'Binned story' })
      const fields = await currentFields(t, id)
      await adminPost(t, editor, `/admin/articles/${id}/trash/`, {})
      const page = await adminGet(t, editor, `/admin/articles/${id}/`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /You cannot change this article in its current state\./)
      assert.match(page.body, new RegExp(`action="/admin/articles/${id}/restore/"`))
      const res = await adminPost(t, editor, `/admin/articles/${id}/`, { ...fields, version: String(await versionOf(t, id)), body: 'Typed while binned.', intent: 'save' })
      assert.equal(res.statusCode, 409)
      assert.match(res.body, /not possible from the article’s current status/)
      assert.match(res.body, /Typed while binned\.<\/textarea>/)
      assert.equal((await articleById(t.deps.db, id))!.status, 'trashed')
    })

    it('answers 404 for articles and revisions that do not exist and for unknown actions', async () => {
      assert.equal((await adminGet(t, editor, '/admin/articles/999999/')).statusCode, 404)
      assert.equal((await adminGet(t, editor, '/admin/articles/abc/')).statusCode, 404)
      assert.equal((await adminPost(t, editor, '/admin/articles/999999/', { ...ARTICLE_FIELDS, version: '1', intent: 'save' })).statusCode, 404)
      assert.equal((await adminPost(t, editor, '/admin/articles/999999/publish/', {})).statusCode, 404)
      const id = await newArticle(t, editor)
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/explode/`, {})).statusCode, 404)
      assert.equal((await adminGet(t, editor, `/admin/articles/${id}/revisions/999999/`)).statusCode, 404)
      assert.equal((await adminPost(t, editor, '/admin/articles/new/', { ...ARTICLE_FIELDS, intent: 'launch' })).statusCode, 400)
    })

    it('refuses every article form and action without the CSRF token, changing nothing', async () => {
      const id = await newArticle(t, editor, { headline: 'Guarded' })
      const fields = await currentFields(t, id)
      const attempts: [string, Record<string, string>][] = [
        ['/admin/articles/new/', { ...ARTICLE_FIELDS, intent: 'publish' }],
        [`/admin/articles/${id}/`, { ...fields, headline: 'Hijacked', intent: 'publish' }],
        [`/admin/articles/${id}/publish/`, {}],
        [`/admin/articles/${id}/trash/`, {}],
        ['/admin/articles/bulk/', { bulk_action: 'trash', ids: String(id) }],
        ['/admin/articles/preview/', { body: 'x' }],
        [`/admin/articles/${id}/revisions/1/restore/`, { version: fields.version! }]
      ]
      const count = async () => Number((await t.deps.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      const before = await count()
      for (const [url, body] of attempts) {
        for (const token of [undefined, 'forged-token']) {
          const res = await adminPost(t, { cookie: editor.cookie, csrf: token ?? '' }, url, token === undefined ? { ...body, _csrf: '' } : body)
          assert.equal(res.statusCode, 403, `${url} with ${token ?? 'no token'}`)
          assert.match(res.body, /did not come from this site/)
        }
      }
      const row = (await articleById(t.deps.db, id))!
      assert.equal(row.headline, 'Guarded')
      assert.equal(row.status, 'draft')
      assert.equal(await count(), before)
    })
  })

  describe('article list', () => {
    let t: TestApp
    let editor: AdminSession
    let author: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: YEREVAN })
      editor = await loginAs(t, 'editor', { displayName: 'Ana Editor' })
      author = await loginAs(t, 'author', { displayName: 'Aram Author' })
    })
    after(() => t.close())

    it('filters by status, section, author and text, with counts on the tabs', async () => {
      const section = await t.deps.db.insertInto('sections').values({ edition: 'en', slug: 'economy', name: 'Economy', parent_id: null }).returning('id').executeTakeFirstOrThrow()
      await newArticle(t, editor, { headline: 'Inflation slows', section_id: String(section.id) }, 'publish')
      await newArticle(t, author, { headline: 'Draft about roads' })
      await newArticle(t, author, { headline: 'Scheduled interview', publish_date: '2026-12-01', publish_time: '09:00' }, 'publish')
      const all = await adminGet(t, editor, '/admin/articles/')
      assert.equal(all.statusCode, 200)
      assert.match(all.body, /All <span class="count">\(3\)<\/span>/)
      assert.match(all.body, /Drafts <span class="count">\(1\)<\/span>/)
      assert.match(all.body, /Scheduled <span class="count">\(1\)<\/span>/)
      assert.match(all.body, /Published <span class="count">\(1\)<\/span>/)
      const headlines = (body: string) => [...body.matchAll(/class="row-title">([^<]+)</g)].map((m) => m[1])
      assert.deepEqual(headlines(all.body), ['Scheduled interview', 'Draft about roads', 'Inflation slows'])
      assert.deepEqual(headlines((await adminGet(t, editor, '/admin/articles/?status=scheduled')).body), ['Scheduled interview'])
      assert.deepEqual(headlines((await adminGet(t, editor, `/admin/articles/?section=${section.id}`)).body), ['Inflation slows'])
      assert.deepEqual(headlines((await adminGet(t, editor, `/admin/articles/?author=${author.user.id}`)).body), ['Scheduled interview', 'Draft about roads'])
      assert.deepEqual(headlines((await adminGet(t, editor, '/admin/articles/?q=ROADS')).body), ['Draft about roads'])
      assert.deepEqual(headlines((await adminGet(t, editor, '/admin/articles/?q=100%25')).body), [])
      // Nonsense filters are ignored, not errors.
      assert.equal((await adminGet(t, editor, '/admin/articles/?status=bogus&section=x&author=-1&after=garbage')).statusCode, 200)
    })

    it('pages with keyset links that neither repeat nor skip', async () => {
      for (let i = 0; i < 35; i++) {
        t.clock.advance(1000)
        await newArticle(t, author, { headline: `Paged story ${String(i).padStart(2, '0')}` })
      }
      const first = await adminGet(t, author, '/admin/articles/?q=Paged')
      const older = /<a href="([^"]+)" rel="next">/.exec(first.body)?.[1]?.replaceAll('&amp;', '&')
      assert.ok(older)
      assert.doesNotMatch(first.body, /rel="prev"/)
      const second = await adminGet(t, author, older)
      const titles = (body: string) => [...body.matchAll(/class="row-title">([^<]+)</g)].map((m) => m[1])
      const seen = [...titles(first.body), ...titles(second.body)]
      assert.equal(seen.length, 35)
      assert.equal(new Set(seen).size, 35)
      assert.equal(seen[0], 'Paged story 34')
      const newer = /<a href="([^"]+)" rel="prev">/.exec(second.body)?.[1]?.replaceAll('&amp;', '&')
      assert.ok(newer)
      assert.deepEqual(titles((await adminGet(t, author, newer)).body), titles(first.body))
    })

    it('applies bulk actions per item, respecting the role, and reports what was skipped', async () => {
      const mine = await newArticle(t, author, { headline: 'Author bulk one' })
      const theirs = await newArticle(t, editor, { headline: 'Editor bulk one' })
      const res = await adminPost(t, author, '/admin/articles/bulk/', { bulk_action: 'publish', ids: [String(mine), String(theirs)], return_to: '/admin/articles/?status=draft' })
      assert.equal(res.statusCode, 303)
      const location = res.headers.location as string
      assert.match(location, /^\/admin\/articles\/\?status=draft&bulk=publish&done=1&forbidden=1/)
      const page = await adminGet(t, author, location)
      assert.match(page.body, /Publish: done for 1 article\./)
      assert.match(page.body, /1 article was skipped: your role does not allow this on it\./)
      assert.equal((await articleById(t.deps.db, mine))!.status, 'published')
      assert.equal((await articleById(t.deps.db, theirs))!.status, 'draft')
      const trash = await adminPost(t, editor, '/admin/articles/bulk/', { bulk_action: 'trash', ids: [String(mine), String(theirs)] })
      assert.match(trash.headers.location as string, /done=2/)
      const nothing = await adminPost(t, editor, '/admin/articles/bulk/', { bulk_action: 'trash' })
      assert.equal(nothing.headers.location, '/admin/articles/?notice=bulkNothing')
      const outside = await adminPost(t, editor, '/admin/articles/bulk/', { bulk_action: 'trash', ids: String(mine), return_to: 'https://evil.example/' })
      assert.match(outside.headers.location as string, /^\/admin\/articles\/\?bulk=trash/)
    })

    it('offers contributors only the trash in bulk (checked per article), and authors no others’ edit links', async () => {
      const contributor = await loginAs(t, 'contributor')
      const res = await adminGet(t, contributor, '/admin/articles/')
      assert.equal(res.statusCode, 200)
      const bulkSelect = /<select id="bulk-action" name="bulk_action">([\s\S]*?)<\/select>/.exec(res.body)?.[1] ?? ''
      assert.deepEqual([...bulkSelect.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]), ['trash'])
      const authorView = await adminGet(t, author, '/admin/articles/?q=Inflation')
      assert.match(authorView.body, /<span class="row-title">Inflation slows<\/span>/)
    })

    // Last: moving the clock days ahead ends every session opened before.
    it('counts a scheduled story whose time has come as published', async () => {
      t.clock.set('2026-12-01T06:00:00.000Z')
      try {
        // Days later every earlier session has expired: sign in afresh.
        const res = await adminGet(t, await loginAs(t, 'editor'), '/admin/articles/?status=published')
        assert.match(res.body, /Scheduled interview/)
        assert.match(res.body, /Scheduled <span class="count">\(0\)<\/span>/)
      } finally {
        t.clock.set('2026-11-26T10:00:00.000Z')
      }
    })
  })

  describe('scheduled stories over HTTP', () => {
    it('appear by themselves on the newsfeed, the day page, the article URL and the feed when the clock reaches their time', async (tc) => {
      const t = await buildTestApp(dialect, { settings: YEREVAN })
      tc.after(() => t.close())
      const editor = await loginAs(t, 'editor')
      // 14:05 in Yerevan, five minutes after "now" (14:00).
      const id = await newArticle(t, editor, { headline: 'Scheduled scoop', publish_date: '2026-11-26', publish_time: '14:05' }, 'publish')
      assert.equal((await articleById(t.deps.db, id))!.status, 'scheduled')
      const pages = ['/', '/newsfeed/2026-11-26/']
      for (const page of pages) assert.doesNotMatch((await t.app.inject(page)).body, /Scheduled scoop/, page)
      assert.equal((await t.app.inject('/2026/11/26/scheduled-scoop/')).statusCode, 404)
      const feedBefore = await t.app.inject('/feed/')
      if (feedBefore.statusCode === 200) assert.doesNotMatch(feedBefore.body, /Scheduled scoop/)

      t.clock.set('2026-11-26T10:05:00.000Z')
      for (const page of pages) assert.match((await t.app.inject(page)).body, /Scheduled scoop/, page)
      assert.equal((await t.app.inject('/2026/11/26/scheduled-scoop/')).statusCode, 200)
      const feedAfter = await t.app.inject('/feed/')
      if (feedAfter.statusCode === 200) assert.match(feedAfter.body, /Scheduled scoop/)
      else tc.diagnostic(`/feed/ answered ${feedAfter.statusCode}; feed not checked`)
    })
  })
})
