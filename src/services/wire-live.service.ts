// New wire items reach the inbox screens without a reload: after a poll (or a command-line ingest) that
// brought new or updated items, one row goes into the live log on the wire desk's channel, and every app
// process hands it to the inbox streams it serves (GET /admin/wire/live/). The channel's rows say only how
// many items came from which source: the screen fetches the items themselves with the editor's session,
// so nothing of the agencies' copy ever passes through the readers' log.
import type { Deps } from './deps.js'
import { appendLiveEvent, withLiveLogLock } from '../db/repositories/live.repository.js'

/** The live log's channel of the wire desk. Editions are two or three letters, so none can be called this. */
export const WIRE_CHANNEL = '@wire'
/** The event kind of a batch of new or updated items. */
export const WIRE_EVENT = 'wire-items'

export interface WireArrival { sourceId: number, new: number, updated: number }

/** Logs that items arrived, when any did; the processes' hubs fan it out within their poll interval. */
export async function announceWireItems(deps: Deps, arrival: WireArrival): Promise<void> {
  if (arrival.new + arrival.updated === 0) return
  const at = deps.clock().toISOString()
  await withLiveLogLock(deps.db, (trx) => appendLiveEvent(trx, {
    edition: WIRE_CHANNEL, articleId: null, kind: WIRE_EVENT, data: JSON.stringify(arrival), createdAt: at
  }))
}
