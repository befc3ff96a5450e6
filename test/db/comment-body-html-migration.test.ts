import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { insertBareArticle, migrationTestDatabase } from './migration-fixture.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { commentTextToHtml } from '../../src/domain/comment-text.js'

forEachDialect((dialect) => {
  describe(`migration 2026-12-03T00-00-comment-body-html (${dialect.name})`, () => {
    it('renders every existing comment\'s HTML once, so pages need not', async (tc) => {
      const { db, migrator } = await migrationTestDatabase(tc, dialect.name)
      const { error } = await migrator.migrateTo('2026-11-27T02-00-article-trashed-from')
      assert.equal(error, undefined)
      const now = '2026-11-26T10:00:00.000Z'
      const article = await insertBareArticle(db, now)
      const bodies = ['Plain.', 'See https://example.org/a.\n\n<b>bold</b> <script>x</script>', 'https://x.com/' + ')'.repeat(2000)]
      for (const body of bodies) {
        await db.insertInto('comments').values({
          article_id: article.id, parent_id: null, author_name: 'a', author_email: 'a@example.org', author_url: null, user_id: null,
          body, status: 'approved', ip: null, user_agent: null, created_at: now
        } as never).execute()
      }

      await migrateToLatest(db)
      const rows = await db.selectFrom('comments').select(['body', 'body_html']).orderBy('id').execute()
      assert.deepEqual(rows.map((r) => r.body_html), bodies.map(commentTextToHtml))
    })
  })
})
