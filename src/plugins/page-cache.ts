// Rendered public responses kept in memory (DESIGN §5): pages, feeds, sitemaps and API answers are the
// same for every reader, so a burst of readers costs one render. A copy is dropped
//  - on every event that changes what it shows (src/domain/cache-invalidation.ts: a story's change drops
//    every copy, a comment's only those that may show that story's comments); article and comment services
//    announce their own changes, and a route whose success changes something else readers see (settings, sections, users'
//    names, media …) says so with `config: { changesReaderPages: true }`, announced as 'site.changed';
//  - when the next scheduled story goes live, so a story still appears by itself at its time;
//  - after `ttlSeconds` at most, which bounds what this process cannot hear of: commands run from the
//    shell, other app processes' events while the PostgreSQL bus is reconnecting, and time itself (the
//    day's page at midnight).
// On PostgreSQL the events come from every app process (src/events/postgres-bus.ts).
// Only GET answers marked Cache-Control: public, 200 and without cookies are kept; HEAD, conditional
// answers (304) and everything private go their usual way.
// No stampede: while one request renders a page that is not kept, other readers of the same page wait for
// that render (single flight) instead of rendering it too; and for a few seconds after a change dropped
// the copies, they are given the copy from before the change while one request renders the new one.
// A copy is kept with its ETag and its brotli and gzip forms, worked out once when it is stored, so a hit
// costs no rendering, hashing or compressing: it picks the form the reader's Accept-Encoding asks for.
// The plainest hits do not even go through Fastify: see `fastLane` below.
import type { IncomingMessage, ServerResponse } from 'node:http'
import fp from 'fastify-plugin'
import { LRUCache } from 'lru-cache'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { chooseEncoding, type KeptEncoding } from '../domain/accept-encoding.js'
import { COMPRESS_FROM_BYTES, compressBody, withVary } from './text-compression.js'
import { changesNothing, dropsCopy, dropsEverything, type CommentScope, type ReaderChange } from '../domain/cache-invalidation.js'
import { nextPublicationAfter } from '../services/reader.service.js'

/**
 * Answers a request from a kept copy straight on Node's server, before Fastify sees it, when it can do so
 * exactly as the hooks would; false leaves the request to Fastify.
 */
export type FastLane = (request: IncomingMessage, response: ServerResponse) => boolean

export interface PageCacheOptions {
  /** 0 turns the cache off. */
  ttlSeconds: number
  /** Memory for bodies, in bytes. */
  maxBytes?: number
  /** Given the fast lane once the cache is set up (app.ts puts it in front of Fastify). */
  fastLane?: (lane: FastLane) => void
}

interface Entry {
  /** The body as rendered, and compressed where that is worth it (bodies under a kilobyte are not). */
  bodies: { identity: Buffer, br?: Buffer, gzip?: Buffer }
  /** The strong ETag of the rendered body; compressed forms carry it weak, as nginx's gzip does. */
  etag: string
  headers: Record<string, string | string[]>
  expiresAt: number
  scope: CommentScope
  /**
   * The whole answer for each form, headers included, for the fast lane; absent when this copy must go
   * through Fastify's hooks (its route is rate-limited: a kept copy still counts against the visitor).
   */
  wire?: { [form in KeptEncoding]?: { body: Buffer, headers: Record<string, string | string[]> } }
}

/** One render in flight, which readers of the same page wait for. */
interface Render {
  key: string
  done: Promise<void>
  finish: () => void
  /** Readers waiting on it. */
  waiting: number
  /** The copy it made, for the readers who waited on it, even when a change since means it is not kept. */
  result?: Entry
}

/** How long after a change readers may still get the copy from before it, while one request renders anew. */
const GRACE_MS = 5000
/** A reader waits at most this long for another request's render before rendering the page itself. */
const MAX_WAIT_MS = 10_000

async function keptBodies(body: Buffer): Promise<Entry['bodies']> {
  if (body.length < COMPRESS_FROM_BYTES) return { identity: body }
  const [br, gz] = await Promise.all([compressBody(body, 'br', 'kept'), compressBody(body, 'gzip', 'kept')])
  return { identity: body, br, gzip: gz }
}

/**
 * Puts the copy's form for this reader on the reply: body, Content-Encoding, ETag and Vary. The ETag
 * being set, @fastify/etag hashes nothing, and the conditional-get hooks answer 304 from it.
 */
function keptForm(entry: Entry, request: FastifyRequest, reply: FastifyReply): Buffer {
  const wanted: KeptEncoding = chooseEncoding(request.headers['accept-encoding'])
  const body = wanted === 'identity' ? undefined : entry.bodies[wanted]
  reply.header('vary', withVary(entry.headers.vary))
  if (body === undefined) {
    reply.header('etag', entry.etag)
    return entry.bodies.identity
  }
  reply.header('content-encoding', wanted)
  reply.header('etag', entry.etag.startsWith('W/') ? entry.etag : `W/${entry.etag}`)
  return body
}

/**
 * Each form of a copy as the hooks would send it on a hit: the replayed headers, then keptForm's, then
 * the page cache's mark (the security headers are among the replayed: they were set before the copy was).
 */
function wireForms(entry: Entry): NonNullable<Entry['wire']> {
  const wire: NonNullable<Entry['wire']> = {}
  for (const form of ['identity', 'br', 'gzip'] as const) {
    const body = form === 'identity' ? entry.bodies.identity : entry.bodies[form]
    if (body === undefined) continue
    const headers: Record<string, string | string[]> = { ...entry.headers, 'x-lede-cache': 'hit', vary: withVary(entry.headers.vary) }
    if (form === 'identity') headers.etag = entry.etag
    else {
      headers['content-encoding'] = form
      headers.etag = entry.etag.startsWith('W/') ? entry.etag : `W/${entry.etag}`
    }
    headers['content-length'] = String(body.length)
    wire[form] = { body, headers }
  }
  return wire
}

/** Responses of these types are kept; images and other files have their own long HTTP caching. */
const CACHEABLE_TYPE = /^(text\/(html|plain|xml)|application\/((rss|atom)\+)?xml|application\/(feed\+)?json)\b/
/** Headers that belong to one response on the wire, not to the content. */
const NOT_REPLAYED = new Set(['etag', 'content-length', 'content-encoding', 'vary', 'date', 'connection', 'keep-alive', 'transfer-encoding'])

declare module 'fastify' {
  interface FastifyRequest {
    /** The cache generation when this request began: a copy rendered across a drop is not kept. */
    pageCacheGeneration?: number
    /** This request renders its page for the readers waiting on it (single flight). */
    pageCacheRender?: Render
    /** The stories whose comments its page shows, set by routes that know (article pages); else any. */
    pageCacheScope?: CommentScope
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
  const newCache = () => new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry) => entry.bodies.identity.length + (entry.bodies.br?.length ?? 0) + (entry.bodies.gzip?.length ?? 0) + 512
  })
  let cache = newCache()
  let generation = 0
  // The copies changes dropped, each for GRACE_MS after its own drop, for readers who come while its page is
  // rendered anew. Comments arrive many a second in a surge, each dropping a page or two: were only the last
  // change's copies kept, a page dropped a moment earlier and still being rendered would leave its readers waiting.
  const stale = newCache()
  const renders = new Map<string, Render>()
  // Pages that turned out not to be kept (private, failed): nobody waits for their renders.
  const notKept = new LRUCache<string, true>({ max: 10_000 })
  // When the next scheduled story goes live (ms since the epoch; null: none is scheduled), as last read.
  let boundary: { at: number | null } | undefined

  const drop = (change: ReaderChange): void => {
    if (changesNothing(change)) return
    generation++
    if (dropsEverything(change)) {
      for (const [key, entry] of cache.entries()) stale.set(key, entry, { ttl: GRACE_MS })
      cache = newCache()
      boundary = undefined
    } else {
      for (const [key, entry] of cache.entries()) {
        if (!dropsCopy(change, entry.scope)) continue
        stale.set(key, entry, { ttl: GRACE_MS })
        cache.delete(key)
      }
    }
    notKept.clear()
    // Renders begun before the change are not kept: readers from now on start a render of their own. Those
    // already waiting asked before the change, so the render they wait for answers them (its `result`).
    renders.clear()
  }
  const stopListening = app.deps.events.on(drop)
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

  /** A kept copy of the page, if it has not expired. */
  const fresh = (key: string): Entry | undefined => {
    const entry = cache.get(key)
    if (entry && entry.expiresAt <= clock().getTime()) {
      cache.delete(key)
      return undefined
    }
    return entry
  }

  // The rest of the answer (304, security headers) is worked out by the onSend hooks as for a rendered page.
  const serve = (entry: Entry, how: 'hit' | 'stale', request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    reply.headers(entry.headers).header('x-lede-cache', how).code(200)
    return reply.send(keptForm(entry, request, reply))
  }

  // A hit that needs nothing of the hooks: a GET of a path without a query (the key is then the path),
  // without cookies (a signed-in reader goes through auth), without a condition to check (304s stay with
  // the conditional-get hook), and without X-Forwarded-Proto unless the copy carries HSTS anyway (the
  // security hook adds it for https). Anything else, and every miss, goes to Fastify as before.
  options.fastLane?.((request, response) => {
    if (request.method !== 'GET') return false
    const url = request.url
    if (url === undefined || url.includes('?')) return false
    const headers = request.headers
    if (headers.cookie !== undefined || headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined) return false
    const entry = fresh(url)
    if (entry?.wire === undefined) return false
    if (headers['x-forwarded-proto'] !== undefined && entry.headers['strict-transport-security'] === undefined) return false
    const wanted = chooseEncoding(headers['accept-encoding'])
    const form = entry.wire[wanted] ?? entry.wire.identity
    if (form === undefined) return false
    response.writeHead(200, form.headers)
    response.end(form.body)
    return true
  })

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.pageCacheGeneration = generation
    if (request.method !== 'GET') return
    const key = pageCacheKey(request)
    request.pageCacheKey = key
    const entry = fresh(key)
    if (entry) return serve(entry, 'hit', request, reply)
    // Signed-in pages are never kept: nothing to wait for.
    if (request.headers.cookie !== undefined || notKept.has(key)) return

    const rendering = renders.get(key)
    if (!rendering) {
      let finish!: () => void
      const done = new Promise<void>((resolve) => { finish = resolve })
      const render: Render = { key, done, finish, waiting: 0 }
      renders.set(key, render)
      request.pageCacheRender = render
      return
    }
    const before = stale.get(key)
    if (before) return serve(before, 'stale', request, reply)
    let timer: NodeJS.Timeout | undefined
    rendering.waiting++
    await Promise.race([rendering.done, new Promise<void>((resolve) => { timer = setTimeout(resolve, MAX_WAIT_MS) })])
    clearTimeout(timer)
    request.pageCacheGeneration = generation
    const rendered = fresh(key) ?? rendering.result
    if (rendered) return serve(rendered, 'hit', request, reply)
  })

  /** The render is over, kept or not: release the readers waiting on it. */
  const finished = async (request: FastifyRequest, reply?: FastifyReply): Promise<void> => {
    const render = request.pageCacheRender
    if (!render) return
    request.pageCacheRender = undefined
    if (renders.get(render.key) === render) {
      renders.delete(render.key)
      // A 304 or an aborted request says nothing about whether the page is kept.
      if (!cache.has(render.key) && reply !== undefined && reply.statusCode !== 304) notKept.set(render.key, true)
    }
    render.finish()
  }
  app.addHook('onResponse', finished)
  app.addHook('onRequestAbort', (request) => finished(request))

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || reply.hasHeader('x-lede-cache')) return payload
    // A render begun before the last change is not kept; its copy is still made for the readers waiting on it.
    const render = request.pageCacheRender
    const forWaitersOnly = request.pageCacheGeneration !== generation
    if (forWaitersOnly && (render === undefined || render.waiting === 0)) return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    const cacheControl = String(reply.getHeader('cache-control') ?? '')
    if (!cacheControl.startsWith('public') || reply.hasHeader('set-cookie')) return payload
    if (!CACHEABLE_TYPE.test(String(reply.getHeader('content-type') ?? ''))) return payload

    const now = clock().getTime()
    let next: number | null = null
    try {
      if (!forWaitersOnly) next = await publicationBoundary(now)
    } catch (error) {
      request.log.warn({ err: error }, 'page cache: could not read the next scheduled story; keeping nothing')
      return payload
    }
    const expiresAt = Math.min(now + ttlMs, next ?? Infinity)
    if (expiresAt <= now) return payload
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || NOT_REPLAYED.has(name)) continue
      headers[name] = Array.isArray(value) ? value.map(String) : String(value)
    }
    const etag = reply.getHeader('etag')
    if (request.pageCacheKey === undefined || typeof etag !== 'string') return payload
    const vary = reply.getHeader('vary')
    if (vary !== undefined) headers.vary = Array.isArray(vary) ? vary.map(String) : String(vary)
    const entry: Entry = { bodies: await keptBodies(Buffer.from(payload)), etag, headers, expiresAt, scope: request.pageCacheScope ?? null }
    if (render) render.result = entry
    if (request.pageCacheGeneration === generation) {
      if (request.countedByRateLimit !== true) entry.wire = wireForms(entry)
      cache.set(request.pageCacheKey, entry)
    }
    // This reader gets the same form its waiters and later readers do, compressed if they asked for it.
    return keptForm(entry, request, reply)
  })
}, { name: 'page-cache', dependencies: ['auth'] })
