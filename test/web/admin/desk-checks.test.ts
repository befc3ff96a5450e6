// The editor's desk checks over HTTP, rendered on the server: shown on a new and a saved article, updated
// by a preview (no JavaScript needed), links to unpublished stories found in the database, and the search
// and card previews; in English, Russian and Armenian.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { articlePath, editionPrefix } from '../../../src/domain/urls.js'
import { ARTICLE_FIELDS, newArticle } from './newsroom-support.js'

const SETTINGS = { editions: ['en', 'ru', 'hy'], defaultEdition: 'en', timeZone: 'Asia/Yerevan', siteName: 'Lede Test', siteUrl: 'https://lede.example' }
const LONG_HEADLINE = 'Parliament passes the budget after a long night of debate over spending cuts'

/** The panel's HTML, or a failure when the page has none. */
function panelOf(html: string): string {
  const m = /<section class="desk-checks"[\s\S]*?<\/section>/.exec(html)
  assert.ok(m, 'the page has a desk checks panel')
  return m[0]
}

/** The level the panel shows for a check. */
function levelOf(panel: string, check: string): string | undefined {
  return new RegExp(`data-check="${check}" data-level="(\\w+)"`).exec(panel)?.[1]
}

forEachDialect((dialect) => {
  describe('desk checks in the article editor', () => {
    let t: TestApp
    let editor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: SETTINGS })
      editor = await loginAs(t, 'editor')
    })
    after(() => t.close())

    it('a new article shows the panel as a labelled region with its checks and both previews', async () => {
      const res = await adminGet(t, editor, '/admin/articles/new/')
      assert.equal(res.statusCode, 200)
      const panel = panelOf(res.body)
      assert.match(panel, /<section class="desk-checks" id="desk-checks" aria-labelledby="desk-checks-heading"/)
      assert.match(panel, /<h2 id="desk-checks-heading">Desk checks<\/h2>/)
      assert.match(panel, /checked only when you preview or save/)
      assert.equal(levelOf(panel, 'headline'), 'problem')
      assert.equal(levelOf(panel, 'length'), 'warning')
      assert.equal(levelOf(panel, 'lead'), 'warning')
      assert.equal(levelOf(panel, 'section'), 'warning')
      assert.match(panel, /id="desk-announce" role="status" aria-live="polite"/)
      assert.match(panel, /Search result preview/)
      assert.match(panel, /Social card preview/)
      assert.match(panel, /No featured image: the card shows text only\./)
    })

    it('a preview without JavaScript updates the checks: long headline, words and reading time, http: links', async () => {
      const body = `<p>${'word '.repeat(460)}</p><p>See <a href="http://example.org/old">the old page</a> and <a href="https://example.org/new">the new one</a>.</p>`
      const res = await adminPost(t, editor, '/admin/articles/new/', { ...ARTICLE_FIELDS, headline: LONG_HEADLINE, body, intent: 'preview' })
      assert.equal(res.statusCode, 200)
      const panel = panelOf(res.body)
      assert.equal(levelOf(panel, 'headline'), 'warning')
      assert.match(panel, /The headline is 76 characters: search results and social cards cut it after about 70\./)
      assert.match(panel, /468 words, about 2 min to read\./)
      assert.equal(levelOf(panel, 'httpLinks'), 'warning')
      assert.match(panel, /<code>http:\/\/example\.org\/old<\/code>/)
      assert.doesNotMatch(panel, /<code>https:\/\/example\.org\/new<\/code>/)
      // The search result: "headline — site" cut near 60 characters, the address from the slug, the lead.
      assert.match(panel, /<p class="serp-title">Parliament passes the budget after a long night of debate…<\/p>/)
      assert.match(panel, /<p class="serp-url">https:\/\/lede\.example\/\d{4}\/\d{2}\/\d{2}\/parliament-passes-the-budget-after-a-long-night-of-debate-over-spending-cuts\/<\/p>/)
      assert.match(panel, /<p class="serp-description">The vote was 71 to 30\.<\/p>/)
      assert.match(panel, /<p class="social-card-title">Parliament passes the budget after a long night of debate over spending cuts<\/p>/)
      assert.match(panel, /<p class="social-card-site">LEDE\.EXAMPLE<\/p>/)
    })

    it('finds links to articles readers cannot open, and passes links to published ones', async () => {
      const live = await newArticle(t, editor, { headline: 'A published story' }, 'publish')
      const draft = await newArticle(t, editor, { headline: 'A draft story' })
      const liveRow = (await articleById(t.deps.db, live))!
      const draftRow = (await articleById(t.deps.db, draft))!
      const livePath = articlePath('', liveRow.published_at!, liveRow.slug, SETTINGS.timeZone)
      // A draft has no public address; a link typed with today's date and its slug leads nowhere.
      const draftPath = livePath.replace(liveRow.slug, draftRow.slug)
      const body = `<p>Read <a href="${livePath}">the story</a>, <a href="https://lede.example${draftPath}">the draft</a> and <a href="/2020/01/01/no-such-story/">a missing one</a>.</p>`
      const id = await newArticle(t, editor, { body })
      const res = await adminGet(t, editor, `/admin/articles/${id}/`)
      const panel = panelOf(res.body)
      assert.equal(levelOf(panel, 'unpublishedLinks'), 'problem')
      assert.match(panel, /Links to articles readers cannot open \(not published, or no such article\): 2\./)
      assert.match(panel, new RegExp(`<code>https://lede\\.example${draftPath}</code>`))
      assert.match(panel, /<code>\/2020\/01\/01\/no-such-story\/<\/code>/)
      assert.doesNotMatch(panel, new RegExp(`<code>${livePath}</code>`))

      // Fixed and saved again: the check passes.
      const fixed = await adminPost(t, editor, `/admin/articles/${id}/`, {
        ...ARTICLE_FIELDS, body: `<p>Read <a href="${livePath}">the story</a>.</p>`, version: String((await articleById(t.deps.db, id))!.version), intent: 'save'
      })
      assert.equal(fixed.statusCode, 303)
      const after = panelOf((await adminGet(t, editor, `/admin/articles/${id}/`)).body)
      assert.equal(levelOf(after, 'unpublishedLinks'), 'ok')
    })

    it('a featured image without alt text is a problem the panel shows next to the form’s own error', async () => {
      const res = await adminPost(t, editor, '/admin/articles/new/', { ...ARTICLE_FIELDS, body: '<img src="https://example.org/a.jpg">', intent: 'preview' })
      assert.equal(levelOf(panelOf(res.body), 'bodyAlt'), 'problem')
      assert.match(panelOf(res.body), /Images in the text without alt text: 1\./)
    })

    it('speaks Russian and Armenian where the admin does (the default edition’s language), counting that edition’s words', async () => {
      const cases = [
        { lang: 'ru', body: 'Парламент принял бюджет.', heading: 'Проверка перед публикацией', words: 'Слов: 3, читать около 1 мин.' },
        { lang: 'hy', body: 'Ազգային ժողովը քվեարկեց բյուջեն։', heading: 'Ստուգում հրապարակելուց առաջ', words: '4 բառ, կարդալու համար մոտ 1 րոպե։' }
      ]
      for (const c of cases) {
        const local = await buildTestApp(dialect, { settings: { ...SETTINGS, defaultEdition: c.lang } })
        try {
          const session = await loginAs(local, 'editor')
          const res = await adminPost(local, session, '/admin/articles/new/', { ...ARTICLE_FIELDS, edition: c.lang, headline: c.body, body: c.body, intent: 'preview' })
          assert.equal(res.statusCode, 200)
          const panel = panelOf(res.body)
          assert.ok(panel.includes(`>${c.heading}</h2>`), `${c.lang}: heading`)
          assert.ok(panel.includes(c.words), `${c.lang}: ${c.words}`)
          assert.match(panel, new RegExp(`data-language="${c.lang}"`))
          // The default edition lives at the root.
          assert.match(panel, /<p class="serp-url">https:\/\/lede\.example\/\d{4}\//)
        } finally {
          await local.close()
        }
      }
      assert.equal(editionPrefix('ru', 'en'), '/ru')
    })
  })
})
