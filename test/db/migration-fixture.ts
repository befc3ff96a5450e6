// What the migration tests share: a fresh database with a migrator that can stop at any migration, and an
// article row carrying only the columns every migration since the first comments one requires.
import type { TestContext } from 'node:test'
import { Migrator, type Kysely } from 'kysely'
import { migrationProvider } from '../../src/db/migrations/index.js'
import type { DialectName } from '../../src/db/database.js'
import { openTestDatabase } from '../helper.js'

/** A fresh, unmigrated test database, dropped when the test ends, and a migrator for it. */
export async function migrationTestDatabase(tc: TestContext, dialectName: DialectName) {
  const opened = await openTestDatabase(dialectName)
  tc.after(async () => { await opened.close(); await opened.dropSchema() })
  // Named schema: Kysely looks for its lock table in every schema, and other tests' schemas may have one.
  const migrator = new Migrator({ db: opened.db, provider: migrationProvider, ...(opened.schema ? { migrationTableSchema: opened.schema } : {}) })
  return { db: opened.db, migrator }
}

/** A published article with nothing but its required columns; its id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables as an earlier migration left them
export async function insertBareArticle(db: Kysely<any>, now: string, slug = 's'): Promise<{ id: number }> {
  return await db.insertInto('articles').values({
    edition: 'en', translation_group: null, slug, headline: 'h', lead: '', body_source: '', body_html: '', agency_credit: null,
    source_url: null, byline: null, author_id: null, section_id: null, status: 'published', published_at: now, created_at: now, updated_at: now
  } as never).returning('id').executeTakeFirstOrThrow() as { id: number }
}
