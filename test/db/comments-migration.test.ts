import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { insertBareArticle, migrationTestDatabase } from './migration-fixture.js'
import { migrateToLatest } from '../../src/db/migrate.js'

forEachDialect((dialect) => {
  describe('migration 2026-11-26T01-00-comments', () => {
    it('gives existing comments thread paths and depths, parents first', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      const { error } = await migrator.migrateTo('2026-11-26T00-30-audit-log')
      assert.equal(error, undefined)
      const now = '2026-11-26T10:00:00.000Z'
      const article = await insertBareArticle(db, now)
      const add = async (parent: number | null) => (await db.insertInto('comments').values({
        article_id: article.id, parent_id: parent, author_name: 'a', author_email: 'a@example.org', author_url: null, user_id: null,
        body: 'b', status: 'approved', ip: null, user_agent: null, created_at: now
      } as never).returning('id').executeTakeFirstOrThrow()).id
      const top = await add(null)
      const reply = await add(top)
      const deeper = await add(reply)
      const other = await add(null)

      await migrateToLatest(db)
      const rows = await db.selectFrom('comments').select(['id', 'thread_path', 'depth', 'previous_status']).orderBy('id').execute()
      const pad = (n: number) => String(n).padStart(10, '0')
      assert.deepEqual(rows, [
        { id: top, thread_path: pad(top), depth: 0, previous_status: null },
        { id: reply, thread_path: pad(top) + pad(reply), depth: 1, previous_status: null },
        { id: deeper, thread_path: pad(top) + pad(reply) + pad(deeper), depth: 2, previous_status: null },
        { id: other, thread_path: pad(other), depth: 0, previous_status: null }
      ])
    })
  })
})
