// The WordPress import screen under /admin/import/ (administrators): upload an export, which then runs in
// the background (src/services/import-runs.service.ts); the history; one run's progress and summary.
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import { parseId } from '../../../domain/ids.js'
import { displayStatus } from '../../../domain/import-summary.js'
import { attachmentsWithoutFiles, importHistory, importRun, startBackgroundImport } from '../../../services/import-runs.service.js'
import type { FormErrors } from '../../views/admin/forms.js'
import { ImportPage, ImportRunPage, type ImportFormValues } from '../../views/admin/import-pages.js'
import { requireCapability, sendAdminError } from './admin-support.js'

/** Uploads through the browser; larger archives go through `lede import wordpress`, which reads any size. */
export const MAX_IMPORT_UPLOAD_BYTES = 256 * 1024 * 1024
/** Seconds between refreshes of a running import's page. */
const REFRESH_SECONDS = 3

type IdParams = { Params: { id: string } }

const importRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  const guard = { preHandler: requireCapability('settings.manage') }
  // Read only inside the handler, as a stream to a temporary file: an export is never held in memory.
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 100, parts: 6 } })

  async function renderForm(request: FastifyRequest, reply: FastifyReply, values: ImportFormValues | null, errors: FormErrors = {}, status = 200) {
    const ctx = await request.adminContext()
    const runs = await importHistory(deps)
    return reply.adminPage(<ImportPage ctx={ctx} runs={runs} values={values ?? { edition: ctx.settings.defaultEdition, dryRun: false }} errors={errors}
      maxMegabytes={MAX_IMPORT_UPLOAD_BYTES / (1024 * 1024)} />, status)
  }

  app.get('/import/', guard, async (request, reply) => renderForm(request, reply, null))

  // The role is checked on arrival, before any of the body is read.
  app.post('/import/', { onRequest: requireCapability('settings.manage'), config: { csrfInFirstPart: true } }, async (request, reply) => {
    const ctx = await request.adminContext()
    const { t } = ctx.i18n
    const path = join(tmpdir(), `lede-import-${randomBytes(12).toString('hex')}.xml`)
    let values: ImportFormValues = { edition: ctx.settings.defaultEdition, dryRun: false }
    let fileName = ''
    try {
      // The guard has read the first part (the CSRF token); the fields come next, then the file, streamed to disk.
      let gotFile = false
      for await (const part of request.uploadParts ?? []) {
        if (part.type === 'field') {
          if (part.fieldname === 'edition' && typeof part.value === 'string' && part.value) values = { ...values, edition: part.value }
          if (part.fieldname === 'dry_run') values = { ...values, dryRun: part.value === '1' }
        } else if (part.fieldname === 'file' && !gotFile) {
          gotFile = true
          fileName = part.filename
          await pipeline(part.file, createWriteStream(path, { flags: 'wx' }))
          if (part.file.truncated) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' })
        } else {
          part.file.resume()
        }
      }
      if (!gotFile) return await renderForm(request, reply, values, { file: t('admin.import.error.noFile') }, 400)
    } catch (error) {
      await rm(path, { force: true })
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        return renderForm(request, reply, values, { file: t('admin.import.error.tooLarge', { size: MAX_IMPORT_UPLOAD_BYTES / (1024 * 1024) }) }, 413)
      }
      request.log.info({ err: error }, 'import upload refused')
      return renderForm(request, reply, values, { file: t('admin.import.error.noFile') }, 400)
    }
    const errors: FormErrors = {}
    if ((await stat(path)).size === 0) errors.file = t('admin.import.error.noFile')
    if (!ctx.settings.editions.includes(values.edition)) errors.edition = t('admin.import.error.edition')
    if (Object.keys(errors).length > 0) {
      await rm(path, { force: true })
      return renderForm(request, reply, values, errors, 400)
    }
    const runId = await startBackgroundImport(deps, {
      filePath: path, fileName: fileName || 'export.xml', edition: values.edition, dryRun: values.dryRun,
      actor: { id: ctx.user.id, name: ctx.user.displayName }
    })
    return reply.redirect(`/admin/import/runs/${runId}/`, 303)
  })

  app.get<IdParams>('/import/runs/:id/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const run = id === null ? undefined : await importRun(deps, id)
    if (!run) return sendAdminError(request, reply, 404)
    const ctx = await request.adminContext()
    const status = displayStatus(run, ctx.now)
    // Without any script: the browser reloads the page until the run ends.
    if (status === 'queued' || status === 'running') reply.header('refresh', String(REFRESH_SECONDS))
    return reply.adminPage(<ImportRunPage ctx={ctx} run={run} />)
  })

  app.get('/import/attachments.txt', guard, async (_request, reply) => {
    return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'private, no-store')
      .header('content-disposition', 'attachment; filename="attachments.txt"')
      .send(Readable.from(attachmentsWithoutFiles(deps)))
  })
}

export default importRoutes
