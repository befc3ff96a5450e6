// The duplicate and flood checks and the insert are one step per client address: parallel posts (the
// double-clicked button, or a script firing many at once) cannot all pass the checks before any is stored.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { commentsFixture, READER, RULES_OFF } from './comments-support.js'

const PARALLEL = 10

forEachDialect((dialect) => {
  describe(`comments posted in parallel (${dialect.name})`, () => {
    it('stores exactly one of N identical posts sent at once from one address', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      const replies = await Promise.all(Array.from({ length: PARALLEL }, () =>
        f.post({ ...READER, comment: 'Posted ten times at once.' }, { token: 'none', ip: '198.51.100.77' })))
      const statuses = replies.map((r) => r.statusCode).sort()
      assert.deepEqual(statuses, [303, ...Array<number>(PARALLEL - 1).fill(409)])
      assert.equal((await f.rows()).length, 1)
    })

    it('lets one of N different posts sent at once from one address through the flood interval', async (tc) => {
      const f = await commentsFixture(tc, dialect, RULES_OFF)
      const replies = await Promise.all(Array.from({ length: PARALLEL }, (_, i) =>
        f.post({ ...READER, comment: `Flood number ${i}.` }, { token: 'none', ip: '198.51.100.78' })))
      assert.equal(replies.filter((r) => r.statusCode === 303).length, 1)
      assert.equal(replies.filter((r) => r.statusCode === 429).length, PARALLEL - 1)
      assert.equal((await f.rows()).length, 1)
    })
  })
})
