// The only file that listens. Reads the environment, prepares the database, serves, and shuts down
// gracefully on SIGTERM/SIGINT: stop accepting, finish requests in flight, close the database, exit 0.
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config.js'
import { openDatabase } from './db/dialect.js'
import { inProcessBus, type EventBus } from './events/bus.js'
import { postgresBus, type PostgresBus } from './events/postgres-bus.js'
import { prepareDatabase } from './services/install.service.js'
import { startWirePoller } from './wire/poller.js'

/** A request still running after this long will not finish on its own; exit anyway. */
const SHUTDOWN_GRACE_MS = 10_000

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config
  try {
    config = loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`lede: configuration error: ${error.message}`)
      process.exit(2)
    }
    throw error
  }

  const { db, close } = openDatabase(config.database)
  // On PostgreSQL other app processes may share the database: hear their events (src/events/postgres-bus.ts).
  // The bus logs through the app's logger, which exists only once the app is built.
  let log: { warn(details: object, message: string): void, info(details: object, message: string): void } = console
  const bus: PostgresBus | null = config.database.kind === 'postgres'
    ? postgresBus({ target: config.database, db, log: { warn: (d, m) => log.warn(d, m), info: (d, m) => log.info(d, m) } })
    : null
  const events: EventBus = bus ?? inProcessBus()
  const closeAll = async () => {
    await bus?.close()
    await close()
  }
  const deps = { db, clock: () => new Date(), events, siteUrlOverride: config.siteUrl }
  const app = await buildApp({
    deps,
    trustProxy: config.trustProxy,
    pageCacheSeconds: config.pageCacheSeconds,
    rateLimits: config.rateLimits,
    live: { maxPerAddress: config.liveMaxPerAddress, maxConnections: config.liveMaxConnections },
    logger: { level: config.logLevel },
    requestLogSample: config.requestLogSample,
    overload: config.overload
  })
  log = app.log

  try {
    const prepared = await prepareDatabase(deps, { seedDemo: config.seedDemo })
    if (prepared.migrations.length > 0) app.log.info({ migrations: prepared.migrations }, 'database migrated')
    if (prepared.demo) app.log.info(prepared.demo, 'demo content loaded')
  } catch (error) {
    app.log.fatal({ err: error }, 'could not prepare the database')
    await closeAll()
    process.exit(1)
  }

  // Wire sources are polled by every process; the lease in each source row keeps it to one at a time.
  const poller = config.wirePoller
    ? startWirePoller(deps, { onError: (error) => app.log.warn({ err: error }, 'wire poll round failed') })
    : null
  app.addHook('onClose', async () => {
    await poller?.stop()
    await closeAll()
  })

  let closing = false
  // A response finished during shutdown closes its connection, so a keep-alive client cannot hold
  // the process open until its idle timeout.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close')
    return payload
  })
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => {
      app.log.error('requests still running after the grace period; exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    timer.unref()
    app.close().then(() => process.exit(0), (error: unknown) => {
      app.log.error({ err: error }, 'error during shutdown')
      process.exit(1)
    })
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))

  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL'
  await app.listen({ host: config.host, port: config.port })
  app.log.info(`Lede is serving on ${where}`)
}

// Started directly (node dist/server.js), not imported by the CLI.
if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer()
}
