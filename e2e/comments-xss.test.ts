// Every payload of DOMPurify's test suite, posted as a comment's text, as the commenter's name and as
// their website, approved, then shown in Chromium on the article page, in the article's comments feed and
// in the newsroom's comment list: nothing may run. The pages are loaded with the Content-Security-Policy
// switched off (bypassCSP), so the test checks the escaping and sanitising themselves, not the CSP behind them.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { corpus } from '../test/corpora.js'
import { loginAs } from '../test/admin-helper.js'
import { e2eDay, e2eTime, HAS_CHROMIUM, launchBrowser, serveTestApp, type ServedApp } from './browser.js'
import { form, FORM_HEADERS } from '../test/helper.js'
import { createArticle } from '../src/services/articles.service.js'
import { insertComment } from '../src/db/repositories/comments.repository.js'
import { moderateComments } from '../src/services/moderation.service.js'

const CORPUS = corpus('xss/dompurify-payloads.json', 'the comment XSS browser test')

/** Comments per article, so each article's feed (which lists the newest comments only) holds all of its payloads. */
const PER_ARTICLE = 10
/** Pages checked at once. */
const LANES = 4

// Runs before any page script: dialogs and window.open leave a mark in a global the test reads back.
const TRAP = `(() => {
  window.__xssFired = undefined
  const mark = (name) => function () { window.__xssFired = (window.__xssFired || []).concat(name) }
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    const original = window[name]
    const marked = mark(name)
    window[name] = function (...args) { marked(); return typeof original === 'function' ? original.apply(this, args) : undefined }
  }
})()`

/** In the page: every on* attribute, script-capable URL and foreign script element. */
function findRunnable(): string[] {
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background', 'codebase', 'cite', 'ping', 'lowsrc', 'dynsrc', 'longdesc'])
  const problems: string[] = []
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on')) problems.push(`<${el.tagName.toLowerCase()} ${name}>`)
      // eslint-disable-next-line no-control-regex -- browsers ignore these characters inside a scheme
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
      if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data:text\/html)/.test(value.replace(/^data:/, 'data:'))) problems.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`)
      if (name === 'srcdoc') problems.push(`<${el.tagName.toLowerCase()} srcdoc>`)
    }
    const tag = el.tagName.toLowerCase()
    if (tag === 'script') {
      const src = el.getAttribute('src') ?? ''
      const ours = src.startsWith('/assets/') || el.getAttribute('type') === 'application/ld+json'
      if (!ours) problems.push(`<script src="${src}">`)
    }
    if (['iframe', 'frame', 'object', 'embed', 'base'].includes(tag)) problems.push(`<${tag}>`)
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) problems.push('<meta http-equiv=refresh>')
  }
  return problems
}

interface Payload { title: string, payload: string }

describe('comments: the DOMPurify XSS corpus renders inert everywhere', { skip: !HAS_CHROMIUM ? 'Chromium is not installed' : CORPUS === null ? 'the XSS corpus is absent' : false }, () => {
  let browser: Browser
  let site: ServedApp
  let context: BrowserContext
  const articleUrls: string[] = []
  const articleIds: number[] = []
  const approvedOn = async (articleId: number) => (await site.deps.db.selectFrom('comments').select('id')
    .where('article_id', '=', articleId).where('status', '=', 'approved').execute()).length
  const stats = { posted: 0, refused: 0 }
  const dialogs: string[] = []

  before(async () => {
    const payloads = JSON.parse(readFileSync(CORPUS!, 'utf8')) as Payload[]
    assert.equal(payloads.length, 223)
    site = await serveTestApp({ name: 'sqlite' }, { settings: { timeZone: 'UTC' } })
    const { app, deps, clock } = site
    let ip = 0
    const nextIp = () => { ip++; return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` }
    const post = async (articleId: number, fields: Record<string, string>) => {
      const token = ((await app.inject(`/comments/timing.json?article=${articleId}`)).json() as { token: string }).token
      clock.advance(20_000)
      const res = await app.inject({
        method: 'POST', url: '/comments', remoteAddress: nextIp(), headers: { ...FORM_HEADERS, 'user-agent': 'Mozilla/5.0 XSS corpus' },
        // A fresh address each time: the corpus repeats some payloads, which would otherwise be refused as duplicates.
        payload: form({ article_id: String(articleId), email: `xss${ip}@example.org`, url: '', subject: '', ts: token, ...fields })
      })
      if (res.statusCode === 303) stats.posted++
      else if (res.statusCode === 400) stats.refused++
      else assert.fail(`unexpected ${res.statusCode} for a corpus post`)
    }

    for (let start = 0; start < payloads.length; start += PER_ARTICLE) {
      const { id: articleId, slug } = await createArticle(deps, {
        edition: 'en', headline: `XSS corpus ${start}`, lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: e2eTime(-26 * 3_600_000)
      })
      articleUrls.push(`/${e2eDay(1, 'UTC').path}/${slug}/`)
      articleIds.push(articleId)
      for (const [offset, { payload }] of payloads.slice(start, start + PER_ARTICLE).entries()) {
        const n = start + offset
        // Through the reader's form, as an attacker would send it: as the text, as the name, as the website.
        await post(articleId, { author: `Body ${n}`, comment: payload })
        await post(articleId, { author: payload, comment: `Name ${n}` })
        await post(articleId, { author: `Website ${n}`, url: payload, comment: `Website ${n}` })
        // And straight into the table, as an import or an older version might have left it, so every payload
        // reaches every place even where the form refuses it (a name over 245 characters, a website that is no URL).
        await insertComment(deps.db, {
          article_id: articleId, parent_id: null, author_name: payload.slice(0, 245), author_email: 'xss@example.org', author_url: payload.slice(0, 500),
          user_id: null, body: payload, status: 'approved', ip: '10.255.255.255', user_agent: payload.slice(0, 500), created_at: clock().toISOString()
        })
      }
    }
    const waiting = await deps.db.selectFrom('comments').select('id').where('status', '!=', 'approved').execute()
    await moderateComments(deps, { id: null, name: 'XSS test' }, waiting.map((r) => r.id), 'approve')

    browser = await launchBrowser()
    context = await browser.newContext({ bypassCSP: true })
    await context.addInitScript(TRAP)
  })
  after(async () => {
    await context?.close()
    await browser?.close()
    await site?.close()
  })

  async function inspect(page: Page, label: string): Promise<void> {
    // Give onload, autofocus and timers a moment to fire.
    await page.waitForTimeout(300)
    const fired = await page.evaluate(() => (window as unknown as { __xssFired?: string[] }).__xssFired)
    assert.equal(fired, undefined, `${label}: a payload called ${String(fired)}`)
    assert.deepEqual(await page.evaluate(findRunnable), [], `${label}: runnable markup in the DOM`)
  }

  async function newPage(): Promise<Page> {
    const page = await context.newPage()
    page.on('dialog', (dialog) => { dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`); void dialog.dismiss() })
    return page
  }

  /** Each item checked on one of a few pages at a time: most of a check is inspect()'s wait for timers. */
  async function onPages<T>(items: readonly T[], check: (item: T, page: Page) => Promise<void>): Promise<void> {
    const queue = [...items]
    await Promise.all(Array.from({ length: LANES }, async () => {
      const page = await newPage()
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await check(item, page)
      await page.close()
    }))
  }

  it('stored every payload as text, name and website, and approved them all', async () => {
    const counts = await site.deps.db.selectFrom('comments').select(['status']).execute()
    assert.ok(counts.every((c) => c.status === 'approved'))
    assert.ok(counts.length >= 223 + stats.posted && stats.posted >= 223, `${counts.length} comments, ${stats.posted} posted`)
    console.log(`# corpus: ${stats.posted} posts accepted, ${stats.refused} refused by validation (400), ${counts.length} approved comments rendered`)
  })

  it('the article pages run nothing', async () => {
    await onPages([...articleUrls.entries()], async ([i, url], page) => {
      const res = await page.goto(site.baseUrl + url)
      assert.equal(res?.status(), 200, url)
      assert.equal(await page.locator('li.comment').count(), await approvedOn(articleIds[i]!), `${url}: every approved comment is on the page`)
      await inspect(page, url)
    })
    assert.deepEqual(dialogs, [])
  })

  it('the comments feeds run nothing, opened as XML and with each item rendered as HTML by a naive reader', async () => {
    await onPages([...articleUrls.entries()], async ([i, url], page) => {
      const feedUrl = `${url}feed/`
      const res = await site.app.inject(feedUrl)
      assert.equal(res.statusCode, 200, feedUrl)
      // As an XML document (Chromium would download application/rss+xml): any element that escaped escaping is live here.
      await page.route(site.baseUrl + feedUrl, (route) => route.fulfill({ status: 200, contentType: 'text/xml; charset=utf-8', body: res.body }))
      await page.goto(site.baseUrl + feedUrl)
      await inspect(page, `${feedUrl} as XML`)
      // As a feed reader with no sanitiser of its own: <description> and <content:encoded> are HTML by the RSS
      // spec and are inserted as such; titles and creators are text.
      const items = await page.evaluate(() => Array.from(document.getElementsByTagName('item')).map((item) => ({
        description: item.getElementsByTagName('description')[0]?.textContent ?? '',
        content: item.getElementsByTagName('content:encoded')[0]?.textContent ?? ''
      })))
      assert.ok(items.some((item) => item.content !== ''), `${feedUrl}: items carry content:encoded`)
      assert.equal(items.length, Math.min(50, await approvedOn(articleIds[i]!)), `${feedUrl}: every approved comment is in the feed`)
      await page.goto(site.baseUrl + '/assets/site.css')
      await page.setContent(`<!doctype html><meta charset="utf-8"><title>reader</title><body>${items.map((i) => `<article><div>${i.description}</div><div>${i.content}</div></article>`).join('')}</body>`)
      await inspect(page, `${feedUrl} rendered`)
    })
    assert.deepEqual(dialogs, [])
  })

  it('the newsroom’s comment list runs nothing', async () => {
    const session = await loginAs(site, 'editor')
    const [name, ...rest] = session.cookie.split('=')
    await context.addCookies([{ name: name!, value: rest.join('='), url: site.baseUrl }])
    // The list's pages, followed by their "older" links as the server gives them; then each opened in Chromium.
    const urls: string[] = []
    for (let url: string | null = '/admin/comments/?status=approved'; url; ) {
      urls.push(url)
      const listed: { statusCode: number, body: string } = await site.app.inject({ url, headers: { cookie: session.cookie } })
      assert.equal(listed.statusCode, 200, url)
      url = [...listed.body.matchAll(/href="([^"]*before=[^"]*)"/g)].pop()?.[1]?.replaceAll('&amp;', '&') ?? null
      if (urls.length > 200) assert.fail('pagination does not end')
    }
    const pages = urls.length
    let rows = 0
    await onPages(urls, async (url, page) => {
      const res = await page.goto(site.baseUrl + url)
      assert.equal(res?.status(), 200, url)
      const shown = await page.locator('li.moderation-item').count()
      rows += shown
      await inspect(page, url)
    })
    const total = (await site.deps.db.selectFrom('comments').select('id').execute()).length
    console.log(`# admin list: ${pages} pages, ${rows} rows seen of ${total} comments`)
    assert.ok(rows >= total, `every comment was listed (${rows} of ${total})`)
    assert.deepEqual(dialogs, [])
  })
})
