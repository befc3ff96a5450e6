// The article screens under /admin/articles/: list with filters and bulk actions, the editor (new and
// existing, with preview and conflicts), workflow buttons, revisions. Each handler: parse → service → view.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { ARTICLE_FORM_BYTES, EMPTY_ARTICLE_VALUES, validateArticleForm } from '../../../domain/article-form.js'
import { wallClock } from '../../../domain/days.js'
import { slugFromText } from '../../../domain/slug.js'
import { decodeCursor, encodeCursor } from '../../../domain/urls.js'
import { can, mayChooseFeaturedImage } from '../../../domain/roles.js'
import { wireItemForArticle } from '../../../db/repositories/wire.repository.js'
import { isUnderEmbargo } from '../../../domain/wire/versions.js'
import { checkEdit, isBulkAction, isWorkflowAction, type WorkflowAction } from '../../../domain/workflow.js'
import { LIST_FILTERS, type ListFilter, type ArticleRow } from '../../../db/repositories/articles.repository.js'
import {
  articleForEditing, bulkChangeStatus, openForEditing, changeArticleStatus, previewArticleBody, restoreRevision, saveArticle, SAVE_INTENTS,
  type SaveIntent
} from '../../../services/articles.service.js'
import {
  articleList, articleRevisions, authorNameOf, compareRevision, editorChoices, lastSavedBy, listFilterChoices,
  snapshotOfArticle, snapshotOfInput
} from '../../../services/article-editor.service.js'
import { translateErrors } from '../../views/admin/form-errors.js'
import { ArticleEditorPage, type ConflictView, type EditorValues } from '../../views/admin/article-editor-page.js'
import { ArticlesListPage, filterQuery, type ArticleListFilters, type BulkOutcome } from '../../views/admin/articles-list-page.js'
import { RevisionDiffPage, RevisionsPage } from '../../views/admin/revisions-pages.js'
import { versionDiff } from '../../views/admin/revision-fields.js'
import { hrefWith, type FormErrors } from '../../views/admin/forms.js'
import type { AdminNotice } from '../../views/admin/admin-context.js'
import { requireCapability, sendAdminError } from './admin-support.js'
import { translationPanel } from '../../../services/translations.service.js'
import { autosaveFor } from '../../../services/article-autosave.service.js'
import { autosaveOffer } from '../../../domain/autosave.js'
import type { AutosaveNoticeData } from '../../views/admin/autosave-notice.js'
import { parseId } from '../../../domain/ids.js'
import { field } from '../form-body.js'
import { bodyEditorHtml } from '../../../domain/body-source.js'
import { deskReportFor } from '../../../services/desk-checks.service.js'

type IdParams = { Params: { id: string } }
type Body = Record<string, unknown>

/** The form's version: a stale or missing one can only conflict, never overwrite. */
function parseVersion(body: unknown): number {
  return parseId(field(body, 'version')) ?? 0
}

/** Where to go back to after an action from the list: only our own list, never an outside address. */
function returnTo(body: unknown, fallback: string): string {
  const target = field(body, 'return_to')
  return /^\/admin\/articles\/(\?[^\s#]*)?$/.test(target) ? target : fallback
}

function withNotice(path: string, notice: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${notice}`
}

/** Stored article → the form's strings, the publication time on the site's wall clock. */
function valuesFromArticle(article: ArticleRow, tags: string[], timeZone: string): EditorValues {
  let publishDate = ''
  let publishTime = ''
  if (article.published_at) {
    const w = wallClock(article.published_at, timeZone)
    const pad = (n: number, width = 2) => String(n).padStart(width, '0')
    publishDate = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`
    publishTime = `${pad(w.hour)}:${pad(w.minute)}`
  }
  return {
    edition: article.edition,
    headline: article.headline, slug: article.slug, lead: article.lead, body: bodyEditorHtml(article.body_source),
    agency_credit: article.agency_credit ?? '', source_url: article.source_url ?? '', byline: article.byline ?? '',
    section_id: article.section_id === null ? '' : String(article.section_id), tags: tags.join(', '),
    featured_media_id: article.featured_media_id === null ? '' : String(article.featured_media_id),
    featured_alt: article.featured_alt ?? '', featured_caption: article.featured_caption ?? '', featured_credit: article.featured_credit ?? '',
    publish_date: publishDate, publish_time: publishTime, breaking: article.breaking === 1, sticky: article.sticky === 1, comments_open: article.comments_open === 1
  }
}

const SAVED_NOTICE: Record<string, string> = {
  'article.create': 'articleSaved', 'article.update': 'articleSaved', 'article.submit': 'articleSubmitted',
  'article.publish': 'articlePublished', 'article.schedule': 'articleScheduled', 'article.unpublish': 'articleUnpublished'
}

const ACTION_NOTICE: Record<WorkflowAction, string> = {
  submit: 'articleSubmitted', publish: 'articlePublished', unpublish: 'articleUnpublished', 'to-draft': 'articleBackToDraft',
  trash: 'articleTrashed', restore: 'articleRestored', delete: 'articleDeleted'
}

const articlesRoutes: FastifyPluginAsync = async (app) => {
  const guard = { preHandler: requireCapability('articles.create') }
  const deps = app.deps

  interface EditorRender {
    article: ArticleRow | null
    values: EditorValues
    version: number | null
    errors?: FormErrors
    previewHtml?: string | null
    conflict?: ConflictView | null
    problem?: AdminNotice | null
    status?: number
    /** The featured-image picker's search, when the editor used it. */
    mediaQuery?: string
    autosave?: AutosaveNoticeData | null
    /** Values not saved in the article; by default whenever a POST sends the form back. */
    unsaved?: boolean
  }

  async function renderEditor(request: FastifyRequest, reply: FastifyReply, r: EditorRender) {
    const ctx = await request.adminContext()
    const mayChoose = mayChooseFeaturedImage(ctx.user)
    // Whoever may not choose the image is shown, and sends back, the one the article has now (none for a
    // new article), whatever came in the form or an autosave: the library is not theirs to look into, and
    // the form they get saves without changing the image. A refused change is reported next to the field.
    const values: EditorValues = mayChoose
      ? r.values
      : { ...r.values, featured_media_id: r.article?.featured_media_id == null ? '' : String(r.article.featured_media_id) }
    const chosen = parseId(values.featured_media_id)
    const [choices, authorName, translations, wireItem, desk] = await Promise.all([
      editorChoices(deps, r.article?.edition ?? values.edition, chosen, mayChoose ? r.mediaQuery ?? '' : '', { library: mayChoose }),
      r.article ? authorNameOf(deps, r.article) : Promise.resolve(ctx.user.displayName),
      r.article ? translationPanel(deps, ctx.settings, r.article) : Promise.resolve(null),
      // The wire item the story was made from, for those who may open the wire desk.
      r.article && can(ctx.user.role, 'wire.read') ? wireItemForArticle(deps.db, r.article.id) : Promise.resolve(undefined),
      // The desk checks of what the form shows, internal links looked up: at every load, preview and save.
      deskReportFor(deps, ctx.settings, values, r.previewHtml ?? (r.article && values.body === bodyEditorHtml(r.article.body_source) ? r.article.body_html : undefined))
    ])
    return reply.adminPage(
      <ArticleEditorPage ctx={ctx} article={r.article} authorName={authorName} values={values} version={r.version}
        errors={r.errors ?? {}} sections={choices.sections} tagSuggestions={choices.tagSuggestions} media={choices.media}
        previewHtml={r.previewHtml ?? null} conflict={r.conflict ?? null} problem={r.problem ?? null} mediaQuery={mayChoose ? r.mediaQuery ?? '' : ''} translations={translations}
        autosave={r.autosave ?? null} unsaved={r.unsaved ?? request.method === 'POST'} desk={desk}
        wireItem={wireItem
          ? {
            id: wireItem.id, headline: wireItem.headline, agency: wireItem.agency ?? wireItem.credit, stale: wireItem.used_story_stale === 1,
            embargoUntil: isUnderEmbargo(wireItem.embargo_until, ctx.now) ? wireItem.embargo_until : null
          }
          : null} />,
      r.status ?? 200
    )
  }

  /**
   * Handles the editor form's POST for a new (id null) or existing article. A save goes straight to the
   * service, which reads the article and checks the editor's role in its transaction; the other intents
   * (preview, the picker's search) and a form with mistakes send the form back.
   */
  async function handleSave(request: FastifyRequest, reply: FastifyReply, id: number | null) {
    const ctx = await request.adminContext()
    const { settings, i18n } = ctx
    const body = request.body
    const newEdition = field(body, 'edition') || settings.defaultEdition
    if (id === null && !settings.editions.includes(newEdition)) return sendAdminError(request, reply, 400)
    const intentText = field(body, 'intent') || 'save'
    const form = validateArticleForm((body ?? {}) as Body, settings.timeZone)
    const version = id === null ? null : parseVersion(body)
    const refused = { status: 409, problem: { tone: 'error' as const, text: i18n.t('admin.editor.refused') } }

    if (form.ok && (SAVE_INTENTS as readonly string[]).includes(intentText)) {
      const result = await saveArticle(deps, ctx.user, { id, expectedVersion: version, edition: newEdition, input: form.input, intent: intentText as SaveIntent })
      switch (result.kind) {
        case 'saved':
          return reply.redirect(`/admin/articles/${result.id}/?notice=${SAVED_NOTICE[result.action] ?? 'articleSaved'}`, 303)
        case 'not-found':
          return sendAdminError(request, reply, 404)
        case 'forbidden':
          return sendAdminError(request, reply, 403)
        case 'refused': case 'invalid': {
          // Nothing was written: the form comes back, as typed, with the reason.
          const article = id === null ? null : (await articleForEditing(deps, id))?.article ?? null
          const values = { ...form.values, edition: article?.edition ?? newEdition }
          return result.kind === 'refused'
            ? renderEditor(request, reply, { article, values, version, ...refused })
            : renderEditor(request, reply, { article, values, version, errors: translateErrors(i18n, result.errors), status: 400 })
        }
        case 'conflict': {
          // Their version is stored; this editor's submission comes back in the form, now against the
          // stored version, so saving again is a deliberate choice to overwrite.
          const current = result.current.article
          const [theirs, mine, savedBy] = await Promise.all([
            snapshotOfArticle(deps, current), snapshotOfInput(deps, form.input, current), lastSavedBy(deps, current.id)
          ])
          const conflict: ConflictView = { current, savedBy, diffs: versionDiff(theirs, mine, i18n, settings.timeZone) }
          const values = { ...form.values, edition: current.edition }
          return renderEditor(request, reply, { article: current, values, version: current.version, conflict, status: 409 })
        }
      }
    }

    const opened = id === null ? null : await openForEditing(deps, ctx.user, id)
    if (opened && opened.kind !== 'found') return sendAdminError(request, reply, opened.kind === 'not-found' ? 404 : 403)
    const article = opened?.article ?? null
    const edition = article?.edition ?? newEdition
    if (!settings.editions.includes(edition)) return sendAdminError(request, reply, 400)
    const values: EditorValues = { ...form.values, edition }
    // A trashed story is restored before it is edited; the typed text comes back with the reason.
    if (opened && !opened.editable) return renderEditor(request, reply, { article, values, version, ...refused })
    if (intentText === 'preview') {
      return renderEditor(request, reply, { article, values, version, previewHtml: previewArticleBody(values.body) })
    }
    // The picker's search: the same form back, as typed, with the library images that match.
    if (intentText === 'find-images') {
      return renderEditor(request, reply, { article, values, version, mediaQuery: field(body, 'media_q') })
    }
    // (A valid form with a save intent was saved above.)
    if (form.ok || !(SAVE_INTENTS as readonly string[]).includes(intentText)) return sendAdminError(request, reply, 400)
    return renderEditor(request, reply, { article, values, version, errors: translateErrors(i18n, form.errors), status: 400 })
  }

  app.get<{ Querystring: Record<string, string | undefined> }>('/articles/', guard, async (request, reply) => {
    const ctx = await request.adminContext()
    const q = request.query
    const status: ListFilter = (LIST_FILTERS as readonly string[]).includes(q.status ?? '') ? q.status as ListFilter : 'all'
    const filters: ArticleListFilters = {
      status,
      q: (q.q ?? '').trim().slice(0, 200),
      section: parseId(q.section) !== null ? q.section! : '',
      author: parseId(q.author) !== null ? q.author! : '',
      edition: ctx.settings.editions.includes(q.edition ?? '') ? q.edition! : ''
    }
    const after = decodeCursor(q.after)
    const before = after ? null : decodeCursor(q.before)
    const [list, choices] = await Promise.all([
      articleList(deps, {
        status, text: filters.q || undefined, sectionId: parseId(filters.section) ?? undefined, authorId: parseId(filters.author) ?? undefined,
        edition: filters.edition || undefined,
        after: after ? { updatedAt: after.publishedAt, id: after.id } : undefined,
        before: before ? { updatedAt: before.publishedAt, id: before.id } : undefined
      }),
      listFilterChoices(deps)
    ])
    const current = filterQuery(filters)
    const first = list.items[0]
    const last = list.items.at(-1)
    const cursor = (item: { updatedAt: string, id: number }) => encodeCursor({ publishedAt: item.updatedAt, id: item.id })
    // Paging back (before=…), hasMore tells about newer rows and older ones exist (we came from there);
    // paging forward (after=…) it is the other way round. The first page has nothing newer.
    const hasOlder = before ? true : list.hasMore
    const hasNewer = before ? list.hasMore : after !== null
    const older = last && hasOlder ? hrefWith('/admin/articles/', current, { after: cursor(last) }) : null
    const newer = first && hasNewer ? hrefWith('/admin/articles/', current, { before: cursor(first) }) : null
    const num = (text: string | undefined) => /^\d{1,6}$/.test(text ?? '') ? Number(text) : 0
    const bulk: BulkOutcome | null = isBulkAction(q.bulk)
      ? { action: q.bulk, done: num(q.done), forbidden: num(q.forbidden), refused: num(q.refused), missing: num(q.missing) }
      : null
    return reply.adminPage(
      <ArticlesListPage ctx={ctx} filters={filters} counts={list.counts} items={list.items} sections={choices.sections}
        authors={choices.authors} newer={newer} older={older} bulk={bulk} />
    )
  })

  app.post('/articles/bulk/', guard, async (request, reply) => {
    const body = (request.body ?? {}) as Body
    const back = returnTo(body, '/admin/articles/')
    const action = field(body, 'bulk_action')
    const rawIds = body.ids === undefined ? [] : Array.isArray(body.ids) ? body.ids : [body.ids]
    const ids = rawIds.map(parseId).filter((id): id is number => id !== null)
    if (!isBulkAction(action) || ids.length === 0 || ids.length !== rawIds.length) {
      return reply.redirect(withNotice(back, 'bulkNothing'), 303)
    }
    const result = await bulkChangeStatus(deps, request.user!, ids, action)
    const params = new URLSearchParams({ bulk: action, done: String(result.done), forbidden: String(result.forbidden), refused: String(result.refused), missing: String(result.missing) })
    return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}${params.toString()}`, 303)
  })

  app.get<{ Querystring: { edition?: string } }>('/articles/new/', guard, async (request, reply) => {
    const ctx = await request.adminContext()
    const edition = ctx.settings.editions.includes(request.query.edition ?? '') ? request.query.edition! : ctx.settings.defaultEdition
    return renderEditor(request, reply, { article: null, values: { ...EMPTY_ARTICLE_VALUES, edition }, version: null })
  })

  app.post('/articles/new/', { ...guard, bodyLimit: ARTICLE_FORM_BYTES }, async (request, reply) => handleSave(request, reply, null))

  /** The live preview: the body as readers will see it, as an HTML fragment (sanitised, like the page). */
  app.post('/articles/preview/', { ...guard, bodyLimit: ARTICLE_FORM_BYTES }, async (request, reply) => {
    return reply.header('content-type', 'text/html; charset=utf-8').send(previewArticleBody(field(request.body, 'body').slice(0, 300_000)))
  })

  /** The slug the headline would get, for the editor's script to show as a suggestion. */
  app.get<{ Querystring: { text?: string } }>('/articles/slug/', guard, async (request, reply) => {
    return reply.send({ slug: slugFromText(String(request.query.text ?? '').slice(0, 1_000)) })
  })

  app.get<IdParams & { Querystring: { autosave?: string } }>('/articles/:id/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const user = request.user!
    // A trashed story opens read-only (to restore it); one the user may not edit is not theirs to see here.
    const opened = id === null ? { kind: 'not-found' as const } : await openForEditing(deps, user, id)
    if (opened.kind !== 'found') return sendAdminError(request, reply, opened.kind === 'not-found' ? 404 : 403)
    const { article, tags } = opened
    const settings = (await request.adminContext()).settings
    const values = valuesFromArticle(article, tags, settings.timeZone)
    const autosave = opened.editable ? await autosaveFor(deps, article.id, user.id) : null
    // Restoring only fills the form, at the version the autosave was typed on: saving it is a normal
    // save, so a version someone saved since comes back as a conflict rather than being overwritten.
    if (autosave && request.query.autosave === 'restore') {
      return renderEditor(request, reply, {
        article, values: { ...autosave.values, edition: article.edition }, version: autosave.baseVersion,
        autosave: { kind: 'restored', savedAt: autosave.savedAt, baseVersion: autosave.baseVersion }, unsaved: true
      })
    }
    const offer = autosave ? autosaveOffer(autosave, { version: article.version, values }) : 'none'
    return renderEditor(request, reply, {
      article, values, version: article.version,
      autosave: autosave && offer !== 'none' ? { kind: offer, savedAt: autosave.savedAt, baseVersion: autosave.baseVersion } : null
    })
  })

  app.post<IdParams>('/articles/:id/', { ...guard, bodyLimit: ARTICLE_FORM_BYTES }, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    return handleSave(request, reply, id)
  })

  app.post<{ Params: { id: string, action: string } }>('/articles/:id/:action/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const action = request.params.action
    if (id === null || !isWorkflowAction(action)) return sendAdminError(request, reply, 404)
    const version = parseId(field(request.body, 'version'))
    const result = await changeArticleStatus(deps, request.user!, id, action, { expectedVersion: version })
    const fromList = field(request.body, 'return_to') !== ''
    switch (result.kind) {
      case 'done': {
        const target = fromList || action === 'delete' ? returnTo(request.body, '/admin/articles/') : `/admin/articles/${id}/`
        return reply.redirect(withNotice(target, ACTION_NOTICE[action]), 303)
      }
      case 'not-found': return sendAdminError(request, reply, 404)
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'refused': return sendAdminError(request, reply, 409, 'admin.editor.refused')
      case 'conflict': return sendAdminError(request, reply, 409, 'admin.editor.changedMeanwhile')
    }
  })

  app.get<IdParams>('/articles/:id/revisions/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const found = id === null ? null : await articleRevisions(deps, id)
    if (!found) return sendAdminError(request, reply, 404)
    const wf = { status: found.article.status, authorId: found.article.author_id, publishedAt: found.article.published_at }
    const allowed = checkEdit(wf, request.user!)
    if (!allowed.ok && allowed.refusal === 'forbidden') return sendAdminError(request, reply, 403)
    const ctx = await request.adminContext()
    return reply.adminPage(<RevisionsPage ctx={ctx} article={found.article} revisions={found.revisions} canRestore={allowed.ok} />)
  })

  app.get<{ Params: { id: string, rid: string }, Querystring: { against?: string } }>('/articles/:id/revisions/:rid/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const rid = parseId(request.params.rid)
    const against = request.query.against === 'current' ? 'current' : 'previous'
    const found = id === null || rid === null ? null : await compareRevision(deps, id, rid, against)
    if (!found) return sendAdminError(request, reply, 404)
    const wf = { status: found.article.status, authorId: found.article.author_id, publishedAt: found.article.published_at }
    const allowed = checkEdit(wf, request.user!)
    if (!allowed.ok && allowed.refusal === 'forbidden') return sendAdminError(request, reply, 403)
    const ctx = await request.adminContext()
    return reply.adminPage(
      <RevisionDiffPage ctx={ctx} article={found.article} revision={found.revision} against={found.against} other={found.other}
        diffs={versionDiff(found.before, found.after, ctx.i18n, ctx.settings.timeZone)} canRestore={allowed.ok} />
    )
  })

  app.post<{ Params: { id: string, rid: string } }>('/articles/:id/revisions/:rid/restore/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const rid = parseId(request.params.rid)
    if (id === null || rid === null) return sendAdminError(request, reply, 404)
    const result = await restoreRevision(deps, request.user!, id, rid, parseVersion(request.body))
    switch (result.kind) {
      case 'restored': return reply.redirect(`/admin/articles/${id}/?notice=revisionRestored`, 303)
      case 'not-found': return sendAdminError(request, reply, 404)
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'refused': return sendAdminError(request, reply, 409, 'admin.editor.refused')
      case 'conflict': return sendAdminError(request, reply, 409, 'admin.editor.changedMeanwhile')
    }
  })
}

export default articlesRoutes
