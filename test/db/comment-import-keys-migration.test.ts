import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { insertBareArticle, migrationTestDatabase } from './migration-fixture.js'
import { migrateToLatest } from '../../src/db/migrate.js'

forEachDialect((dialect) => {
  describe(`migration 2026-12-05T00-00-comment-import-keys (${dialect.name})`, () => {
    it('moves the mapping rows of imported comments onto the comments; those of comments deleted since stay', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      const { error } = await migrator.migrateTo('2026-12-04T03-00-body-documents')
      assert.equal(error, undefined)
      const now = '2026-11-26T10:00:00.000Z'
      const article = await insertBareArticle(db, now)
      const comment = async () => (await db.insertInto('comments').values({
        article_id: article.id, parent_id: null, author_name: 'a', author_email: 'a@example.org', author_url: null, user_id: null,
        body: 'b', body_html: '<p>b</p>', status: 'approved', ip: null, user_agent: null, created_at: now
      } as never).returning('id').executeTakeFirstOrThrow()).id
      const [imported, other, local] = [await comment(), await comment(), await comment()]
      const item = (site: string, kind: string, key: string, ledeKind: string, ledeId: number | null) => ({
        site_url: site, wp_kind: kind, wp_key: key, lede_kind: ledeKind, lede_id: ledeId, content_hash: '', run_id: null, created_at: now, updated_at: now
      })
      await db.insertInto('import_items').values([
        item('https://a.example', 'post', '7', 'article', article.id),
        item('https://a.example', 'comment', '70', 'comment', imported),
        item('https://b.example', 'comment', '123456789012345', 'comment', other),
        item('https://a.example', 'comment', '71', 'comment', 99_999) // deleted since
      ] as never).execute()

      await migrateToLatest(db)
      const rows = await db.selectFrom('comments').select(['id', 'wp_site', 'wp_id']).orderBy('id').execute()
      assert.deepEqual(rows, [
        { id: imported, wp_site: 'https://a.example', wp_id: 70 },
        { id: other, wp_site: 'https://b.example', wp_id: 123456789012345 },
        { id: local, wp_site: null, wp_id: null }
      ])
      const left = await db.selectFrom('import_items').select(['wp_kind', 'wp_key']).orderBy('id').execute()
      assert.deepEqual(left, [{ wp_kind: 'post', wp_key: '7' }, { wp_kind: 'comment', wp_key: '71' }])
      await assert.rejects(db.updateTable('comments').set({ wp_site: 'https://a.example', wp_id: 70 } as never).where('id', '=', other).execute(), 'a key is unique')

      // Down again (to the migration before it, whatever came after): the keys go back to mapping rows.
      assert.equal((await migrator.migrateTo('2026-12-04T03-00-body-documents')).error, undefined)
      const back = await db.selectFrom('import_items').select(['site_url', 'wp_kind', 'wp_key', 'lede_id']).where('wp_kind', '=', 'comment').orderBy('wp_key').execute()
      assert.deepEqual(back, [
        { site_url: 'https://b.example', wp_kind: 'comment', wp_key: '123456789012345', lede_id: other },
        { site_url: 'https://a.example', wp_kind: 'comment', wp_key: '70', lede_id: imported },
        { site_url: 'https://a.example', wp_kind: 'comment', wp_key: '71', lede_id: 99_999 }
      ])
    })
  })
})
