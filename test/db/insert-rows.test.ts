// Multi-row inserts compiled once (src/db/insert-rows.ts), on PostgreSQL sent as one JSON value: the rows
// come back as a Kysely insert would write them, in order, with nulls, numbers, multi-byte and odd text,
// an `on conflict` suffix, and values JSON cannot carry (non-finite numbers) taking the VALUES way.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { insertRows } from '../../src/db/insert-rows.js'
import { forEachDialect, openMigratedTestDatabase } from '../helper.js'

forEachDialect((dialect) => {
  describe('insertRows', () => {
    let database: Awaited<ReturnType<typeof openMigratedTestDatabase>>
    before(async () => { database = await openMigratedTestDatabase(dialect.name, { demoAt: null }) })
    after(async () => {
      await database.db.destroy()
      await database.dropSchema()
    })

    const columns = ['old_path', 'target_kind', 'target_id', 'run_id', 'created_at'] as const
    const read = () => database.db.selectFrom('redirects').select([...columns]).orderBy('id').execute()
    const at = '2022-02-03T09:33:00.000Z'

    it('writes every row in order, text byte for byte', async () => {
      const odd = 'Ереван «quotes» \\back\\slash "double" \'single\' \u0001 tab\tline\nend 👍 \u{1F1E6}\u{1F1F2}'
      const rows = Array.from({ length: 700 }, (_, i) => [i === 3 ? odd : `/old/${i}`, i % 2 ? 'article' : 'tag', i * 1000, null, at])
      await database.db.transaction().execute((trx) => insertRows(trx, 'redirects', columns, rows))
      const written = await read()
      assert.equal(written.length, 700)
      assert.deepEqual(written.map((r) => columns.map((c) => r[c])), rows)
    })

    it('keeps a lone surrogate as a replacement character, and honours the conflict clause', async () => {
      await insertRows(database.db, 'redirects', columns, [['/old/1', 'tag', 5, null, at], ['/lone/a\uD800b', 'tag', 6, null, at]], 'on conflict ("old_path") do nothing')
      const written = await read()
      assert.equal(written.length, 701)
      assert.equal(written.find((r) => r.old_path === '/old/1')!.target_id, 1000)
      // Replaced, not refused: PostgreSQL (as pg sends it) with one U+FFFD, SQLite (better-sqlite3's UTF-8) with three.
      assert.match(written.at(-1)!.old_path, /^\/lone\/a\uFFFD+b$/)
    })
  })
})
