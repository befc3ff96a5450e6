import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { migrationTestDatabase } from './migration-fixture.js'

forEachDialect((dialect) => {
  describe(`migration 2026-12-06T02-00-import-item-details (${dialect.name})`, () => {
    it('gives the mapping rows there already an empty detail, and goes down and up again', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      assert.equal((await migrator.migrateTo('2026-12-06T01-00-sticky-articles')).error, undefined)
      const at = '2026-12-01T10:00:00.000Z'
      await db.insertInto('import_items').values({
        site_url: 'https://old.example', wp_kind: 'attachment', wp_key: '600', lede_kind: 'none', lede_id: null, run_id: null, created_at: at, updated_at: at
      } as never).execute()
      assert.equal((await migrator.migrateTo('2026-12-06T02-00-import-item-details')).error, undefined)
      assert.deepEqual(await db.selectFrom('import_items').select(['wp_key', 'detail']).execute(), [{ wp_key: '600', detail: '' }])
      await db.updateTable('import_items').set({ detail: '{"title":"Photo"}' }).execute()
      assert.equal((await migrator.migrateTo('2026-12-06T01-00-sticky-articles')).error, undefined)
      assert.deepEqual(await db.selectFrom('import_items').select(['wp_key', 'lede_kind']).execute(), [{ wp_key: '600', lede_kind: 'none' }])
      assert.equal((await migrator.migrateTo('2026-12-06T02-00-import-item-details')).error, undefined)
    })
  })
})
