import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDialect } from '../helper.js'
import { migrationTestDatabase } from './migration-fixture.js'

const BEFORE = '2026-11-26T03-00-accounts'
const MINE = '2026-11-26T04-00-editorial'

forEachDialect((dialect) => {
  describe(`migration ${MINE}`, () => {
    it('adds the editorial tables and featured-image columns to existing articles, and goes back down cleanly', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      assert.equal((await migrator.migrateTo(BEFORE)).error, undefined)
      const now = '2026-11-26T10:00:00.000Z'
      const article = await db.insertInto('articles').values({
        edition: 'en', translation_group: null, slug: 's', headline: 'Existing', lead: '', body_source: '', body_html: '', agency_credit: null,
        source_url: null, byline: null, author_id: null, section_id: null, status: 'published', published_at: now, created_at: now, updated_at: now
      } as never).returning('id').executeTakeFirstOrThrow()

      assert.equal((await migrator.migrateTo(MINE)).error, undefined)
      const row = await db.selectFrom('articles').selectAll().where('id', '=', article.id).executeTakeFirstOrThrow()
      assert.deepEqual([row.featured_media_id, row.featured_alt, row.featured_caption, row.featured_credit], [null, null, null, null])
      for (const table of ['media', 'media_files', 'article_revisions', 'slug_history'] as const) {
        assert.equal(Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), 0, table)
      }
      // Binary round trip on this engine's blob column.
      const media = await db.insertInto('media').values({ hash: 'a'.repeat(64), mime: 'image/png', original_name: 'x.png', size: 3, width: 1, height: 1, uploaded_by: null, created_at: now }).returning('id').executeTakeFirstOrThrow()
      const bytes = Buffer.from([0, 255, 1, 254, 0])
      await db.insertInto('media_files').values({ media_id: media.id, variant: 'original', mime: 'image/png', width: 1, height: 1, size: 5, bytes }).execute()
      const stored = await db.selectFrom('media_files').select('bytes').executeTakeFirstOrThrow()
      assert.deepEqual(Buffer.from(stored.bytes), bytes)
      await db.deleteFrom('media').execute()

      assert.equal((await migrator.migrateTo(BEFORE)).error, undefined)
      const back = await sql<Record<string, unknown>>`select * from articles`.execute(db)
      assert.equal(back.rows.length, 1)
      assert.equal('featured_media_id' in back.rows[0]!, false)
      assert.equal((await migrator.migrateTo(MINE)).error, undefined)
    })
  })
})
