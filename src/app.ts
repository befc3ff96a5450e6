// Builds the Lede app from its dependencies. Never listens: server.ts does, tests use app.inject().
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import formbody from '@fastify/formbody'
import compress from '@fastify/compress'
import etag from '@fastify/etag'
import staticFiles from '@fastify/static'
import errorPages, { sendErrorPage } from './plugins/error-pages.js'
import pages from './plugins/pages.js'
import conditionalGet from './plugins/conditional-get.js'
import auth from './plugins/auth.js'
import securityHeaders, { isHttpsSite, setSecurityHeaders } from './plugins/security-headers.js'
import trailingSlash from './plugins/trailing-slash.js'
import fairTurns from './plugins/fair-turns.js'
import legacyRedirects from './plugins/legacy-redirects.js'
import urlGuard from './plugins/url-guard.js'
import type { Deps } from './services/deps.js'
import type { RateLimitSettings, TrustProxy } from './config.js'
import rateLimits from './plugins/rate-limits.js'
import overload, { type OverloadOptions } from './plugins/overload.js'
import { logRequest } from './plugins/log-redaction.js'
import requestLog, { OneLineRequestLogging } from './plugins/request-log.js'
import { fastLaneServer } from './plugins/fast-lane.js'
import articleRoutes from './web/routes/article.routes.js'
import commentsRoutes from './web/routes/comments.routes.js'
import healthRoutes from './web/routes/health.routes.js'
import newsfeedRoutes from './web/routes/newsfeed.routes.js'
import searchRoutes from './web/routes/search.routes.js'
import listingRoutes from './web/routes/listing.routes.js'
import feedRoutes from './web/routes/feed.routes.js'
import sitemapRoutes, { robotsRoutes } from './web/routes/sitemap.routes.js'
import apiV1 from './web/routes/api/v1.js'
import adminRoutes from './web/routes/admin/index.js'
import mediaFilesRoutes from './web/routes/media-files.routes.js'
import pageCache from './plugins/page-cache.js'
import textCompression from './plugins/text-compression.js'
import { sharedSchemaCompilers } from './plugins/shared-schema-compilers.js'
import live, { type LiveOptions } from './plugins/live.js'
import liveRoutes from './web/routes/live.routes.js'

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps
  }
}

export interface BuildOptions {
  deps: Deps
  logger?: FastifyServerOptions['logger']
  /** When to refuse requests with 503 rather than queue them (off when absent). */
  overload?: OverloadOptions
  /** With a logger: write every answer (1, the default), one successful answer in N, or none (0). */
  requestLogSample?: number
  /** Milliseconds of request work per turn of the event loop (src/plugins/fair-turns.ts); 0: no turns. Default 3. */
  turnBudgetMs?: number
  /** Proxies whose X-Forwarded-For is believed (src/config.ts); never every hop. */
  trustProxy?: TrustProxy
  /** Keep rendered public responses in memory this long (src/plugins/page-cache.ts); 0 or absent: off. */
  pageCacheSeconds?: number
  /** s-maxage of public answers, for a shared cache in front (src/plugins/pages.ts); absent: 60. */
  sharedCacheSeconds?: number
  /** Requests per minute per client address (src/config.ts); absent: no limits (tests that need them pass them). */
  rateLimits?: RateLimitSettings
  /** The live newsfeed's limits and timings (src/plugins/live.ts). */
  live?: LiveOptions
}

const ASSETS_DIR = fileURLToPath(new URL('../assets/', import.meta.url))

/** Form posts stay small: a 10,000-character comment in Armenian, percent-encoded, is about 60 KB. */
const FORM_BODY_LIMIT = 256 * 1024

/**
 * Fastify takes addresses and ranges as they are. A bare hop count it refuses to honour (it cannot tell a
 * proxy from a client that connected directly), so it is given as the equivalent rule: believe the
 * connection and the next hops-1 forwarded entries. README says when that is safe.
 */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return trust
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const trustProxy = fastifyTrustProxy(options.trustProxy ?? false)
  const front = fastLaneServer({
    // Node's default of 5 s can cut off slow but honest mobile readers mid-request.
    keepAliveTimeout: 10_000,
    // Asked once the app exists (when the page cache opens the lane).
    log: () => (options.logger ? app.log : null),
    logSample: options.requestLogSample ?? 1,
    trustProxy
  })
  const app = Fastify({
    serverFactory: front.serverFactory,
    // Request lines go through logRequest, which keeps one-time links' tokens out of the log.
    logger: options.logger === undefined || options.logger === false ? false
      : { ...(options.logger === true ? {} : options.logger), serializers: { req: logRequest } },
    // src/plugins/request-log.ts writes one line per answer instead of Fastify's two.
    logController: new OneLineRequestLogging(),
    trustProxy,
    bodyLimit: FORM_BODY_LIMIT,
    routerOptions: { maxParamLength: 500 },
    schemaController: { compilersFactory: sharedSchemaCompilers },
    // A URL with broken percent-encoding never reaches a route; answer it with the same readable page.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ code: error.code }, 'request refused')
      reply.header('content-type', 'text/html; charset=utf-8')
      setSecurityHeaders(request, reply, isHttpsSite(options.deps.siteUrlOverride))
      void sendErrorPage(options.deps, request, reply, 400)
    }
  })
  app.decorate('deps', options.deps)

  if (options.logger) await app.register(requestLog, { sample: options.requestLogSample ?? 1 })
  // First of the hooks that do work: a request waiting for its turn has cost nothing yet.
  if (options.turnBudgetMs !== 0) {
    await app.register(fairTurns, { budgetMs: options.turnBudgetMs, refuseAfterMs: options.overload?.maxEventLoopDelayMs ?? 0, onTurns: (turns) => front.useTurns(turns) })
  }
  await app.register(securityHeaders)
  await app.register(urlGuard)
  await app.register(trailingSlash)
  await app.register(legacyRedirects)
  await app.register(etag)
  await app.register(conditionalGet)
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT })
  await app.register(pages, { sharedCacheSeconds: options.sharedCacheSeconds })
  await app.register(auth)
  // Before the page cache: a copy served from memory still counts against the visitor's limit.
  if (options.overload) await app.register(overload, options.overload)
  if (options.rateLimits) await app.register(rateLimits, { limits: options.rateLimits })
  // Streamed answers (files) are compressed as they go out; kept copies bring their own compressed forms,
  // and other rendered answers are compressed in one call after the page cache has seen them.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 })
  await app.register(pageCache, { ttlSeconds: options.pageCacheSeconds ?? 0, fastLane: (lane) => front.use(lane) })
  // At shutdown every request goes to Fastify, which answers 503 and closes kept-alive connections.
  app.addHook('preClose', async () => front.use(undefined))
  await app.register(textCompression)
  await app.register(live, options.live ?? {})
  await app.register(staticFiles, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    // Asset URLs are not fingerprinted yet, so caches revalidate them after an hour.
    maxAge: 3_600_000,
    index: false
  })

  await app.register(errorPages)
  await app.register(healthRoutes)
  // Reader pages for the default edition at the root, and for the other editions under /<lang>/.
  for (const prefix of ['', '/:lang']) {
    await app.register(newsfeedRoutes, { prefix })
    await app.register(articleRoutes, { prefix })
    await app.register(searchRoutes, { prefix })
    await app.register(listingRoutes, { prefix })
    await app.register(feedRoutes, { prefix })
    await app.register(sitemapRoutes, { prefix })
    await app.register(liveRoutes, { prefix })
  }
  await app.register(commentsRoutes)
  await app.register(robotsRoutes)
  await app.register(apiV1, { prefix: '/api/v1' })
  await app.register(adminRoutes, { prefix: '/admin' })
  await app.register(mediaFilesRoutes)

  return app
}
