// Migration 2026-12-04T03-00-body-documents: every demo story's Markdown body becomes the body document,
// readers' HTML stays what it was (or differs only as domain/body-document's demo test lists), and an
// autosaved form's Markdown body becomes the editor's HTML.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { migrationTestDatabase } from './migration-fixture.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { renderArticleBody } from '../../src/domain/article-body.js'
import { bodySchema } from '../../src/domain/body-schema.js'
import { htmlToText } from '../../src/domain/search-text.js'
import { DEMO_DAYS } from '../../src/demo/stories.js'
import { MODEL_ARTICLE, MODEL_DAY_NEIGHBOURS } from '../../src/demo/model-article.js'

/** Readers' words, in order: what must survive the change of storage whatever the markup. */
const words = (html: string) => htmlToText(html).replace(/\s+/g, ' ').trim()

forEachDialect((dialect) => {
  describe(`migration 2026-12-04T03-00-body-documents (${dialect.name})`, () => {
    it('turns every demo story\'s Markdown into the body document, keeping what readers read', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      const { error } = await migrator.migrateTo('2026-12-04T02-00-article-day-slugs')
      assert.equal(error, undefined)
      const now = '2026-11-26T10:00:00.000Z'
      const user = await db.insertInto('users').values({
        email: 'e@example.org', display_name: 'E', slug: 'e', password_hash: null, role: 'editor', created_at: now
      } as never).returning('id').executeTakeFirstOrThrow()
      const sources = [MODEL_ARTICLE.body, ...MODEL_DAY_NEIGHBOURS.map((s) => s.body), ...DEMO_DAYS.flat().map((d) => d.story.body)]
      assert.ok(sources.length >= 10, 'the demo has stories to convert')
      const ids: number[] = []
      for (const [i, body] of sources.entries()) {
        const row = await db.insertInto('articles').values({
          edition: 'en', translation_group: null, slug: `s${i}`, headline: 'h', lead: '', body_source: body, body_html: renderArticleBody(body),
          agency_credit: null, source_url: null, byline: null, author_id: null, section_id: null, status: 'published', published_at: now,
          created_at: now, updated_at: now
        } as never).returning('id').executeTakeFirstOrThrow()
        ids.push(row.id)
      }
      await db.insertInto('article_autosaves').values({
        article_id: ids[0]!, user_id: user.id, base_version: 1, saved_at: now,
        form_values: JSON.stringify({ headline: 'h', body: 'A **bold** start.\n\nSecond paragraph.' })
      } as never).execute()

      await migrateToLatest(db)
      const rows = await db.selectFrom('articles').select(['id', 'body_source', 'body_html']).orderBy('id').execute()
      for (const [i, row] of rows.entries()) {
        const doc = bodySchema.nodeFromJSON(JSON.parse(row.body_source))
        doc.check()
        assert.equal(words(row.body_html), words(renderArticleBody(sources[i]!)), `story ${i}: the same words, in the same order`)
        assert.equal(row.body_html, renderArticleBody(row.body_source), `story ${i}: the HTML is the document's`)
      }
      const autosave = await db.selectFrom('article_autosaves').select('form_values').executeTakeFirstOrThrow()
      assert.equal((JSON.parse(autosave.form_values) as { body: string }).body, '<p>A <strong>bold</strong> start.</p><p>Second paragraph.</p>')

      // Run again (a second process starting): nothing changes.
      const before = await db.selectFrom('articles').select(['body_source', 'body_html']).orderBy('id').execute()
      await migrateToLatest(db)
      assert.deepEqual(await db.selectFrom('articles').select(['body_source', 'body_html']).orderBy('id').execute(), before)
    })
  })
})
