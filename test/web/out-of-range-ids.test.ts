// Ids in URLs, cursors and forms beyond what an id column holds: PostgreSQL refuses such a number in a
// comparison with an error, so each must be turned away as bad input or "not found" — never a 500.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { adminGet, loginAs } from '../admin-helper.js'

const HUGE = '9999999999'

forEachDialect((dialect) => {
  describe('ids beyond the id columns', () => {
    it('are refused on reader pages, media, the API and the comment form', async (t) => {
      const app = await build(t, dialect, { demo: true })
      const expected: Record<string, number> = {
        [`/?before=1643880780000-${HUGE}`]: 400,
        [`/section/politics/?before=1643880780000-${HUGE}`]: 400,
        [`/api/v1/articles?before=1643880780000-${HUGE}`]: 400,
        [`/media/${HUGE}-0123456789abcdef/original.jpg`]: 404,
        [`/comments/timing.json?article=${HUGE}`]: 400
      }
      for (const [url, status] of Object.entries(expected)) assert.equal((await app.app.inject(url)).statusCode, status, url)
      const post = await app.app.inject({
        method: 'POST', url: '/comments', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `article_id=${HUGE}&author=A&email=a%40example.org&comment=Hello`
      })
      assert.equal(post.statusCode, 400)
    })

    it('are refused in the newsroom’s lists and filters', async (t) => {
      const app = await build(t, dialect, { demo: true })
      const admin = await loginAs(app, 'administrator')
      for (const url of [`/admin/articles/?after=1-${HUGE}`, `/admin/comments/?before=1-${HUGE}`, `/admin/media/?after=1-${HUGE}`]) {
        // An unreadable cursor is ignored: the first page is shown.
        assert.equal((await adminGet(app, admin, url)).statusCode, 200, url)
      }
      for (const url of [`/admin/audit/?before=1-${HUGE}`, `/admin/audit/?actor=${HUGE}`, `/admin/audit/?subject_id=${HUGE}`]) {
        assert.equal((await adminGet(app, admin, url)).statusCode, 400, url)
      }
    })
  })
})
