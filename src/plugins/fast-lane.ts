// The HTTP server Fastify runs on, with a lane in front of Fastify for answers that need none of its work:
// the page cache's plainest hits (src/plugins/page-cache.ts says which). A hit through Fastify cost about
// twice what Node's own server takes to send the same bytes (76 against 32–45 µs of CPU): routing, the
// request and reply objects, a dozen hooks that each decide to do nothing. In the lane it costs a map
// lookup and one write. app.inject() goes to Fastify directly, so tests through inject never see the lane.
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import proxyAddr from '@fastify/proxy-addr'
import type { FastifyBaseLogger } from 'fastify'
import type { FastLane } from './page-cache.js'
import { answerLine, answerSampler, infoEnabled } from './request-log.js'

type TrustRule = boolean | string[] | ((address: string, hop: number) => boolean)

/** The client's address as Fastify's request.ip works it out under the same trust rule. */
function clientAddressOf(trust: TrustRule): (request: http.IncomingMessage) => string | undefined {
  if (trust === false) return (request) => request.socket.remoteAddress
  const trusted = typeof trust === 'function' ? trust : trust === true ? () => true : proxyAddr.compile(trust)
  return (request) => {
    const addresses = proxyAddr.all(request, trusted)
    return addresses[addresses.length - 1]
  }
}

export interface FastLaneServer {
  /** For Fastify's `serverFactory`: Node's server, trying the lane before Fastify's handler. */
  serverFactory: (handler: (request: http.IncomingMessage, response: http.ServerResponse) => void) => http.Server
  /** Opens the lane (the page cache calls this once it is set up); undefined closes it (at shutdown). */
  use(lane: FastLane | undefined): void
  /** The event loop's turns (src/plugins/fair-turns.ts), when they are kept. */
  useTurns(turns: Turns): void
}

/** What the lane needs of the fair turns. */
export interface Turns {
  readonly waiting: number
  servedOutside(ms: number): void
}

export interface FastLaneOptions {
  /** As Fastify's keepAliveTimeout, which Fastify sets only on servers it makes itself. */
  keepAliveTimeout: number
  /** Where the lane's answers are logged, as request-log writes Fastify's (null: not logged). */
  log: () => FastifyBaseLogger | null
  /** As request-log's `sample`. */
  logSample: number
  /** As Fastify's trustProxy, for the logged client address. */
  trustProxy: TrustRule
}

export function fastLaneServer(options: FastLaneOptions): FastLaneServer {
  let lane: FastLane | undefined
  let turns: Turns | undefined
  /** Writes the line of an answer the lane gave, as request-log does; undefined when nothing is logged. */
  let logAnswer: ((request: http.IncomingMessage, ms: number) => void) | undefined
  const clientAddress = clientAddressOf(options.trustProxy)
  return {
    serverFactory(handler) {
      const server = http.createServer((request, response) => {
        // While requests wait for their turn, a hit waits in line behind them like any other request:
        // answered at once, a flood of readers would hold back every render and comment for seconds (the
        // surge's comment p99 went from 0.3 to 1 s).
        if (lane === undefined || (turns !== undefined && turns.waiting > 0)) return handler(request, response)
        const started = performance.now()
        if (!lane(request, response)) return handler(request, response)
        const ms = performance.now() - started
        turns?.servedOutside(ms)
        logAnswer?.(request, ms)
      })
      server.keepAliveTimeout = options.keepAliveTimeout
      return server
    },
    useTurns(next) {
      turns = next
    },
    use(next) {
      lane = next
      const log = options.log()
      if (next === undefined || log === null || !infoEnabled(log)) {
        logAnswer = undefined
        return
      }
      const written = answerSampler(options.logSample)
      logAnswer = (request, ms) => {
        if (written(200, ms)) log.info(answerLine('GET', request.url ?? '', 200, ms, clientAddress(request)), 'request')
      }
    }
  }
}
