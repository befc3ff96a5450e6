// The media library under /admin/media/: upload (multipart, only here), search, describe, delete.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import multipart, { type Multipart } from '@fastify/multipart'
import { MAX_UPLOAD_BYTES } from '../../../domain/media.js'
import { can } from '../../../domain/roles.js'
import { decodeCursor, encodeCursor } from '../../../domain/urls.js'
import {
  deleteMediaItem, mayManageMedia, mediaDetails, mediaLibraryPage, updateMediaDetails, uploadMedia, type UploadResult
} from '../../../services/media.service.js'
import { translateErrors } from '../../views/admin/form-errors.js'
import { hrefWith, type FormErrors } from '../../views/admin/forms.js'
import type { AdminNotice } from '../../views/admin/admin-context.js'
import { MediaDetailPage, MediaLibraryPage, type UploadValues } from '../../views/admin/media-pages.js'
import { requireCapability, sendAdminError } from './admin-support.js'
import { parseId } from '../../../domain/ids.js'
import { bodyPicture } from '../../../services/body-editor.service.js'

/** The body editor's upload in place: the same upload, answered in JSON for the script that sent it. */
const UPLOAD_JSON_PATH = '/admin/media/upload.json'

/** Library thumbnails per page. */
const MEDIA_PER_PAGE = 40

type IdParams = { Params: { id: string } }

/** A field of a plain form. */
function text(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** The rest of an upload's body, after the CSRF field the guard read: the text fields and the one file. */
async function readUpload(parts: AsyncIterableIterator<Multipart>): Promise<{ fields: Record<string, string>, file: { bytes: Buffer, filename: string } | null }> {
  const fields: Record<string, string> = {}
  let file: { bytes: Buffer, filename: string } | null = null
  for await (const part of parts) {
    if (part.type === 'file') {
      // Read at once: the stream must be drained before the next part arrives.
      const bytes = await part.toBuffer()
      if (part.fieldname === 'file' && file === null) file = { bytes, filename: part.filename }
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value
  }
  return { fields, file }
}

const UPLOAD_PROBLEMS: Record<Exclude<UploadResult['kind'], 'created' | 'duplicate' | 'forbidden' | 'invalid'>, { status: number, key: 'admin.media.error.empty' | 'admin.media.error.unsupported' | 'admin.media.error.unreadable' | 'admin.media.error.tooManyPixels' }> = {
  empty: { status: 400, key: 'admin.media.error.empty' },
  // 415: the bytes are not an image type we take, whatever the file is called.
  unsupported: { status: 415, key: 'admin.media.error.unsupported' },
  unreadable: { status: 400, key: 'admin.media.error.unreadable' },
  'too-many-pixels': { status: 400, key: 'admin.media.error.tooManyPixels' }
}

const mediaRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  const guard = { preHandler: requireCapability('media.upload') }
  // An upload shows nowhere until an article uses it; changed or deleted details show on the pages that do.
  const write = { ...guard, config: { changesReaderPages: true } }

  // Multipart for this plugin's routes only, read as a stream: the role is checked before any of the body
  // is read, the CSRF field (the body's first part) before the file, and the size limit applies while
  // reading so an oversized file is never kept.
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 }
  })

  async function renderLibrary(request: FastifyRequest, reply: FastifyReply, opts: { upload?: UploadValues, errors?: FormErrors, problem?: AdminNotice | null, status?: number } = {}) {
    const ctx = await request.adminContext()
    const query = (request.query ?? {}) as Record<string, string | undefined>
    const q = request.method === 'GET' ? (query.q ?? '').trim().slice(0, 200) : ''
    const after = request.method === 'GET' ? decodeCursor(query.after) : null
    const page = await mediaLibraryPage(deps, { text: q || undefined, limit: MEDIA_PER_PAGE, after: after ? { createdAt: after.publishedAt, id: after.id } : undefined })
    const last = page.items.at(-1)
    const older = last && page.hasMore ? hrefWith('/admin/media/', { q }, { after: encodeCursor({ publishedAt: last.created_at, id: last.id }) }) : null
    const newer = after ? hrefWith('/admin/media/', { q }, {}) : null
    return reply.adminPage(
      <MediaLibraryPage ctx={ctx} items={page.items} q={q} newer={newer} older={older} canUpload={can(ctx.user.role, 'media.upload')}
        upload={opts.upload ?? { alt: '', caption: '', credit: '' }} errors={opts.errors ?? {}} problem={opts.problem ?? null} />,
      opts.status ?? 200
    )
  }

  // An oversized or malformed upload fails while the body is read, before any handler: answer it with
  // the library page and a sentence that says what to do, not a bare error.
  app.setErrorHandler(async (error: Error & { statusCode?: number, code?: string }, request, reply) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FIELDS_LIMIT') {
      request.log.info({ code: error.code }, 'upload refused')
      // The body fails before the route's guard runs: show the library only to those who may see it.
      if (!request.user || !can(request.user.role, 'media.upload')) return sendAdminError(request, reply, request.user ? 403 : 413)
      const ctx = await request.adminContext()
      const message = error.code === 'FST_REQ_FILE_TOO_LARGE'
        ? ctx.i18n.t('admin.media.error.tooLarge', { size: Math.round(MAX_UPLOAD_BYTES / (1024 * 1024)) })
        : ctx.i18n.t('admin.media.error.tooManyParts')
      if (request.url.split('?')[0] === UPLOAD_JSON_PATH) return reply.code(413).send({ error: message })
      return renderLibrary(request, reply, { errors: { file: message }, status: 413 })
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'media request failed')
    return sendAdminError(request, reply, status === 406 ? 415 : status)
  })

  app.get('/media/', guard, async (request, reply) => renderLibrary(request, reply))

  app.post('/media/', { onRequest: requireCapability('media.upload'), config: { csrfInFirstPart: true } }, async (request, reply) => {
    const ctx = await request.adminContext()
    // Not multipart (a plain form): the guard checked its token as usual, and there is no file in it.
    const { fields, file } = request.uploadParts ? await readUpload(request.uploadParts) : { fields: request.body, file: null }
    const upload = { alt: text(fields, 'alt'), caption: text(fields, 'caption'), credit: text(fields, 'credit') }
    if (!file) return renderLibrary(request, reply, { upload, errors: { file: ctx.i18n.t('admin.media.error.noFile') }, status: 400 })
    const result = await uploadMedia(deps, ctx.user, { bytes: file.bytes, originalName: file.filename, ...upload })
    switch (result.kind) {
      case 'created': return reply.redirect(`/admin/media/${result.id}/?notice=mediaUploaded`, 303)
      case 'duplicate': return reply.redirect(`/admin/media/${result.id}/?notice=mediaDuplicate`, 303)
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'invalid': return renderLibrary(request, reply, { upload, errors: translateErrors(ctx.i18n, result.errors), status: 400 })
      default: {
        const problem = UPLOAD_PROBLEMS[result.kind]
        return renderLibrary(request, reply, { upload, errors: { file: ctx.i18n.t(problem.key) }, status: problem.status })
      }
    }
  })

  app.post('/media/upload.json', { onRequest: requireCapability('media.upload'), config: { csrfInFirstPart: true } }, async (request, reply) => {
    const ctx = await request.adminContext()
    const { fields, file } = request.uploadParts ? await readUpload(request.uploadParts) : { fields: request.body, file: null }
    if (!file) return reply.code(400).send({ error: ctx.i18n.t('admin.media.error.noFile') })
    const upload = { alt: text(fields, 'alt'), caption: text(fields, 'caption'), credit: text(fields, 'credit') }
    const result = await uploadMedia(deps, ctx.user, { bytes: file.bytes, originalName: file.filename, ...upload })
    switch (result.kind) {
      case 'created':
      case 'duplicate': {
        const item = await bodyPicture(deps, result.id)
        return item ? reply.code(result.kind === 'created' ? 201 : 200).send({ item }) : reply.code(404).send({ error: ctx.i18n.t('admin.media.error.unreadable') })
      }
      case 'forbidden': return reply.code(403).send({ error: ctx.i18n.t('admin.error.forbidden.text') })
      case 'invalid': return reply.code(400).send({ error: Object.values(translateErrors(ctx.i18n, result.errors)).join(' ') })
      default: {
        const problem = UPLOAD_PROBLEMS[result.kind]
        return reply.code(problem.status).send({ error: ctx.i18n.t(problem.key) })
      }
    }
  })

  app.get<IdParams>('/media/:id/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const details = id === null ? null : await mediaDetails(deps, id)
    if (!details) return sendAdminError(request, reply, 404)
    const ctx = await request.adminContext()
    const { alt, caption, credit } = details.media
    return reply.adminPage(<MediaDetailPage ctx={ctx} details={details} values={{ alt, caption, credit }} errors={{}} canManage={mayManageMedia(ctx.user, details.media)} problem={null} />)
  })

  app.post<IdParams>('/media/:id/', write, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    const values = { alt: text(request.body, 'alt'), caption: text(request.body, 'caption'), credit: text(request.body, 'credit') }
    const result = await updateMediaDetails(deps, request.user!, id, values)
    if (result.kind === 'done') return reply.redirect(`/admin/media/${id}/?notice=mediaSaved`, 303)
    if (result.kind === 'not-found') return sendAdminError(request, reply, 404)
    if (result.kind === 'forbidden') return sendAdminError(request, reply, 403)
    const details = await mediaDetails(deps, id)
    if (!details) return sendAdminError(request, reply, 404)
    const ctx = await request.adminContext()
    const errors = result.kind === 'invalid' ? translateErrors(ctx.i18n, result.errors) : {}
    return reply.adminPage(<MediaDetailPage ctx={ctx} details={details} values={values} errors={errors} canManage problem={null} />, 400)
  })

  app.post<IdParams>('/media/:id/delete/', write, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    const result = await deleteMediaItem(deps, request.user!, id)
    switch (result.kind) {
      case 'done': return reply.redirect('/admin/media/?notice=mediaDeleted', 303)
      case 'not-found': return sendAdminError(request, reply, 404)
      case 'forbidden': return sendAdminError(request, reply, 403)
      case 'in-use': {
        const details = await mediaDetails(deps, id)
        if (!details) return sendAdminError(request, reply, 404)
        const ctx = await request.adminContext()
        const { alt, caption, credit } = details.media
        const problem: AdminNotice = { tone: 'error', text: ctx.i18n.plural('admin.media.inUse', result.count) }
        return reply.adminPage(<MediaDetailPage ctx={ctx} details={details} values={{ alt, caption, credit }} errors={{}} canManage problem={problem} />, 409)
      }
      default: return sendAdminError(request, reply, 400)
    }
  })
}

export default mediaRoutes
