// Under overload, refuse at once rather than queue: when the event loop lags past a limit, or the process's
// memory passes one, new requests get 503 with Retry-After (a kept, readable page; JSON under /api/)
// instead of waiting seconds behind the others. @fastify/under-pressure samples both; the refusal itself
// is answered by the error handler (src/plugins/error-pages.tsx). Health checks are always answered, so a
// load balancer can tell a busy process from a dead one.
import fp from 'fastify-plugin'
import type { FastifyReply } from 'fastify'
import underPressure from '@fastify/under-pressure'

export interface OverloadOptions {
  /** Mean event-loop delay over a sample, in milliseconds, past which requests are refused; 0: no limit. */
  maxEventLoopDelayMs: number
  /** Resident memory, in bytes, past which requests are refused; 0: no limit. */
  maxRssBytes: number
  /** How often the process is sampled (tests make it short). */
  sampleIntervalMs?: number
  /**
   * Refuse nothing until this long after the server starts listening (default 3 s): migrating and loading
   * the demo block the event loop at start, and the first samples would read as overload. 0: from the start.
   */
  startGraceMs?: number
}

/** What a refused reader is told to wait: long enough for a burst to pass, short enough to come back. */
const RETRY_AFTER_SECONDS = 5

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answer this route even under overload (health checks). */
    alwaysAnswer?: boolean
  }
}

/**
 * Marks the reply 503 with Retry-After and gives the error that the error handler answers with a readable
 * page (JSON under /api/). Shared with the turn queue (src/plugins/fair-turns.ts), whose waits the event
 * loop's delay no longer shows.
 */
export function overloadRefusal(reply: FastifyReply): Error {
  reply.status(503).header('retry-after', RETRY_AFTER_SECONDS)
  return Object.assign(new Error('Service Unavailable'), { code: 'FST_UNDER_PRESSURE', statusCode: 503 })
}

export default fp<OverloadOptions>(async (app, options) => {
  if (options.maxEventLoopDelayMs <= 0 && options.maxRssBytes <= 0) return
  const grace = options.startGraceMs ?? 3000
  let armedFrom = grace === 0 ? 0 : Infinity
  app.addHook('onListen', async () => { armedFrom = performance.now() + grace })
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    maxRssBytes: options.maxRssBytes,
    retryAfter: RETRY_AFTER_SECONDS,
    ...(options.sampleIntervalMs ? { sampleInterval: options.sampleIntervalMs } : {}),
    // A handler that returns nothing lets the request through; routes that must always answer use it.
    pressureHandler: (request, reply, type, value) => {
      if (request.routeOptions.config?.alwaysAnswer || performance.now() < armedFrom) return
      request.log.debug({ type, value }, 'under pressure')
      // A rejected promise is how the plugin passes an error on to the error handler.
      return Promise.reject(overloadRefusal(reply))
    }
  })
}, { name: 'overload' })
