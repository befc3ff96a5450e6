import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { TSchema } from '@sinclair/typebox'
import { Validator } from '@seriousme/openapi-schema-validator'
import { forEachDialect, type TestApp } from '../helper.js'
import {
  Article, ArticleList, CommentList, ErrorResponse, NewsfeedDay, SectionList, TagList
} from '../../src/web/schemas/api-v1.schemas.js'
import { API_ROUTES } from '../../src/web/routes/api/v1.js'
import { buildNewsroom, URLS } from './syndication-fixtures.js'
import { assertMatchesSchema, type Loose } from './syndication-support.js'

/** GETs an API URL, checks the status, JSON, CORS and privacy, and validates the body against its schema. */
async function get(t: TestApp, url: string, schema: TSchema, status = 200): Promise<Loose> {
  const res = await t.app.inject(url)
  assert.equal(res.statusCode, status, `${url}: ${res.body}`)
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8', url)
  assert.equal(res.headers['access-control-allow-origin'], '*', url)
  assert.doesNotMatch(res.body, /@(example\.org|newsroom\.example)|203\.0\.113|user_agent|author_email/, `${url}: no email or IP`)
  const body = JSON.parse(res.body)
  assertMatchesSchema(schema, body, url)
  return body
}

const titles = (list: Loose) => list.items.map((i: Loose) => i.headline)

forEachDialect((dialect) => {
  describe('the JSON API', () => {
    it('publishes a valid OpenAPI 3.1 document listing every endpoint', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const res = await t.app.inject('/api/v1/openapi.json')
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8')
      const doc = JSON.parse(res.body)
      const validator = new Validator()
      const result = await validator.validate(doc)
      assert.ok(result.valid, JSON.stringify(result.errors, null, 2))
      assert.equal(validator.version, '3.1')
      assert.equal(doc.servers[0].url, 'https://news.example/api/v1')
      assert.deepEqual(Object.keys(doc.paths).sort(), [
        '/articles', '/articles/by-url', '/articles/{id}', '/articles/{id}/comments', '/articles/{id}/live-blog', '/newsfeed/{day}', '/search', '/sections', '/tags'
      ])
      assert.equal(Object.keys(doc.paths).length, API_ROUTES.length)
      const list = doc.paths['/articles'].get
      assert.deepEqual(list.parameters.map((p: Loose) => p.name), ['edition', 'section', 'tag', 'author', 'date', 'from', 'to', 'limit', 'before'])
      assert.deepEqual(doc.paths['/articles/{id}'].get.parameters[0], { name: 'id', in: 'path', required: true, schema: { minimum: 1, type: 'integer' } })
      assert.equal(list.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/ArticleList')
      assert.equal(list.responses['400'].content['application/json'].schema.$ref, '#/components/schemas/Error')
    })

    it('lists live articles newest first, filtered by edition, section (with subsections), tag, author and day', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const all = await get(t, '/api/v1/articles', ArticleList)
      assert.deepEqual(titles(all), ['Talks resume in Geneva', 'US Department of State expects Russian response', 'Quiet morning in the valley'])
      assert.equal(all.next, null)
      assert.deepEqual(titles(await get(t, '/api/v1/articles?edition=ru', ArticleList)), ['Госдеп ожидает ответа'])
      assert.deepEqual(titles(await get(t, '/api/v1/articles?section=world', ArticleList)), ['Talks resume in Geneva'])
      assert.deepEqual(titles(await get(t, '/api/v1/articles?tag=diplomacy', ArticleList)), ['Talks resume in Geneva', 'US Department of State expects Russian response'])
      assert.deepEqual(titles(await get(t, '/api/v1/articles?tag=diplomacy&section=politics', ArticleList)), ['US Department of State expects Russian response'])
      assert.deepEqual(titles(await get(t, '/api/v1/articles?author=owen-pryce', ArticleList)), ['Talks resume in Geneva'])
      // Days are the site's (Yerevan): the 20:00 UTC story of 2 February is on 3 February.
      assert.equal((await get(t, '/api/v1/articles?date=2022-02-03', ArticleList)).items.length, 3)
      assert.equal((await get(t, '/api/v1/articles?date=2022-02-02', ArticleList)).items.length, 0)
      assert.equal((await get(t, '/api/v1/articles?from=2022-02-03&to=2022-02-03', ArticleList)).items.length, 3)
      assert.equal((await get(t, '/api/v1/articles?to=2022-02-02', ArticleList)).items.length, 0)
      assert.equal((await get(t, '/api/v1/articles?from=2022-02-04', ArticleList)).items.length, 0)
    })

    it('pages the list by keyset with next and nextUrl', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const first = await get(t, '/api/v1/articles?limit=2&tag=diplomacy', ArticleList)
      assert.equal(first.items.length, 2)
      assert.equal(first.next, null)
      const page1 = await get(t, '/api/v1/articles?limit=2', ArticleList)
      assert.match(page1.next, /^\d+-\d+$/)
      const next = new URL(page1.nextUrl)
      assert.equal(next.origin + next.pathname, 'https://news.example/api/v1/articles')
      assert.equal(next.searchParams.get('before'), page1.next)
      const page2 = await get(t, `/api/v1/articles${next.search}`, ArticleList)
      assert.deepEqual(titles(page2), ['Quiet morning in the valley'])
      assert.equal(page2.next, null)
    })

    it('gives one article by id or by URL, with its body, credit, image and links', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      const talks = await get(t, `/api/v1/articles/${ids.talks}`, Article)
      assert.equal(talks.url, `https://news.example${URLS.talks}`)
      assert.equal(talks.bodyHtml, '<p>A second round is set for March.</p>')
      assert.deepEqual(talks.author, { name: 'Owen Pryce', url: 'https://news.example/author/owen-pryce/' })
      assert.deepEqual(talks.section, { id: talks.section.id, slug: 'europe', name: 'Europe', url: 'https://news.example/section/europe/' })
      assert.equal(talks.image.type, 'image/webp')
      assert.equal(talks.image.alt, 'Delegates at the table')
      assert.equal(talks.image.credit, 'Photo: Lede Daily')
      assert.equal(talks.commentsUrl, `https://news.example/api/v1/articles/${ids.talks}/comments`)
      const model = await get(t, `/api/v1/articles/${ids.model}`, Article)
      assert.equal(model.agencyCredit, 'TASS')
      assert.match(model.bodyHtml, /^<p><span class="agency-credit">\/TASS\/\.<\/span> The US administration/)
      assert.equal(model.commentCount, 2)
      assert.equal(model.commentsOpen, true)
      assert.deepEqual(model.tags.map((tag: Loose) => tag.slug), ['diplomacy', 'russia'])

      for (const url of [`https://news.example${URLS.model}`, URLS.model, '/2022/02/04/us-department-of-state-expects-russian-response/',
        `https://news.example${URLS.model}?utm_source=x#comments`]) {
        const found = await get(t, `/api/v1/articles/by-url?url=${encodeURIComponent(url)}`, Article)
        assert.equal(found.id, ids.model, url)
      }
      assert.equal((await get(t, `/api/v1/articles/by-url?url=${encodeURIComponent(URLS.ru)}`, Article)).id, ids.ru)
      for (const url of ['https://elsewhere.example/2022/02/03/talks-resume-in-geneva/', '/2022/02/03/secret-draft/', '/ru/2022/02/03/talks-resume-in-geneva/',
        '/en/2022/02/03/talks-resume-in-geneva/', '/section/politics/', 'http://[bad']) {
        await get(t, `/api/v1/articles/by-url?url=${encodeURIComponent(url)}`, ErrorResponse, 404)
      }
    })

    it('never shows drafts or scheduled stories before their time', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      await get(t, `/api/v1/articles/${ids.draft}`, ErrorResponse, 404)
      await get(t, `/api/v1/articles/${ids.scheduled}`, ErrorResponse, 404)
      t.clock.set('2022-02-04T12:00:00.000Z')
      assert.equal((await get(t, `/api/v1/articles/${ids.scheduled}`, Article)).headline, 'Future story')
    })

    it('lists the approved comments of an article, in thread order, without emails or IPs', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      const list = await get(t, `/api/v1/articles/${ids.model}/comments`, CommentList)
      assert.equal(list.articleId, ids.model)
      assert.deepEqual(list.items.map((c: Loose) => c.authorName), ['Ann Reader', 'Ben Reader'])
      const ann = list.items[0]
      assert.equal(ann.body, 'First line\nsecond line <b>not bold</b>\n\nNew paragraph & more.')
      assert.match(ann.bodyHtml, /^<p>First line<br>second line/)
      assert.equal(ann.authorUrl, 'https://reader.example/')
      assert.equal(ann.url, `https://news.example${URLS.model}#comment-${ann.id}`)
      assert.deepEqual(Object.keys(ann).sort(), ['authorName', 'authorUrl', 'body', 'bodyHtml', 'createdAt', 'id', 'parentId', 'url'])
      await get(t, `/api/v1/articles/${ids.draft}/comments`, ErrorResponse, 404)
    })

    it('gives the day newsfeed of an edition with the neighbouring days', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const day = await get(t, '/api/v1/newsfeed/2022-02-03', NewsfeedDay)
      assert.equal(day.edition, 'en')
      assert.equal(day.timeZone, 'Asia/Yerevan')
      assert.deepEqual(day.items.map((i: Loose) => i.headline), ['Talks resume in Geneva', 'US Department of State expects Russian response', 'Quiet morning in the valley'])
      assert.equal(day.previousDay, null)
      assert.equal(day.nextDay, null)
      const ru = await get(t, '/api/v1/newsfeed/2022-02-03?edition=ru', NewsfeedDay)
      assert.deepEqual(ru.items.map((i: Loose) => i.url), [`https://news.example${URLS.ru}`])
      await get(t, '/api/v1/newsfeed/2022-02-30', ErrorResponse, 400)
    })

    it('lists sections and tags with their URLs and counts', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const sections = await get(t, '/api/v1/sections', SectionList)
      assert.deepEqual(sections.items.map((s: Loose) => [s.slug, s.articleCount]), [['europe', 1], ['politics', 1], ['world', 0]])
      const europe = sections.items[0]
      assert.equal(europe.parentId, sections.items[2].id)
      assert.equal(europe.feedUrl, 'https://news.example/section/europe/feed/')
      const tags = await get(t, '/api/v1/tags', TagList)
      assert.deepEqual(tags.items.map((tag: Loose) => [tag.slug, tag.articleCount]), [['diplomacy', 2], ['russia', 1]])
      const first = await get(t, '/api/v1/tags?limit=1', TagList)
      assert.equal(first.next, 'diplomacy')
      assert.deepEqual((await get(t, `/api/v1/tags?limit=1&after=${first.next}`, TagList)).items.map((tag: Loose) => tag.slug), ['russia'])
      assert.deepEqual((await get(t, '/api/v1/sections?edition=ru', SectionList)).items.map((s: Loose) => s.url), ['https://news.example/ru/section/politika/'])
    })

    it('tells whether an article is pinned to the front page, in lists and alone', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      await t.deps.db.updateTable('articles').set({ sticky: 1 }).where('id', '=', ids.talks).execute()
      const list = await get(t, '/api/v1/articles', ArticleList)
      assert.deepEqual(list.items.map((i: Loose) => [i.headline, i.pinned]),
        [['Talks resume in Geneva', true], ['US Department of State expects Russian response', false], ['Quiet morning in the valley', false]])
      // Filtered lists read their rows another way (ids first): the flag comes along there too.
      assert.deepEqual((await get(t, '/api/v1/articles?tag=diplomacy', ArticleList)).items.map((i: Loose) => i.pinned), [true, false])
      assert.equal((await get(t, `/api/v1/articles/${ids.talks}`, Article)).pinned, true)
      assert.equal((await get(t, `/api/v1/articles/${ids.model}`, Article)).pinned, false)
      assert.equal((await get(t, `/api/v1/articles/by-url?url=${encodeURIComponent(URLS.talks)}`, Article)).pinned, true)
      const keys = Object.keys((await get(t, `/api/v1/articles/${ids.talks}`, Article)))
      assert.equal(keys.indexOf('pinned'), keys.indexOf('breaking') + 1, 'next to breaking')
    })

    it('gives sections and tags their descriptions, but not the small links an article embeds', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      const db = t.deps.db
      await db.updateTable('sections').set({ description: 'Elections, parliament and the courts.' }).where('edition', '=', 'en').where('slug', '=', 'politics').execute()
      await db.updateTable('tags').set({ description: 'Talks between governments.\nAnd their envoys.' }).where('edition', '=', 'en').where('slug', '=', 'diplomacy').execute()
      const sections = await get(t, '/api/v1/sections', SectionList)
      assert.deepEqual(sections.items.map((s: Loose) => [s.slug, s.description]), [['europe', ''], ['politics', 'Elections, parliament and the courts.'], ['world', '']])
      assert.deepEqual(Object.keys(sections.items[0]), ['id', 'slug', 'name', 'description', 'parentId', 'url', 'feedUrl', 'articleCount'])
      const tags = await get(t, '/api/v1/tags', TagList)
      assert.deepEqual(tags.items.map((tag: Loose) => [tag.slug, tag.description, tag.articleCount]), [['diplomacy', 'Talks between governments.\nAnd their envoys.', 2], ['russia', '', 1]])
      assert.deepEqual(Object.keys(tags.items[0]), ['id', 'slug', 'name', 'description', 'url', 'feedUrl', 'articleCount'])
      const model = await get(t, `/api/v1/articles/${ids.model}`, Article)
      assert.deepEqual(Object.keys(model.section), ['id', 'slug', 'name', 'url'])
      assert.deepEqual(model.tags.map((tag: Loose) => Object.keys(tag)), [['id', 'slug', 'name', 'url'], ['id', 'slug', 'name', 'url']])
    })

    it('describes pinned and description in the OpenAPI document', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const { components: { schemas } } = JSON.parse((await t.app.inject('/api/v1/openapi.json')).body)
      for (const [name, schema] of [['Article', schemas.Article], ['ArticleList', schemas.ArticleList.properties.items.items]]) {
        assert.equal(schema.properties.pinned.type, 'boolean', name)
        assert.ok(schema.required.includes('pinned'), name)
      }
      for (const name of ['SectionList', 'TagList']) {
        const item = schemas[name].properties.items.items
        assert.equal(item.properties.description.type, 'string', name)
        assert.ok(item.required.includes('description'), name)
      }
    })

    it('answers every error with a JSON error object, never the HTML page', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const cases: [string, number, string][] = [
        ['/api/v1/articles?limit=0', 400, 'bad_request'],
        ['/api/v1/articles?limit=abc', 400, 'bad_request'],
        ['/api/v1/articles?before=yesterday', 400, 'bad_request'],
        ['/api/v1/articles?edition=xx', 400, 'bad_request'],
        ['/api/v1/articles?date=2022-02-30', 400, 'bad_request'],
        ['/api/v1/articles?from=2022-02-05&to=2022-02-01', 400, 'bad_request'],
        ['/api/v1/articles?section=nope', 404, 'not_found'],
        ['/api/v1/articles/abc', 400, 'bad_request'],
        ['/api/v1/articles/0', 400, 'bad_request'],
        ['/api/v1/articles/999999', 404, 'not_found'],
        ['/api/v1/articles/by-url', 400, 'bad_request'],
        ['/api/v1/nothing-here', 404, 'not_found'],
        ['/api/v2/articles', 404, 'not_found'],
        ['/api/v1/articles/%E0%A4%A', 400, 'bad_request']
      ]
      for (const [url, status, code] of cases) {
        const body = await get(t, url, ErrorResponse, status)
        assert.equal(body.error.code, code, url)
        assert.ok(body.error.message.length > 0, url)
      }
      const post = await t.app.inject({ method: 'POST', url: '/api/v1/articles', payload: {} })
      assert.equal(post.statusCode, 404)
      assert.equal(JSON.parse(post.body).error.code, 'not_found')
    })

    it('is open to scripts on other sites for GET', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const preflight = await t.app.inject({
        method: 'OPTIONS', url: '/api/v1/articles',
        headers: { origin: 'https://reader.example', 'access-control-request-method': 'GET' }
      })
      assert.equal(preflight.statusCode, 204)
      assert.equal(preflight.headers['access-control-allow-origin'], '*')
      assert.match(preflight.headers['access-control-allow-methods'] as string, /GET/)
      const res = await t.app.inject({ url: '/api/v1/sections', headers: { origin: 'https://reader.example' } })
      assert.equal(res.headers['access-control-allow-origin'], '*')
      assert.equal(res.headers['access-control-allow-credentials'], undefined)
    })
  })
})
