// Things that happened, for whoever needs to react (page caches, live updates, schedulers).
// inProcessBus() reaches the listeners of this process only: enough on SQLite (one process) and for
// the command line. On PostgreSQL the server uses postgresBus() (./postgres-bus.ts), which delivers
// the same events here at once and to every other app process on the same schema via LISTEN/NOTIFY.
import { EventEmitter } from 'node:events'

export type LedeEvent =
  | { type: 'article.published' | 'article.updated' | 'article.unpublished', articleId: number }
  | { type: 'comment.submitted' | 'comment.approved', commentId: number, articleId: number }
  // An approved comment left the page (unapproved, spam, trash, deleted) or was edited: drop cached copies.
  | { type: 'comment.unapproved' | 'comment.updated', commentId: number, articleId: number }
  // Something else readers may see changed (settings, sections, users' names, media …): the page cache
  // emits it after a route that declares `changesReaderPages`, so other processes drop their copies too.
  | { type: 'site.changed' }

export interface EventBus {
  emit(event: LedeEvent): void
  on(listener: (event: LedeEvent) => void): () => void
}

/** The numeric fields each event type carries; the compiler asks for a new type to be added here. */
const EVENT_FIELDS: { [T in LedeEvent['type']]: readonly Exclude<keyof Extract<LedeEvent, { type: T }>, 'type'>[] } = {
  'article.published': ['articleId'],
  'article.updated': ['articleId'],
  'article.unpublished': ['articleId'],
  'comment.submitted': ['commentId', 'articleId'],
  'comment.approved': ['commentId', 'articleId'],
  'comment.unapproved': ['commentId', 'articleId'],
  'comment.updated': ['commentId', 'articleId'],
  'site.changed': []
}

/** An event read from outside (another process), or null when it is not one this version knows. */
export function parseLedeEvent(value: unknown): LedeEvent | null {
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const type = record.type
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_FIELDS, type)) return null
  const event: Record<string, unknown> = { type }
  for (const field of EVENT_FIELDS[type as LedeEvent['type']] as readonly string[]) {
    const n = record[field]
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) return null
    event[field] = n
  }
  return event as LedeEvent
}

export function inProcessBus(): EventBus {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return {
    emit: (event) => void emitter.emit('event', event),
    on(listener) {
      emitter.on('event', listener)
      return () => void emitter.off('event', listener)
    }
  }
}
