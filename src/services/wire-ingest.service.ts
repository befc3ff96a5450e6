// Agency documents into the inbox: parse, then for each item insert it, replace it with a newer version,
// or count it as seen, all in one transaction so a document lands whole or not at all.
import type { Deps } from './deps.js'
import { parseWireDocument, type DocumentHints } from '../domain/wire/parse-wire-document.js'
import { compareVersions, contentHash } from '../domain/wire/versions.js'
import type { WireItem } from '../domain/wire/wire-item.js'
import { insertWireItem, insertWireItems, replaceWireItem, wireItemByAgencyId, wireItemsByAgencyIds } from '../db/repositories/wire.repository.js'
import type { DbOrTrx } from '../db/database.js'

export type ItemOutcome = 'new' | 'updated' | 'seen'

export interface IngestReport {
  ok: boolean
  /** Why the whole document was refused (ok false). */
  reason: string | null
  format: string | null
  items: Array<{ agencyId: string, headline: string, outcome: ItemOutcome }>
  /** Items in the document that could not be kept, with their reasons. */
  refused: string[]
  counts: { new: number, updated: number, seen: number, refused: number }
}

async function keepItem(db: DbOrTrx, sourceId: number, item: WireItem, now: string, retried = false): Promise<ItemOutcome> {
  const hash = contentHash(item)
  const stored = await wireItemByAgencyId(db, sourceId, item.agencyId)
  if (!stored) {
    if (await insertWireItem(db, sourceId, item, hash, now) !== undefined || retried) return 'new'
    // Another ingest of the same item won the insert; compare against its copy.
    return keepItem(db, sourceId, item, now, true)
  }
  const verdict = compareVersions(
    { version: stored.version, contentHash: stored.content_hash, versionCreated: stored.version_created },
    { version: item.version, contentHash: hash, versionCreated: item.versionCreated }
  )
  if (verdict !== 'newer') return 'seen'
  await replaceWireItem(db, stored, item, hash, now)
  return 'updated'
}

/**
 * Keeps a document's items: the stored copies are read in one query and new items written in multi-row
 * inserts, so a 200-item feed costs a handful of statements, not 400; only updates go one by one.
 */
export async function ingestItems(deps: Deps, sourceId: number, items: readonly WireItem[]): Promise<IngestReport['items']> {
  const now = deps.clock().toISOString()
  return deps.db.transaction().execute(async (trx) => {
    const stored = new Map((await wireItemsByAgencyIds(trx, sourceId, [...new Set(items.map((i) => i.agencyId))])).map((row) => [row.agency_id, row]))
    const outcomes: ItemOutcome[] = []
    const fresh = new Map<string, { item: WireItem, hash: string }>()
    const later: Array<{ index: number, item: WireItem }> = []
    items.forEach((item, index) => {
      const hash = contentHash(item)
      const known = stored.get(item.agencyId)
      const pending = fresh.get(item.agencyId)
      if (!known && !pending) {
        fresh.set(item.agencyId, { item, hash })
        outcomes[index] = 'new'
      } else if (pending) {
        // A document may list the same story twice (feeds do): the newer copy is the one kept.
        const verdict = compareVersions({ version: pending.item.version, contentHash: pending.hash, versionCreated: pending.item.versionCreated }, { version: item.version, contentHash: hash, versionCreated: item.versionCreated })
        if (verdict === 'newer') fresh.set(item.agencyId, { item, hash })
        outcomes[index] = 'seen'
      } else {
        later.push({ index, item })
      }
    })
    const inserted = await insertWireItems(trx, sourceId, [...fresh.values()], now)
    items.forEach((item, index) => {
      // Another ingest inserted it between our read and our insert: compare against its copy below.
      if (outcomes[index] === 'new' && !inserted.has(item.agencyId)) later.push({ index, item })
    })
    for (const { index, item } of later) outcomes[index] = await keepItem(trx, sourceId, item, now)
    return items.map((item, index) => ({ agencyId: item.agencyId, headline: item.headline, outcome: outcomes[index]! }))
  })
}

export async function ingestDocument(deps: Deps, sourceId: number, bytes: Uint8Array, hints: DocumentHints = {}): Promise<IngestReport> {
  const parsed = parseWireDocument(bytes, hints)
  if (!parsed.ok) {
    return { ok: false, reason: parsed.reason, format: null, items: [], refused: [], counts: { new: 0, updated: 0, seen: 0, refused: 1 } }
  }
  const items = await ingestItems(deps, sourceId, parsed.items)
  const count = (outcome: ItemOutcome) => items.filter((i) => i.outcome === outcome).length
  return {
    ok: true, reason: null, format: parsed.format, items, refused: parsed.skipped.map((s) => s.reason),
    counts: { new: count('new'), updated: count('updated'), seen: count('seen'), refused: parsed.skipped.length }
  }
}
