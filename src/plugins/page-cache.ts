// Rendered public responses kept in memory (DESIGN §5): pages, feeds, sitemaps and API answers are the
// same for every reader, so a burst of readers costs one render. A copy is dropped
//  - on every event that changes what readers see: article and comment services announce their own
//    changes, and a route whose success changes something else readers see (settings, sections, users'
//    names, media …) says so with `config: { changesReaderPages: true }`, announced as 'site.changed';
//  - when the next scheduled story goes live, so a story still appears by itself at its time;
//  - after `ttlSeconds` at most, which bounds what this process cannot hear of: commands run from the
//    shell, other app processes' events while the PostgreSQL bus is reconnecting, and time itself (the
//    day's page at midnight).
// On PostgreSQL the events come from every app process (src/events/postgres-bus.ts).
// Only GET answers marked Cache-Control: public, 200 and without cookies are kept; HEAD, conditional
// answers (304) and everything private go their usual way.
import fp from 'fastify-plugin'
import { LRUCache } from 'lru-cache'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { nextPublicationAfter } from '../services/reader.service.js'

export interface PageCacheOptions {
  /** 0 turns the cache off. */
  ttlSeconds: number
  /** Memory for bodies, in bytes. */
  maxBytes?: number
}

interface Entry {
  body: string | Buffer
  headers: Record<string, string | string[]>
  expiresAt: number
}

/** Responses of these types are kept; images and other files have their own long HTTP caching. */
const CACHEABLE_TYPE = /^(text\/(html|plain|xml)|application\/((rss|atom)\+)?xml|application\/(feed\+)?json)\b/
/** Headers that belong to one response on the wire, not to the content. */
const NOT_REPLAYED = new Set(['etag', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'])

declare module 'fastify' {
  interface FastifyRequest {
    /** The cache generation when this request began: a copy rendered across a drop is not kept. */
    pageCacheGeneration?: number
    /** Its copy's key, worked out before validation fills in the query's defaults (which would change it). */
    pageCacheKey?: string
  }
  interface FastifyContextConfig {
    /** The query parameters a cacheable route reads: the only ones in its cache key (a schema's also count). */
    cacheQuery?: readonly string[]
  }
}

/**
 * The key of a request's copy: the path plus only the query parameters its route reads (declared in the
 * route's config, or its querystring schema), in a fixed order. "?junk=N" is then served the cached copy
 * instead of rendering a page per junk value.
 */
export function pageCacheKey(request: FastifyRequest): string {
  const at = request.url.indexOf('?')
  const path = at === -1 ? request.url : request.url.slice(0, at)
  const declared = request.routeOptions.config?.cacheQuery ?? []
  const schema = request.routeOptions.schema?.querystring as { properties?: Record<string, unknown> } | undefined
  const names = [...new Set([...declared, ...Object.keys(schema?.properties ?? {})])].sort()
  if (at === -1 || names.length === 0) return path
  const query = (request.query ?? {}) as Record<string, unknown>
  const kept = new URLSearchParams()
  for (const name of names) {
    const value = query[name]
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) kept.append(name, String(one))
  }
  const search = kept.toString()
  return search === '' ? path : `${path}?${search}`
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * This route, when it succeeds, changes what readers see in a way no article or comment event tells
     * (settings, sections, users' names, media …): every process drops its cached pages. Writes that
     * change nothing readers see (the editor's live preview, autosaves, a password) leave it out.
     */
    changesReaderPages?: boolean
  }
}

/**
 * Whether this request was a successful write by a route that declared it changes reader pages. Only
 * someone signed in gets that far, apart from the public forms (first-run set-up names the site); a
 * refused request (4xx) or a redirect to the login page changed nothing.
 */
function changedReaderPages(request: FastifyRequest, reply: FastifyReply): boolean {
  const config = request.routeOptions.config
  if (!config?.changesReaderPages || reply.statusCode >= 400) return false
  return request.user !== null || config.adminPublic === true
}

export default fp<PageCacheOptions>(async (app, options) => {
  // Tell every process, this one included, even when this one keeps no copies itself.
  app.addHook('onResponse', async (request, reply) => {
    if (changedReaderPages(request, reply)) app.deps.events.emit({ type: 'site.changed' })
  })

  if (options.ttlSeconds <= 0) return
  const ttlMs = options.ttlSeconds * 1000
  const clock = app.deps.clock
  const cache = new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry) => Math.max(1, Buffer.byteLength(entry.body) + 512)
  })
  let generation = 0
  // When the next scheduled story goes live (ms since the epoch; null: none is scheduled), as last read.
  let boundary: { at: number | null } | undefined

  const drop = (): void => {
    generation++
    cache.clear()
    boundary = undefined
  }
  const stopListening = app.deps.events.on((event) => {
    // A comment waiting for a moderator changes no page.
    if (event.type !== 'comment.submitted') drop()
  })
  app.addHook('onClose', async () => stopListening())

  /** The next scheduled publication after `now`; read again once the last one read has passed. */
  const publicationBoundary = async (now: number): Promise<number | null> => {
    if (boundary && (boundary.at === null || boundary.at > now)) return boundary.at
    const readIn = generation
    const at = await nextPublicationAfter(app.deps, new Date(now))
    const value = at ? Date.parse(at) : null
    if (readIn === generation) boundary = { at: value }
    return value
  }

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.pageCacheGeneration = generation
    if (request.method !== 'GET') return
    const key = pageCacheKey(request)
    request.pageCacheKey = key
    const entry = cache.get(key)
    if (!entry) return
    if (entry.expiresAt <= clock().getTime()) {
      cache.delete(key)
      return
    }
    // The rest of the answer (ETag, 304) is worked out by the onSend hooks as for a rendered page.
    reply.headers(entry.headers).header('x-lede-cache', 'hit').code(200).send(entry.body)
    return reply
  })

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || reply.getHeader('x-lede-cache') === 'hit') return payload
    if (request.pageCacheGeneration !== generation) return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    const cacheControl = String(reply.getHeader('cache-control') ?? '')
    if (!cacheControl.startsWith('public') || reply.hasHeader('set-cookie')) return payload
    if (!CACHEABLE_TYPE.test(String(reply.getHeader('content-type') ?? ''))) return payload

    const now = clock().getTime()
    let next: number | null
    try {
      next = await publicationBoundary(now)
    } catch (error) {
      request.log.warn({ err: error }, 'page cache: could not read the next scheduled story; keeping nothing')
      return payload
    }
    const expiresAt = Math.min(now + ttlMs, next ?? Infinity)
    if (expiresAt <= now || request.pageCacheGeneration !== generation) return payload
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || NOT_REPLAYED.has(name)) continue
      headers[name] = Array.isArray(value) ? value.map(String) : String(value)
    }
    if (request.pageCacheKey === undefined) return payload
    cache.set(request.pageCacheKey, { body: payload, headers, expiresAt })
    return payload
  })
}, { name: 'page-cache', dependencies: ['auth'] })
