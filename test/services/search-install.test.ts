import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Migrator, sql } from 'kysely'
import { build, forEachDialect } from '../helper.js'
import { migrationProvider } from '../../src/db/migrations/index.js'
import { prepareDatabase } from '../../src/services/install.service.js'
import { searchArticles } from '../../src/db/repositories/search.repository.js'
import { parseSearchQuery, type SearchTerm } from '../../src/domain/search-query.js'

forEachDialect((dialect) => {
  describe('upgrading a database from before search', () => {
    it('indexes the articles it already has when the search migration arrives', async (tc) => {
      // build() migrates everything; start again from a schema that stops just before search.
      const t = await build(tc, dialect)
      const migrator = new Migrator({ db: t.deps.db, provider: migrationProvider })
      const { error } = await migrator.migrateTo('2026-11-26T01-00-comments')
      assert.equal(error, undefined)
      const at = '2026-11-20T08:00:00.000Z'
      await sql`insert into articles (edition, slug, headline, lead, body_source, body_html, status, published_at, created_at, updated_at)
        values ('en', 'old-story', 'Lighthouse keeper retires', '', '', '<p>After forty years.</p>', 'published', ${at}, ${at}, ${at})`.execute(t.deps.db)
      await sql`insert into settings (key, value) values ('installedAt', ${JSON.stringify(at)})`.execute(t.deps.db)

      const result = await prepareDatabase(t.deps, { seedDemo: false })
      assert.ok(result.migrations.includes('2026-11-26T02-00-search'))
      const terms = (parseSearchQuery('forty years ') as { terms: SearchTerm[] }).terms
      const found = await searchArticles(t.deps.db, { terms, edition: 'en', now: t.deps.clock(), limit: 10, offset: 0 })
      assert.deepEqual(found.hits.map((h) => h.headline), ['Lighthouse keeper retires'])
    })
  })
})
