// The only file that listens. Reads the environment, prepares the database, serves, and shuts down
// gracefully on SIGTERM/SIGINT: stop accepting, finish requests in flight, close the database, exit 0.
// With WORKERS above 1 (the default on a machine with several cores) the first process is a primary that
// prepares the database once, then starts that many workers under one port (Node's cluster), replaces
// one that dies, and on SIGTERM stops them all gracefully before it exits.
import cluster from 'node:cluster'
import v8 from 'node:v8'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, type Config } from './config.js'
import { openDatabase } from './db/dialect.js'
import { inProcessBus, type EventBus } from './events/bus.js'
import { clusterWorkerBus, relayWorkerEvents } from './events/cluster-bus.js'
import { postgresBus, type PostgresBus } from './events/postgres-bus.js'
import { prepareDatabase } from './services/install.service.js'
import { startWirePoller } from './wire/poller.js'

/**
 * How far V8 lets the old generation grow past what the last full collection kept before it collects again.
 * V8's own choice on a machine with gigabytes is up to 4×: a process that keeps 40 MB would sit at 160 MB
 * after a burst of short-lived work (a wire poll round, a surge). Read again after every full collection,
 * so setting it once at start is enough; 0 leaves V8's policy. See docs/decisions/015-heap-growth.md.
 */
function applyHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`)
}

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

  applyHeapGrowth(config.heapGrowthPercent)
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config)

  const { db, close } = openDatabase(config.database)
  // On PostgreSQL other app processes may share the database: hear their events (src/events/postgres-bus.ts).
  // The bus logs through the app's logger, which exists only once the app is built.
  let log: { warn(details: object, message: string): void, info(details: object, message: string): void } = console
  const bus: PostgresBus | null = config.database.kind === 'postgres'
    ? postgresBus({ target: config.database, db, log: { warn: (d, m) => log.warn(d, m), info: (d, m) => log.info(d, m) } })
    : null
  // On SQLite, workers of one primary pass their events through it (src/events/cluster-bus.ts).
  const events: EventBus = bus ?? (cluster.isWorker ? clusterWorkerBus() : inProcessBus())
  const closeAll = async () => {
    await bus?.close()
    await close()
  }
  const deps = { db, clock: () => new Date(), events, siteUrlOverride: config.siteUrl }
  // The work a site needs done once, not once per worker (polling the wires, pruning the live log,
  // announcing scheduled stories), is done by worker 1 of a primary, which keeps its index when replaced.
  // Separate instances on PostgreSQL each have their own; leases and claims keep the work itself to once.
  const leadWorker = cluster.isPrimary || process.env.LEDE_WORKER_INDEX === '1'
  const app = await buildApp({
    deps,
    trustProxy: config.trustProxy,
    pageCacheSeconds: config.pageCacheSeconds,
    sharedCacheSeconds: config.sharedCacheSeconds,
    rateLimits: config.rateLimits,
    live: { maxPerAddress: config.liveMaxPerAddress, maxConnections: config.liveMaxConnections, periodic: leadWorker },
    logger: { level: config.logLevel },
    requestLogSample: config.requestLogSample,
    turnBudgetMs: config.turnBudgetMs,
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

  // The lease in each source row keeps separate instances on PostgreSQL to one poll of a source at a time.
  const pollsWire = config.wirePoller && leadWorker
  const poller = pollsWire
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

/** How long the primary waits for its workers to finish their requests on SIGTERM. */
const WORKERS_STOP_MS = SHUTDOWN_GRACE_MS + 5_000
/** A worker that dies is started again after this long, doubling while it keeps dying young. */
const RESTART_DELAY_MS = 500
const MAX_RESTART_DELAY_MS = 30_000
/** A worker that lived this long had not been crash-looping: its replacement starts without delay. */
const STABLE_AFTER_MS = 30_000

/** The primary: prepares the database once, starts and supervises the workers, stops them on SIGTERM. */
async function runPrimary(config: Config): Promise<void> {
  const say = (message: string) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg: message }))
  const { db, close } = openDatabase(config.database)
  try {
    const prepared = await prepareDatabase({ db, clock: () => new Date(), events: inProcessBus(), siteUrlOverride: config.siteUrl }, { seedDemo: config.seedDemo })
    if (prepared.migrations.length > 0) say(`database migrated: ${prepared.migrations.join(', ')}`)
    if (prepared.demo) say('demo content loaded')
  } catch (error) {
    console.error('lede: could not prepare the database', error)
    process.exitCode = 1
    return
  } finally {
    await close()
  }
  if (config.database.kind === 'sqlite') relayWorkerEvents()

  // Worker n keeps its index when replaced: index 1 is the one that polls the wire.
  const indexOf = new Map<number, { index: number, startedAt: number, delay: number }>()
  let stopping = false
  const start = (index: number, delay: number) => {
    const worker = cluster.fork({ LEDE_WORKER_INDEX: String(index) })
    indexOf.set(worker.id, { index, startedAt: Date.now(), delay })
  }
  cluster.on('exit', (worker, code, signal) => {
    const was = indexOf.get(worker.id)
    indexOf.delete(worker.id)
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    if (!was) return
    const young = Date.now() - was.startedAt < STABLE_AFTER_MS
    const delay = young ? Math.min(MAX_RESTART_DELAY_MS, Math.max(RESTART_DELAY_MS, was.delay * 2)) : 0
    say(`worker ${was.index} (pid ${worker.process.pid}) exited (${signal ?? code}); starting another in ${delay} ms`)
    setTimeout(() => { if (!stopping) start(was.index, delay) }, delay)
  })
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    say(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`)
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
    setTimeout(() => {
      say('workers still running after the grace period; exiting')
      process.exit(1)
    }, WORKERS_STOP_MS).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  for (let index = 1; index <= config.workers; index++) start(index, 0)
  say(`Lede primary (pid ${process.pid}) started ${config.workers} workers`)
}

// Started directly (node dist/server.js), not imported by the CLI.
if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer()
}
