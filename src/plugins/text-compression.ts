// Rendered answers (pages, feeds, JSON) are compressed in one call (see Effort), not through
// @fastify/compress's stream pipeline: a rendered page is one string already, and the pipeline (a
// readable, a peek stream, a duplex and a brotli stream per response) cost more CPU than the brotli work
// itself (bench/README.md, "Breaking news"). Streams (files) still go through @fastify/compress.
// The page cache compresses its kept copies with the same functions, harder, once per copy.
import type { FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants as zlib, gzip, gzipSync, type BrotliOptions } from 'node:zlib'
import { chooseEncoding } from '../domain/accept-encoding.js'

/** Smaller bodies gain little from compression and cost a header's worth of bytes anyway. */
export const COMPRESS_FROM_BYTES = 1024

/** Text worth compressing; images and archives are compressed already. */
const COMPRESSIBLE_TYPE = /^(text\/|application\/([a-z.+-]*\+)?(json|xml|javascript)\b|image\/svg\+xml)/

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * `kept`: a copy the page cache serves many times (brotli 5, within a few per cent of the best size),
 * compressed on zlib's thread pool;
 * `once`: an answer sent to one reader (brotli 2, about 7 % larger than 4 on pages for a third of the CPU;
 * 1 on large bodies, see onceQuality), compressed right here when it is small. zlib's asynchronous calls
 * run a stream per body and hand it to another thread: on a 16 KB article that cost more than the
 * compression itself (brotli 4: 221 µs of process CPU async, 140 µs sync; brotli 2 sync 68 µs). A busy
 * server has no idle core to hand it to anyway; only large bodies, which would hold up the event loop,
 * still go there. Both gzip at level 6.
 */
export type Effort = 'kept' | 'once'

/**
 * Brotli 1 above 32 KB (a full-text feed of 50 stories, 64 KB): half the CPU of brotli 2 there (141 against
 * 264 µs) for 4 % more bytes; pages stay at 2, where 1 saves little and costs 8 %.
 */
function onceQuality(body: Buffer): number {
  return body.length > 32 * 1024 ? 1 : 2
}

/** Bodies up to this size are compressed on the event loop: at most about a millisecond of work. */
const COMPRESS_INLINE_UP_TO_BYTES = 128 * 1024

function brotliOptions(body: Buffer, quality: number): BrotliOptions {
  return {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: quality,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      // The encoder sizes its buffers to the body instead of to its 4 MB default window.
      [zlib.BROTLI_PARAM_SIZE_HINT]: body.length
    }
  }
}

export function compressBody(body: Buffer, encoding: 'br' | 'gzip', effort: Effort): Promise<Buffer> {
  if (effort === 'once' && body.length <= COMPRESS_INLINE_UP_TO_BYTES) {
    try {
      return Promise.resolve(encoding === 'gzip' ? gzipSync(body, { level: 6 }) : brotliCompressSync(body, brotliOptions(body, onceQuality(body))))
    } catch (error) {
      return Promise.reject(error)
    }
  }
  if (encoding === 'gzip') return gzipAsync(body, { level: 6 })
  return brotliAsync(body, brotliOptions(body, effort === 'kept' ? 5 : onceQuality(body)))
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
