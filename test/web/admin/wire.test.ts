// The wire desk's screens on both engines: who may see what, the source form, the inbox with its filters
// and pages, and the journey from an agency item to a draft carrying the agency's credit and link.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs } from '../../admin-helper.js'
import { ingestItems } from '../../../src/services/wire-ingest.service.js'
import { insertWireSource, pruneWireItems, wireItemByAgencyId, wireInbox } from '../../../src/db/repositories/wire.repository.js'
import type { WireItem } from '../../../src/domain/wire/wire-item.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { loadSettings } from '../../../src/db/repositories/settings.repository.js'
import { articlePath } from '../../../src/domain/urls.js'
import { currentFields } from './newsroom-support.js'

function wireItem(n: number, extra: Partial<WireItem> = {}): WireItem {
  return {
    format: 'ninjs', agencyId: `urn:tass:${n}`, version: 1, headline: `Story number ${n}`, slugline: null, lead: `Lead ${n}.`,
    bodyHtml: `<p>Body of story ${n}.</p>`, byline: null, agency: 'TASS', credit: null, language: 'ru', urgency: 3,
    subjects: [{ code: 'medtop:11000000', name: 'Politics' }], dateline: 'Moscow', firstCreated: '2026-11-26T09:00:00.000Z',
    versionCreated: '2026-11-26T09:00:00.000Z', embargoUntil: null, url: `https://tass.example/${n}`, links: [], ...extra
  }
}

async function sourceWithItems(t: TestApp, items: WireItem[]): Promise<number> {
  const id = await insertWireSource(t.deps.db, {
    name: 'TASS', kind: 'feed', url: 'https://tass.example/rss', folder: null, agencyCredit: 'TASS', edition: 'hy',
    sectionId: null, intervalSeconds: 300, authUser: 'desk', authPassword: 'never-shown-secret'
  }, t.deps.clock().toISOString())
  await ingestItems(t.deps, id, items)
  return id
}

forEachDialect((dialect) => {
  it('publishing an item as wire copy: refused under embargo and for contributors; the story carries "/TASS/." and the source link', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const sourceId = await sourceWithItems(app, [wireItem(1, { embargoUntil: '2026-12-01T12:00:00.000Z' }), wireItem(2)])
    const embargoed = (await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:1'))!
    const free = (await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:2'))!
    const author = await loginAs(app, 'author')
    const preview = await adminGet(app, author, `/admin/wire/items/${embargoed.id}/`)
    assert.doesNotMatch(preview.body, /Publish as wire copy/)
    const refused = await adminPost(app, author, `/admin/wire/items/${embargoed.id}/publish/`)
    assert.equal(refused.statusCode, 409)
    assert.match(refused.body, /Embargoed until/)
    assert.equal((await adminGet(app, author, `/admin/wire/items/${free.id}/`)).body.includes('Publish as wire copy'), true)
    const published = await adminPost(app, author, `/admin/wire/items/${free.id}/publish/`)
    assert.equal(published.statusCode, 303)
    const article = (await articleById(app.deps.db, Number(/\/admin\/articles\/(\d+)\//.exec(published.headers.location as string)![1])))!
    assert.equal(article.status, 'published')
    const settings = await loadSettings(app.deps.db)
    const path = articlePath(article.edition === settings.defaultEdition ? '' : `/${article.edition}`, article.published_at!, article.slug, settings.timeZone)
    const page = await app.app.inject({ method: 'GET', url: path })
    assert.equal(page.statusCode, 200, path)
    assert.match(page.body, /<span class="agency-credit">\/TASS\/\.<\/span> Body of story 2\./)
    assert.match(page.body, /href="https:\/\/tass.example\/2"/)
    assert.equal((await adminPost(app, author, `/admin/wire/items/${free.id}/bogus/`)).statusCode, 404)
  })

  it('editors and administrators manage sources; authors read the inbox; contributors see nothing', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const sourceId = await sourceWithItems(app, [wireItem(1)])
    const item = (await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:1'))!
    for (const role of ['administrator', 'editor', 'author', 'contributor'] as const) {
      const session = await loginAs(app, role)
      const inbox = await adminGet(app, session, '/admin/wire/')
      const preview = await adminGet(app, session, `/admin/wire/items/${item.id}/`)
      const sources = await adminGet(app, session, '/admin/wire/sources/')
      const source = await adminGet(app, session, `/admin/wire/sources/${sourceId}/`)
      const reads = role !== 'contributor'
      const manages = role === 'administrator' || role === 'editor'
      assert.equal(inbox.statusCode, reads ? 200 : 403, role)
      assert.equal(preview.statusCode, reads ? 200 : 403, role)
      assert.equal(sources.statusCode, manages ? 200 : 403, role)
      assert.equal(source.statusCode, manages ? 200 : 403, role)
      const dashboard = await adminGet(app, session, '/admin/')
      assert.equal(dashboard.body.includes('href="/admin/wire/"'), reads, `${role} nav`)
      if (manages) assert.doesNotMatch(source.body, /never-shown-secret/)
      const take = await adminPost(app, session, `/admin/wire/items/${item.id}/take/`)
      if (!reads) assert.equal(take.statusCode, 403, role)
    }
  })

  it('adds a source through the form, shows field errors with what was typed, edits and removes it', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const editor = await loginAs(app, 'editor')
    const bad = await adminPost(app, editor, '/admin/wire/sources/new/', { name: 'Agency', kind: 'feed', url: 'ftp://nope', edition: 'hy', intervalSeconds: '5' })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /value="ftp:\/\/nope"/)
    assert.match(bad.body, /http:\/\/ or https:\/\//)
    assert.match(bad.body, /from 30 to 86400/)
    const good = await adminPost(app, editor, '/admin/wire/sources/new/', { name: 'Agency', kind: 'feed', url: 'https://agency.example/feed', edition: 'hy', intervalSeconds: '120', agencyCredit: 'ARKA', authUser: 'desk', authPassword: 'p4ss-word-x' })
    assert.equal(good.statusCode, 303)
    const page = await adminGet(app, editor, good.headers.location as string)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /value="https:\/\/agency.example\/feed"/)
    assert.doesNotMatch(page.body, /p4ss-word-x/)
    assert.match(page.body, /Not polled yet/)
    const id = /\/admin\/wire\/sources\/(\d+)\//.exec(good.headers.location as string)![1]!
    const paused = await adminPost(app, editor, `/admin/wire/sources/${id}/`, { name: 'Agency', kind: 'feed', url: 'https://agency.example/feed', edition: 'hy', intervalSeconds: '120', status: 'paused' })
    assert.equal(paused.statusCode, 303)
    const list = await adminGet(app, editor, '/admin/wire/sources/')
    assert.match(list.body, /Paused/)
    assert.equal((await adminPost(app, editor, `/admin/wire/sources/${id}/delete/`)).statusCode, 303)
    assert.equal((await adminGet(app, editor, `/admin/wire/sources/${id}/`)).statusCode, 404)
    assert.equal((await adminGet(app, editor, '/admin/wire/sources/99999999999999/')).statusCode, 404)
  })

  it('the inbox filters by source, urgency, subject, language and text, and pages 50 at a time', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const items = Array.from({ length: 60 }, (_, i) => wireItem(i + 1, i === 7 ? { urgency: 1, headline: 'Землетрясение в Армении', subjects: [{ code: 'medtop:03000000', name: 'Disaster' }], language: 'hy' } : {}))
    await sourceWithItems(app, items)
    const author = await loginAs(app, 'author')
    const first = await adminGet(app, author, '/admin/wire/')
    assert.equal((first.body.match(/class="wire-open"/g) ?? []).length, 50)
    assert.match(first.body, /href="\/admin\/wire\/\?page=2"/)
    const second = await adminGet(app, author, '/admin/wire/?page=2')
    assert.equal((second.body.match(/class="wire-open"/g) ?? []).length, 10)
    for (const query of ['urgency=1', 'subject=disaster', 'language=hy', 'q=%D0%B7%D0%B5%D0%BC%D0%BB%D0%B5%D1%82%D1%80%D1%8F%D1%81%D0%B5%D0%BD%D0%B8%D0%B5']) {
      const page = await adminGet(app, author, `/admin/wire/?${query}`)
      assert.equal((page.body.match(/class="wire-open"/g) ?? []).length, 1, query)
      assert.match(page.body, /Землетрясение в Армении/, query)
    }
    const junk = await adminGet(app, author, '/admin/wire/?page=abc&urgency=99&since=yesterday&source=-1')
    assert.equal(junk.statusCode, 200)
  })

  it('the inbox search reads words as the site search does: any case, ё and е, Armenian և, accents, prefixes, phrases', async (t) => {
    const app = await build(t, dialect, { demo: true })
    await sourceWithItems(app, [
      wireItem(1, { headline: 'Землетрясение в Армении' }),
      wireItem(2, { headline: 'Ёлка на площади' }),
      wireItem(3, { headline: 'Երևանում ձյուն է' }),
      wireItem(4, { bodyHtml: '<p>A recipe for crème brûlée.</p>' }),
      wireItem(5, { lead: 'Stray cats of Gyumri.' }),
      wireItem(6, { byline: 'Ivan Petrov', dateline: 'Vanadzor' })
    ])
    const author = await loginAs(app, 'author')
    const found = async (q: string) => {
      const page = await adminGet(app, author, `/admin/wire/?q=${encodeURIComponent(q)}`)
      assert.equal(page.statusCode, 200, q)
      return [...page.body.matchAll(/data-item="\d+" data-updated="[^"]*"><td data-label="[^"]*">.*?class="wire-open">([^<]*)</g)].map((m) => m[1]).sort()
    }
    assert.deepEqual(await found('ЗЕМЛЕТРЯСЕНИЕ'), ['Землетрясение в Армении'])
    assert.deepEqual(await found('елка'), ['Ёлка на площади'])
    assert.deepEqual(await found('Երեւանում'), ['Երևանում ձյուն է'])
    assert.deepEqual(await found('creme brulee'), ['Story number 4'])
    assert.deepEqual(await found('землетряс'), ['Землетрясение в Армении'], 'the last word typed matches as a prefix')
    assert.deepEqual(await found('ats'), [], 'a piece inside a word is not a word')
    assert.deepEqual(await found('"в Армении"'), ['Землетрясение в Армении'])
    assert.deepEqual(await found('"Армении в"'), [], 'a phrase keeps its order')
    assert.deepEqual(await found('petrov vanadzor'), ['Story number 6'], 'every word must match, in byline and dateline too')
    const signs = await adminGet(app, author, '/admin/wire/?q=%22%2A%22')
    assert.equal(signs.statusCode, 400)
    assert.match(signs.body, /Type a word to search for/)
    assert.match(signs.body, /aria-invalid="true"/)
  })

  it('a used item links to its story and back; the agency\'s later versions are shown word by word until the story\'s editor marks them reviewed', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const sourceId = await sourceWithItems(app, [wireItem(1, { bodyHtml: '<p>Ten people were hurt.</p>' })])
    const item = (await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:1'))!
    const author = await loginAs(app, 'author')
    const take = await adminPost(app, author, `/admin/wire/items/${item.id}/take/`)
    const articleId = Number(/\/admin\/articles\/(\d+)\//.exec(take.headers.location as string)![1])
    const story = await adminGet(app, author, `/admin/articles/${articleId}/`)
    assert.match(story.body, new RegExp(`Made from the wire item <a href="/admin/wire/items/${item.id}/">Story number 1</a> \\(TASS\\)`))
    assert.doesNotMatch(story.body, /See what changed/)
    const itemPage = await adminGet(app, author, `/admin/wire/items/${item.id}/`)
    assert.match(itemPage.body, new RegExp(`Made into the story <a href="/admin/articles/${articleId}/">Story number 1</a>`))
    assert.doesNotMatch(itemPage.body, /Changed since the story was made/)

    // Version 2 changes the body: the story's editor is told, and sees what changed.
    app.clock.advance(60_000)
    await ingestItems(app.deps, sourceId, [wireItem(1, { version: 2, bodyHtml: '<p>Twelve people were hurt.</p>' })])
    const warned = await adminGet(app, author, `/admin/articles/${articleId}/`)
    assert.match(warned.body, /The agency has sent a newer version of it since\. <a href="\/admin\/wire\/items\/\d+\/#changes">See what changed<\/a>/)
    const changes = await adminGet(app, author, `/admin/wire/items/${item.id}/`)
    assert.match(changes.body, /Changed since the story was made/)
    assert.match(changes.body, /version v2 after the story was made from v1/)
    assert.match(changes.body, /<del>Ten<\/del><ins>Twelve<\/ins> people were hurt\./)
    const seen = /name="seen" value="([^"]+)"/.exec(changes.body)![1]!

    // Only whoever may edit the story marks the changes reviewed.
    const other = await loginAs(app, 'author', { email: 'other-author@example.test' })
    assert.doesNotMatch((await adminGet(app, other, `/admin/wire/items/${item.id}/`)).body, /Mark as reviewed/)
    assert.equal((await adminPost(app, other, `/admin/wire/items/${item.id}/reviewed/`, { seen })).statusCode, 403)
    assert.equal((await adminPost(app, author, `/admin/wire/items/${item.id}/reviewed/`, {})).statusCode, 400)
    assert.equal((await adminPost(app, author, `/admin/wire/items/${item.id}/reviewed/`, { seen: 'not-a-version' })).statusCode, 404)
    const reviewed = await adminPost(app, author, `/admin/wire/items/${item.id}/reviewed/`, { seen })
    assert.equal(reviewed.statusCode, 303)
    assert.match((await adminGet(app, author, reviewed.headers.location as string)).body, /marked as reviewed/)
    assert.equal((await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:1'))!.used_story_stale, 0)
    assert.doesNotMatch((await adminGet(app, author, `/admin/articles/${articleId}/`)).body, /See what changed/)

    // Version 3 is compared with version 2, the one read; a review of a page older than the newest version keeps the flag.
    app.clock.advance(60_000)
    await ingestItems(app.deps, sourceId, [wireItem(1, { version: 3, headline: 'Story number 1, corrected', bodyHtml: '<p>Twelve people were hurt.</p>' })])
    const third = await adminGet(app, author, `/admin/wire/items/${item.id}/`)
    assert.match(third.body, /version v3 after the story was made from v2/)
    assert.match(third.body, /Story number 1<ins>, corrected<\/ins>/)
    assert.doesNotMatch(third.body, /<del>Ten/)
    assert.equal((await adminPost(app, author, `/admin/wire/items/${item.id}/reviewed/`, { seen })).statusCode, 303)
    assert.equal((await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:1'))!.used_story_stale, 1, 'v2 was read, v3 was not')

    // Contributors see no wire origin on a story.
    const contributor = await loginAs(app, 'contributor')
    await app.deps.db.updateTable('articles').set({ author_id: contributor.user.id }).where('id', '=', articleId).execute()
    const theirs = await adminGet(app, contributor, `/admin/articles/${articleId}/`)
    assert.equal(theirs.statusCode, 200)
    assert.doesNotMatch(theirs.body, /Made from the wire item/)
  })

  it('a feed item, which carries no version number, names its versions by when they were received', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const sourceId = await sourceWithItems(app, [wireItem(1, { version: null, bodyHtml: '<p>First text.</p>' })])
    const item = (await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:1'))!
    const author = await loginAs(app, 'author')
    assert.equal((await adminPost(app, author, `/admin/wire/items/${item.id}/take/`)).statusCode, 303)
    app.clock.advance(90 * 60_000)
    await ingestItems(app.deps, sourceId, [wireItem(1, { version: null, bodyHtml: '<p>Second text.</p>', versionCreated: '2026-11-26T11:00:00.000Z' })])
    const page = await adminGet(app, author, `/admin/wire/items/${item.id}/`)
    // 10:00 and 11:30 UTC are 14:00 and 15:30 in Yerevan, the demo site's zone.
    assert.match(page.body, /sent version November 26, 2026 15:30 after the story was made from November 26, 2026 14:00/)
    assert.match(page.body, /<del>First<\/del><ins>Second<\/ins> text\./)
  })

  it('an embargoed item shows its embargo; taking an item makes a draft with the credit, link and body, once', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const sourceId = await sourceWithItems(app, [wireItem(1, { embargoUntil: '2026-12-01T12:00:00.000Z', byline: 'Ivan Petrov' })])
    const item = (await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:1'))!
    const author = await loginAs(app, 'author')
    const inbox = await adminGet(app, author, '/admin/wire/')
    assert.match(inbox.body, /Embargoed until/)
    const preview = await adminGet(app, author, `/admin/wire/items/${item.id}/`)
    assert.match(preview.body, /<p>Body of story 1\.<\/p>/)
    assert.match(preview.body, /Make a draft/)

    const take = await adminPost(app, author, `/admin/wire/items/${item.id}/take/`)
    assert.equal(take.statusCode, 303)
    const articleId = Number(/\/admin\/articles\/(\d+)\//.exec(take.headers.location as string)![1])
    const article = (await articleById(app.deps.db, articleId))!
    assert.deepEqual(
      [article.status, article.headline, article.lead, article.agency_credit, article.source_url, article.byline, article.edition, article.author_id],
      ['draft', 'Story number 1', 'Lead 1.', 'TASS', 'https://tass.example/1', 'Ivan Petrov', 'hy', author.user.id]
    )
    assert.match(article.body_html, /Body of story 1\./)
    assert.equal(article.published_at, '2026-12-01T12:00:00.000Z', 'the embargo is the draft\'s publication time')
    const editor = await adminGet(app, author, take.headers.location as string)
    assert.equal(editor.statusCode, 200)
    assert.match(editor.body, /Schedule/)
    assert.match(editor.body, /Embargoed until/)

    // The story cannot go out before the embargo: not from the form with the time cleared, not from the list.
    const early = await adminPost(app, author, `/admin/articles/${articleId}/`, { ...await currentFields(app, articleId), publish_date: '', publish_time: '', intent: 'publish' })
    assert.equal(early.statusCode, 400)
    assert.match(early.body, /under embargo until the time shown above/)
    // A draft whose time was cleared would be published now by the list's button: refused.
    assert.equal((await adminPost(app, author, `/admin/articles/${articleId}/`, { ...await currentFields(app, articleId), publish_date: '', publish_time: '', intent: 'save' })).statusCode, 303)
    assert.equal((await articleById(app.deps.db, articleId))!.published_at, null)
    const fromList = await adminPost(app, author, `/admin/articles/${articleId}/publish/`, {})
    assert.doesNotMatch(String(fromList.headers.location), /notice=articlePublished/)
    assert.equal((await articleById(app.deps.db, articleId))!.status, 'draft')
    // Scheduled for the embargo's end (16:00 in Yerevan), it goes.
    const onTime = await adminPost(app, author, `/admin/articles/${articleId}/`, { ...await currentFields(app, articleId), publish_date: '2026-12-01', publish_time: '16:00', intent: 'publish' })
    assert.equal(onTime.statusCode, 303, onTime.body.slice(0, 300))
    assert.deepEqual([(await articleById(app.deps.db, articleId))!.status, (await articleById(app.deps.db, articleId))!.published_at], ['scheduled', '2026-12-01T12:00:00.000Z'])

    // The item links to the story; taking it again opens that story instead of making another.
    const again = await adminPost(app, author, `/admin/wire/items/${item.id}/take/`)
    assert.equal(again.headers.location, `/admin/articles/${articleId}/`)
    const used = (await wireInbox(app.deps.db, { page: 1, perPage: 10 })).rows[0]!
    assert.equal(used.used_article_id, articleId)
    assert.match((await adminGet(app, author, `/admin/wire/items/${item.id}/`)).body, /Open the story made from it/)

    // A newer version of a used item flags the story.
    await ingestItems(app.deps, sourceId, [wireItem(1, { version: 2, headline: 'Story number 1, updated' })])
    const updated = (await wireItemByAgencyId(app.deps.db, sourceId, 'urn:tass:1'))!
    assert.equal(updated.used_story_stale, 1)
    assert.match((await adminGet(app, author, '/admin/wire/')).body, /a newer version arrived/)

    // Pruning old items keeps the ones made into stories.
    await ingestItems(app.deps, sourceId, [wireItem(2)])
    assert.equal(await pruneWireItems(app.deps.db, '2030-01-01T00:00:00.000Z'), 1)
    assert.deepEqual((await wireInbox(app.deps.db, { page: 1, perPage: 10 })).rows.map((r) => r.agency_id), ['urn:tass:1'])
  })
})
