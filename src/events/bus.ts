// Things that happened, for whoever needs to react (page caches, live updates, schedulers).
// In one process this is enough; a PostgreSQL LISTEN/NOTIFY bus can implement the same interface.
import { EventEmitter } from 'node:events'

export type LedeEvent =
  | { type: 'article.published' | 'article.updated' | 'article.unpublished', articleId: number }
  | { type: 'comment.submitted' | 'comment.approved', commentId: number, articleId: number }
  // An approved comment left the page (unapproved, spam, trash, deleted) or was edited: drop cached copies.
  | { type: 'comment.unapproved' | 'comment.updated', commentId: number, articleId: number }

export interface EventBus {
  emit(event: LedeEvent): void
  on(listener: (event: LedeEvent) => void): () => void
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
