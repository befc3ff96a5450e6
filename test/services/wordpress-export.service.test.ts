import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { exportWordPress } from '../../src/services/wordpress-export.service.js'
import { importWordPress } from '../../src/services/wordpress-import.service.js'
import { loadSettings } from '../../src/db/repositories/settings.repository.js'
import { readWxr } from '../../src/domain/wxr-reader.js'
import { cdata } from '../../src/domain/wxr-writer.js'

async function exportText(t: TestApp, edition: string): Promise<string> {
  let text = ''
  await exportWordPress(t.deps, edition, async (chunk) => { text += chunk })
  return text
}

async function content(t: TestApp, edition: string) {
  const db = t.deps.db
  const articles = await db.selectFrom('articles').leftJoin('users', 'users.id', 'articles.author_id')
    .select(['articles.id', 'headline', 'lead', 'status', 'published_at', 'section_id', 'agency_credit', 'source_url', 'byline', 'users.display_name as author'])
    .where('edition', '=', edition).orderBy('headline').execute()
  const ids = articles.map((a) => a.id)
  const comments = ids.length ? await db.selectFrom('comments').select(['author_name', 'body', 'status', 'depth']).where('article_id', 'in', ids).orderBy('body').execute() : []
  const sections = await db.selectFrom('sections').leftJoin('sections as parents', 'parents.id', 'sections.parent_id')
    .select(['sections.name', 'sections.description', 'parents.name as parent']).where('sections.edition', '=', edition).orderBy('sections.name').execute()
  const tags = await db.selectFrom('tags').innerJoin('article_tags', 'article_tags.tag_id', 'tags.id').select(['tags.name', 'tags.description']).where('tags.edition', '=', edition).distinct().orderBy('tags.name').execute()
  return {
    articles: articles.map((a) => [a.headline, a.lead, a.status, a.published_at, a.agency_credit, a.source_url, a.byline, a.author]),
    comments: comments.map((c) => [c.author_name, c.body, c.status, c.depth]),
    sections: sections.map((s) => [s.name, s.parent, s.description]),
    tags: tags.map((t) => [t.name, t.description])
  }
}

describe('cdata', () => {
  it('splits a "]]>" the way WordPress does, and the reader joins it back', async () => {
    const xml = `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>${cdata('a ]]> b ]]> c')}</title></item></channel></rss>`
    for await (const r of readWxr(Readable.from([xml]))) if (r.kind === 'item') assert.equal(r.item.title, 'a ]]> b ]]> c')
  })
})

forEachDialect((dialect) => {
  describe('exporting to WordPress', () => {
    it('writes a WXR 1.2 file that imports back into a fresh site with the same stories, authors, comments, sections (with parents and descriptions) and tags', async (tc) => {
      const source = await build(tc, dialect, { demo: true })
      const settings = await loadSettings(source.deps.db)
      const edition = settings.defaultEdition
      // A section under another, and descriptions with characters HTML gives a meaning to.
      const [first, second] = await source.deps.db.selectFrom('sections').select('id').where('edition', '=', edition).orderBy('id').limit(2).execute()
      await source.deps.db.updateTable('sections').set({ parent_id: first!.id, description: 'Markets & money <in brief>.\nSecond line.' }).where('id', '=', second!.id).execute()
      await source.deps.db.updateTable('tags').set({ description: 'Tagged "quotes" & more.' }).where('edition', '=', edition).execute()
      const xml = await exportText(source, edition)
      assert.match(xml, /<wp:wxr_version>1\.2<\/wp:wxr_version>/)

      const target = await build(tc, dialect, { settings: { editions: settings.editions, defaultEdition: edition, timeZone: settings.timeZone } })
      const result = await importWordPress(target.deps, {
        source: () => Readable.from([Buffer.from(xml)]), fileName: 'lede.xml', edition, dryRun: false, mediaDir: null, actor: { id: null, name: 'test' }
      })
      assert.equal(result.kind, 'done', result.kind === 'refused' ? result.message : '')
      const before = await content(source, edition)
      const after = await content(target, edition)
      assert.ok(before.articles.length > 0 && before.comments.length > 0)
      assert.ok(before.articles.some((a) => a[4] !== null), 'the demo has agency copy')
      assert.deepEqual(after.articles, before.articles)
      assert.deepEqual(after.comments, before.comments)
      assert.deepEqual(after.sections, before.sections)
      assert.deepEqual(after.tags, before.tags)
    })
  })
})
