// Blocks that many pages carry and that change rarely (the newsfeed strip beside every article): read
// once and reused until something changes them, even with the page cache off. A copy is dropped
//  - on every event that changes what readers see (a story published, updated or unpublished, a comment
//    approved or taken down: the strip shows comment counts; a newsroom write), which on PostgreSQL
//    arrive from every app process;
//  - when the next scheduled story goes live, so a story still appears by itself at its time;
//  - after BLOCK_MAX_AGE_MS at most, which bounds what no event announces (commands run from the shell,
//    events missed while the PostgreSQL bus reconnects).
// Time is the app's clock (deps.clock), so tests that move it see blocks expire.
import { nextScheduledPublication } from '../db/repositories/articles.repository.js'
import type { Db } from '../db/database.js'
import type { Deps } from './deps.js'

const BLOCK_MAX_AGE_MS = 30_000
/** Keys are an edition and a size from the settings: a handful. The bound is only a guard. */
const MAX_BLOCKS = 200

interface Block {
  value: Promise<unknown>
  expiresAt: number
}

interface Blocks {
  entries: Map<string, Block>
}

const byDatabase = new WeakMap<Db, Blocks>()

function blocksOf(deps: Deps): Blocks {
  let blocks = byDatabase.get(deps.db)
  if (!blocks) {
    const created: Blocks = { entries: new Map() }
    deps.events.on((event) => {
      // A comment waiting for a moderator changes no block.
      if (event.type !== 'comment.submitted') created.entries.clear()
    })
    byDatabase.set(deps.db, created)
    blocks = created
  }
  return blocks
}

/**
 * The block under `key`, read by `read` when absent or stale. Requests arriving while it is read share
 * the one read. The value is shared by every request: treat it as read-only.
 */
export async function sharedBlock<T>(deps: Deps, key: string, read: () => Promise<T>): Promise<T> {
  const blocks = blocksOf(deps)
  const now = deps.clock().getTime()
  const known = blocks.entries.get(key)
  if (known && known.expiresAt > now) return known.value as Promise<T>

  const value = Promise.all([read(), nextScheduledPublication(deps.db, new Date(now).toISOString())]).then(([result, next]) => {
    // Dropped meanwhile (the entry is gone or newer): the read may have missed the change, so it serves
    // the requests that waited for it and is not kept.
    if (blocks.entries.get(key)?.value === value) {
      blocks.entries.set(key, { value, expiresAt: Math.min(now + BLOCK_MAX_AGE_MS, next ? Date.parse(next) : Infinity) })
    }
    return result
  })
  value.catch(() => {
    if (blocks.entries.get(key)?.value === value) blocks.entries.delete(key)
  })
  if (blocks.entries.size >= MAX_BLOCKS) blocks.entries.clear()
  // Until the read ends the block counts as fresh, so concurrent requests wait for it instead of reading too.
  blocks.entries.set(key, { value, expiresAt: Infinity })
  return value
}
