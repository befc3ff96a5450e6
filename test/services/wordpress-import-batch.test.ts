// The import writes the posts of a batch together (createArticles, multi-row inserts), and its second pass
// reads what the first kept; a batch that fails is written again post by post (createArticle). Both ways
// must leave the same database: these import the same files both ways, on two fresh databases with the
// same clock, and compare every table the import writes, the summaries and the events.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { sql } from 'kysely'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { importWordPress, type ImportResult, type WxrSource } from '../../src/services/wordpress-import.service.js'
import { isPostgres } from '../../src/db/engine.js'
import type { LedeEvent } from '../../src/events/bus.js'
import { wxrCorpus, wxrPath } from '../wxr-corpora.js'

const corpus = wxrCorpus()
const SETTINGS = { editions: ['en'], defaultEdition: 'en', timeZone: 'Asia/Yerevan' }
const CLOCK = '2026-11-26T10:00:00.000Z'

const fromFile = (file: string): WxrSource => () => createReadStream(wxrPath(file), { highWaterMark: 4096 })
const fromText = (xml: string): WxrSource => () => Readable.from([Buffer.from(xml, 'utf8')])

/** Each table an import writes, in a fixed order (ids included: they must match too). */
const TABLES: Record<string, string> = {
  users: 'id', sections: 'id', tags: 'id', article_tags: 'article_id, tag_id', articles: 'id', article_revisions: 'id',
  comments: 'id', audit_log: 'id', redirects: 'id', import_items: 'id', media: 'id', slug_history: 'article_id, day, slug'
}

async function dump(t: TestApp): Promise<Record<string, unknown[]>> {
  const db = t.deps.db
  const out: Record<string, unknown[]> = {}
  for (const [table, order] of Object.entries(TABLES)) out[table] = (await sql`select * from ${sql.table(table)} order by ${sql.raw(order)}`.execute(db)).rows
  out.search = isPostgres(db)
    ? (await sql`select article_id, edition, section_id, published_at, document::text as document from search_documents order by article_id`.execute(db)).rows
    : (await sql`select rowid, facets, headline, lead, keywords, body from search_fts order by rowid`.execute(db)).rows
  return out
}

/**
 * Imports `sources` in turn on a fresh database, one by one or the fast way (its posts prepared on the
 * worker thread from `workerFromItems` items on); the summaries, events and tables.
 */
async function importAll(tc: Parameters<typeof build>[0], dialect: Parameters<typeof build>[1], sources: WxrSource[], oneByOne: boolean, workerFromItems?: number) {
  const t = await build(tc, dialect, { settings: SETTINGS, clock: CLOCK })
  const events: LedeEvent[] = []
  t.deps.events.on((event) => { events.push(event) })
  const results: ImportResult[] = []
  for (const source of sources) {
    results.push(await importWordPress(t.deps, { source, fileName: 'export.xml', edition: 'en', dryRun: false, mediaDir: null, actor: { id: null, name: 'test import' }, oneByOne, workerFromItems }))
    t.clock.advance(3_600_000)
  }
  return { results: results.map((r) => (r.kind === 'done' ? r.summary : r.message)), events, tables: await dump(t) }
}

async function assertSameBothWays(tc: Parameters<typeof build>[0], dialect: Parameters<typeof build>[1], sources: WxrSource[], workerFromItems?: number) {
  const one = await importAll(tc, dialect, sources, true)
  const together = await importAll(tc, dialect, sources, false, workerFromItems)
  assert.ok((one.tables.articles?.length ?? 0) > 0, 'something was imported')
  for (const table of Object.keys(one.tables)) assert.deepEqual(together.tables[table], one.tables[table], table)
  assert.deepEqual(together.results, one.results)
  assert.deepEqual(together.events, one.events)
}

const post = (id: number, over: { name?: string, date?: string, gmt?: string, status?: string, creator?: string, terms?: string, comments?: string, content?: string } = {}) => `<item>
<title>Post ${id}</title><link>https://old.example/news/${over.name ?? `post-${id}`}/</link><dc:creator>${over.creator ?? 'anna'}</dc:creator>
<content:encoded><![CDATA[${over.content ?? `Body of ${id}, *with* <a href="https://example.com/">a link</a>.`}]]></content:encoded><excerpt:encoded><![CDATA[Lead of ${id}.]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>${over.date ?? '2024-03-01 14:00:00'}</wp:post_date><wp:post_date_gmt>${over.gmt ?? '2024-03-01 10:00:00'}</wp:post_date_gmt>
<wp:comment_status>open</wp:comment_status><wp:post_name>${over.name ?? `post-${id}`}</wp:post_name><wp:status>${over.status ?? 'publish'}</wp:status>
<wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
${over.terms ?? '<category domain="category" nicename="europe"><![CDATA[Europe]]></category><category domain="post_tag" nicename="elections"><![CDATA[Elections]]></category>'}
${over.comments ?? ''}</item>`

const comment = (id: number, parent: number, approved = '1', type = '') => `<wp:comment><wp:comment_id>${id}</wp:comment_id>
<wp:comment_author><![CDATA[Reader ${id}]]></wp:comment_author><wp:comment_author_email>R${id}@Example.com</wp:comment_author_email>
<wp:comment_author_IP>192.0.2.${id % 250}</wp:comment_author_IP><wp:comment_date>2024-03-02 10:00:00</wp:comment_date><wp:comment_date_gmt>2024-03-02 06:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Comment ${id}.]]></wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved>
<wp:comment_type>${type}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`

const wxr = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Synthetic</title><link>https://old.example/news</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example/</wp:base_site_url><wp:base_blog_url>https://old.example/news</wp:base_blog_url>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login>anna</wp:author_login><wp:author_email>anna@old.example</wp:author_email><wp:author_display_name>Anna</wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>World</wp:cat_name></wp:category>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>europe</wp:category_nicename><wp:category_parent>world</wp:category_parent><wp:cat_name>Europe</wp:cat_name></wp:category>
${items}</channel></rss>`

/** 130 posts (two batches on SQLite, one on PostgreSQL) with what a batch must get right: threads, slugs taken within a day, new authors midway, repeats. */
function awkwardExport(edited: boolean): string {
  const items: string[] = []
  for (let id = 1; id <= 130; id++) {
    const day = String(1 + (id % 2)).padStart(2, '0')
    const over: Parameters<typeof post>[1] = {
      // Slugs repeat within a day and a batch: made unique as the one-by-one path does (-2, -3 …).
      name: `story-${id % 3}`, date: `2024-03-${day} 23:30:00`, gmt: `2024-03-${day} 19:30:00`,
      // Replies before their parent, a reply to a comment not in the file, a pingback, spam.
      comments: id % 3 === 0 ? comment(id * 10 + 2, id * 10 + 1) + comment(id * 10 + 1, 0) + comment(id * 10 + 3, 99_999, '0') + comment(id * 10 + 4, 0, '1', 'pingback') + comment(id * 10 + 5, id * 10 + 2, 'spam') : ''
    }
    if (id % 11 === 0) over.creator = `newcomer-${id}` // an author named only in a post (WXR 1.0), mid-batch
    if (id % 13 === 0) over.terms = `<category domain="category" nicename="sport"><![CDATA[Sport]]></category><category domain="category" nicename="europe"><![CDATA[Europe]]></category><category domain="post_tag" nicename="x"><![CDATA[Ünïcode tag]]></category><category domain="post_tag" nicename="y"><![CDATA[ünïcode TAG]]></category><category domain="post_tag" nicename="z"><![CDATA[Another]]></category>`
    if (id % 17 === 0) over.status = 'draft'
    if (id % 19 === 0) { over.status = 'draft'; over.gmt = '0000-00-00 00:00:00' }
    if (id % 23 === 0) over.status = 'future'
    if (id === 40) over.status = 'auto-draft'
    if (edited && id % 5 === 0) over.content = `Edited body of ${id}.`
    if (edited && id % 3 === 0) over.comments = (over.comments ?? '') + comment(id * 10 + 6, id * 10 + 1)
    items.push(post(id, over))
    if (id === 60) items.push(post(45, { name: 'again' })) // a post id the batch already holds
    if (id === 70) items.push(post(131, { comments: comment(692, 0) })) // a comment id another post of the batch has
    if (id === 80) items.push('<item><title>A page</title><wp:post_id>900</wp:post_id><wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>')
  }
  if (edited) for (let id = 200; id < 260; id++) items.push(post(id, { comments: comment(id * 10 + 1, 0) + comment(id * 10 + 2, id * 10 + 1) }))
  return wxr(items.join('\n'))
}

forEachDialect((dialect) => {
  describe('writing a batch of posts together leaves what writing them one by one leaves', () => {
    it('an awkward export, then a newer one (changed posts, new comments, new posts), then the same again', async (tc) => {
      // The posts prepared on the worker thread, though the files are small: its results are the same too.
      await assertSameBothWays(tc, dialect, [fromText(awkwardExport(false)), fromText(awkwardExport(true)), fromText(awkwardExport(true))], 0)
    })

    it('WordPress\'s own test exports, each imported twice', { skip: corpus.skip }, async (tc) => {
      const files = ['themeunittestdata.wordpress.xml', 'importer-small-export.xml', 'importer-valid-wxr-1.0.xml', 'importer-wxr-utf-8-challenges.xml', 'importer-test-serialized-comment-meta.xml']
      await assertSameBothWays(tc, dialect, files.flatMap((file) => [fromFile(file), fromFile(file)]))
    })

    it('a dry run reports what a real run does', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS, clock: CLOCK })
      const run = (dryRun: boolean) => importWordPress(t.deps, { source: fromText(awkwardExport(false)), fileName: 'export.xml', edition: 'en', dryRun, mediaDir: null, actor: { id: null, name: 'test import' } })
      const dry = await run(true)
      assert.equal((await t.deps.db.selectFrom('articles').select('id').execute()).length, 0)
      const real = await run(false)
      assert.ok(dry.kind === 'done' && real.kind === 'done')
      assert.deepEqual(dry.summary, real.summary)
    })
  })
})
