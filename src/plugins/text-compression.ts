// Rendered answers (pages, feeds, JSON) are compressed in one call on zlib's thread pool, not through
// @fastify/compress's stream pipeline: a rendered page is one string already, and the pipeline (a
// readable, a peek stream, a duplex and a brotli stream per response) cost more CPU than the brotli work
// itself (bench/README.md, "Breaking news"). Streams (files) still go through @fastify/compress.
// The page cache compresses its kept copies with the same functions, harder, once per copy.
import type { FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'
import { chooseEncoding } from '../domain/accept-encoding.js'

/** Smaller bodies gain little from compression and cost a header's worth of bytes anyway. */
export const COMPRESS_FROM_BYTES = 1024

/** Text worth compressing; images and archives are compressed already. */
const COMPRESSIBLE_TYPE = /^(text\/|application\/([a-z.+-]*\+)?(json|xml|javascript)\b|image\/svg\+xml)/

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * `kept`: a copy the page cache serves many times (brotli 5, within a few per cent of the best size);
 * `once`: an answer sent to one reader (brotli 4, a third cheaper on HTML). Both gzip at level 6.
 */
export type Effort = 'kept' | 'once'

export function compressBody(body: Buffer, encoding: 'br' | 'gzip', effort: Effort): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: 6 })
  return brotliAsync(body, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: effort === 'kept' ? 5 : 4,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      // The encoder sizes its buffers to the body instead of to its 4 MB default window.
      [zlib.BROTLI_PARAM_SIZE_HINT]: body.length
    }
  })
}

/** A Vary header value that includes Accept-Encoding. */
export function withVary(value: string | string[] | number | undefined): string {
  const current = Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value)
  if (/\baccept-encoding\b/i.test(current)) return current
  return current === '' ? 'Accept-Encoding' : `${current}, Accept-Encoding`
}

function compressible(reply: FastifyReply, bytes: number): boolean {
  if (bytes < COMPRESS_FROM_BYTES || reply.statusCode === 204 || reply.statusCode === 304) return false
  const encoding = reply.getHeader('content-encoding')
  if (encoding !== undefined && encoding !== 'identity') return false
  return COMPRESSIBLE_TYPE.test(String(reply.getHeader('content-type') ?? ''))
}

export default fp(async (app) => {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload
    if (!compressible(reply, body.length)) return payload
    reply.header('vary', withVary(reply.getHeader('vary')))
    const encoding = chooseEncoding(request.headers['accept-encoding'])
    if (encoding === 'identity') return body
    const compressed = await compressBody(body, encoding, 'once')
    reply.header('content-encoding', encoding)
    // A strong ETag names these exact bytes; the compressed form is the same content, so it goes weak.
    const etag = reply.getHeader('etag')
    if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', `W/${etag}`)
    reply.removeHeader('content-length')
    return compressed
  })
}, { name: 'text-compression' })
