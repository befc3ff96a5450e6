import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'
import { saveSettings } from '../../src/db/repositories/settings.repository.js'
import { commentTextToHtml } from '../../src/domain/comment-text.js'
import { buildNewsroom, URLS } from './syndication-fixtures.js'
import { feedparser, rowanmanning, SKIP_PYTHON, SKIP_XMLLINT, xmllint, type Loose } from './syndication-support.js'

const TYPES = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' }

forEachDialect((dialect) => {
  describe('feeds', () => {
    it('serve the edition\'s live stories in RSS, Atom and JSON Feed with the right content types', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      for (const [url, type] of [['/feed/', TYPES.rss], ['/feed/atom/', TYPES.atom], ['/feed.json', TYPES.json]] as const) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 200, url)
        assert.equal(res.headers['content-type'], type, url)
        assert.match(res.headers['cache-control'] as string, /^public/)
        assert.match(res.headers.etag as string, /^"/, 'a strong ETag')
        // Newest change among the items: the stories were saved at the clock reading.
        assert.equal(res.headers['last-modified'], 'Fri, 04 Feb 2022 10:00:00 GMT')
        assert.doesNotMatch(res.body, /Secret draft|Future story|Госдеп/, `${url}: drafts, scheduled stories and other editions stay out`)
      }
      const items = rowanmanning((await t.app.inject('/feed/')).body).items
      assert.deepEqual(items.map((i: Loose) => i.title), ['Talks resume in Geneva', 'US Department of State expects Russian response', 'Quiet morning in the valley'])
      const json = JSON.parse((await t.app.inject('/feed.json')).body)
      assert.deepEqual(json.items.map((i: Loose) => i.url), [URLS.talks, URLS.model, URLS.quiet].map((p) => `https://news.example${p}`))
    })

    it('carry the featured image from the media library as an enclosure and media element', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const rss = rowanmanning((await t.app.inject('/feed/')).body).items[0]
      assert.equal(rss.title, 'Talks resume in Geneva')
      assert.equal(rss.media.length, 1)
      assert.match(rss.media[0].url, /^https:\/\/news\.example\/media\/\d+-abababababababab\/1600\.webp$/)
      assert.equal(rss.media[0].mimeType, 'image/webp')
      assert.equal(rss.media[0].length, 48)
      const atom = rowanmanning((await t.app.inject('/feed/atom/')).body).items[0]
      assert.equal(atom.media[0].mimeType, 'image/webp')
      assert.equal(atom.media[0].title, 'Delegates at the table', 'the article\'s own alt text wins over the library\'s')
      const json = JSON.parse((await t.app.inject('/feed.json')).body).items[0]
      assert.equal(json.image, rss.media[0].url)
    })

    it('are parsed without complaint by Python feedparser, with authors, categories and the agency credit', { skip: SKIP_PYTHON }, async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      for (const url of ['/feed/', '/feed/atom/']) {
        const d = feedparser((await t.app.inject(url)).body)
        assert.equal(d.bozo, false, `${url}: ${d.bozo_exception}`)
        const [talks, model] = d.entries
        assert.equal(talks.author, 'Owen Pryce', url)
        assert.equal(model.contributors[0].name, 'TASS', url)
        assert.ok(model.tags.some((tag: Loose) => tag.scheme === 'https://news.example/section/politics/'), url)
        assert.ok(model.tags.some((tag: Loose) => tag.scheme === 'https://news.example/tag/diplomacy/'), url)
        assert.match(model.content[0].value, /\/TASS\/\./, url)
      }
    })

    it('are well-formed XML', { skip: SKIP_XMLLINT }, async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      for (const url of ['/feed/', '/feed/atom/', '/section/politics/feed/', '/tag/diplomacy/feed/atom/', '/ru/feed/', `${URLS.model}feed/`]) {
        const result = xmllint((await t.app.inject(url)).body)
        assert.ok(result.ok, `${url}: ${result.output}`)
      }
    })

    it('exist per section (with its subsections), tag and author, each with its own self link', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const titles = async (url: string) => {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 200, url)
        return rowanmanning(res.body)
      }
      const world = await titles('/section/world/feed/')
      assert.equal(world.title, 'World — Lede Daily')
      assert.equal(world.self, 'https://news.example/section/world/feed/')
      assert.equal(world.url, 'https://news.example/section/world/')
      assert.deepEqual(world.items.map((i: Loose) => i.title), ['Talks resume in Geneva'], 'a story in Europe is in World\'s feed')
      assert.deepEqual((await titles('/section/politics/feed/atom/')).items.map((i: Loose) => i.title), ['US Department of State expects Russian response'])
      const tag = await titles('/tag/diplomacy/feed/')
      assert.equal(tag.title, 'Tag: Diplomacy — Lede Daily')
      assert.deepEqual(tag.items.map((i: Loose) => i.title), ['Talks resume in Geneva', 'US Department of State expects Russian response'])
      const author = await titles('/author/owen-pryce/feed/atom/')
      assert.equal(author.title, 'News by Owen Pryce — Lede Daily')
      assert.equal(author.self, 'https://news.example/author/owen-pryce/feed/atom/')
      assert.deepEqual(author.items.map((i: Loose) => i.title), ['Talks resume in Geneva'])
      const json = JSON.parse((await t.app.inject('/tag/diplomacy/feed.json')).body)
      assert.equal(json.feed_url, 'https://news.example/tag/diplomacy/feed.json')
      assert.equal(json.items.length, 2)
    })

    it('exist for each edition under its prefix, in its language', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const ru = rowanmanning((await t.app.inject('/ru/feed/')).body)
      assert.equal(ru.language, 'ru')
      assert.equal(ru.self, 'https://news.example/ru/feed/')
      assert.deepEqual(ru.items.map((i: Loose) => i.title), ['Госдеп ожидает ответа'])
      assert.equal(ru.items[0].url, `https://news.example${URLS.ru}`)
      const section = rowanmanning((await t.app.inject('/ru/section/politika/feed/atom/')).body)
      assert.equal(section.items.length, 1)
      const tag = JSON.parse((await t.app.inject('/ru/tag/diplomatiya/feed.json')).body)
      assert.equal(tag.title, 'Тег: Дипломатия — Lede Daily')
      assert.equal(tag.language, 'ru')
    })

    it('answer 404 for an unknown section, tag, author or edition', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      for (const url of ['/section/nope/feed/', '/tag/nope/feed/atom/', '/author/nope/feed.json', '/xx/feed/', '/en/feed/', '/ru/section/politics/feed/',
        '/2022/02/03/no-such-story/feed/']) {
        assert.equal((await t.app.inject(url)).statusCode, 404, url)
      }
    })

    it('carry 50 items by default, and what the settings choose', async (tc) => {
      const t = await build(tc, dialect, { clock: '2022-03-01T00:00:00.000Z', settings: { siteUrl: 'https://news.example' } })
      for (let i = 0; i < 55; i++) {
        await createArticle(t.deps, { edition: 'en', headline: `Story ${i}`, lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: new Date(Date.parse('2022-02-01T00:00:00.000Z') + i * 60_000).toISOString() })
      }
      const rss = rowanmanning((await t.app.inject('/feed/')).body)
      assert.equal(rss.items.length, 50)
      assert.equal(rss.items[0].title, 'Story 54')
      // Through the repository, as the settings screen writes: the app keeps settings in memory until they change.
      await saveSettings(t.deps.db, { feedItemCount: 10, feedFullText: false })
      const json = JSON.parse((await t.app.inject('/feed.json')).body)
      assert.equal(json.items.length, 10)
      assert.equal(json.items[0].content_text, 'Lead')
      assert.equal(json.items[0].content_html, undefined)
      assert.doesNotMatch((await t.app.inject('/feed/')).body, /content:encoded/)
    })

    it('let a scheduled story in when its time comes, with no job to run', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      assert.doesNotMatch((await t.app.inject('/feed/')).body, /Future story/)
      t.clock.set('2022-02-04T12:00:00.000Z')
      assert.match((await t.app.inject('/feed/')).body, /Future story/)
    })
  })

  describe('the comments feed of an article', () => {
    it('carries approved comments only, newest first, rendered like the page, without emails or IPs', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const res = await t.app.inject(`${URLS.model}feed/`)
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-type'], TYPES.rss)
      assert.equal(res.headers['last-modified'], 'Thu, 03 Feb 2022 10:30:00 GMT', 'the newest comment')
      assert.doesNotMatch(res.body, /Spam Bot|Buy/)
      assert.doesNotMatch(res.body, /@example\.org|203\.0\.113/)
      const feed = rowanmanning(res.body)
      assert.equal(feed.title, 'Comments on: US Department of State expects Russian response')
      assert.equal(feed.self, `https://news.example${URLS.model}feed/`)
      assert.equal(feed.url, `https://news.example${URLS.model}`)
      assert.deepEqual(feed.items.map((i: Loose) => i.title), ['By: Ben Reader', 'By: Ann Reader'])
      const ann = feed.items[1]
      assert.match(ann.url, new RegExp(`^https://news\\.example${URLS.model}#comment-\\d+$`))
      // The same renderer as the page (issue 3 owns its rules), carried verbatim.
      assert.ok(res.body.includes(`<content:encoded><![CDATA[${commentTextToHtml('First line\nsecond line <b>not bold</b>\n\nNew paragraph & more.')}]]></content:encoded>`))
      assert.match(ann.content, /^<p>First line<br>second line/)
      assert.equal(ann.published, '2022-02-03T10:05:00.000Z')
      assert.deepEqual(ann.authors.map((a: Loose) => a.name), ['Ann Reader'])
    })

    it('is read by Python feedparser', { skip: SKIP_PYTHON }, async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const d = feedparser((await t.app.inject(`${URLS.model}feed/`)).body)
      assert.equal(d.bozo, false, d.bozo_exception)
      assert.deepEqual(d.entries.map((e: Loose) => e.author), ['Ben Reader', 'Ann Reader'])
      assert.match(d.entries[1].id, /^tag:news\.example,2022-02-03:comment-\d+$/)
    })

    it('follows the article: a wrong date redirects, another edition\'s article has its own', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const moved = await t.app.inject('/2022/02/04/us-department-of-state-expects-russian-response/feed/')
      assert.equal(moved.statusCode, 301)
      assert.equal(moved.headers.location, `${URLS.model}feed/`)
      assert.equal((await t.app.inject(`${URLS.ru}feed/`)).statusCode, 200)
      assert.equal((await t.app.inject('/2022/02/03/secret-draft/feed/')).statusCode, 404)
    })
  })

  describe('feed discovery', () => {
    it('announces the edition\'s feeds on every page and a page\'s own feeds first', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const front = (await t.app.inject('/')).body
      assert.match(front, /<link rel="alternate" type="application\/rss\+xml" title="Lede Daily \(RSS\)" href="https:\/\/news\.example\/feed\/"\/>/)
      assert.match(front, /<link rel="alternate" type="application\/atom\+xml" title="Lede Daily \(Atom\)" href="https:\/\/news\.example\/feed\/atom\/"\/>/)
      assert.match(front, /<link rel="alternate" type="application\/feed\+json" title="Lede Daily \(JSON Feed\)" href="https:\/\/news\.example\/feed\.json"\/>/)
      const section = (await t.app.inject('/section/politics/')).body
      const alternates = [...section.matchAll(/<link rel="alternate" type="[^"]+" title="([^"]+)"/g)].map((m) => m[1])
      assert.deepEqual(alternates, ['Politics — Lede Daily (RSS)', 'Politics — Lede Daily (Atom)', 'Politics — Lede Daily (JSON Feed)',
        'Lede Daily (RSS)', 'Lede Daily (Atom)', 'Lede Daily (JSON Feed)'])
      const article = (await t.app.inject(URLS.model)).body
      assert.ok(article.includes(`<link rel="alternate" type="application/rss+xml" title="Comments on: US Department of State expects Russian response (RSS)" href="https://news.example${URLS.model}feed/"/>`))
      assert.match((await t.app.inject('/ru/')).body, /href="https:\/\/news\.example\/ru\/feed\/"/)
    })
  })
})
