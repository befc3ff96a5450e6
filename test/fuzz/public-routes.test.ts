// Property-based fuzzing of every public route: whatever a client sends, the answer is never 5xx,
// never echoes input unescaped, and a rejected write leaves the database as it was.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { buildTestApp, forEachDialect, type TestApp } from '../helper.js'

/** Runs per property; enough to find shallow crashes on every CI run without slowing it much. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120)
/** Input carrying this must never come back as live markup. */
const MARKER = '<x-fuzz onclick=alert(1)>'

/** encodeURIComponent, except that a lone surrogate becomes the invalid UTF-8 a raw client might send. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return '%ED%A0%80'
  }
}

const segment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }).map(encode),
  fc.string({ maxLength: 20 }).map((s) => encode(s + MARKER)),
  fc.constantFrom('%ZZ', '%E0%A4%A', '%FF%FE', '%00', '..', '.', '%2e%2e', '%2F', '2022-02-30', '0000-00-00', '9999-99-99', 'a'.repeat(600)),
  fc.stringMatching(/^[0-9]{1,6}$/),
  fc.stringMatching(/^[a-z0-9-]{1,30}$/)
)

const queryValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }).map(encode),
  fc.constant(encode(MARKER)),
  fc.constantFrom('%ZZ', '%E0%A4%A', '', 'a'.repeat(5000), '1643880780000-1', '-1', '1e309')
)
const queryString = fc.array(fc.tuple(fc.constantFrom('before', 'comment', 'replytocom', 'q', 'page', 'x', 'before[]', '__proto__', 'url', 'limit', 'section', 'day'), queryValue), { maxLength: 4 })
  .map((pairs) => pairs.length ? '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&') : '')

/** The public URL shapes; each placeholder is filled with a fuzzed segment. */
const ROUTES: ((s: string[]) => string)[] = [
  () => '/',
  () => '/newsfeed/',
  (s) => `/newsfeed/${s[0]}/`,
  (s) => `/${s[0]}/${s[1]}/${s[2]}/${s[3]}/`,
  (s) => `/2022/02/03/${s[0]}/`,
  (s) => `/${s[0]}/`,
  (s) => `/${s[0]}/newsfeed/${s[1]}/`,
  (s) => `/ru/${s[0]}/${s[1]}/${s[2]}/${s[3]}/`,
  (s) => `/${s[0]}`,
  (s) => `/${s[0]}/${s[1]}`,
  (s) => `/assets/${s[0]}`,
  (s) => `/section/${s[0]}/`,
  (s) => `/tag/${s[0]}/`,
  (s) => `/author/${s[0]}/`,
  (s) => `/search?q=${s[0]}`,
  // Feeds, sitemaps, robots.txt and the JSON API: XML and JSON bodies, never a 5xx either.
  () => '/feed/',
  () => '/feed/atom/',
  () => '/feed.json',
  (s) => `/section/${s[0]}/feed/`,
  (s) => `/tag/${s[0]}/feed/atom/`,
  (s) => `/author/${s[0]}/feed.json`,
  (s) => `/${s[0]}/${s[1]}/${s[2]}/${s[3]}/feed/`,
  (s) => `/2022/02/03/${s[0]}/feed/`,
  () => '/sitemap.xml',
  () => '/news-sitemap.xml',
  (s) => `/sitemap-articles-${s[0]}-${s[1]}.xml`,
  (s) => `/sitemap-${s[0]}`,
  () => '/robots.txt',
  (s) => `/api/v1/articles?section=${s[0]}&tag=${s[1]}&author=${s[2]}&before=${s[3]}`,
  (s) => `/api/v1/articles?day=${s[0]}&limit=${s[1]}&edition=${s[2]}`,
  (s) => `/api/v1/articles/${s[0]}`,
  (s) => `/api/v1/articles/${s[0]}/comments`,
  (s) => `/api/v1/newsfeed/${s[0]}`,
  (s) => `/api/v1/articles/by-url?url=${s[0]}`,
  (s) => `/api/v1/articles/by-url?url=${encode('http://localhost/2022/02/03/')}${s[0]}`
]

function assertSafe(res: { statusCode: number, body: string, headers: Record<string, unknown> }, what: string) {
  assert.ok(res.statusCode < 500, `${what} answered ${res.statusCode}`)
  // A JSON body may quote the input in an error message: JSON is data, not markup, and is served as
  // application/json. Markup (HTML, XML feeds and sitemaps) and plain text must never carry it raw.
  const type = String(res.headers['content-type'] ?? '')
  if (!/json/.test(type)) assert.ok(!res.body.includes('<x-fuzz'), `${what} (${type}) echoed input unescaped`)
}

forEachDialect((dialect) => {
  describe('fuzzing public routes', () => {
    let t: TestApp
    let articleId: string
    const count = async () => Number((await t.deps.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

    before(async () => {
      t = await buildTestApp(dialect, { demo: true })
      const page = await t.app.inject('/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/')
      articleId = /name="article_id" value="(\d+)"/.exec(page.body)![1]!
    })
    after(() => t.close())

    it('answers any path and query on every GET route without a 5xx or an unescaped echo', async () => {
      await fc.assert(fc.asyncProperty(
        fc.integer({ min: 0, max: ROUTES.length - 1 }), fc.array(segment, { minLength: 4, maxLength: 4 }), queryString,
        async (route, segments, query) => {
          const url = ROUTES[route]!(segments) + (ROUTES[route]!(segments).includes('?') ? '' : query)
          const res = await t.app.inject({ method: 'GET', url })
          assertSafe(res, `GET ${url}`)
        }
      ), { numRuns: RUNS * 3 })
    })

    const fieldValue = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.constant(MARKER),
      fc.constant('x'.repeat(12_000)),
      fc.constantFrom('\u0000', '\uFFFD', '\uD800', 'javascript:alert(1)', 'a@b', '')
    )
    const encodedField = fc.oneof(
      fieldValue.map(encode),
      fc.constantFrom('%ZZ', '%E0%A4%A', '%FF%FE%FD', '%C0%80', '%ED%A0%80')
    )
    const formBody = fc.array(
      fc.tuple(fc.constantFrom('article_id', 'author', 'email', 'url', 'comment', 'comment_parent', 'x', 'author[a]', '__proto__', 'constructor'), encodedField),
      { maxLength: 8 }
    )

    it('refuses any malformed comment post with a 4xx and stores nothing', async () => {
      await fc.assert(fc.asyncProperty(formBody, fc.boolean(), async (pairs, withArticle) => {
        // Some bodies are valid by chance: they get 303 and may store one comment; anything else must store nothing.
        const body = [...(withArticle ? [['article_id', articleId]] : []), ...pairs].map(([k, v]) => `${k}=${v}`).join('&')
        const before = await count()
        const res = await t.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body, remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` })
        assertSafe(res, `POST /comments ${body.slice(0, 200)}`)
        const after = await count()
        if (res.statusCode >= 400) assert.equal(after, before, `a ${res.statusCode} answer stored something`)
        else assert.ok(after - before <= 1)
      }), { numRuns: RUNS })
    })

    it('refuses bodies of the wrong content type, nested JSON and huge values with a 4xx', async () => {
      const contentTypes = fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml', 'application/x-www-form-urlencoded; charset=latin1', '', 'image/png')
      const payload = fc.oneof(
        fc.json().map((j) => j),
        fc.string({ maxLength: 300 }),
        fc.constant(JSON.stringify({ author: { nested: ['deep', { deeper: MARKER }] }, comment: [1, 2] })),
        fc.constant('a='.repeat(20_000))
      )
      await fc.assert(fc.asyncProperty(contentTypes, payload, async (contentType, body) => {
        const before = await count()
        const res = await t.app.inject({ method: 'POST', url: '/comments', headers: contentType ? { 'content-type': contentType } : {}, payload: body })
        assertSafe(res, `POST /comments as ${contentType}`)
        if (res.statusCode >= 400) assert.equal(await count(), before)
      }), { numRuns: RUNS })
    })
  })
})
