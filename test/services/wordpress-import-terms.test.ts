// What the WordPress import keeps of categories', tags' and authors' own records: descriptions (and what a
// later export does to one the newsroom changed meanwhile), and authors matched to the site's users by email.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { importWordPress, type ImportResult } from '../../src/services/wordpress-import.service.js'
import { createUser } from '../../src/services/users.service.js'
import { termDescriptionOf } from '../../src/domain/wp-mapping.js'
import { TAXONOMY_DESCRIPTION_LIMIT } from '../../src/domain/sections.js'
import type { ImportSummary } from '../../src/domain/import-summary.js'

const SETTINGS = { editions: ['en'], defaultEdition: 'en', timeZone: 'UTC' }

function wxr(o: { world?: string, elections?: string, author?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login>anna</wp:author_login><wp:author_email>${o.author ?? 'anna@old.example'}</wp:author_email><wp:author_display_name>Anna from WordPress</wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>World</wp:cat_name><wp:category_description><![CDATA[${o.world ?? ''}]]></wp:category_description></wp:category>
<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug>elections</wp:tag_slug><wp:tag_name>Elections</wp:tag_name><wp:tag_description><![CDATA[${o.elections ?? ''}]]></wp:tag_description></wp:tag>
<item><title>Vote counted</title><link>https://old.example/?p=1</link><dc:creator>anna</dc:creator><content:encoded><![CDATA[Text.]]></content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date>2024-03-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:post_name>vote-counted</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="world"><![CDATA[World]]></category><category domain="post_tag" nicename="elections"><![CDATA[Elections]]></category></item>
</channel></rss>`
}

async function run(t: TestApp, xml: string): Promise<ImportSummary> {
  const result: ImportResult = await importWordPress(t.deps, {
    source: () => Readable.from([Buffer.from(xml, 'utf8')]), fileName: 'old.xml', edition: 'en', dryRun: false, mediaDir: null, actor: { id: null, name: 'test' }
  })
  assert.equal(result.kind, 'done', result.kind === 'refused' ? result.message : '')
  return (result as Extract<ImportResult, { kind: 'done' }>).summary
}

const descriptions = async (t: TestApp) => ({
  section: (await t.deps.db.selectFrom('sections').select('description').where('slug', '=', 'world').executeTakeFirstOrThrow()).description,
  tag: (await t.deps.db.selectFrom('tags').select('description').where('slug', '=', 'elections').executeTakeFirstOrThrow()).description
})

describe('termDescriptionOf', () => {
  it('keeps the text and line breaks of WordPress\'s HTML, drops markup and control characters, and bounds the length', () => {
    assert.equal(termDescriptionOf('<p>Posts about <b>votes</b> &amp; counts.</p><p>Second   line</p>'), 'Posts about votes & counts.\nSecond line')
    assert.equal(termDescriptionOf('a\u0000b\u0007c'), 'abc')
    assert.equal(termDescriptionOf('   '), '')
    assert.equal([...termDescriptionOf('ա'.repeat(TAXONOMY_DESCRIPTION_LIMIT + 10))].length, TAXONOMY_DESCRIPTION_LIMIT)
  })
})

forEachDialect((dialect) => {
  describe('WordPress import: term descriptions and authors', () => {
    it('keeps descriptions; a later export updates them unless the newsroom changed one in Lede meanwhile', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const first = await run(t, wxr({ world: '<p>News from <em>abroad</em>.</p>', elections: 'Who won &amp; who lost.' }))
      assert.equal(first.counts.created.sections, 1)
      assert.deepEqual(await descriptions(t), { section: 'News from abroad.', tag: 'Who won & who lost.' })

      const again = await run(t, wxr({ world: '<p>News from <em>abroad</em>.</p>', elections: 'Who won &amp; who lost.' }))
      assert.deepEqual([again.counts.unchanged.sections, again.counts.unchanged.tags, again.counts.updated.sections, again.counts.updated.tags], [1, 1, 0, 0])

      // Changed in WordPress: the section takes it. Changed in Lede as well (the tag): the newsroom's stays.
      await t.deps.db.updateTable('tags').set({ description: 'Our own words.' }).where('slug', '=', 'elections').execute()
      const updated = await run(t, wxr({ world: 'The world, rewritten.', elections: 'Rewritten in WordPress.' }))
      assert.deepEqual(await descriptions(t), { section: 'The world, rewritten.', tag: 'Our own words.' })
      assert.equal(updated.counts.updated.sections, 1)
      assert.equal(updated.counts.updated.tags, 0)
      assert.equal(updated.notes['tag description changed in Lede since it was imported (or there before the import): the Lede version is kept'], 1)
      assert.deepEqual(updated.skipped, [])
    })

    it('an author whose email a user of the site has is that user (no new account, the user\'s own name kept)', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const created = await createUser(t.deps, { email: 'Anna@Old.Example', displayName: 'Anna Editor', role: 'editor', password: null, actor: { id: null, name: 'test' } })
      assert.equal(created.kind, 'created')
      const usersBefore = await t.deps.db.selectFrom('users').select('id').execute()
      const summary = await run(t, wxr({ author: 'anna@old.example' }))
      assert.equal(summary.counts.created.users, 0)
      assert.equal(summary.counts.unchanged.users, 1)
      assert.equal((await t.deps.db.selectFrom('users').select('id').execute()).length, usersBefore.length)
      const article = await t.deps.db.selectFrom('articles').innerJoin('users', 'users.id', 'articles.author_id')
        .select(['users.id', 'users.display_name', 'users.role']).where('articles.slug', '=', 'vote-counted').executeTakeFirstOrThrow()
      assert.equal(article.id, created.kind === 'created' ? created.userId : -1)
      assert.deepEqual([article.display_name, article.role], ['Anna Editor', 'editor'])
    })
  })
})
