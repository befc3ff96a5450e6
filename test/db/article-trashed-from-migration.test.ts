import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDialect } from '../helper.js'
import { migrationTestDatabase } from './migration-fixture.js'

const BEFORE = '2026-11-26T05-00-listing-indexes'
const MINE = '2026-11-27T02-00-article-trashed-from'

forEachDialect((dialect) => {
  describe(`migration ${MINE}`, () => {
    it('remembers what articles already in the trash were: from the audit log, else from their time; and goes back down cleanly', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      assert.equal((await migrator.migrateTo(BEFORE)).error, undefined)

      const now = '2026-11-26T10:00:00.000Z'
      const insert = async (slug: string, status: string, publishedAt: string | null) => (await db.insertInto('articles').values({
        edition: 'en', translation_group: null, slug, headline: slug, lead: '', body_source: '', body_html: '', agency_credit: null,
        source_url: null, byline: null, author_id: null, section_id: null, status, published_at: publishedAt, created_at: now, updated_at: now
      } as never).returning('id').executeTakeFirstOrThrow()).id
      const audit = async (id: number, details: string, action = 'article.trash') => {
        await db.insertInto('audit_log').values({
          actor_id: null, actor_name: 'Lede', action, subject_type: 'article', subject_id: id, reason: null, details, created_at: now
        } as never).execute()
      }

      // A draft with a planned time that was binned: the audit log knows, the time alone would mislead.
      const plannedDraft = await insert('planned-draft', 'trashed', '2000-01-01T00:00:00.000Z')
      await audit(plannedDraft, JSON.stringify({ from: 'published', to: 'trashed' }))
      await audit(plannedDraft, JSON.stringify({ from: 'trashed', to: 'draft' }), 'article.restore')
      await audit(plannedDraft, JSON.stringify({ from: 'draft', to: 'trashed' }))
      const wasPublished = await insert('was-published', 'trashed', '2000-01-01T00:00:00.000Z')
      const wasScheduled = await insert('was-scheduled', 'trashed', '2999-01-01T00:00:00.000Z')
      const undated = await insert('undated', 'trashed', null)
      const garbled = await insert('garbled', 'trashed', null)
      await audit(garbled, 'not json')
      const live = await insert('live', 'published', '2000-01-01T00:00:00.000Z')

      assert.equal((await migrator.migrateTo(MINE)).error, undefined)
      const rows = await db.selectFrom('articles').select(['id', 'trashed_from']).execute() as { id: number, trashed_from: string | null }[]
      const from = new Map(rows.map((r) => [r.id, r.trashed_from]))
      assert.equal(from.get(plannedDraft), 'draft')
      assert.equal(from.get(wasPublished), 'published')
      assert.equal(from.get(wasScheduled), 'scheduled')
      assert.equal(from.get(undated), 'draft')
      assert.equal(from.get(garbled), 'draft')
      assert.equal(from.get(live), null)

      assert.equal((await migrator.migrateTo(BEFORE)).error, undefined)
      const back = await sql<Record<string, unknown>>`select * from articles`.execute(db)
      assert.equal(back.rows.length, 6)
      assert.equal('trashed_from' in back.rows[0]!, false)
      assert.equal((await migrator.migrateTo(MINE)).error, undefined)
    })
  })
})
