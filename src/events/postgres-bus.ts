// The event bus of an app process on PostgreSQL: several identical processes share one database
// (DESIGN: scaling out), and each must hear the others' events, or their page caches would serve
// stale copies until their time-to-live runs out.
//  - emit() delivers to this process's listeners at once (as inProcessBus does), then publishes the
//    event with pg_notify on a pooled connection. Each payload carries this process's random id, and a
//    process skips its own notifications, so its listeners hear every event exactly once.
//  - One dedicated connection (not from the pool: LISTEN belongs to a session) listens on the channel
//    and hands other processes' events to the local listeners.
//  - The channel is named after the schema (the connection's current_schema(), i.e. its search_path),
//    so two sites — or two test schemas — in one database do not hear each other.
//  - If the listening connection drops, it reconnects with backoff and logs a warning. Events sent
//    meanwhile are lost: until it is back, the page cache's time-to-live (PAGE_CACHE_SECONDS) bounds
//    how stale a copy can be, and on reconnecting the local listeners get a 'site.changed' so copies
//    made while deaf are dropped.
import { createHash, randomUUID } from 'node:crypto'
import pg from 'pg'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { postgresConnection, type DatabaseTarget } from '../db/dialect.js'
import { inProcessBus, parseLedeEvent, type EventBus, type LedeEvent } from './bus.js'

export interface BusLogger {
  warn(details: object, message: string): void
  info?(details: object, message: string): void
}

export interface PostgresBusOptions {
  /** Where to listen: the same target the pool was opened with (URL, and schema if any). */
  target: Extract<DatabaseTarget, { kind: 'postgres' }>
  /** Publishes through the app's pool. */
  db: Kysely<Database>
  /** A channel name of your own instead of one derived from the schema (at most 63 bytes). */
  channel?: string
  log?: BusLogger
  /** First wait before reconnecting, doubled on every failure up to maxRetryMs. */
  retryMs?: number
  maxRetryMs?: number
}

export interface PostgresBus extends EventBus {
  /** Resolves once the listening connection is up (the first time); for start-up logs and tests. */
  listening(): Promise<void>
  /** Stops listening and publishing; resolves when the listening connection is closed. */
  close(): Promise<void>
}

/** PostgreSQL truncates identifiers longer than this; pg_notify refuses them. */
const MAX_CHANNEL_BYTES = 63
/** How long close() waits for the server to acknowledge the end of the listening session. */
const CLOSE_TIMEOUT_MS = 2_000

/** Waits for `work`, but no longer than CLOSE_TIMEOUT_MS: shutting down must not hang on the network. */
async function withTimeout(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([work, new Promise<void>((resolve) => { timer = setTimeout(resolve, CLOSE_TIMEOUT_MS) })])
  clearTimeout(timer)
}

interface Envelope { from: string, event: LedeEvent }

/** The channel of a schema: readable when it fits, a digest of the schema name otherwise. */
export function channelForSchema(schema: string): string {
  const name = `lede_events:${schema}`
  if (Buffer.byteLength(name) <= MAX_CHANNEL_BYTES) return name
  return `lede_events:${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`
}

/** The schema new tables go to on this connection: the first existing schema of its search_path. */
const CURRENT_SCHEMA = "select coalesce(current_schema(), current_setting('search_path')) as schema"

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

const consoleLogger: BusLogger = {
  warn: (details, message) => console.warn(`lede: ${message}`, details)
}

export function postgresBus(options: PostgresBusOptions): PostgresBus {
  if (options.channel !== undefined && (options.channel === '' || Buffer.byteLength(options.channel) > MAX_CHANNEL_BYTES)) {
    throw new Error(`event channel must be 1 to ${MAX_CHANNEL_BYTES} bytes long, got "${options.channel}"`)
  }
  const log = options.log ?? consoleLogger
  const retryMs = options.retryMs ?? 500
  const maxRetryMs = options.maxRetryMs ?? 30_000
  const processId = randomUUID()
  const local = inProcessBus()

  let closed = false
  /** The connection that is listening now; null while (re)connecting. */
  let listener: pg.Client | null = null
  let connecting: Promise<void> | null = null
  let retryTimer: NodeJS.Timeout | null = null
  let failures = 0
  let everListened = false
  let markListening!: () => void
  const firstListen = new Promise<void>((resolve) => { markListening = resolve })

  // The publishing side learns the channel from a pooled connection (same search_path as the listener).
  let publishChannel: Promise<string> | null = null
  const channelForPublishing = (): Promise<string> => {
    if (options.channel !== undefined) return Promise.resolve(options.channel)
    if (!publishChannel) {
      publishChannel = sql<{ schema: string }>`${sql.raw(CURRENT_SCHEMA)}`.execute(options.db)
        .then(({ rows }) => channelForSchema(rows[0]!.schema))
      publishChannel.catch(() => { publishChannel = null })
    }
    return publishChannel
  }

  // Published one after another, so other processes hear them in the order they happened.
  let publishing: Promise<void> = Promise.resolve()
  const publish = (event: LedeEvent): void => {
    const payload = JSON.stringify({ from: processId, event } satisfies Envelope)
    publishing = publishing.then(async () => {
      const channel = await channelForPublishing()
      await sql`select pg_notify(${channel}, ${payload})`.execute(options.db)
    }).catch((error: unknown) => {
      log.warn({ err: error, event }, 'event bus: could not notify other processes; their page caches expire by themselves')
    })
  }

  const receive = (payload: string | undefined): void => {
    let envelope: Partial<Envelope>
    try {
      envelope = JSON.parse(payload ?? '') as Partial<Envelope>
    } catch {
      log.warn({ payload }, 'event bus: ignored a notification that is not JSON')
      return
    }
    if (typeof envelope !== 'object' || envelope === null) {
      log.warn({ payload }, 'event bus: ignored a notification that is not an event')
      return
    }
    if (envelope.from === processId) return // delivered locally when emitted
    const event = parseLedeEvent(envelope.event)
    if (!event) {
      log.warn({ payload }, 'event bus: ignored a notification that is not an event this version knows')
      return
    }
    deliver(event)
  }

  /** Hands an event from outside to the local listeners; a listener's error must not break the connection. */
  const deliver = (event: LedeEvent): void => {
    try {
      local.emit(event)
    } catch (error) {
      log.warn({ err: error, event }, 'event bus: a listener failed')
    }
  }

  const scheduleReconnect = (): void => {
    if (closed || retryTimer || connecting) return
    const wait = Math.min(maxRetryMs, retryMs * 2 ** failures) * (0.75 + Math.random() * 0.5)
    failures++
    retryTimer = setTimeout(() => {
      retryTimer = null
      connect()
    }, wait)
    retryTimer.unref()
  }

  const lost = (client: pg.Client, error?: Error): void => {
    if (client !== listener) return
    listener = null
    client.end().catch(() => {})
    if (closed) return
    log.warn({ err: error }, 'event bus: lost the LISTEN connection; reconnecting (until then, other processes\' changes show after PAGE_CACHE_SECONDS)')
    scheduleReconnect()
  }

  const connect = (): void => {
    if (closed || connecting) return
    const client = new pg.Client({ ...postgresConnection(options.target), keepAlive: true, connectionTimeoutMillis: 10_000 })
    // A client that is not (or no longer) the listener may still report its end: ignore it then.
    client.on('error', (error) => lost(client, error))
    client.on('end', () => lost(client))
    connecting = (async () => {
      let channel: string
      try {
        await client.connect()
        channel = options.channel ?? channelForSchema((await client.query<{ schema: string }>(CURRENT_SCHEMA)).rows[0]!.schema)
        client.on('notification', (message) => {
          if (!closed && message.channel === channel) receive(message.payload)
        })
        await client.query(`listen ${quoteIdentifier(channel)}`)
      } catch (error) {
        client.end().catch(() => {})
        if (!closed) log.warn({ err: error }, 'event bus: could not LISTEN; retrying')
        return
      }
      if (closed) {
        await client.end().catch(() => {})
        return
      }
      listener = client
      failures = 0
      if (everListened) {
        log.info?.({ channel }, 'event bus: listening again')
        // Whatever other processes said while this one was deaf is lost: treat it as a change.
        deliver({ type: 'site.changed' })
      }
      everListened = true
      markListening()
    })().finally(() => {
      connecting = null
      if (!listener) scheduleReconnect()
    })
  }

  connect()

  return {
    emit(event) {
      local.emit(event)
      if (!closed) publish(event)
    },
    on: (listener) => local.on(listener),
    listening: () => firstListen,
    async close() {
      if (closed) return
      closed = true
      if (retryTimer) clearTimeout(retryTimer)
      retryTimer = null
      // Events emitted before close() still reach the others (the pool is closed after the bus).
      await withTimeout(publishing)
      // A connection being opened now ends itself when it is up (see connect()).
      await withTimeout(connecting ?? Promise.resolve())
      const client = listener
      listener = null
      if (client) await withTimeout(client.end().catch(() => {}))
    }
  }
}
