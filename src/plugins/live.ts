// The live newsfeed's process-wide parts (issue 16): the hub that keeps the live log and fans it out,
// the connection limits, and the open streams, which end when the app closes so readers reconnect to
// another process (Fastify waits for open requests before it finishes closing).
import fp from 'fastify-plugin'
import { LiveHub, type LiveHubOptions } from '../live/live-hub.js'
import { ConnectionLimits } from '../live/connection-limits.js'
import type { SseStream } from '../live/sse.js'

export interface LiveOptions extends Omit<LiveHubOptions, 'log'> {
  /** Open streams per client address (LIVE_MAX_PER_ADDRESS). */
  maxPerAddress?: number
  /** Open streams in this process (LIVE_MAX_CONNECTIONS). */
  maxConnections?: number
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number
}

export interface Live {
  hub: LiveHub
  limits: ConnectionLimits
  streams: Set<SseStream>
  heartbeatMs: number
  /** True once the app is closing: no new streams. */
  closing: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    live: Live
  }
}

export const LIVE_DEFAULTS = { maxPerAddress: 20, maxConnections: 10_000, heartbeatMs: 25_000 }

export default fp<LiveOptions>(async (app, options) => {
  const hub = new LiveHub(app.deps, { ...options, log: app.log })
  const live: Live = {
    hub,
    limits: new ConnectionLimits({
      maxPerAddress: options.maxPerAddress ?? LIVE_DEFAULTS.maxPerAddress,
      maxTotal: options.maxConnections ?? LIVE_DEFAULTS.maxConnections
    }),
    streams: new Set(),
    heartbeatMs: options.heartbeatMs ?? LIVE_DEFAULTS.heartbeatMs,
    closing: false
  }
  app.decorate('live', live)

  // After the server's migrations (server.ts prepares the database before listening).
  app.addHook('onReady', async () => {
    try {
      await hub.start()
    } catch (error) {
      app.log.error({ err: error }, 'live: could not start; live updates are off in this process')
    }
  })
  app.addHook('preClose', async () => {
    live.closing = true
    for (const stream of live.streams) stream.end()
  })
  app.addHook('onClose', async () => { await hub.stop() })
}, { name: 'live' })
