import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import sharp from 'sharp'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { importWordPress, type ImportResult, type WxrSource } from '../../src/services/wordpress-import.service.js'
import { moderateComment } from '../../src/services/moderation.service.js'
import type { ImportSummary } from '../../src/domain/import-summary.js'
import { wxrCorpus, wxrPath } from '../wxr-corpora.js'

const corpus = wxrCorpus()
const ACTOR = { id: null, name: 'test import' }

const fromFile = (file: string): WxrSource => () => createReadStream(wxrPath(file), { highWaterMark: 4096 })
const fromText = (xml: string): WxrSource => () => Readable.from([Buffer.from(xml, 'utf8')])

async function run(t: TestApp, source: WxrSource, options: { dryRun?: boolean, mediaDir?: string | null, fileName?: string } = {}): Promise<ImportResult> {
  return importWordPress(t.deps, {
    source, fileName: options.fileName ?? 'export.xml', edition: 'en', dryRun: options.dryRun ?? false, mediaDir: options.mediaDir ?? null, actor: ACTOR
  })
}

function done(result: ImportResult): ImportSummary {
  assert.equal(result.kind, 'done', result.kind === 'refused' ? result.message : '')
  return (result as Extract<ImportResult, { kind: 'done' }>).summary
}

const TABLES = ['users', 'sections', 'tags', 'articles', 'comments', 'media', 'redirects', 'import_items'] as const
type TableName = typeof TABLES[number]

/** Rows in the tables an import writes to: an import that "changes nothing" leaves these as they are. */
async function tableCounts(t: TestApp): Promise<Record<TableName, number>> {
  const out = {} as Record<TableName, number>
  for (const table of TABLES) {
    const row = await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()
    out[table] = Number(row.n)
  }
  return out
}

const SETTINGS = { editions: ['en'], defaultEdition: 'en', timeZone: 'UTC' }

function wxr(items: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Synthetic</title><link>https://old.example/news</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example/</wp:base_site_url><wp:base_blog_url>https://old.example/news</wp:base_blog_url>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login>anna</wp:author_login><wp:author_email>Anna@Old.Example</wp:author_email><wp:author_display_name><![CDATA[Anna Hakobyan]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>World</wp:cat_name></wp:category>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>europe</wp:category_nicename><wp:category_parent>world</wp:category_parent><wp:cat_name>Europe</wp:cat_name></wp:category>
<wp:tag><wp:term_id>5</wp:term_id><wp:tag_slug>elections</wp:tag_slug><wp:tag_name>Elections</wp:tag_name></wp:tag>
${extra}${items}</channel></rss>`
}

function post(id: number, over: { status?: string, date?: string, gmt?: string, name?: string, comments?: string, meta?: string, content?: string } = {}): string {
  return `<item><title>Post ${id}</title><link>https://old.example/news/${over.name ?? `post-${id}`}.html</link><dc:creator>anna</dc:creator>
<content:encoded><![CDATA[${over.content ?? `Body of ${id}.\n\nSecond paragraph.`}]]></content:encoded><excerpt:encoded><![CDATA[Lead of ${id}.]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>${over.date ?? '2024-03-01 14:00:00'}</wp:post_date><wp:post_date_gmt>${over.gmt ?? '2024-03-01 10:00:00'}</wp:post_date_gmt>
<wp:comment_status>open</wp:comment_status><wp:post_name>${over.name ?? `post-${id}`}</wp:post_name><wp:status>${over.status ?? 'publish'}</wp:status>
<wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="europe"><![CDATA[Europe]]></category><category domain="post_tag" nicename="elections"><![CDATA[Elections]]></category>
${over.meta ?? ''}${over.comments ?? ''}</item>`
}

function comment(id: number, parent: number, approved: string, date = '2024-03-02 10:00:00'): string {
  return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${id}]]></wp:comment_author>
<wp:comment_author_email>r${id}@example.com</wp:comment_author_email><wp:comment_author_url>https://r${id}.example/</wp:comment_author_url>
<wp:comment_author_IP>192.0.2.${id}</wp:comment_author_IP><wp:comment_date>${date}</wp:comment_date><wp:comment_date_gmt>${date}</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Comment ${id} with a link http://spam.example/ http://spam.example/ http://spam.example/]]></wp:comment_content>
<wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`
}

forEachDialect((dialect) => {
  describe('importing WordPress\'s own test exports', { skip: corpus.skip }, () => {
    it('importer-small-export.xml: authors, sections, tags, posts by status, comments; pages reported', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const before = await tableCounts(t)
      const summary = done(await run(t, fromFile('importer-small-export.xml')))
      assert.deepEqual(summary.counts.created, { users: 3, sections: 30, tags: 3, posts: 6, pages: 0, attachments: 0, comments: 1 })
      assert.deepEqual(summary.postsByStatus, { published: 5, draft: 1 })
      assert.equal(summary.counts.skipped.pages, 5)
      const after = await tableCounts(t)
      assert.equal(after.articles - before.articles, 6)
      assert.equal(after.users - before.users, 3)
      // The authors are contributors without a password, with their display names.
      const users = await t.deps.db.selectFrom('users').select(['email', 'display_name', 'role', 'password_hash']).where('role', '=', 'contributor').execute()
      assert.equal(users.length, 3)
      assert.ok(users.every((u) => u.password_hash === null))
    })

    it('importing the same file again creates nothing and changes nothing', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      done(await run(t, fromFile('importer-small-export.xml')))
      const once = await tableCounts(t)
      const again = done(await run(t, fromFile('importer-small-export.xml')))
      assert.deepEqual(await tableCounts(t), once)
      assert.deepEqual(again.counts.created, { users: 0, sections: 0, tags: 0, posts: 0, pages: 0, attachments: 0, comments: 0 })
      assert.equal(again.counts.unchanged.posts, 6)
    })

    it('themeunittestdata.wordpress.xml: counts, hierarchy, threads, and old links answering 301', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS, clock: '2026-11-26T10:00:00.000Z' })
      const summary = done(await run(t, fromFile('themeunittestdata.wordpress.xml')))
      assert.deepEqual(summary.counts.created, { users: 3, sections: 68, tags: 110, posts: 58, pages: 0, attachments: 37, comments: 24 })
      assert.deepEqual(summary.postsByStatus, { published: 56, scheduled: 1, draft: 1 })
      assert.equal(summary.counts.skipped.pages, 21)
      // Child 2 → Child 1 → Parent.
      const sections = await t.deps.db.selectFrom('sections').select(['id', 'slug', 'parent_id']).execute()
      const bySlug = new Map(sections.map((s) => [s.slug, s]))
      assert.equal(bySlug.get('child-2')!.parent_id, bySlug.get('child-1')!.id)
      assert.equal(bySlug.get('child-1')!.parent_id, bySlug.get('parent')!.id)
      // Replies keep their parents.
      const replies = await t.deps.db.selectFrom('comments').select(['parent_id', 'depth']).where('parent_id', 'is not', null).execute()
      assert.ok(replies.length >= 5 && replies.every((r) => r.depth > 0))

      const article = await t.deps.db.selectFrom('articles').select(['id', 'slug']).where('slug', '=', 'keyboard-navigation').executeTakeFirstOrThrow()
      const target = '/2018/10/21/keyboard-navigation/'
      for (const old of ['/?p=1724', '/2018/10/20/keyboard-navigation/']) {
        const res = await t.app.inject({ url: old })
        assert.equal(res.statusCode, 301, old)
        assert.equal(res.headers.location, target, old)
      }
      assert.equal((await t.app.inject({ url: target })).statusCode, 200)
      assert.ok(article.id > 0)
      const cat = await t.app.inject({ url: '/category/aciform/sub/' })
      assert.equal(cat.statusCode, 301)
      assert.equal(cat.headers.location, '/section/sub/')
      const feed = await t.app.inject({ url: '/category/aciform/sub/feed/' })
      assert.equal(feed.headers.location, '/section/sub/feed/')
      const tag = await t.app.inject({ url: '/?tag=codex' })
      assert.equal(tag.statusCode, 301)
      assert.equal(tag.headers.location, '/tag/codex/')
      assert.equal((await t.app.inject({ url: '/never/was/here/' })).statusCode, 404)
      // Feed variants of a post's, a tag's and a category's old addresses go to the new page's feed.
      for (const [old, to] of [
        ['/2018/10/20/keyboard-navigation/feed/', `${target}feed/`], ['/?p=1724&feed=rss2', `${target}feed/`],
        ['/?tag=codex&feed=rss2', '/tag/codex/feed/'], ['/?tag=codex&feed=atom', '/tag/codex/feed/atom/'],
        ['/?cat=2835016&feed=atom', '/section/aciform/feed/atom/']
      ] as const) {
        const res = await t.app.inject({ url: old })
        assert.equal(res.statusCode, 301, old)
        assert.equal(res.headers.location, to, old)
      }
      // A tag's old address and its feeds are Lede's own (the same path): served, not redirected.
      for (const same of ['/tag/codex/feed/', '/tag/codex/feed/atom/']) assert.equal((await t.app.inject({ url: same })).statusCode, 200, same)
      // Descriptions of categories and tags are kept on their sections and tags.
      const described = await t.deps.db.selectFrom('sections').select(['slug', 'description']).where('slug', 'in', ['block', 'grandchild-category', 'aciform']).orderBy('slug').execute()
      assert.deepEqual(described.map((s) => [s.slug, s.description]), [
        ['aciform', ''], ['block', 'Items in the block category have been created with the block editor.'], ['grandchild-category', 'This is a description for the Grandchild Category.']
      ])
      const tagged = await t.deps.db.selectFrom('tags').select('description').where('slug', '=', '8bit').executeTakeFirstOrThrow()
      assert.equal(tagged.description, 'Tags posts about 8BIT.')
      // Attachments imported without their files keep their metadata.
      const attachments = await t.deps.db.selectFrom('import_items').select(['wp_key', 'detail']).where('wp_kind', '=', 'attachment').execute()
      assert.equal(attachments.filter((a) => a.detail !== '').length, 37)
      const canola = JSON.parse(attachments.find((a) => a.wp_key === '611')!.detail)
      assert.equal(canola.alt, 'canola')
      assert.match(canola.url, /^https:\/\/wpthemetestdata\.files\.wordpress\.com\/.*canola/)
      // Pages have no place in Lede: their old addresses say so (410), not "not found" or the front page.
      for (const old of ['/about/', '/?page_id=2', '/?p=2', '/about/page-with-comments/']) {
        const res = await t.app.inject({ url: old })
        assert.equal(res.statusCode, 410, old)
        assert.match(res.body, /This page is no longer here/, old)
      }
    })

    it('refuses broken or foreign files, naming the line, and imports nothing', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const before = await tableCounts(t)
      for (const [file, line] of [['importer-malformed.xml', 90], ['importer-missing-version-tag.xml', 35], ['importer-invalid-version-tag.xml', 36], ['importer-malformed-simple.xml', 14]] as const) {
        const result = await run(t, fromFile(file))
        assert.equal(result.kind, 'refused', file)
        if (result.kind === 'refused') assert.match(result.message, new RegExp(`line ${line}, column \\d+`), file)
      }
      assert.deepEqual(await tableCounts(t), before)
      const runs = await t.deps.db.selectFrom('import_runs').select(['status', 'message']).execute()
      assert.ok(runs.length === 4 && runs.every((r) => r.status === 'refused' && r.message))
    })

    it('imports every other corpus file without failing', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const refused = new Set(['importer-malformed.xml', 'importer-missing-version-tag.xml', 'importer-invalid-version-tag.xml', 'importer-malformed-simple.xml', 'importer-crazy-cdata.xml'])
      for (const file of corpus.files) {
        const result = await run(t, fromFile(file), { fileName: file })
        assert.equal(result.kind, refused.has(file) ? 'refused' : 'done', file)
      }
    })

    it('keeps backslashes and multi-byte text byte for byte', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      done(await run(t, fromFile('importer-backslashes.xml')))
      const row = await t.deps.db.selectFrom('articles').select('body_html').executeTakeFirstOrThrow()
      assert.equal(row.body_html, '<p>C:\\xampp\\htdocs\\wp-content</p>')
      const t2 = await build(tc, dialect, { settings: SETTINGS })
      done(await run(t2, fromFile('importer-wxr-utf-8-challenges.xml')))
      const utf8 = await t2.deps.db.selectFrom('articles').select(['headline', 'body_html']).executeTakeFirstOrThrow()
      assert.equal(utf8.headline, '"The Road \u202eNot\u202c Taken" by Rob\u202dert \u202eFrost \u202a🌲\u202c')
      assert.ok(utf8.body_html.includes('𝓣𝓮𝓼𝓽 𝓜𝓾𝓵𝓽𝓲-𝓑𝔂𝓽𝓮: 🚀🌟💫⭐️🔥💯🎉🎊🌈🦄'))
    })
  })

  describe('importing a newsroom\'s export', () => {
    it('maps statuses and times, threads comments with their statuses, and runs no spam rules on them', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS, clock: '2026-11-26T10:00:00.000Z' })
      const xml = wxr([
        post(101, { comments: comment(1, 0, '1') + comment(3, 2, '1') + comment(2, 1, '0') + comment(4, 0, 'spam') + comment(5, 0, 'trash') }),
        post(102, { status: 'private' }),
        post(103, { status: 'trash' }),
        post(104, { status: 'future', date: '2030-01-01 12:00:00', gmt: '2030-01-01 08:00:00' }),
        post(105, { status: 'draft', gmt: '0000-00-00 00:00:00' }),
        post(106, { gmt: '0000-00-00 00:00:00', date: '2024-03-05 14:00:00' }),
        post(107, { date: '', gmt: '' })
      ].join(''))
      const summary = done(await run(t, fromText(xml)))
      assert.equal(summary.counts.created.posts, 7)
      const articles = await t.deps.db.selectFrom('articles').select(['slug', 'status', 'published_at', 'lead', 'author_id', 'section_id']).orderBy('id').execute()
      assert.deepEqual(articles.map((a) => [a.slug, a.status, a.published_at]), [
        ['post-101', 'published', '2024-03-01T10:00:00.000Z'],
        ['post-102', 'draft', '2024-03-01T10:00:00.000Z'],
        ['post-103', 'trashed', '2024-03-01T10:00:00.000Z'],
        ['post-104', 'scheduled', '2030-01-01T08:00:00.000Z'],
        ['post-105', 'draft', null],
        // Local time in the export's offset (+4h, learnt from the other posts).
        ['post-106', 'published', '2024-03-05T10:00:00.000Z'],
        // No date at all: the time of the import, as WordPress does.
        ['post-107', 'published', '2026-11-26T10:00:00.000Z']
      ])
      assert.equal(articles[0]!.lead, 'Lead of 101.')
      const anna = await t.deps.db.selectFrom('users').select(['id', 'display_name', 'role']).where('email', '=', 'anna@old.example').executeTakeFirstOrThrow()
      assert.deepEqual([anna.display_name, anna.role], ['Anna Hakobyan', 'contributor'])
      assert.equal(articles[0]!.author_id, anna.id)
      const europe = await t.deps.db.selectFrom('sections').select(['id', 'parent_id']).where('slug', '=', 'europe').executeTakeFirstOrThrow()
      assert.equal(articles[0]!.section_id, europe.id)

      const comments = await t.deps.db.selectFrom('comments').select(['id', 'parent_id', 'author_name', 'status', 'depth', 'author_email', 'created_at']).orderBy('thread_path').execute()
      assert.deepEqual(comments.map((c) => [c.author_name, c.status, c.depth]), [
        ['Reader 1', 'approved', 0], ['Reader 2', 'pending', 1], ['Reader 3', 'approved', 2], ['Reader 4', 'spam', 0], ['Reader 5', 'trash', 0]
      ])
      assert.equal(comments[0]!.created_at, '2024-03-02T10:00:00.000Z')

      // Old links: the permalink (any structure) and ?p=.
      for (const old of ['/news/post-101.html', '/?p=101']) {
        const res = await t.app.inject({ url: old })
        assert.equal(res.statusCode, 301, old)
        assert.equal(res.headers.location, '/2024/03/01/post-101/')
      }
      assert.equal((await t.app.inject({ url: '/news/category/world/europe/' })).headers.location, '/section/europe/')
      // A story readers cannot see is not revealed by its old link.
      assert.equal((await t.app.inject({ url: '/?p=102' })).statusCode, 200)
      assert.equal((await t.app.inject({ url: '/news/post-102.html' })).statusCode, 404)
    })

    it('adds the comments an updated export brings, and updates a changed post\'s article instead of duplicating it', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      done(await run(t, fromText(wxr(post(201, { comments: comment(11, 0, '1') })))))
      const [before] = await t.deps.db.selectFrom('articles').select(['id', 'slug', 'version']).execute()
      t.clock.advance(60_000)
      const summary = done(await run(t, fromText(wxr(post(201, { content: 'Edited in WordPress.', comments: comment(11, 0, '1') + comment(12, 11, '1') })))))
      assert.equal(summary.counts.created.comments, 1)
      assert.equal(summary.counts.created.posts, 0)
      assert.equal(summary.counts.updated.posts, 1)
      const rows = await t.deps.db.selectFrom('articles').select(['id', 'slug', 'version', 'body_html']).execute()
      assert.equal(rows.length, 1)
      assert.equal(rows[0]!.id, before!.id)
      assert.equal(rows[0]!.slug, before!.slug, 'the URL readers hold stays')
      assert.equal(rows[0]!.version, before!.version + 1)
      assert.match(rows[0]!.body_html, /Edited in WordPress\./)
      assert.equal((await t.deps.db.selectFrom('article_revisions').select('id').where('article_id', '=', before!.id).execute()).length, 2, 'the update is a revision')

      // The same export again: nothing to do.
      const again = done(await run(t, fromText(wxr(post(201, { content: 'Edited in WordPress.', comments: comment(11, 0, '1') + comment(12, 11, '1') })))))
      assert.equal(again.counts.updated.posts, 0)
      assert.equal(again.counts.unchanged.posts, 1)
    })

    it('an imported comment carries its WordPress key: one deleted for good in Lede, or with its article, is not brought back by a re-import', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const xml = wxr(post(301, { comments: comment(31, 0, '1') + comment(32, 31, '1') }) + post(302, { name: 'second', comments: comment(33, 0, '1') }))
      done(await run(t, fromText(xml)))
      const keys = await t.deps.db.selectFrom('comments').select(['wp_site', 'wp_id']).orderBy('wp_id').execute()
      assert.deepEqual(keys, [31, 32, 33].map((id) => ({ wp_site: 'https://old.example/news', wp_id: id })))
      assert.equal((await t.deps.db.selectFrom('import_items').select('id').where('wp_kind', '=', 'comment').execute()).length, 0, 'no mapping rows for comments')

      const moderator = { id: null, name: 'moderator' }
      const reply = await t.deps.db.selectFrom('comments').select('id').where('wp_id', '=', 32).executeTakeFirstOrThrow()
      assert.equal((await moderateComment(t.deps, moderator, reply.id, 'trash')).kind, 'ok')
      assert.equal((await moderateComment(t.deps, moderator, reply.id, 'delete')).kind, 'ok')
      const second = await t.deps.db.selectFrom('articles').select('id').where('slug', '=', 'second').executeTakeFirstOrThrow()
      await t.deps.db.deleteFrom('articles').where('id', '=', second.id).execute() // its comment goes with it
      const before = await tableCounts(t)

      const again = done(await run(t, fromText(xml)))
      assert.deepEqual(await tableCounts(t), before)
      assert.equal(again.counts.created.comments, 0)
      assert.equal(again.counts.unchanged.comments, 3)
    })

    it('a post the database refuses is reported alone: the rest of its batch is written once, with its counts and comments', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      // A trigger stands in for any failure in the middle of a batch (PostgreSQL then refuses every later statement of it).
      if (dialect.name === 'sqlite') {
        await sql`create trigger poison before insert on articles when new.headline = 'Post 702' begin select raise(abort, 'poisoned post'); end`.execute(t.deps.db)
      } else {
        await sql`create function poison() returns trigger language plpgsql as $$ begin if new.headline = 'Post 702' then raise exception 'poisoned post'; end if; return new; end $$`.execute(t.deps.db)
        await sql`create trigger poison before insert on articles for each row execute function poison()`.execute(t.deps.db)
      }
      const summary = done(await run(t, fromText(wxr(post(701, { comments: comment(71, 0, '1') }) + post(702, { comments: comment(72, 0, '1') }) + post(703, { comments: comment(73, 0, '1') })))))
      assert.equal(summary.counts.created.posts, 2)
      assert.equal(summary.counts.created.comments, 2)
      assert.equal(summary.counts.created.users, 1)
      const skipped = summary.skipped.find((s) => s.entity === 'posts')
      assert.match(skipped?.reason ?? '', /could not be saved: .*poisoned post/)
      assert.deepEqual(skipped?.examples, ['702 Post 702'])
      const headlines = (await t.deps.db.selectFrom('articles').select('headline').orderBy('headline').execute()).map((r) => r.headline)
      assert.deepEqual(headlines, ['Post 701', 'Post 703'])
      assert.equal((await t.deps.db.selectFrom('comments').select('id').execute()).length, 2)
      assert.equal((await t.deps.db.selectFrom('import_items').select('wp_key').where('wp_kind', '=', 'post').execute()).length, 2)
    })

    it('keeps an article the newsroom edited in Lede when WordPress changed it too, and says so', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      done(await run(t, fromText(wxr(post(202)))))
      t.clock.advance(60_000)
      await t.deps.db.updateTable('articles').set({ headline: 'Edited in Lede', updated_at: t.clock().toISOString(), version: 2 }).execute()
      t.clock.advance(60_000)
      const summary = done(await run(t, fromText(wxr(post(202, { content: 'Edited in WordPress.' })))))
      assert.equal(summary.counts.updated.posts, 0)
      const skipped = summary.skipped.find((s) => s.entity === 'posts')
      assert.match(skipped?.reason ?? '', /edited in Lede since it was imported/)
      assert.equal(skipped?.examples[0], '202 Post 202')
      const [row] = await t.deps.db.selectFrom('articles').select(['headline', 'body_html']).execute()
      assert.equal(row!.headline, 'Edited in Lede')
      assert.doesNotMatch(row!.body_html, /Edited in WordPress/)
    })

    it('imports a second site\'s export beside the first, even with the same WordPress ids', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      done(await run(t, fromText(wxr(post(301)))))
      const other = wxr(post(301, { name: 'other-301' })).replaceAll('https://old.example', 'https://second.example')
      const summary = done(await run(t, fromText(other)))
      assert.equal(summary.counts.created.posts, 1)
    })

    it('a file cut short after the check (changed on disk meanwhile) fails the run with the reader\'s error, keeping the batches written', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const whole = wxr(Array.from({ length: 120 }, (_, i) => post(500 + i, { comments: comment(600 + i, 0, '1') })).join('\n'))
      let reads = 0
      // The first read (the check) sees the whole file; the posts pass, read on the worker, finds it cut inside an item.
      const source: WxrSource = () => Readable.from([Buffer.from(reads++ === 0 ? whole : whole.slice(0, Math.floor(whole.length * 0.9)), 'utf8')])
      await assert.rejects(importWordPress(t.deps, { source, fileName: 'cut.xml', edition: 'en', dryRun: false, mediaDir: null, actor: ACTOR, workerFromItems: 0 }), /line \d+, column \d+/)
      const runRow = await t.deps.db.selectFrom('import_runs').select(['status', 'message']).orderBy('id', 'desc').executeTakeFirstOrThrow()
      assert.equal(runRow.status, 'failed')
      assert.match(runRow.message ?? '', /line \d+, column \d+/)
      const articles = Number((await t.deps.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const mapped = Number((await t.deps.db.selectFrom('import_items').select((eb) => eb.fn.countAll().as('n')).where('wp_kind', '=', 'post').executeTakeFirstOrThrow()).n)
      // Whole batches only (100 posts on SQLite, 200 on PostgreSQL): every article written has its mapping row,
      // and the cut post is not among them.
      assert.equal(articles, dialect.name === 'sqlite' ? 100 : 0)
      assert.equal(mapped, articles)
    })

    it('spaces out SQLite\'s checkpoints while it writes, and puts the connection\'s setting back after', { skip: dialect.name !== 'sqlite' }, async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const setting = async () => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(t.deps.db)).rows[0]!.wal_autocheckpoint
      const before = await setting()
      let during = 0
      const result = await importWordPress(t.deps, {
        source: fromText(wxr(post(801))), fileName: 'export.xml', edition: 'en', dryRun: false, mediaDir: null, actor: ACTOR,
        onProgress: (p) => { if (p.phase === 'posts' && p.done === 0) void setting().then((n) => { during = n }) }
      })
      done(result)
      assert.ok(during > before, `${during} pages during the import, ${before} before`)
      assert.equal(await setting(), before)
    })

    it('a dry run reports what it would do and writes nothing but its run', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const before = await tableCounts(t)
      const summary = done(await run(t, fromText(wxr(post(401, { comments: comment(21, 0, '1') }))), { dryRun: true }))
      assert.equal(summary.counts.created.posts, 1)
      assert.equal(summary.counts.created.comments, 1)
      assert.deepEqual(await tableCounts(t), before)
      const [runRow] = await t.deps.db.selectFrom('import_runs').select(['status', 'dry_run']).execute()
      assert.deepEqual(runRow, { status: 'done', dry_run: 1 })
    })

    it('keeps an attachment\'s metadata without its file, and takes the file (with that metadata) when a later run has the media folder', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const attachment = `<item><title>Red square</title><dc:creator>anna</dc:creator><wp:post_id>610</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:post_parent>501</wp:post_parent><wp:post_date_gmt>2024-03-01 09:00:00</wp:post_date_gmt>
<excerpt:encoded><![CDATA[A <em>red</em> square]]></excerpt:encoded><content:encoded><![CDATA[Drawn for the test.]]></content:encoded>
<wp:attachment_url>https://old.example/wp-content/uploads/2024/03/red.png</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>A red square on white</wp:meta_value></wp:postmeta></item>`
      const xml = wxr(post(501) + attachment)
      const first = done(await run(t, fromText(xml)))
      assert.equal(first.counts.created.attachments, 1)
      const row = await t.deps.db.selectFrom('import_items').select(['lede_id', 'detail']).where('wp_kind', '=', 'attachment').executeTakeFirstOrThrow()
      assert.equal(row.lede_id, null)
      assert.deepEqual(JSON.parse(row.detail), {
        title: 'Red square', url: 'https://old.example/wp-content/uploads/2024/03/red.png', path: '2024/03/red.png', alt: 'A red square on white',
        caption: 'A red square', description: 'Drawn for the test.', parent: 501, uploadedAt: '2024-03-01 09:00:00'
      })
      // The same file again: nothing changes.
      const again = done(await run(t, fromText(xml)))
      assert.equal(again.counts.unchanged.attachments, 1)
      assert.equal(again.counts.updated.attachments, 0)

      const dir = await mkdtemp(join(tmpdir(), 'lede-wxr-'))
      tc.after(() => rm(dir, { recursive: true, force: true }))
      await mkdir(join(dir, '2024', '03'), { recursive: true })
      await writeFile(join(dir, '2024', '03', 'red.png'), await sharp({ create: { width: 20, height: 20, channels: 3, background: '#c00' } }).png().toBuffer())
      const withFiles = done(await run(t, fromText(xml), { mediaDir: dir }))
      assert.equal(withFiles.counts.updated.attachments, 1)
      const media = await t.deps.db.selectFrom('media').select(['id', 'alt', 'caption']).executeTakeFirstOrThrow()
      assert.deepEqual([media.alt, media.caption], ['A red square on white', 'A red square'])
      const mapped = await t.deps.db.selectFrom('import_items').select('lede_id').where('wp_kind', '=', 'attachment').executeTakeFirstOrThrow()
      assert.equal(mapped.lede_id, media.id)
    })

    it('answers 410 Gone at a published page\'s old addresses, and leaves a draft page\'s alone', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const page = (id: number, status: string, name: string) => `<item><title>Page ${id}</title><link>https://old.example/news/${name}/</link><dc:creator>anna</dc:creator>
<content:encoded><![CDATA[About us.]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_name>${name}</wp:post_name><wp:status>${status}</wp:status><wp:post_type>page</wp:post_type></item>`
      const xml = wxr(post(501) + page(700, 'publish', 'about') + page(701, 'draft', 'secret'))
      const summary = done(await run(t, fromText(xml)))
      assert.equal(summary.counts.skipped.pages, 2)
      assert.match(summary.skipped.find((s) => s.entity === 'pages')!.reason, /410 Gone/)
      for (const old of ['/news/about/', '/?page_id=700', '/?p=700', '/news/about/?utm_source=x']) {
        const res = await t.app.inject({ url: old })
        assert.equal(res.statusCode, 410, old)
        assert.match(res.headers['content-type'] as string, /^text\/html/, old)
        assert.match(res.headers['cache-control'] as string, /public/, old)
        assert.match(res.body, /<h1>This page is no longer here<\/h1>/, old)
      }
      // A draft page was never public: its address is no different from any unknown one.
      assert.equal((await t.app.inject({ url: '/news/secret/' })).statusCode, 404)
      assert.equal((await t.app.inject({ url: '/?page_id=701' })).statusCode, 200)
      // The posts' old links still move.
      assert.equal((await t.app.inject({ url: '/?p=501' })).statusCode, 301)
      // Again: nothing new is written.
      const before = await tableCounts(t)
      done(await run(t, fromText(xml)))
      assert.deepEqual(await tableCounts(t), before)
    })

    it('takes attachment files from the media folder and sets the featured image', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const dir = await mkdtemp(join(tmpdir(), 'lede-wxr-'))
      tc.after(() => rm(dir, { recursive: true, force: true }))
      await mkdir(join(dir, '2024', '03'), { recursive: true })
      await writeFile(join(dir, '2024', '03', 'photo.png'), await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).png().toBuffer())
      const attachment = `<item><title>Photo</title><dc:creator>anna</dc:creator><wp:post_id>600</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<excerpt:encoded><![CDATA[A red square]]></excerpt:encoded><wp:attachment_url>https://old.example/wp-content/uploads/2024/03/photo.png</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2024/03/photo.png</wp:meta_value></wp:postmeta></item>`
      const escape = `<item><title>Escape</title><wp:post_id>601</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>../../etc/passwd</wp:meta_value></wp:postmeta></item>`
      const xml = wxr(post(501, { meta: '<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>600</wp:meta_value></wp:postmeta>' }) + attachment + escape)
      const summary = done(await run(t, fromText(xml), { mediaDir: dir }))
      assert.equal(summary.counts.created.attachments, 1)
      assert.equal(summary.skipped.find((s) => s.entity === 'attachments')?.reason, 'file not found in the media folder')
      const media = await t.deps.db.selectFrom('media').select(['id', 'width', 'caption']).executeTakeFirstOrThrow()
      assert.deepEqual([media.width, media.caption], [40, 'A red square'])
      const article = await t.deps.db.selectFrom('articles').select('featured_media_id').executeTakeFirstOrThrow()
      assert.equal(article.featured_media_id, media.id)
      // Again: the same file is not added twice.
      done(await run(t, fromText(xml), { mediaDir: dir }))
      assert.equal(Number((await t.deps.db.selectFrom('media').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 1)
    })
  })
})
