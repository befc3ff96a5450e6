// The main newsroom screens in Chromium, on the demo site with pending comments and a picture in the
// library: dashboard, articles list, the article editor (new and existing), comment moderation (list
// and one comment), the media library (list and one item), sections & tags (list and one term),
// settings, the audit log, the wire desk (the inbox, an item the agency changed after it was used,
// and the story made from it), and the WordPress import (the history and one run with its summary).
// Screenshots at phone and desktop widths, axe-core (no serious or critical violation; colour contrast
// included) and the Nu Html Checker (no errors).
import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { assertScreensPassed, checkScreens, HAS_CHROMIUM, runVnu, useBrowserAndSite } from './browser.js'
import { MODEL_ARTICLE_PATH } from './pages.js'
import { loginAs, type AdminSession } from '../test/admin-helper.js'
import { testImage, upload } from '../test/web/admin/newsroom-support.js'
import { screensWiderThanViewport } from './page-width.js'
import { insertWireRun, insertWireSource, wireItemByAgencyId } from '../src/db/repositories/wire.repository.js'
import { ingestItems } from '../src/services/wire-ingest.service.js'
import { takeWireItem } from '../src/services/wire.service.js'
import type { WireItem } from '../src/domain/wire/wire-item.js'
import { importWordPress, type ImportResult } from '../src/services/wordpress-import.service.js'

/**
 * A small WordPress export: a category with a description, a tag, an author, posts (`bodies` by post id;
 * the first in two categories, with a comment), a page and a menu item (both skipped, with reasons) and
 * an attachment (kept without its file).
 */
function wxr(bodies: Record<number, string>): string {
  const post = (id: number, body: string) => `<item><title>Post ${id}: the council votes on the budget</title><link>https://old.example/news/post-${id}.html</link><dc:creator>anna</dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[Lead of ${id}.]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>2024-03-01 14:00:00</wp:post_date><wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt>
<wp:comment_status>open</wp:comment_status><wp:post_name>post-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>${id === 102 ? 1 : 0}</wp:is_sticky>
<category domain="category" nicename="europe"><![CDATA[Europe]]></category><category domain="category" nicename="world"><![CDATA[World]]></category>
<category domain="post_tag" nicename="elections"><![CDATA[Elections]]></category>
${id === 101 ? `<wp:comment><wp:comment_id>11</wp:comment_id><wp:comment_author><![CDATA[Reader]]></wp:comment_author><wp:comment_author_email>reader@example.org</wp:comment_author_email>
<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>192.0.2.11</wp:comment_author_IP><wp:comment_date>2024-03-02 10:00:00</wp:comment_date><wp:comment_date_gmt>2024-03-02 06:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Which districts does it cover?]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>` : ''}</item>`
  const other = (id: number, type: string, title: string) => `<item><title>${title}</title><link>https://old.example/news/?p=${id}</link><dc:creator>anna</dc:creator>
<content:encoded><![CDATA[Text.]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>2024-03-01 14:00:00</wp:post_date><wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt>
<wp:post_name>item-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>${type}</wp:post_type>${type === 'attachment' ? `<wp:attachment_url>https://old.example/wp-content/uploads/2024/03/council.jpg</wp:attachment_url>` : ''}</item>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old News</title><link>https://old.example/news</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example/</wp:base_site_url><wp:base_blog_url>https://old.example/news</wp:base_blog_url>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login>anna</wp:author_login><wp:author_email>anna@old.example</wp:author_email><wp:author_display_name><![CDATA[Anna Hakobyan]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>World</wp:cat_name><wp:category_description><![CDATA[News from abroad.]]></wp:category_description></wp:category>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>europe</wp:category_nicename><wp:category_parent>world</wp:category_parent><wp:cat_name>Europe</wp:cat_name></wp:category>
<wp:tag><wp:term_id>5</wp:term_id><wp:tag_slug>elections</wp:tag_slug><wp:tag_name>Elections</wp:tag_name></wp:tag>
${other(30, 'attachment', 'Council chamber')}${Object.entries(bodies).map(([id, body]) => post(Number(id), body)).join('\n')}
${other(20, 'page', 'About us')}${other(21, 'nav_menu_item', 'Home')}</channel></rss>`
}

describe('main admin screens in Chromium', { skip: !HAS_CHROMIUM && 'Chromium is not installed' }, () => {
  const chromium = useBrowserAndSite({ name: 'sqlite' }, { demo: true, settings: { timeZone: 'Asia/Yerevan' } })
  let admin: AdminSession
  const screens: { name: string, path: string }[] = []

  before(async () => {
    const { site } = chromium
    admin = await loginAs(site, 'administrator', { displayName: 'Ani Administrator' })

    // Readers' comments waiting for moderation, from different addresses (flood control is per address).
    const page = await site.app.inject(MODEL_ARTICLE_PATH)
    const articleId = /name="article_id" value="(\d+)"/.exec(page.body)![1]!
    const comments = [
      ['Gor Reader', 'gor@example.org', 'https://gor.example.org/', 'The State Department has said this before.'],
      ['Mane Reader', 'mane@example.org', '', 'Is there a transcript of the briefing?\n\nI could not find one.'],
      ['Spam Bot', 'bot@example.org', 'https://cheap.example.com/', 'Great article! Visit my site.']
    ]
    for (const [i, [author, email, url, comment]] of comments.entries()) {
      const res = await site.app.inject({
        method: 'POST', url: '/comments', remoteAddress: `10.20.0.${i + 1}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ article_id: articleId, author: author!, email: email!, url: url!, comment: comment! }).toString()
      })
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    }
    const pending = await site.deps.db.selectFrom('comments').select('id').where('status', '=', 'pending').orderBy('id').executeTakeFirstOrThrow()

    // A picture in the library.
    const uploaded = await upload(site, admin, { name: 'square.jpg', type: 'image/jpeg', bytes: await testImage('jpeg', 1400, 900) }, { alt: 'Republic Square at dusk', caption: 'The square after the rain.', credit: 'Photo: Lede' })
    assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 300))
    const mediaId = /\/admin\/media\/(\d+)\//.exec(uploaded.headers.location as string)![1]!

    // A section and a tag to open from the taxonomy screen.
    const taxonomy = (await site.app.inject({ url: '/admin/taxonomy/', headers: { cookie: admin.cookie } })).body
    const sectionPath = /href="(\/admin\/taxonomy\/section\/\d+\/)"/.exec(taxonomy)?.[1]
    const tagPath = /href="(\/admin\/taxonomy\/tag\/\d+\/)"/.exec(taxonomy)?.[1]
    assert.ok(sectionPath && tagPath, 'the taxonomy screen links to a section and a tag')

    // A wire item made into a story, then updated by the agency: the inbox, the item with what changed,
    // and the story's editor with the way back to the item.
    const sourceId = await insertWireSource(site.deps.db, {
      name: 'Agency', kind: 'feed', url: 'https://agency.example/rss', folder: null, agencyCredit: 'TASS', edition: 'en', sectionId: null,
      intervalSeconds: 300, authUser: null, authPassword: null
    }, site.deps.clock().toISOString())
    const item = (version: number, body: string): WireItem => ({
      format: 'ninjs', agencyId: 'urn:agency:1', version, headline: 'Talks resume at the border', slugline: null, lead: 'Delegations met.',
      bodyHtml: body, byline: null, agency: 'TASS', credit: null, language: 'en', urgency: 2, subjects: [], dateline: 'Yerevan',
      firstCreated: null, versionCreated: null, embargoUntil: null, url: 'https://agency.example/1', links: []
    })
    await ingestItems(site.deps, sourceId, [item(1, '<p>Ten delegates met.</p>')])
    const wireItemId = (await wireItemByAgencyId(site.deps.db, sourceId, 'urn:agency:1'))!.id
    const taken = await takeWireItem(site.deps, wireItemId, { id: admin.user.id, displayName: admin.user.displayName, role: 'administrator' })
    assert.equal(taken.kind, 'taken')
    await ingestItems(site.deps, sourceId, [item(2, '<p>Twelve delegates met.</p>')])
    const now = site.deps.clock().toISOString()
    await insertWireRun(site.deps.db, {
      sourceId, startedAt: now, finishedAt: now, status: 'failed', httpStatus: 503, itemsNew: 0, itemsUpdated: 0, itemsSeen: 0, itemsRefused: 0,
      error: 'GET https://agency.example/rss answered 503 Service Unavailable after 30 s; trying again at the next interval'
    })

    // The WordPress import: a first run, then the export again with one post edited and one added, sticky
    // and in two categories (created, updated, unchanged and skipped entries, skip reasons and a note), and
    // a file that is not an export.
    const runImport = async (fileName: string, xml: string): Promise<ImportResult> => importWordPress(site.deps, {
      source: () => Readable.from([Buffer.from(xml, 'utf8')]), fileName, edition: 'en', dryRun: false, mediaDir: null,
      actor: { id: admin.user.id, name: admin.user.displayName }
    })
    const first = await runImport('oldnews.WordPress.2024-03-01.xml', wxr({ 101: 'The council met.\n\nIt voted.' }))
    assert.equal(first.kind, 'done', first.kind === 'refused' ? first.message : '')
    const second = await runImport('oldnews.WordPress.2024-03-08.xml', wxr({ 101: 'The council met again.\n\nIt voted twice.', 102: 'A second story.' }))
    assert.equal(second.kind, 'done', second.kind === 'refused' ? second.message : '')
    const { summary } = second as Extract<ImportResult, { kind: 'done' }>
    assert.ok(summary.counts.created.posts > 0 && summary.counts.updated.posts > 0 && summary.skipped.length > 0 && Object.keys(summary.notes).length > 0,
      JSON.stringify(summary))
    const refused = await runImport('not-an-export.xml', '<html><body>Not a WordPress export</body></html>')
    assert.equal(refused.kind, 'refused')

    screens.push(
      { name: 'admin-import', path: '/admin/import/' },
      { name: 'admin-import-run', path: `/admin/import/runs/${second.runId}/` },
      { name: 'admin-wire-inbox', path: '/admin/wire/' },
      { name: 'admin-wire-item-changed', path: `/admin/wire/items/${wireItemId}/` },
      { name: 'admin-wire-sources', path: '/admin/wire/sources/' },
      { name: 'admin-wire-source', path: `/admin/wire/sources/${sourceId}/` },
      { name: 'admin-article-from-wire', path: `/admin/articles/${taken.kind === 'taken' ? taken.articleId : 0}/` },
      { name: 'admin-main-dashboard', path: '/admin/' },
      { name: 'admin-articles', path: '/admin/articles/' },
      { name: 'admin-article-new', path: '/admin/articles/new/' },
      { name: 'admin-article-edit', path: '/admin/articles/1/' },
      { name: 'admin-article-revisions', path: '/admin/articles/1/revisions/' },
      { name: 'admin-comments', path: '/admin/comments/' },
      { name: 'admin-comments-approved', path: '/admin/comments/?status=approved' },
      { name: 'admin-comment', path: `/admin/comments/${pending.id}/` },
      { name: 'admin-media', path: '/admin/media/' },
      { name: 'admin-media-item', path: `/admin/media/${mediaId}/` },
      { name: 'admin-taxonomy', path: '/admin/taxonomy/' },
      { name: 'admin-section', path: sectionPath },
      { name: 'admin-tag', path: tagPath },
      { name: 'admin-main-settings', path: '/admin/settings/' },
      { name: 'admin-main-audit', path: '/admin/audit/' }
    )
  })

  it('every main screen: screenshots at both widths, and no serious axe violation (contrast included)', async () => {
    const [name, ...value] = admin.cookie.split('=')
    const cookies = [{ name: name!, value: value.join('='), url: chromium.site.baseUrl }]
    // Every rule runs: color-contrast is named so that nobody can quietly turn it off.
    const axeRules = { 'color-contrast': { enabled: true } }
    assertScreensPassed(await checkScreens(chromium.browser, screens.map((screen) => ({
      url: chromium.site.baseUrl + screen.path, check: { name: screen.name, status: (s: number) => s === 200, cookies, axeRules }
    }))))
    console.log(`# axe: ${screens.length} main admin screens checked`)
  })

  it('every main screen fits the window: no page wider than a phone, a tablet or a desktop (tables included)', async () => {
    const [name, ...value] = admin.cookie.split('=')
    const storageState = { cookies: [{ name: name!, value: value.join('='), domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const }], origins: [] }
    const wide = await screensWiderThanViewport(chromium.browser, screens.map((screen) => ({ name: screen.name, url: chromium.site.baseUrl + screen.path })), { storageState })
    assert.deepEqual(wide, [])
  })

  it('every main screen is valid HTML according to the Nu Html Checker', async () => {
    const pages: { name: string, html: string }[] = []
    for (const screen of screens) {
      const res = await fetch(chromium.site.baseUrl + screen.path, { headers: { cookie: admin.cookie } })
      assert.equal(res.status, 200, screen.path)
      pages.push({ name: screen.name, html: await res.text() })
    }
    assert.deepEqual(await runVnu(pages, 'main admin screens'), [])
  })
})
