// Events between the worker processes of one `lede serve --workers N` on SQLite, where no database
// channel carries them: a worker's event is heard in the worker at once and sent to the primary, which
// passes it on to every other worker. (On PostgreSQL the LISTEN/NOTIFY bus reaches every process anyway.)
import cluster, { type Worker } from 'node:cluster'
import { inProcessBus, parseLedeEvent, type EventBus } from './bus.js'

interface Relayed { lede: 'event', event: unknown }

function isRelayed(message: unknown): message is Relayed {
  return typeof message === 'object' && message !== null && (message as { lede?: unknown }).lede === 'event'
}

/** The bus of a worker process: local listeners, plus every other worker's events through the primary. */
export function clusterWorkerBus(): EventBus {
  const local = inProcessBus()
  process.on('message', (message: unknown) => {
    if (!isRelayed(message)) return
    const event = parseLedeEvent(message.event)
    if (event) local.emit(event)
  })
  return {
    emit(event) {
      local.emit(event)
      process.send?.({ lede: 'event', event } satisfies Relayed)
    },
    on: local.on
  }
}

/** In the primary: passes each worker's events on to the others. */
export function relayWorkerEvents(): void {
  cluster.on('message', (from: Worker, message: unknown) => {
    if (!isRelayed(message)) return
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message)
    }
  })
}
