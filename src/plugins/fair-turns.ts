// Bounds each turn of the event loop to a few milliseconds of request work, so that a busy process still
// accepts new connections promptly and serves waiting requests in arrival order (src/domain/fair-turns.ts
// says why: libuv accepts one connection per turn). Health checks never wait: a load balancer must be able
// to tell a busy process from a dead one.
import { performance } from 'node:perf_hooks'
import fp from 'fastify-plugin'
import { DEFAULT_TURN_BUDGET_MS, FairTurns } from '../domain/fair-turns.js'
import { overloadRefusal } from './overload.js'

// Taken when the module loads: tests that fake timers must not stop the real turns.
const realSetImmediate = setImmediate
const now = () => performance.now()

function pathOf(url: string): string {
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}

export interface FairTurnsOptions {
  /** Milliseconds of request work a turn may start before later requests wait for the next turn. */
  budgetMs?: number
  /**
   * When the request first in line has waited longer than this (ms), new requests are refused at once with
   * 503 and Retry-After, as the overload guard does for a lagging event loop (turns keep the loop's own delay
   * short, so the wait shows here instead). 0 or absent: never refused.
   */
  refuseAfterMs?: number
  /** Given the turns once they exist: the page cache's fast lane answers only while nobody waits for one. */
  onTurns?: (turns: FairTurns) => void
}

export default fp<FairTurnsOptions>(async (app, options) => {
  const turns = new FairTurns({
    monotonicMs: now,
    idleMs: () => performance.nodeTiming.idleTime,
    nextTurn: (callback) => { realSetImmediate(callback) },
    startFailed: (error) => { app.log.error({ err: error }, 'a request failed to start after its turn') }
  }, options.budgetMs ?? DEFAULT_TURN_BUDGET_MS)
  const refuseAfterMs = options.refuseAfterMs ?? 0
  options.onTurns?.(turns)
  // The paths of routes that always answer, collected as they are added: request.routeOptions builds an
  // object on every read, a cost every request would pay here. Such routes have fixed paths (health checks).
  const alwaysAnswered = new Set<string>()
  app.addHook('onRoute', (route) => {
    if (route.config?.alwaysAnswer) alwaysAnswered.add(route.url)
  })
  app.addHook('onRequest', (request, reply, done) => {
    if (alwaysAnswered.size > 0 && alwaysAnswered.has(pathOf(request.url))) {
      done()
      return
    }
    if (refuseAfterMs > 0 && turns.queueDelayMs() > refuseAfterMs) {
      request.log.debug({ queueDelayMs: turns.queueDelayMs() }, 'turn queue too long')
      done(overloadRefusal(reply))
      return
    }
    turns.admit(done)
  })
}, { name: 'fair-turns' })
