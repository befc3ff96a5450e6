// Sections and tags under /admin/taxonomy/ (editors and administrators).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { TaxonomyKind } from '../../../db/repositories/taxonomy.repository.js'
import {
  createTaxonomyItem, deleteTaxonomy, taxonomyItem, taxonomyOverview, taxonomyUsage, updateTaxonomy, type TaxonomyResult, type TaxonomyValues
} from '../../../services/taxonomy.service.js'
import { translateErrors } from '../../views/admin/form-errors.js'
import { TaxonomyItemPage, TaxonomyPage, type TaxonomyFormState } from '../../views/admin/taxonomy-pages.js'
import { requireCapability, sendAdminError } from './admin-support.js'
import { parseId } from '../../../domain/ids.js'
import { field } from '../form-body.js'

type KindParams = { Params: { kind: string, id: string } }

/** What the create and edit forms send, as typed (the service trims and checks it). */
function formValues(body: unknown): TaxonomyValues {
  return { name: field(body, 'name'), slug: field(body, 'slug'), description: field(body, 'description') }
}

function parseKind(text: string): TaxonomyKind | null {
  return text === 'section' || text === 'tag' ? text : null
}

const NOTICES: Record<TaxonomyKind, { created: string, saved: string, deleted: string }> = {
  section: { created: 'sectionCreated', saved: 'sectionSaved', deleted: 'sectionDeleted' },
  tag: { created: 'tagCreated', saved: 'tagSaved', deleted: 'tagDeleted' }
}

const taxonomyRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  const guard = { preHandler: requireCapability('taxonomy.manage') }
  const write = { ...guard, config: { changesReaderPages: true } }

  async function renderOverview(request: FastifyRequest, reply: FastifyReply, edition: string, state: TaxonomyFormState | null, status = 200) {
    const ctx = await request.adminContext()
    const { sections, tags } = await taxonomyOverview(deps, edition)
    return reply.adminPage(<TaxonomyPage ctx={ctx} edition={edition} sections={sections} tags={tags} state={state} />, status)
  }

  async function renderItem(request: FastifyRequest, reply: FastifyReply, kind: TaxonomyKind, id: number, opts: { values?: TaxonomyValues, result?: TaxonomyResult, status?: number } = {}) {
    const item = await taxonomyItem(deps, kind, id)
    if (!item) return sendAdminError(request, reply, 404)
    const ctx = await request.adminContext()
    const errors = opts.result?.kind === 'invalid' ? translateErrors(ctx.i18n, opts.result.errors) : {}
    const count = await taxonomyUsage(deps, kind, id)
    return reply.adminPage(
      <TaxonomyItemPage ctx={ctx} kind={kind} item={item} values={opts.values ?? { name: item.name, slug: item.slug, description: item.description }} errors={errors} articleCount={count} />,
      opts.status ?? 200
    )
  }

  app.get<{ Querystring: { edition?: string } }>('/taxonomy/', guard, async (request, reply) => {
    const ctx = await request.adminContext()
    const edition = ctx.settings.editions.includes(request.query.edition ?? '') ? request.query.edition! : ctx.settings.defaultEdition
    return renderOverview(request, reply, edition, null)
  })

  app.post<KindParams>('/taxonomy/:kind/new/', write, async (request, reply) => {
    const kind = parseKind(request.params.kind)
    if (!kind) return sendAdminError(request, reply, 404)
    const ctx = await request.adminContext()
    const edition = field(request.body, 'edition')
    if (!ctx.settings.editions.includes(edition)) return sendAdminError(request, reply, 400)
    const values = formValues(request.body)
    const result = await createTaxonomyItem(deps, ctx.user, kind, edition, values)
    switch (result.kind) {
      case 'done': return reply.redirect(`/admin/taxonomy/?edition=${encodeURIComponent(edition)}&notice=${NOTICES[kind].created}`, 303)
      case 'invalid': return renderOverview(request, reply, edition, { kind, values, errors: translateErrors(ctx.i18n, result.errors) }, 400)
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'not-found': return sendAdminError(request, reply, 404)
    }
  })

  app.get<KindParams>('/taxonomy/:kind/:id/', guard, async (request, reply) => {
    const kind = parseKind(request.params.kind)
    const id = parseId(request.params.id)
    if (!kind || id === null) return sendAdminError(request, reply, 404)
    return renderItem(request, reply, kind, id)
  })

  app.post<KindParams>('/taxonomy/:kind/:id/', write, async (request, reply) => {
    const kind = parseKind(request.params.kind)
    const id = parseId(request.params.id)
    if (!kind || id === null) return sendAdminError(request, reply, 404)
    const values = formValues(request.body)
    const result = await updateTaxonomy(deps, request.user!, kind, id, values)
    switch (result.kind) {
      case 'done': return reply.redirect(`/admin/taxonomy/${kind}/${id}/?notice=${NOTICES[kind].saved}`, 303)
      case 'invalid': return renderItem(request, reply, kind, id, { values, result, status: 400 })
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'not-found': return sendAdminError(request, reply, 404)
    }
  })

  app.post<KindParams>('/taxonomy/:kind/:id/delete/', write, async (request, reply) => {
    const kind = parseKind(request.params.kind)
    const id = parseId(request.params.id)
    if (!kind || id === null) return sendAdminError(request, reply, 404)
    const item = await taxonomyItem(deps, kind, id)
    const result = await deleteTaxonomy(deps, request.user!, kind, id)
    switch (result.kind) {
      case 'done': return reply.redirect(`/admin/taxonomy/?edition=${encodeURIComponent(item?.edition ?? '')}&notice=${NOTICES[kind].deleted}`, 303)
      case 'forbidden': return sendAdminError(request, reply, 403)
      default: return sendAdminError(request, reply, 404)
    }
  })
}

export default taxonomyRoutes
