// Image files at /media/<id>-<hash>/<variant>.<ext>. The address changes whenever the bytes do, so
// browsers and CDNs may keep a file for a year without asking again.
import type { FastifyPluginAsync } from 'fastify'
import { parseMediaPath } from '../../domain/media.js'
import { mediaFileForUrl } from '../../services/media.service.js'
import { sendErrorPage } from '../../plugins/error-pages.js'

export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable'

const mediaFilesRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { key: string, file: string } }>('/media/:key/:file', async (request, reply) => {
    const { key, file } = request.params
    const parsed = parseMediaPath(key, file)
    if (!parsed) return sendErrorPage(app.deps, request, reply, 404)
    // Content-addressed: a cache that holds this URL holds the right bytes; no need to read them again.
    const etag = `"${parsed.hashPrefix}-${parsed.variant}"`
    if (request.headers['if-none-match'] === etag) {
      return reply.code(304).header('etag', etag).header('cache-control', MEDIA_CACHE_CONTROL).send()
    }
    const found = await mediaFileForUrl(app.deps, key, file)
    if (!found) return sendErrorPage(app.deps, request, reply, 404)
    return reply
      .header('content-type', found.mime)
      .header('content-length', found.bytes.length)
      .header('cache-control', MEDIA_CACHE_CONTROL)
      .header('etag', etag)
      // The bytes were checked at upload to be this type; never let a browser guess otherwise.
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .send(found.bytes)
  })
}

export default mediaFilesRoutes
