// The role × action matrix for the newsroom screens (articles, media, sections and tags, comments):
// every route tried by every role, as WordPress defines them; the server decides, and a refusal
// changes nothing.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { ALL_ROLES, adminGet, adminPost, loginAs, type AdminSession } from '../../admin-helper.js'
import type { Role } from '../../../src/domain/roles.js'
import { insertComment } from '../../../src/db/repositories/comments.repository.js'
import { changeArticleStatus, createArticle } from '../../../src/services/articles.service.js'
import { ARTICLE_FIELDS, multipartBody, newArticle, testImage, upload } from './newsroom-support.js'

interface Prepared { method: 'GET' | 'POST', url: string, fields?: Record<string, string | string[]>, multipart?: boolean }
interface Case {
  name: string
  /** Builds the request for a role's session (fresh targets each time, so cases do not interfere). */
  prepare: (ctx: { t: TestApp, me: AdminSession, editor: AdminSession, mediaId: number }) => Promise<Prepared>
  allowed: readonly Role[]
  status: number
  /** How the others are refused, when not with 403 (a form field the role may not change: 400 and why). */
  refusal?: { status: number, message: RegExp }
}

const EVERYONE = ALL_ROLES
const PUBLISHERS: readonly Role[] = ['administrator', 'editor', 'author']
const EDITORS: readonly Role[] = ['administrator', 'editor']

const othersDraft = ({ t, editor }: { t: TestApp, editor: AdminSession }) => newArticle(t, editor, { headline: `Editor’s draft ${Math.random()}` })
const ownDraft = ({ t, me }: { t: TestApp, me: AdminSession }) => newArticle(t, me, { headline: `Own draft ${Math.random()}` })
const fieldsOf = (id: number) => ({ ...ARTICLE_FIELDS, headline: `Changed ${id}`, version: '1', intent: 'save' })
/** Own draft to which an editor gave a featured image (version 2). */
async function ownDraftWithImage(c: { t: TestApp, me: AdminSession, editor: AdminSession, mediaId: number }): Promise<number> {
  const id = await ownDraft(c)
  const res = await adminPost(c.t, c.editor, `/admin/articles/${id}/`, { ...fieldsOf(id), featured_media_id: String(c.mediaId), featured_alt: 'Chosen by the editor' })
  assert.equal(res.statusCode, 303)
  return id
}
/** Choosing the featured image needs media.upload, as WordPress's featured-image box needs upload_files. */
const IMAGE_REFUSED = { status: 400, message: /Only an author or an editor can choose or remove the featured image/ }
/** A story of the session's user published by the system (contributors cannot publish their own). */
const ownPublished = async ({ t, me }: { t: TestApp, me: AdminSession }) => (await createArticle(t.deps, {
  edition: 'en', headline: `Own published ${Math.random()}`, lead: '', bodySource: 'x', authorId: me.user.id, status: 'published', publishedAt: '2026-11-26T08:00:00.000Z'
})).id
/** Binned by an editor, so the bin remembers what the story was. */
async function binned(t: TestApp, editor: AdminSession, id: number): Promise<number> {
  const result = await changeArticleStatus(t.deps, editor.user, id, 'trash')
  assert.equal(result.kind, 'done')
  return id
}
const ownTrashedDraft = async (c: { t: TestApp, me: AdminSession, editor: AdminSession }) => binned(c.t, c.editor, await ownDraft(c))
const ownTrashedPublished = async (c: { t: TestApp, me: AdminSession, editor: AdminSession }) => binned(c.t, c.editor, await ownPublished(c))
const othersTrashedDraft = async (c: { t: TestApp, editor: AdminSession }) => binned(c.t, c.editor, await othersDraft(c))

async function pendingComment(t: TestApp): Promise<number> {
  const { id } = await createArticle(t.deps, { edition: 'en', headline: `Commented ${Math.random()}`, lead: '', bodySource: 'x', status: 'published', publishedAt: '2026-11-26T08:00:00.000Z' })
  return insertComment(t.deps.db, {
    article_id: id, parent_id: null, author_name: 'Reader', author_email: 'reader@example.org', author_url: null, user_id: null,
    body: 'Hello', status: 'pending', ip: '198.51.100.1', user_agent: 'test', created_at: '2026-11-26T09:00:00.000Z'
  })
}

const CASES: Case[] = [
  { name: 'article list', prepare: async () => ({ method: 'GET', url: '/admin/articles/' }), allowed: EVERYONE, status: 200 },
  { name: 'new article form', prepare: async () => ({ method: 'GET', url: '/admin/articles/new/' }), allowed: EVERYONE, status: 200 },
  { name: 'save a new draft', prepare: async () => ({ method: 'POST', url: '/admin/articles/new/', fields: { ...ARTICLE_FIELDS, intent: 'save' } }), allowed: EVERYONE, status: 303 },
  { name: 'publish a new article', prepare: async () => ({ method: 'POST', url: '/admin/articles/new/', fields: { ...ARTICLE_FIELDS, intent: 'publish' } }), allowed: PUBLISHERS, status: 303 },
  { name: 'live preview', prepare: async () => ({ method: 'POST', url: '/admin/articles/preview/', fields: { body: '*x*' } }), allowed: EVERYONE, status: 200 },
  { name: 'open own draft', prepare: async (c) => ({ method: 'GET', url: `/admin/articles/${await ownDraft(c)}/` }), allowed: EVERYONE, status: 200 },
  { name: 'save own draft', prepare: async (c) => { const id = await ownDraft(c); return { method: 'POST', url: `/admin/articles/${id}/`, fields: fieldsOf(id) } }, allowed: EVERYONE, status: 303 },
  { name: 'submit own draft for review', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await ownDraft(c)}/submit/` }), allowed: EVERYONE, status: 303 },
  { name: 'publish own draft', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await ownDraft(c)}/publish/` }), allowed: PUBLISHERS, status: 303 },
  // Contributors bin, restore and delete their own drafts; a story that is or was live needs an author's rights.
  { name: 'trash own draft', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await ownDraft(c)}/trash/` }), allowed: EVERYONE, status: 303 },
  { name: 'trash own published story', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await ownPublished(c)}/trash/` }), allowed: PUBLISHERS, status: 303 },
  { name: 'open own trashed draft', prepare: async (c) => ({ method: 'GET', url: `/admin/articles/${await ownTrashedDraft(c)}/` }), allowed: EVERYONE, status: 200 },
  { name: 'restore own trashed draft', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await ownTrashedDraft(c)}/restore/` }), allowed: EVERYONE, status: 303 },
  { name: 'delete own trashed draft', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await ownTrashedDraft(c)}/delete/` }), allowed: EVERYONE, status: 303 },
  { name: 'restore own story trashed when published', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await ownTrashedPublished(c)}/restore/` }), allowed: PUBLISHERS, status: 303 },
  { name: 'delete own story trashed when published', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await ownTrashedPublished(c)}/delete/` }), allowed: PUBLISHERS, status: 303 },
  { name: 'open another’s draft', prepare: async (c) => ({ method: 'GET', url: `/admin/articles/${await othersDraft(c)}/` }), allowed: EDITORS, status: 200 },
  { name: 'save another’s draft', prepare: async (c) => { const id = await othersDraft(c); return { method: 'POST', url: `/admin/articles/${id}/`, fields: fieldsOf(id) } }, allowed: EDITORS, status: 303 },
  { name: 'publish another’s draft', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await othersDraft(c)}/publish/` }), allowed: EDITORS, status: 303 },
  { name: 'trash another’s draft', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await othersDraft(c)}/trash/` }), allowed: EDITORS, status: 303 },
  { name: 'restore another’s trashed draft', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await othersTrashedDraft(c)}/restore/` }), allowed: EDITORS, status: 303 },
  { name: 'delete another’s trashed draft', prepare: async (c) => ({ method: 'POST', url: `/admin/articles/${await othersTrashedDraft(c)}/delete/` }), allowed: EDITORS, status: 303 },
  { name: 'another’s revisions', prepare: async (c) => ({ method: 'GET', url: `/admin/articles/${await othersDraft(c)}/revisions/` }), allowed: EDITORS, status: 200 },
  { name: 'new draft with a featured image', prepare: async ({ mediaId }) => ({ method: 'POST', url: '/admin/articles/new/', fields: { ...ARTICLE_FIELDS, featured_media_id: String(mediaId), featured_alt: 'x', intent: 'save' } }), allowed: PUBLISHERS, status: 303, refusal: IMAGE_REFUSED },
  { name: 'give own draft a featured image', prepare: async (c) => { const id = await ownDraft(c); return { method: 'POST', url: `/admin/articles/${id}/`, fields: { ...fieldsOf(id), featured_media_id: String(c.mediaId), featured_alt: 'x' } } }, allowed: PUBLISHERS, status: 303, refusal: IMAGE_REFUSED },
  { name: 'save own draft keeping the editor’s image', prepare: async (c) => { const id = await ownDraftWithImage(c); return { method: 'POST', url: `/admin/articles/${id}/`, fields: { ...fieldsOf(id), version: '2', featured_media_id: String(c.mediaId), featured_alt: 'x' } } }, allowed: EVERYONE, status: 303 },
  { name: 'remove the editor’s image from own draft', prepare: async (c) => { const id = await ownDraftWithImage(c); return { method: 'POST', url: `/admin/articles/${id}/`, fields: { ...fieldsOf(id), version: '2', featured_media_id: '' } } }, allowed: PUBLISHERS, status: 303, refusal: IMAGE_REFUSED },
  { name: 'bulk action (checked per article)', prepare: async (c) => ({ method: 'POST', url: '/admin/articles/bulk/', fields: { bulk_action: 'trash', ids: String(await ownDraft(c)) } }), allowed: EVERYONE, status: 303 },
  { name: 'media library', prepare: async () => ({ method: 'GET', url: '/admin/media/' }), allowed: PUBLISHERS, status: 200 },
  { name: 'upload an image', prepare: async () => ({ method: 'POST', url: '/admin/media/', multipart: true }), allowed: PUBLISHERS, status: 303 },
  { name: 'sections and tags', prepare: async () => ({ method: 'GET', url: '/admin/taxonomy/' }), allowed: EDITORS, status: 200 },
  { name: 'add a section', prepare: async () => ({ method: 'POST', url: '/admin/taxonomy/section/new/', fields: { edition: 'en', name: `Section ${Math.random()}`, slug: '' } }), allowed: EDITORS, status: 303 },
  { name: 'comment moderation', prepare: async () => ({ method: 'GET', url: '/admin/comments/' }), allowed: EDITORS, status: 200 },
  { name: 'one comment', prepare: async ({ t }) => ({ method: 'GET', url: `/admin/comments/${await pendingComment(t)}/` }), allowed: EDITORS, status: 200 },
  { name: 'approve a comment', prepare: async ({ t }) => ({ method: 'POST', url: `/admin/comments/${await pendingComment(t)}/approve/` }), allowed: EDITORS, status: 303 },
  { name: 'bulk moderation', prepare: async ({ t }) => ({ method: 'POST', url: '/admin/comments/bulk/', fields: { bulk_action: 'spam', ids: String(await pendingComment(t)) } }), allowed: EDITORS, status: 303 }
]

forEachDialect((dialect) => {
  describe('role × action matrix (newsroom screens)', () => {
    let t: TestApp
    let editor: AdminSession
    const sessions = new Map<Role, AdminSession>()
    let image: Buffer
    let mediaId: number
    before(async () => {
      t = await buildTestApp(dialect, { settings: { timeZone: 'Asia/Yerevan' } })
      for (const role of ALL_ROLES) sessions.set(role, await loginAs(t, role))
      editor = await loginAs(t, 'editor')
      image = await testImage('png', 64, 48)
      const uploaded = await upload(t, editor, { name: 'library.png', type: 'image/png', bytes: await testImage('png', 80, 60) })
      mediaId = Number(/^\/admin\/media\/(\d+)\//.exec(uploaded.headers.location as string)![1])
    })
    after(() => t.close())

    const counts = async () => {
      const count = async (table: 'articles' | 'media' | 'sections' | 'comments' | 'audit_log') =>
        Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      // Every change to an article bumps its version: their sum catches a status changed without a row added.
      const versions = Number((await t.deps.db.selectFrom('articles').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('version'), eb.lit(0)).as('n')).executeTakeFirstOrThrow()).n)
      return { articles: await count('articles'), versions, media: await count('media'), sections: await count('sections'), audit: await count('audit_log') }
    }

    for (const c of CASES) {
      for (const role of ALL_ROLES) {
        const allowed = c.allowed.includes(role)
        const refusal = c.refusal ?? { status: 403, message: /Your role does not allow this/ }
        it(`${role}: ${c.name} → ${allowed ? c.status : refusal.status}`, async () => {
          const me = sessions.get(role)!
          const req = await c.prepare({ t, me, editor, mediaId })
          const before = await counts()
          let res
          if (req.multipart) {
            // Distinct bytes per upload, so none is taken for a duplicate.
            const body = multipartBody({ _csrf: me.csrf, alt: 'x', caption: '', credit: '' }, { name: 'x.png', type: 'image/png', bytes: Buffer.concat([image, Buffer.from(Math.random().toString())]) })
            res = await t.app.inject({ method: 'POST', url: req.url, headers: { ...body.headers, cookie: me.cookie }, payload: body.payload })
          } else {
            res = req.method === 'GET' ? await adminGet(t, me, req.url) : await adminPost(t, me, req.url, req.fields ?? {})
          }
          assert.equal(res.statusCode, allowed ? c.status : refusal.status, res.body.slice(0, 300))
          assert.equal(res.headers['cache-control'], 'private, no-store')
          if (!allowed) {
            assert.match(res.body, refusal.message)
            assert.deepEqual(await counts(), before, 'a refusal changes nothing')
          }
        })
      }
    }

    it('sends anonymous visitors to the login page from every newsroom route', async () => {
      for (const c of CASES) {
        const req = await c.prepare({ t, me: editor, editor, mediaId })
        const res = req.method === 'GET' ? await adminGet(t, null, req.url) : await adminPost(t, null, req.url, req.fields ?? {})
        assert.equal(res.statusCode, 303, c.name)
        assert.match(res.headers.location!, /^\/admin\/login\//, c.name)
      }
    })
  })
})
