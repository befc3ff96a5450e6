import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { insertBareArticle, migrationTestDatabase } from './migration-fixture.js'

forEachDialect((dialect) => {
  describe(`migration 2026-12-06T00-00-term-descriptions (${dialect.name})`, () => {
    it('gives the sections and tags there already an empty description, and goes down and up again', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      assert.equal((await migrator.migrateTo('2026-12-05T00-00-comment-import-keys')).error, undefined)
      await db.insertInto('sections').values({ edition: 'en', slug: 'world', name: 'World', parent_id: null } as never).execute()
      await db.insertInto('tags').values({ edition: 'en', slug: 'votes', name: 'Votes' } as never).execute()
      assert.equal((await migrator.migrateTo('2026-12-06T00-00-term-descriptions')).error, undefined)
      assert.deepEqual(await db.selectFrom('sections').select(['slug', 'description']).execute(), [{ slug: 'world', description: '' }])
      assert.deepEqual(await db.selectFrom('tags').select(['slug', 'description']).execute(), [{ slug: 'votes', description: '' }])
      await db.updateTable('sections').set({ description: 'News from abroad.' }).execute()
      assert.equal((await migrator.migrateTo('2026-12-05T00-00-comment-import-keys')).error, undefined)
      assert.deepEqual(await db.selectFrom('sections').select(['slug', 'name']).execute(), [{ slug: 'world', name: 'World' }])
      assert.equal((await migrator.migrateTo('2026-12-06T00-00-term-descriptions')).error, undefined)
    })
  })
})

forEachDialect((dialect) => {
  describe(`migration 2026-12-06T01-00-sticky-articles (${dialect.name})`, () => {
    it('leaves every story there already unpinned, and goes down and up again', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      assert.equal((await migrator.migrateTo('2026-12-06T00-00-term-descriptions')).error, undefined)
      const { id } = await insertBareArticle(db, '2026-12-01T10:00:00.000Z')
      assert.equal((await migrator.migrateTo('2026-12-06T01-00-sticky-articles')).error, undefined)
      assert.deepEqual(await db.selectFrom('articles').select(['id', 'sticky']).execute(), [{ id, sticky: 0 }])
      await db.updateTable('articles').set({ sticky: 1 }).execute()
      assert.equal((await migrator.migrateTo('2026-12-06T00-00-term-descriptions')).error, undefined)
      assert.deepEqual(await db.selectFrom('articles').select('id').execute(), [{ id }])
      assert.equal((await migrator.migrateTo('2026-12-06T01-00-sticky-articles')).error, undefined)
    })
  })
})
