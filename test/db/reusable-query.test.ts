// Queries compiled once (src/db/reusable-query.ts): the same rows as the builder gives, for any arguments,
// inside transactions too; a builder that does not bind its arguments unchanged is refused; a handle with
// plugins (the query counter) is served by the builder every time.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { KyselyPlugin } from 'kysely'
import type { DbOrTrx } from '../../src/db/database.js'
import { reusableQuery } from '../../src/db/reusable-query.js'
import { forEachDialect, openMigratedTestDatabase } from '../helper.js'

forEachDialect((dialect) => {
  describe('a reusable query', () => {
    let database: Awaited<ReturnType<typeof openMigratedTestDatabase>>
    before(async () => {
      database = await openMigratedTestDatabase(dialect.name, { demoAt: null })
      await database.db.insertInto('tags').values([
        { edition: 'en', slug: 'armenia', name: 'Armenia' },
        { edition: 'en', slug: 'energy', name: 'Energy' },
        { edition: 'ru', slug: 'armenia', name: 'Армения' },
        { edition: 'en', slug: 'zeal', name: 'Zeal' }
      ]).execute()
    })
    after(async () => {
      await database.db.destroy()
      await database.dropSchema()
    })

    let builds = 0
    const byEditionFrom = (db: DbOrTrx, edition: string, from: string) => {
      builds++
      return db.selectFrom('tags').select(['slug', 'name']).where('edition', '=', edition).where('slug', '>=', from)
        .where('slug', '!=', 'zeal').orderBy('slug')
    }
    const reusable = reusableQuery(byEditionFrom)

    it('gives the builder\'s rows for every argument, building once', async () => {
      builds = 0
      for (const [edition, from] of [['en', 'a'], ['en', 'b'], ['ru', ''], ['hy', 'a'], ['en', 'energy']] as const) {
        const expected = await byEditionFrom(database.db, edition, from).execute()
        assert.deepEqual(await reusable(database.db, edition, from), expected, `${edition} from ${from}`)
      }
      assert.deepEqual((await reusable(database.db, 'en', 'a')).map((r) => r.slug), ['armenia', 'energy'], 'the fixed value (zeal) stays in place')
      assert.equal(builds, 5 + 1, 'the builder ran for the expected rows, and once for the reusable query')
    })

    it('runs inside a transaction, and sees its writes', async () => {
      await database.db.transaction().execute(async (trx) => {
        await trx.insertInto('tags').values({ edition: 'hy', slug: 'ayb', name: 'Ayb' }).execute()
        assert.deepEqual(await reusable(trx, 'hy', 'a'), [{ slug: 'ayb', name: 'Ayb' }])
      })
    })

    it('refuses a builder that does not bind an argument as it is', async () => {
      const transformed = reusableQuery((db: DbOrTrx, slug: string) => db.selectFrom('tags').select('id').where('slug', '=', slug.toUpperCase()))
      await assert.rejects(transformed(database.db, 'armenia'), /argument 0 must go into the query as a bound value/)
      const unused = reusableQuery((db: DbOrTrx, _slug: string) => db.selectFrom('tags').select('id'))
      await assert.rejects(unused(database.db, 'armenia'), /argument 0/)
    })

    it('leaves a handle with plugins to the builder, so they see every query', async () => {
      const seen: string[] = []
      const plugin: KyselyPlugin = {
        transformQuery: (args) => { seen.push(args.node.kind); return args.node },
        transformResult: async (args) => args.result
      }
      builds = 0
      const rows = await reusable(database.db.withPlugin(plugin), 'en', 'a')
      assert.equal(rows.length, 2)
      assert.deepEqual(seen, ['SelectQueryNode'])
      assert.equal(builds, 1)
    })
  })
})
