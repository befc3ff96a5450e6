// A section's or tag's description in Admin → Sections and tags: set on the add form, changed on the
// item's page, checked like the name (trimmed, a length limit, no control characters but lines and tabs),
// and audited with the rest.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { auditEntriesFor } from '../../../src/db/repositories/audit.repository.js'
import { termDescription } from '../../../src/db/repositories/taxonomy.repository.js'
import { TAXONOMY_DESCRIPTION_LIMIT } from '../../../src/domain/sections.js'

forEachDialect((dialect) => {
  describe('section and tag descriptions in the admin', () => {
    let t: TestApp
    let editor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect)
      editor = await loginAs(t, 'editor')
    })
    after(() => t.close())

    const idOf = async (table: 'sections' | 'tags', slug: string) =>
      (await t.deps.db.selectFrom(table).select('id').where('edition', '=', 'en').where('slug', '=', slug).executeTakeFirstOrThrow()).id

    it('adds a section with a description, trimmed, its lines kept as "\\n", and audited', async () => {
      const res = await adminPost(t, editor, '/admin/taxonomy/section/new/', {
        edition: 'en', name: 'Economy', slug: '', description: '  Money, trade\r\nand\tjobs.\r\n\r\nSecond paragraph.  \r\n'
      })
      assert.equal(res.statusCode, 303)
      const id = await idOf('sections', 'economy')
      assert.equal(await termDescription(t.deps.db, 'section', id), 'Money, trade\nand\tjobs.\n\nSecond paragraph.')
      const [audit] = await auditEntriesFor(t.deps.db, 'section', id)
      assert.equal(audit!.action, 'section.create')
      assert.equal(JSON.parse(audit!.details).description, 'Money, trade\nand\tjobs.\n\nSecond paragraph.')
    })

    it('prefills the item page with the description, escaped', async () => {
      await adminPost(t, editor, '/admin/taxonomy/tag/new/', { edition: 'en', name: 'Markets', slug: '', description: 'Stocks & <b>bonds</b>' })
      const id = await idOf('tags', 'markets')
      const page = await adminGet(t, editor, `/admin/taxonomy/tag/${id}/`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<textarea[^>]*name="description"[^>]*>Stocks &amp; &lt;b>bonds&lt;\/b><\/textarea>/)
      assert.doesNotMatch(page.body, /<b>bonds<\/b>/)
    })

    it('changes the description on the item page, auditing before and after', async () => {
      const id = await idOf('sections', 'economy')
      const res = await adminPost(t, editor, `/admin/taxonomy/section/${id}/`, { name: 'Economy', slug: 'economy', description: 'Now about money only.' })
      assert.equal(res.statusCode, 303)
      assert.equal(await termDescription(t.deps.db, 'section', id), 'Now about money only.')
      const [audit] = await auditEntriesFor(t.deps.db, 'section', id)
      assert.equal(audit!.action, 'section.update')
      const details = JSON.parse(audit!.details)
      assert.equal(details.before.description, 'Money, trade\nand\tjobs.\n\nSecond paragraph.')
      assert.equal(details.after.description, 'Now about money only.')
      const page = await adminGet(t, editor, `/admin/taxonomy/section/${id}/`)
      assert.match(page.body, />Now about money only\.<\/textarea>/)
    })

    it('takes a description of exactly the limit and refuses a longer one with 400, keeping what was typed', async () => {
      const id = await idOf('sections', 'economy')
      const longest = 'é'.repeat(TAXONOMY_DESCRIPTION_LIMIT)
      const fits = await adminPost(t, editor, `/admin/taxonomy/section/${id}/`, { name: 'Economy', slug: 'economy', description: longest })
      assert.equal(fits.statusCode, 303)
      const tooLong = `${longest}x`
      const edit = await adminPost(t, editor, `/admin/taxonomy/section/${id}/`, { name: 'Economy renamed', slug: 'economy', description: tooLong })
      assert.equal(edit.statusCode, 400)
      assert.match(edit.body, /This is too long: at most 2000 characters\./)
      assert.match(edit.body, new RegExp(`name="description"[^>]*>${tooLong}</textarea>`))
      assert.match(edit.body, /value="Economy renamed"/)
      assert.equal(await termDescription(t.deps.db, 'section', id), longest)

      const create = await adminPost(t, editor, '/admin/taxonomy/tag/new/', { edition: 'en', name: 'Verbose', slug: '', description: tooLong })
      assert.equal(create.statusCode, 400)
      assert.match(create.body, /This is too long: at most 2000 characters\./)
      assert.match(create.body, new RegExp(`id="tag-description"[^>]*>${tooLong}</textarea>`))
      assert.equal(await t.deps.db.selectFrom('tags').select('id').where('slug', '=', 'verbose').executeTakeFirst(), undefined)
    })

    it('refuses control characters other than line breaks and tabs', async () => {
      const res = await adminPost(t, editor, '/admin/taxonomy/section/new/', { edition: 'en', name: 'Bells', slug: '', description: 'Ring\u0007ring' })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /This contains characters that cannot be saved\./)
      assert.equal(await t.deps.db.selectFrom('sections').select('id').where('slug', '=', 'bells').executeTakeFirst(), undefined)
    })

    it('clears a description sent empty', async () => {
      const id = await idOf('tags', 'markets')
      const res = await adminPost(t, editor, `/admin/taxonomy/tag/${id}/`, { name: 'Markets', slug: 'markets', description: '   ' })
      assert.equal(res.statusCode, 303)
      assert.equal(await termDescription(t.deps.db, 'tag', id), '')
    })
  })
})
