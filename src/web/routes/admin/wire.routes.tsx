// The wire desk under /admin/wire/: the inbox and item previews (authors, editors, administrators), taking
// an item into a draft, and the sources with their runs (editors and administrators).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { parseId } from '../../../domain/ids.js'
import { parseSearchQuery } from '../../../domain/search-query.js'
import { listWireSources, wireInbox, wireItemById, wireItemVersions, wireRunsOf, wireSourceById, type WireSourceRow } from '../../../db/repositories/wire.repository.js'
import { sectionChoices } from '../../../db/repositories/taxonomy.repository.js'
import {
  addWireSource, editWireSource, removeWireSource, reviewWireItemUpdate, takeWireItem, usedItemChanges, type SourceFormOutcome
} from '../../../services/wire.service.js'
import { articleById } from '../../../db/repositories/articles.repository.js'
import { mayActOnArticle } from '../../../domain/roles.js'
import type { MessageKey } from '../../../i18n/index.js'
import { formatDateTime } from '../../../i18n/format.js'
import { WireInboxPage, WireItemPage, WireSourcePage, WireSourcesPage, sourceFormValues, type InboxFilters, type SourceFormValues } from '../../views/admin/wire-pages.js'
import type { FormErrors } from '../../views/admin/forms.js'
import { requireCapability, sendAdminError } from './admin-support.js'
import { streamLiveChannel } from '../live-stream.js'
import { WIRE_CHANNEL } from '../../../services/wire-live.service.js'
import { isHttpsSite } from '../../../plugins/security-headers.js'

const PER_PAGE = 50
// Far beyond any real inbox; a page number past it is a crafted link, answered as the last page would be.
const MAX_PAGE = 1000

type IdParams = { Params: { id: string } }

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined
}

/** The inbox's filters from the query string: anything malformed is dropped, never an error. */
function readFilters(query: Record<string, unknown>): InboxFilters {
  const filters: InboxFilters = {}
  const source = text(query.source, 12)
  if (source && parseId(source) !== null) filters.source = source
  for (const [name, max] of [['agency', 100], ['language', 35], ['subject', 100], ['q', 200]] as const) {
    const value = text(query[name], max)
    if (value) filters[name] = value
  }
  const urgency = text(query.urgency, 2)
  if (urgency && /^[1-9]$/.test(urgency)) filters.urgency = urgency
  const since = text(query.since, 10)
  if (since && /^\d{4}-\d{2}-\d{2}$/.test(since) && !Number.isNaN(Date.parse(since))) filters.since = since
  const page = text(query.page, 6)
  if (page && /^\d+$/.test(page) && Number(page) > 1) filters.page = String(Math.min(Number(page), MAX_PAGE))
  return filters
}

function formBody(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? body as Record<string, unknown> : {}
}

const wireRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  const readers = { preHandler: requireCapability('wire.read') }
  const managers = { preHandler: requireCapability('wire.manage') }
  const httpsSite = isHttpsSite(deps.siteUrlOverride)

  app.get<{ Querystring: Record<string, unknown> }>('/wire/', readers, async (request, reply) => {
    const ctx = await request.adminContext()
    const filters = readFilters(request.query)
    // The site's search reads the words (src/domain/search-query.ts); signs alone are no search at all.
    const query = parseSearchQuery(filters.q ?? '')
    const noWords = query.kind === 'no-words'
    const [{ rows, hasNext }, sources] = await Promise.all([
      noWords
        ? { rows: [], hasNext: false }
        : wireInbox(deps.db, {
          sourceId: filters.source ? Number(filters.source) : null, agency: filters.agency ?? null, language: filters.language ?? null,
          urgency: filters.urgency ? Number(filters.urgency) : null, subject: filters.subject ?? null,
          terms: query.kind === 'terms' ? query.terms : null,
          since: filters.since ? new Date(filters.since).toISOString() : null, page: Number(filters.page ?? '1'), perPage: PER_PAGE
        }),
      listWireSources(deps.db)
    ])
    const errors: FormErrors = noWords ? { q: ctx.i18n.t('wire.filter.noWords') } : {}
    return reply.adminPage(<WireInboxPage ctx={ctx} rows={rows} hasNext={hasNext} filters={filters} sources={sources} errors={errors} />, noWords ? 400 : 200)
  })

  // The inbox screen's stream: a row per batch of arrivals (src/services/wire-live.service.ts).
  app.get('/wire/live/', readers, async (request, reply) => {
    const { i18n } = await request.adminContext()
    return streamLiveChannel(app, request, reply, { channel: WIRE_CHANNEL, articleId: null, httpsSite, i18n })
  })

  app.get<IdParams>('/wire/items/:id/', readers, async (request, reply) => {
    const id = parseId(request.params.id)
    const item = id === null ? undefined : await wireItemById(deps.db, id)
    if (!item) return sendAdminError(request, reply, 404)
    const [ctx, source, versions, story, changes] = await Promise.all([
      request.adminContext(), wireSourceById(deps.db, item.source_id), wireItemVersions(deps.db, item.id),
      item.used_article_id === null ? undefined : articleById(deps.db, item.used_article_id),
      usedItemChanges(deps, item)
    ])
    const mayReview = !!story && mayActOnArticle(ctx.user, 'edit', story.author_id)
    return reply.adminPage(<WireItemPage ctx={ctx} item={item} sourceName={source?.name ?? ''} versions={versions}
      story={story ? { id: story.id, headline: story.headline } : null} changes={changes} mayReview={mayReview} />)
  })

  // The story's editor has read what the agency changed: the item stops being flagged.
  app.post<IdParams>('/wire/items/:id/reviewed/', readers, async (request, reply) => {
    const id = parseId(request.params.id)
    const seen = text(formBody(request.body).seen, 100)
    if (id === null || !seen) return sendAdminError(request, reply, id === null ? 404 : 400)
    const result = await reviewWireItemUpdate(deps, id, seen, request.user!)
    if (result.kind === 'missing') return sendAdminError(request, reply, 404)
    if (result.kind === 'forbidden') return sendAdminError(request, reply, 403)
    return reply.redirect(`/admin/wire/items/${id}/?notice=wireReviewed`, 303)
  })

  // "take" makes a draft; "publish" publishes the item as wire copy at once.
  app.post<{ Params: { id: string, action: string } }>('/wire/items/:id/:action/', readers, async (request, reply) => {
    const id = parseId(request.params.id)
    const action = request.params.action
    if (id === null || (action !== 'take' && action !== 'publish')) return sendAdminError(request, reply, 404)
    const result = await takeWireItem(deps, id, request.user!, { publish: action === 'publish' })
    switch (result.kind) {
      case 'missing': return sendAdminError(request, reply, 404)
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'embargoed': {
        const ctx = await request.adminContext()
        return sendAdminError(request, reply, 409, { text: ctx.i18n.t('wire.item.embargo', { time: formatDateTime(result.embargoUntil, ctx.i18n.lang, ctx.settings.timeZone) }) })
      }
      case 'already': return reply.redirect(`/admin/articles/${result.articleId}/`, 303)
      case 'taken': return reply.redirect(`/admin/articles/${result.articleId}/?notice=${result.published ? 'wirePublished' : 'wireTaken'}`, 303)
    }
  })

  async function renderSource(request: FastifyRequest, reply: FastifyReply, source: WireSourceRow | null, values: SourceFormValues, errors: FormErrors, status = 200) {
    const [ctx, sections, runs] = await Promise.all([request.adminContext(), sectionChoices(deps.db), source ? wireRunsOf(deps.db, source.id, 20) : Promise.resolve([])])
    return reply.adminPage(<WireSourcePage ctx={ctx} source={source} values={values} errors={errors} sections={sections} runs={runs} />, status)
  }

  async function afterSave(request: FastifyRequest, reply: FastifyReply, source: WireSourceRow | null, result: SourceFormOutcome) {
    if (result.kind === 'saved') return reply.redirect(`/admin/wire/sources/${result.id}/?notice=wireSourceSaved`, 303)
    if (result.kind === 'missing') return sendAdminError(request, reply, 404)
    const ctx = await request.adminContext()
    const errors: FormErrors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, ctx.i18n.t(key as MessageKey)]))
    const body = formBody(request.body)
    return renderSource(request, reply, source, { ...result.raw, status: body.status === 'paused' ? 'paused' : 'active' }, errors, 400)
  }

  app.get('/wire/sources/', managers, async (request, reply) => {
    const ctx = await request.adminContext()
    return reply.adminPage(<WireSourcesPage ctx={ctx} sources={await listWireSources(deps.db)} />)
  })

  app.get('/wire/sources/new/', managers, async (request, reply) => {
    const ctx = await request.adminContext()
    const empty: SourceFormValues = { name: '', kind: 'feed', url: '', folder: '', agencyCredit: '', edition: ctx.settings.defaultEdition, sectionId: '', intervalSeconds: '300', authUser: '', status: 'active' }
    return renderSource(request, reply, null, empty, {})
  })

  app.post('/wire/sources/new/', managers, async (request, reply) => {
    const user = request.user!
    return afterSave(request, reply, null, await addWireSource(deps, formBody(request.body), { id: user.id, name: user.displayName }))
  })

  app.get<IdParams>('/wire/sources/:id/', managers, async (request, reply) => {
    const id = parseId(request.params.id)
    const source = id === null ? undefined : await wireSourceById(deps.db, id)
    if (!source) return sendAdminError(request, reply, 404)
    return renderSource(request, reply, source, sourceFormValues(source), {})
  })

  app.post<IdParams>('/wire/sources/:id/', managers, async (request, reply) => {
    const id = parseId(request.params.id)
    const source = id === null ? undefined : await wireSourceById(deps.db, id)
    if (!source) return sendAdminError(request, reply, 404)
    const user = request.user!
    return afterSave(request, reply, source, await editWireSource(deps, source.id, formBody(request.body), { id: user.id, name: user.displayName }))
  })

  app.post<IdParams>('/wire/sources/:id/delete/', managers, async (request, reply) => {
    const id = parseId(request.params.id)
    const user = request.user!
    if (id === null || !await removeWireSource(deps, id, { id: user.id, name: user.displayName })) return sendAdminError(request, reply, 404)
    return reply.redirect('/admin/wire/sources/?notice=wireSourceDeleted', 303)
  })
}

export default wireRoutes
