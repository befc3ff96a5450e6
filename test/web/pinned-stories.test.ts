// Stories pinned to the top of the front page (WordPress's sticky posts): set in the editor, shown above
// the newsfeed on its first page only while they are live, brought in by the WordPress import and written
// back by its export.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { buildTestApp, forEachDialect, type TestApp } from '../helper.js'
import { adminGet, adminPost, loginAs, type AdminSession } from '../admin-helper.js'
import { articleById } from '../../src/db/repositories/articles.repository.js'
import { revisionsOf } from '../../src/db/repositories/revisions.repository.js'
import { encodeCursor } from '../../src/domain/urls.js'
import { currentFields, newArticle } from './admin/newsroom-support.js'
import { importWordPress } from '../../src/services/wordpress-import.service.js'
import { exportWordPress } from '../../src/services/wordpress-export.service.js'

const SETTINGS = { timeZone: 'Asia/Yerevan', siteName: 'Lede Test', editions: ['en'], defaultEdition: 'en' }

/** The front page's pinned block, or null. */
const pinnedBlock = (html: string) => /<section class="pinned"[^]*?<\/section>/.exec(html)?.[0] ?? null

forEachDialect((dialect) => {
  describe('pinned stories', () => {
    let t: TestApp
    let editor: AdminSession
    before(async () => {
      t = await buildTestApp(dialect, { settings: SETTINGS })
      editor = await loginAs(t, 'editor')
    })
    after(() => t.close())

    it('an editor pins a story: it leads the front page with its date, not the older pages; unpinned, it goes', async () => {
      const pinned = await newArticle(t, editor, { headline: 'Road closures for the summit', sticky: 'on', publish_date: '2026-11-20', publish_time: '09:15' }, 'publish')
      for (let i = 0; i < 3; i++) await newArticle(t, editor, { headline: `Later story ${i}` }, 'publish')
      assert.equal((await articleById(t.deps.db, pinned))!.sticky, 1)
      const form = await adminGet(t, editor, `/admin/articles/${pinned}/`)
      assert.match(form.body, /<input[^>]*name="sticky"[^>]*checked/)

      const front = await t.app.inject({ url: '/' })
      const block = pinnedBlock(front.body)
      assert.ok(block, 'a pinned block')
      assert.match(block, /<h2 id="pinned-heading">Pinned<\/h2>/)
      assert.match(block, /Road closures for the summit/)
      assert.match(block, /November 20, 2026 09:15/)
      assert.ok(front.body.indexOf('Road closures') < front.body.indexOf('Later story 2'), 'above the newsfeed')
      // An older page of the newsfeed (before the newest story) has no pinned block, though the pinned story is on it.
      const newest = (await articleById(t.deps.db, pinned + 3))!
      const older = await t.app.inject({ url: `/?before=${encodeCursor({ publishedAt: newest.published_at!, id: newest.id })}` })
      assert.equal(older.statusCode, 200)
      assert.equal(pinnedBlock(older.body), null, 'only on the first page')
      assert.match(older.body, /Road closures for the summit/)

      // Saved without the box ticked (as a browser sends an unticked checkbox): no longer pinned.
      const { sticky: _, ...fields } = await currentFields(t, pinned)
      const saved = await adminPost(t, editor, `/admin/articles/${pinned}/`, { ...fields, intent: 'save' })
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300))
      assert.equal((await articleById(t.deps.db, pinned))!.sticky, 0)
      assert.equal(pinnedBlock((await t.app.inject({ url: '/' })).body), null)
    })

    it('a revision keeps the pin: the diff shows it, and restoring brings it back', async () => {
      const id = await newArticle(t, editor, { headline: 'Pinned, then not', sticky: 'on' })
      const { sticky: _, ...fields } = await currentFields(t, id)
      assert.equal((await adminPost(t, editor, `/admin/articles/${id}/`, { ...fields, intent: 'save' })).statusCode, 303)
      const [unpinned, pinned] = await revisionsOf(t.deps.db, id)
      assert.deepEqual([unpinned!.fields.sticky, pinned!.fields.sticky], [false, true])
      const diff = await adminGet(t, editor, `/admin/articles/${id}/revisions/${unpinned!.id}/`)
      assert.match(diff.body, /<dt>Pinned to the front page <span class="diff-counts">[^<]*<\/span><\/dt><dd class="diff-text"><del>yes<\/del><ins>no<\/ins><\/dd>/)
      const version = (await articleById(t.deps.db, id))!.version
      const restored = await adminPost(t, editor, `/admin/articles/${id}/revisions/${pinned!.id}/restore/`, { version: String(version) })
      assert.equal(restored.statusCode, 303)
      assert.equal((await articleById(t.deps.db, id))!.sticky, 1)
      // A revision saved before stories could be pinned has no pin to restore: the story keeps its own.
      const old = JSON.parse((await t.deps.db.selectFrom('article_revisions').select('fields').where('id', '=', unpinned!.id).executeTakeFirstOrThrow()).fields)
      delete old.sticky
      await t.deps.db.updateTable('article_revisions').set({ fields: JSON.stringify(old) }).where('id', '=', unpinned!.id).execute()
      const again = await adminPost(t, editor, `/admin/articles/${id}/revisions/${unpinned!.id}/restore/`, { version: String((await articleById(t.deps.db, id))!.version) })
      assert.equal(again.statusCode, 303)
      assert.equal((await articleById(t.deps.db, id))!.sticky, 1)
    })

    it('a pinned draft or a pinned story scheduled for later is not shown', async () => {
      await newArticle(t, editor, { headline: 'Pinned draft', sticky: 'on' }, 'save')
      await newArticle(t, editor, { headline: 'Pinned for tomorrow', sticky: 'on', publish_date: '2026-12-31', publish_time: '10:00' }, 'publish')
      const block = pinnedBlock((await t.app.inject({ url: '/' })).body)
      assert.ok(block === null || (!block.includes('Pinned draft') && !block.includes('Pinned for tomorrow')))
    })

    it('WordPress sticky posts come in pinned, and the export writes them back as sticky', async () => {
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://old.example</wp:base_blog_url>
${[1, 2].map((id) => `<item><title>Old story ${id}</title><link>https://old.example/?p=${id}</link><dc:creator>anna</dc:creator><content:encoded><![CDATA[Text.]]></content:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>2024-03-0${id} 10:00:00</wp:post_date><wp:post_date_gmt>2024-03-0${id} 06:00:00</wp:post_date_gmt><wp:post_name>old-story-${id}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>${id === 1 ? 1 : 0}</wp:is_sticky></item>`).join('\n')}
</channel></rss>`
      const result = await importWordPress(t.deps, {
        source: () => Readable.from([Buffer.from(xml, 'utf8')]), fileName: 'old.xml', edition: 'en', dryRun: false, mediaDir: null, actor: { id: null, name: 'test' }
      })
      assert.equal(result.kind, 'done')
      const notes = result.kind === 'done' ? Object.keys(result.summary.notes) : []
      assert.ok(!notes.some((n) => n.includes('sticky')), notes.join('; '))
      const rows = await t.deps.db.selectFrom('articles').select(['slug', 'sticky']).where('slug', 'like', 'old-story-%').orderBy('slug').execute()
      assert.deepEqual(rows.map((r) => [r.slug, r.sticky]), [['old-story-1', 1], ['old-story-2', 0]])
      assert.match(pinnedBlock((await t.app.inject({ url: '/' })).body) ?? '', /Old story 1/)

      let exported = ''
      await exportWordPress(t.deps, 'en', async (chunk) => { exported += chunk })
      const item = (title: string) => new RegExp(`<title>(?:<!\\[CDATA\\[)?${title}[^]*?</item>`).exec(exported)?.[0] ?? ''
      assert.match(item('Old story 1'), /<wp:is_sticky>1<\/wp:is_sticky>/)
      assert.match(item('Old story 2'), /<wp:is_sticky>0<\/wp:is_sticky>/)
    })
  })
})
