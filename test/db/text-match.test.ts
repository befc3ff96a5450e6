// "Contains, ignoring case" must hold in Armenian, Cyrillic and Latin on both engines: SQLite's own
// lower() and LIKE fold ASCII only.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDialect, openTestDatabase } from '../helper.js'
import { anyColumnContains } from '../../src/db/text-match.js'

forEachDialect((dialect) => {
  describe('anyColumnContains', () => {
    it('matches across case in every script, takes % and _ literally, and treats NULL as empty', async (tc) => {
      const opened = await openTestDatabase(dialect.name)
      tc.after(async () => { await opened.close(); await opened.dropSchema() })
      const { db } = opened
      await sql`create table t (id integer primary key, a text, b text)`.execute(db)
      await sql`insert into t (id, a, b) values
        (1, 'Госдепартамент США ждёт ответа', null),
        (2, 'ԵՐԵՎԱՆԻ քաղաքապետարան', 'x'),
        (3, 'Crème BRÛLÉE', '100% off_sale'),
        (4, null, 'plain')`.execute(db)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const find = async (text: string) => (await (db as any).selectFrom('t').select('id')
        .where(anyColumnContains(dialect.name, ['a', 'b'], text)).orderBy('id').execute()).map((r: { id: number }) => r.id)
      assert.deepEqual(await find('госдепартамент сша'), [1])
      assert.deepEqual(await find('ЖДЁТ'), [1])
      assert.deepEqual(await find('երևանի'.replace('և', 'եվ')), [2])
      assert.deepEqual(await find('crème brûlée'), [3])
      assert.deepEqual(await find('100%'), [3])
      assert.deepEqual(await find('f_s'), [3])
      assert.deepEqual(await find('%'), [3])
      assert.deepEqual(await find('_'), [3])
      assert.deepEqual(await find('PLAIN'), [4])
    })
  })
})
