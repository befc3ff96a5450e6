// Sections and tags over HTTP: create, rename, change slug, delete (articles keep working), per edition.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { tagsOfArticle } from '../../../src/db/repositories/taxonomy.repository.js'
import { auditEntriesFor } from '../../../src/db/repositories/audit.repository.js'
import { newArticle } from './newsroom-support.js'

forEachDialect((dialect) => {
  describe('sections and tags', () => {
    let t: TestApp
    let editor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan', editions: ['en', 'ru'], defaultEdition: 'en' } })
      editor = await loginAs(t, 'editor')
    })
    after(() => t.close())

    const sectionId = async (edition: string, slug: string) =>
      (await t.deps.db.selectFrom('sections').select('id').where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst())?.id

    it('adds a section with a slug made from its name, per edition', async () => {
      const res = await adminPost(t, editor, '/admin/taxonomy/section/new/', { edition: 'en', name: 'World News', slug: '' })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/taxonomy/?edition=en&notice=sectionCreated')
      assert.ok(await sectionId('en', 'world-news'))
      const ru = await adminPost(t, editor, '/admin/taxonomy/section/new/', { edition: 'ru', name: 'В мире', slug: '' })
      assert.equal(ru.statusCode, 303)
      assert.ok(await sectionId('ru', 'v-mire'))
      const page = await adminGet(t, editor, '/admin/taxonomy/?edition=ru')
      assert.match(page.body, /В мире/)
      assert.doesNotMatch(page.body, /World News/)
    })

    it('refuses a taken slug, an empty name and a bad slug with 400, keeping the input', async () => {
      const taken = await adminPost(t, editor, '/admin/taxonomy/section/new/', { edition: 'en', name: 'World', slug: 'world-news' })
      assert.equal(taken.statusCode, 400)
      assert.match(taken.body, /already uses this slug/)
      assert.match(taken.body, /value="World"/)
      const empty = await adminPost(t, editor, '/admin/taxonomy/tag/new/', { edition: 'en', name: '  ', slug: '' })
      assert.equal(empty.statusCode, 400)
      assert.match(empty.body, /Please fill in this field/)
      const bad = await adminPost(t, editor, '/admin/taxonomy/tag/new/', { edition: 'en', name: 'Fine', slug: 'Not OK!' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Use lower-case Latin letters/)
      const badEdition = await adminPost(t, editor, '/admin/taxonomy/tag/new/', { edition: 'xx', name: 'Fine', slug: '' })
      assert.equal(badEdition.statusCode, 400)
    })

    it('renames a section and changes its slug; its articles keep it', async () => {
      const id = (await sectionId('en', 'world-news'))!
      const articleId = await newArticle(t, editor, { headline: 'Filed under world', section_id: String(id) }, 'publish')
      const res = await adminPost(t, editor, `/admin/taxonomy/section/${id}/`, { name: 'World', slug: 'world' })
      assert.equal(res.statusCode, 303)
      const page = await adminGet(t, editor, `/admin/taxonomy/section/${id}/`)
      assert.match(page.body, /value="World"/)
      assert.match(page.body, /1 article is in this section/)
      assert.equal((await articleById(t.deps.db, articleId))!.section_id, id)
      const article = await t.app.inject('/2026/11/26/filed-under-world/')
      assert.match(article.body, /<span class="label">Section:<\/span> (<a [^>]+>)?World/)
      const [audit] = await auditEntriesFor(t.deps.db, 'section', id)
      assert.equal(audit!.action, 'section.update')
    })

    it('deletes a section: its articles stay published, without a section', async () => {
      const id = (await sectionId('en', 'world'))!
      const articleId = (await t.deps.db.selectFrom('articles').select('id').where('section_id', '=', id).executeTakeFirstOrThrow()).id
      const res = await adminPost(t, editor, `/admin/taxonomy/section/${id}/delete/`, {})
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/taxonomy/?edition=en&notice=sectionDeleted')
      const row = (await articleById(t.deps.db, articleId))!
      assert.equal(row.section_id, null)
      assert.equal(row.status, 'published')
      assert.equal((await t.app.inject('/2026/11/26/filed-under-world/')).statusCode, 200)
    })

    it('renames and deletes a tag; articles keep working and lose only the tag', async () => {
      const articleId = await newArticle(t, editor, { headline: 'Tagged story', tags: 'Elections, Yerevan' }, 'publish')
      const tag = (await tagsOfArticle(t.deps.db, articleId)).find((x) => x.name === 'Elections')!
      const renamed = await adminPost(t, editor, `/admin/taxonomy/tag/${tag.id}/`, { name: 'Election 2026', slug: 'election-2026' })
      assert.equal(renamed.statusCode, 303)
      assert.deepEqual((await tagsOfArticle(t.deps.db, articleId)).map((x) => x.name), ['Election 2026', 'Yerevan'])
      const deleted = await adminPost(t, editor, `/admin/taxonomy/tag/${tag.id}/delete/`, {})
      assert.equal(deleted.statusCode, 303)
      assert.deepEqual((await tagsOfArticle(t.deps.db, articleId)).map((x) => x.name), ['Yerevan'])
      assert.equal((await t.app.inject('/2026/11/26/tagged-story/')).statusCode, 200)
    })

    it('answers 404 for unknown kinds and items, and refuses forms without the CSRF token', async () => {
      assert.equal((await adminGet(t, editor, '/admin/taxonomy/genre/1/')).statusCode, 404)
      assert.equal((await adminGet(t, editor, '/admin/taxonomy/section/999999/')).statusCode, 404)
      assert.equal((await adminPost(t, editor, '/admin/taxonomy/tag/999999/', { name: 'X', slug: '' })).statusCode, 404)
      assert.equal((await adminPost(t, editor, '/admin/taxonomy/tag/999999/delete/', {})).statusCode, 404)
      const forged = await adminPost(t, { ...editor, csrf: 'forged' }, '/admin/taxonomy/section/new/', { edition: 'en', name: 'Forged', slug: '' })
      assert.equal(forged.statusCode, 403)
      assert.equal(await sectionId('en', 'forged'), undefined)
    })
  })
})
