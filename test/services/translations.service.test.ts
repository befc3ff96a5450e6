import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { createTestUser } from '../admin-helper.js'
import { changeArticleStatus, createArticle } from '../../src/services/articles.service.js'
import { articleById } from '../../src/db/repositories/articles.repository.js'
import { createTranslationDraft, translationPanel, hreflangLinks, articleEditionLinks } from '../../src/services/translations.service.js'
import { ensureSection } from '../../src/db/repositories/taxonomy.repository.js'
import { indexArticle } from '../../src/db/repositories/search.repository.js'
import { translationSetsOf, translationsOf } from '../../src/db/repositories/translations.repository.js'
import { auditEntriesFor } from '../../src/db/repositories/audit.repository.js'
import { loadSettings } from '../../src/db/repositories/settings.repository.js'
import type { Role } from '../../src/domain/roles.js'
import { assertBodyDocument, doc, p, text } from '../body-support.js'

const SETTINGS = { editions: ['en', 'ru', 'hy'], defaultEdition: 'en', timeZone: 'Asia/Yerevan', siteName: 'Lede Test' }
const PUBLISHED_AT = '2026-11-20T09:33:00.000Z'

async function setup(tc: Parameters<typeof build>[0], dialect: Parameters<typeof build>[1], role: Role = 'editor') {
  const t = await build(tc, dialect, { clock: '2026-11-26T10:00:00.000Z', settings: SETTINGS })
  const user = await createTestUser(t, { role, displayName: 'Mariam Translator' })
  const editor = { id: user.id, role, displayName: user.displayName }
  const politics = await ensureSection(t.deps.db, 'en', 'politics', 'Politics')
  const ruPolitics = await ensureSection(t.deps.db, 'ru', 'politics', 'Политика')
  const { id } = await createArticle(t.deps, {
    edition: 'en', headline: 'Parliament passes the budget', lead: 'After a long night.', bodySource: 'The vote was **close**.',
    agencyCredit: 'Lede Wire', sourceUrl: 'https://example.com/wire/1', byline: 'Owen Pryce', sectionId: politics,
    tags: ['Budget'], status: 'published', publishedAt: PUBLISHED_AT, breaking: true
  })
  return { t, editor, sourceId: id, ruPolitics }
}

/** Publishes a draft the way the editor would, for these tests: status, time and the index in one transaction. */
async function publish(t: TestApp, id: number, slug: string) {
  await t.deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('articles').set({ status: 'published', published_at: PUBLISHED_AT, slug }).where('id', '=', id).execute()
    await indexArticle(trx, id)
  })
}

forEachDialect((dialect) => {
  describe('createTranslationDraft', () => {
    it('creates a draft in the other edition, pre-filled from the original and linked to it', async (tc) => {
      const { t, editor, sourceId, ruPolitics } = await setup(tc, dialect)
      const result = await createTranslationDraft(t.deps, editor, sourceId, 'ru')
      assert.equal(result.kind, 'created')
      const draftId = (result as { id: number }).id
      const [source, draft] = await Promise.all([sourceId, draftId].map((id) => t.deps.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow()))
      assert.ok(source!.translation_group, 'the original joined a group')
      assert.equal(draft!.translation_group, source!.translation_group)
      assert.equal(draft!.edition, 'ru')
      assert.equal(draft!.status, 'draft')
      assert.equal(draft!.published_at, null)
      assert.equal(draft!.author_id, editor.id)
      assert.equal(draft!.headline, 'Parliament passes the budget')
      // The original's Markdown was stored as its document; the draft copies that document.
      assertBodyDocument(draft!.body_source, doc(p('The vote was ', text('close', 'strong'), '.')))
      assert.equal(draft!.body_source, source!.body_source)
      assert.equal(draft!.body_html, source!.body_html)
      assert.equal(draft!.agency_credit, 'Lede Wire')
      assert.equal(draft!.source_url, 'https://example.com/wire/1')
      assert.equal(draft!.breaking, 1)
      // The Russian edition has a section with the same slug, so the section carries over.
      assert.equal(draft!.section_id, ruPolitics)
    })

    it('records a revision and an audit row naming the original', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect)
      const { id } = await createTranslationDraft(t.deps, editor, sourceId, 'hy') as { id: number }
      const audit = await auditEntriesFor(t.deps.db, 'article', id)
      assert.equal(audit[0]!.action, 'article.translate')
      assert.equal(audit[0]!.actor_id, editor.id)
      assert.deepEqual(JSON.parse(audit[0]!.details).translationOf, sourceId)
      const revisions = await t.deps.db.selectFrom('article_revisions').selectAll().where('article_id', '=', id).execute()
      assert.equal(revisions.length, 1)
      assert.equal(revisions[0]!.action, 'translate')
      // No section "politics" in Armenian yet: the draft has none rather than a Russian or English one.
      const draft = await t.deps.db.selectFrom('articles').select('section_id').where('id', '=', id).executeTakeFirstOrThrow()
      assert.equal(draft.section_id, null)
    })

    it('records on the original who linked a translation to it, without a new version of the original', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect)
      const version = (await articleById(t.deps.db, sourceId))!.version
      const ru = await createTranslationDraft(t.deps, editor, sourceId, 'ru') as { id: number }
      const hy = await createTranslationDraft(t.deps, editor, sourceId, 'hy') as { id: number }
      const source = (await articleById(t.deps.db, sourceId))!
      assert.equal(source.version, version, 'forms open on the original do not turn into conflicts')
      const linked = (await auditEntriesFor(t.deps.db, 'article', sourceId)).filter((row) => row.action === 'article.translation_linked')
      assert.deepEqual(linked.map((row) => [row.actor_id, JSON.parse(row.details)]), [
        [editor.id, { headline: 'Parliament passes the budget', translation: hy.id, edition: 'hy', group: source.translation_group, groupCreated: false }],
        [editor.id, { headline: 'Parliament passes the budget', translation: ru.id, edition: 'ru', group: source.translation_group, groupCreated: true }]
      ])
    })

    it('refuses a contributor another’s story unpublished before the link, in the same transaction as the write', async (tc) => {
      const { t, editor: contributor, sourceId } = await setup(tc, dialect, 'contributor')
      const editorUser = await createTestUser(t, { role: 'editor' })
      const editor = { id: editorUser.id, role: 'editor' as const, displayName: editorUser.displayName }
      assert.equal((await changeArticleStatus(t.deps, editor, sourceId, 'unpublish')).kind, 'done')
      const before = await articleById(t.deps.db, sourceId)
      const audit = (await auditEntriesFor(t.deps.db, 'article', sourceId)).length
      assert.deepEqual(await createTranslationDraft(t.deps, contributor, sourceId, 'ru'), { kind: 'forbidden' })
      assert.deepEqual(await articleById(t.deps.db, sourceId), before)
      assert.equal((await auditEntriesFor(t.deps.db, 'article', sourceId)).length, audit)
      assert.equal((await t.deps.db.selectFrom('articles').select('id').execute()).length, 1)
      // Editors may open the story in the editor, so they may still translate it.
      assert.equal((await createTranslationDraft(t.deps, editor, sourceId, 'ru')).kind, 'created')
    })

    it('does not link a story unpublished while the translation is being started', async (tc) => {
      const { t, editor: contributor, sourceId } = await setup(tc, dialect, 'contributor')
      let started: Promise<unknown> | undefined
      // The unpublish holds its transaction open while the contributor's request comes in: the translation
      // waits for it (SQLite: one writer; PostgreSQL: the row lock) and then sees the draft.
      await t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('articles').set({ status: 'draft', version: 2 }).where('id', '=', sourceId).execute()
        started = createTranslationDraft(t.deps, contributor, sourceId, 'ru')
        await new Promise((resolve) => setTimeout(resolve, 100))
      })
      assert.deepEqual(await started, { kind: 'forbidden' })
      const source = (await articleById(t.deps.db, sourceId))!
      assert.equal(source.translation_group, null)
      assert.equal((await t.deps.db.selectFrom('articles').select('id').execute()).length, 1)
    })

    it('keeps one group for every language: translating a translation joins the same group', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect)
      const ru = await createTranslationDraft(t.deps, editor, sourceId, 'ru') as { id: number }
      const hy = await createTranslationDraft(t.deps, editor, ru.id, 'hy') as { id: number }
      const groups = await t.deps.db.selectFrom('articles').select('translation_group').where('id', 'in', [sourceId, ru.id, hy.id]).execute()
      assert.equal(new Set(groups.map((g) => g.translation_group)).size, 1)
    })

    it('sends the editor to the existing version instead of making a second one', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect)
      const first = await createTranslationDraft(t.deps, editor, sourceId, 'ru') as { id: number }
      assert.deepEqual(await createTranslationDraft(t.deps, editor, sourceId, 'ru'), { kind: 'exists', id: first.id })
      // From the translation back to the original's language: the original is that version.
      assert.deepEqual(await createTranslationDraft(t.deps, editor, first.id, 'en'), { kind: 'exists', id: sourceId })
    })

    it('refuses an unknown edition, the article’s own edition, and a missing article', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect)
      assert.deepEqual(await createTranslationDraft(t.deps, editor, sourceId, 'de'), { kind: 'bad-edition' })
      assert.deepEqual(await createTranslationDraft(t.deps, editor, sourceId, 'en'), { kind: 'bad-edition' })
      assert.deepEqual(await createTranslationDraft(t.deps, editor, 999_999, 'ru'), { kind: 'not-found' })
      const count = await t.deps.db.selectFrom('articles').select('id').execute()
      assert.equal(count.length, 1)
    })

    it('lets a contributor start a translation (writing drafts is theirs to do)', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect, 'contributor')
      assert.equal((await createTranslationDraft(t.deps, editor, sourceId, 'ru')).kind, 'created')
    })

    it('keeps the draft off the site, out of search and out of the switcher until it is published', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect)
      const { id } = await createTranslationDraft(t.deps, editor, sourceId, 'ru') as { id: number }
      const settings = await loadSettings(t.deps.db)
      const source = await t.deps.db.selectFrom('articles').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow()
      assert.deepEqual((await articleEditionLinks(t.deps, settings, source)).map((l) => [l.edition, l.path, l.equivalent]), [
        ['en', '/2026/11/20/parliament-passes-the-budget/', true],
        ['ru', '/ru/', false],
        ['hy', '/hy/', false]
      ])
      assert.equal((await t.app.inject('/ru/search?q=parliament+')).body.includes('Parliament passes'), false)
      await publish(t, id, 'parlament-prinyal-byudzhet')
      assert.deepEqual((await articleEditionLinks(t.deps, settings, source)).map((l) => [l.edition, l.path]), [
        ['en', '/2026/11/20/parliament-passes-the-budget/'],
        ['ru', '/ru/2026/11/20/parlament-prinyal-byudzhet/'],
        ['hy', '/hy/']
      ])
      const ruPage = await t.app.inject('/ru/2026/11/20/parlament-prinyal-byudzhet/')
      assert.equal(ruPage.statusCode, 200)
      assert.match(ruPage.body, /<a href="\/2026\/11\/20\/parliament-passes-the-budget\/" lang="en" hreflang="en" dir="ltr">English<\/a>/)
    })
  })

  describe('the Translations panel data', () => {
    it('lists the other versions with their status and the editions still missing', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect)
      const settings = await loadSettings(t.deps.db)
      assert.deepEqual(await translationPanel(t.deps, settings, { id: sourceId, edition: 'en' }), { versions: [], missing: ['ru', 'hy'] })
      const { id } = await createTranslationDraft(t.deps, editor, sourceId, 'ru') as { id: number }
      const panel = await translationPanel(t.deps, settings, { id: sourceId, edition: 'en' })
      assert.deepEqual(panel.missing, ['hy'])
      assert.deepEqual(panel.versions.map((v) => [v.id, v.edition, v.status]), [[id, 'ru', 'draft']])
    })
  })

  describe('translationsOf and translationSetsOf (for pages and sitemaps)', () => {
    it('return only public versions, one per edition, and sets that are the same from every member', async (tc) => {
      const { t, editor, sourceId } = await setup(tc, dialect)
      const ru = await createTranslationDraft(t.deps, editor, sourceId, 'ru') as { id: number }
      const hy = await createTranslationDraft(t.deps, editor, sourceId, 'hy') as { id: number }
      const now = t.deps.clock()
      assert.deepEqual(await translationsOf(t.deps.db, { articleId: sourceId, now }), [])
      await publish(t, ru.id, 'ru-slug')
      await publish(t, hy.id, 'hy-slug')
      assert.deepEqual((await translationsOf(t.deps.db, { articleId: sourceId, now })).map((l) => l.edition).sort(), ['hy', 'ru'])
      const sets = await translationSetsOf(t.deps.db, { articleIds: [sourceId, ru.id, hy.id], now })
      const asKey = (id: number) => sets.get(id)!.map((l) => `${l.edition}:${l.id}`).sort().join(' ')
      assert.equal(asKey(sourceId), asKey(ru.id))
      assert.equal(asKey(ru.id), asKey(hy.id))
      assert.equal(sets.get(sourceId)!.length, 3)
    })
  })
})

describe('hreflangLinks', () => {
  const settings = { siteUrl: 'https://news.example', defaultEdition: 'en', editions: ['hy', 'ru', 'en'] } as Parameters<typeof hreflangLinks>[0]

  it('lists every equivalent version and x-default, the default edition’s version', () => {
    assert.deepEqual(hreflangLinks(settings, [
      { edition: 'hy', path: '/hy/a/', equivalent: true },
      { edition: 'ru', path: '/ru/', equivalent: false },
      { edition: 'en', path: '/a/', equivalent: true }
    ]), [
      { hreflang: 'hy', href: 'https://news.example/hy/a/' },
      { hreflang: 'en', href: 'https://news.example/a/' },
      { hreflang: 'x-default', href: 'https://news.example/a/' }
    ])
  })

  it('falls back to the first version for x-default when the default edition has none, and is empty for a lone page', () => {
    assert.deepEqual(hreflangLinks(settings, [
      { edition: 'hy', path: '/hy/a/', equivalent: true },
      { edition: 'ru', path: '/ru/a/', equivalent: true },
      { edition: 'en', path: '/', equivalent: false }
    ]).at(-1), { hreflang: 'x-default', href: 'https://news.example/hy/a/' })
    assert.deepEqual(hreflangLinks(settings, [{ edition: 'en', path: '/a/', equivalent: true }, { edition: 'ru', path: '/ru/', equivalent: false }]), [])
  })
})
