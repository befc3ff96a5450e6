// The wire desk's tables: sources, their items (one row per agency item, earlier versions beside it) and
// the record of each poll.
import type { Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import { engineOf } from '../engine.js'
import type { WireItemsTable, WireRunsTable, WireSourcesTable, WireRunStatus } from '../tables/wire.table.js'
import type { WireItem } from '../../domain/wire/wire-item.js'
import type { WireSourceValues } from '../../domain/wire/source-form.js'
import { anyColumnContains, foldCase } from '../text-match.js'
import type { SearchTerm } from '../../domain/search-query.js'
import { inboxSearchPatterns, wireSearchText } from '../../domain/wire/inbox-search.js'

export type WireSourceRow = Selectable<WireSourcesTable>
export type WireItemRow = Selectable<WireItemsTable>
export type WireRunRow = Selectable<WireRunsTable>

/** A source as stored: the values its form (or `lede wire sources add`) produced. */
export type NewWireSource = WireSourceValues

// ---- sources ----

export async function listWireSources(db: DbOrTrx): Promise<WireSourceRow[]> {
  return db.selectFrom('wire_sources').selectAll().orderBy('name').orderBy('id').execute()
}

export async function wireSourceById(db: DbOrTrx, id: number): Promise<WireSourceRow | undefined> {
  return db.selectFrom('wire_sources').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertWireSource(db: DbOrTrx, source: NewWireSource, now: string): Promise<number> {
  const row = await db.insertInto('wire_sources').values({
    name: source.name, kind: source.kind, url: source.url, folder: source.folder, agency_credit: source.agencyCredit,
    edition: source.edition, section_id: source.sectionId, interval_seconds: source.intervalSeconds,
    auth_user: source.authUser, auth_password: source.authPassword, status: 'active', next_poll_at: now,
    created_at: now, updated_at: now
  }).returning('id').executeTakeFirstOrThrow()
  return Number(row.id)
}

/** Edits what an editor may change; a null password keeps the stored one (it is never sent back to a form). */
export async function updateWireSource(db: DbOrTrx, id: number, source: NewWireSource & { status: 'active' | 'paused' }, now: string): Promise<boolean> {
  const result = await db.updateTable('wire_sources').set({
    name: source.name, kind: source.kind, url: source.url, folder: source.folder, agency_credit: source.agencyCredit,
    edition: source.edition, section_id: source.sectionId, interval_seconds: source.intervalSeconds,
    auth_user: source.authUser, status: source.status, updated_at: now,
    ...(source.authPassword !== null ? { auth_password: source.authPassword } : {}),
    ...(source.status === 'active' ? { paused_reason: null } : {})
  }).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function deleteWireSource(db: DbOrTrx, id: number): Promise<boolean> {
  const result = await db.deleteFrom('wire_sources').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Sources whose turn has come and that no poller holds. */
export async function dueWireSourceIds(db: DbOrTrx, now: string, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('wire_sources').select('id')
    .where('status', '=', 'active').where('next_poll_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_poll_at').limit(limit).execute()
  return rows.map((r) => Number(r.id))
}

/**
 * Takes the lease on one source. A single-row UPDATE with the conditions in its WHERE is atomic on both
 * engines (PostgreSQL re-checks them after waiting for a competing update), so of several processes that
 * try at once exactly one gets the row.
 */
export async function claimWireSource(db: DbOrTrx, id: number, now: string, leaseUntil: string, worker: string): Promise<WireSourceRow | undefined> {
  const result = await db.updateTable('wire_sources').set({ claimed_until: leaseUntil, claimed_by: worker })
    .where('id', '=', id).where('status', '=', 'active').where('next_poll_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return undefined
  return wireSourceById(db, id)
}

export interface PollOutcome {
  nextPollAt: string
  polledAt: string
  failures: number
  lastError: string | null
  etag?: string | null
  lastModified?: string | null
  url?: string
  pause?: string
}

/** Ends a poll: the lease goes, the schedule and the conditional-GET validators are kept. */
export async function finishWireSourcePoll(db: DbOrTrx, id: number, worker: string, outcome: PollOutcome): Promise<void> {
  await db.updateTable('wire_sources').set({
    claimed_until: null, claimed_by: null, next_poll_at: outcome.nextPollAt, last_polled_at: outcome.polledAt,
    failures: outcome.failures, last_error: outcome.lastError,
    ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
    ...(outcome.lastModified !== undefined ? { last_modified: outcome.lastModified } : {}),
    ...(outcome.url !== undefined ? { url: outcome.url } : {}),
    ...(outcome.pause !== undefined ? { status: 'paused' as const, paused_reason: outcome.pause } : {})
  }).where('id', '=', id).where('claimed_by', '=', worker).execute()
}

// ---- items ----

export async function wireItemByAgencyId(db: DbOrTrx, sourceId: number, agencyId: string): Promise<WireItemRow | undefined> {
  return db.selectFrom('wire_items').selectAll().where('source_id', '=', sourceId).where('agency_id', '=', agencyId).executeTakeFirst()
}

export async function wireItemById(db: DbOrTrx, id: number): Promise<WireItemRow | undefined> {
  return db.selectFrom('wire_items').selectAll().where('id', '=', id).executeTakeFirst()
}

function itemColumns(item: WireItem, hash: string) {
  return {
    format: item.format, version: item.version, content_hash: hash, headline: item.headline, slugline: item.slugline,
    lead: item.lead, body_html: item.bodyHtml, byline: item.byline, agency: item.agency, credit: item.credit,
    language: item.language, urgency: item.urgency, subjects: JSON.stringify(item.subjects),
    subject_text: foldCase(item.subjects.map((s) => `|${s.code ?? ''}|${s.name ?? ''}`).join('') + '|'),
    search_text: wireSearchText(item),
    dateline: item.dateline, first_created: item.firstCreated, version_created: item.versionCreated,
    embargo_until: item.embargoUntil, url: item.url, links: JSON.stringify(item.links)
  }
}

/** The stored items of a source among these agency ids (a document's worth, looked up at once). */
export async function wireItemsByAgencyIds(db: DbOrTrx, sourceId: number, agencyIds: readonly string[]): Promise<WireItemRow[]> {
  const rows: WireItemRow[] = []
  // Chunks keep each statement well under both engines' limits on bound parameters.
  for (let i = 0; i < agencyIds.length; i += 500) {
    rows.push(...await db.selectFrom('wire_items').selectAll().where('source_id', '=', sourceId).where('agency_id', 'in', agencyIds.slice(i, i + 500)).execute())
  }
  return rows
}

/** New items in multi-row inserts; returns the agency ids actually inserted (another ingest may have won some). */
export async function insertWireItems(db: DbOrTrx, sourceId: number, items: ReadonlyArray<{ item: WireItem, hash: string }>, now: string): Promise<Set<string>> {
  const inserted = new Set<string>()
  // 30 rows × 29 columns stays under SQLite's oldest parameter limit (999).
  for (let i = 0; i < items.length; i += 30) {
    const rows = await db.insertInto('wire_items')
      .values(items.slice(i, i + 30).map(({ item, hash }) => ({ source_id: sourceId, agency_id: item.agencyId, ...itemColumns(item, hash), state: 'new' as const, received_at: now, updated_at: now })))
      .onConflict((oc) => oc.columns(['source_id', 'agency_id']).doNothing())
      .returning('agency_id').execute()
    for (const row of rows) inserted.add(row.agency_id)
  }
  return inserted
}

/** A new item; undefined when another ingest inserted the same agency id first. */
export async function insertWireItem(db: DbOrTrx, sourceId: number, item: WireItem, hash: string, now: string): Promise<number | undefined> {
  const row = await db.insertInto('wire_items')
    .values({ source_id: sourceId, agency_id: item.agencyId, ...itemColumns(item, hash), state: 'new', received_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['source_id', 'agency_id']).doNothing())
    .returning('id').executeTakeFirst()
  return row ? Number(row.id) : undefined
}

/** Replaces an item with its newer version, keeping the one it replaces; a story made from it is flagged. */
export async function replaceWireItem(db: DbOrTrx, stored: WireItemRow, item: WireItem, hash: string, now: string): Promise<void> {
  await db.insertInto('wire_item_versions').values({
    item_id: stored.id, version: stored.version, content_hash: stored.content_hash, headline: stored.headline,
    lead: stored.lead, body_html: stored.body_html, version_created: stored.version_created, received_at: stored.updated_at
  }).execute()
  await db.updateTable('wire_items').set({
    ...itemColumns(item, hash), state: 'updated', updated_at: now, revision_count: stored.revision_count + 1,
    ...(stored.used_article_id !== null ? { used_story_stale: 1 } : {})
  }).where('id', '=', stored.id).execute()
}

export async function wireItemVersions(db: DbOrTrx, itemId: number) {
  return db.selectFrom('wire_item_versions').selectAll().where('item_id', '=', itemId).orderBy('id', 'desc').execute()
}

/** Links an item to the story made from it; false when another story was linked first. */
export async function linkWireItemToArticle(db: DbOrTrx, itemId: number, articleId: number, userId: number | null, now: string): Promise<boolean> {
  const result = await db.updateTable('wire_items')
    .set((eb) => ({ used_article_id: articleId, used_at: now, used_by: userId, used_story_stale: 0, used_content_hash: eb.ref('content_hash') }))
    .where('id', '=', itemId).where('used_article_id', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * The story's editor has read the version with this hash (the one the review page showed): the item is
 * flagged again only if a newer one has arrived since.
 */
export async function markWireItemReviewed(db: DbOrTrx, itemId: number, seenHash: string): Promise<boolean> {
  const result = await db.updateTable('wire_items')
    .set((eb) => ({ used_content_hash: seenHash, used_story_stale: eb.case().when('content_hash', '=', seenHash).then(0).else(1).end() }))
    .where('id', '=', itemId).where('used_article_id', 'is not', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The item's version with this content hash: the item itself, or the latest earlier version that had it. */
export async function wireItemVersionByHash(db: DbOrTrx, item: WireItemRow, hash: string) {
  if (item.content_hash === hash) return { version: item.version, headline: item.headline, lead: item.lead, body_html: item.body_html, received_at: item.updated_at }
  return db.selectFrom('wire_item_versions').select(['version', 'headline', 'lead', 'body_html', 'received_at'])
    .where('item_id', '=', item.id).where('content_hash', '=', hash)
    .orderBy('id', 'desc').limit(1).executeTakeFirst()
}

export async function wireItemForArticle(db: DbOrTrx, articleId: number): Promise<WireItemRow | undefined> {
  return db.selectFrom('wire_items').selectAll().where('used_article_id', '=', articleId).executeTakeFirst()
}

export interface InboxQuery {
  sourceId?: number | null
  agency?: string | null
  language?: string | null
  /** Items at least this urgent (urgency ≤ this). */
  urgency?: number | null
  subject?: string | null
  since?: string | null
  /** Words and phrases every item must hold, as the site's search reads a query (parseSearchQuery). */
  terms?: readonly SearchTerm[] | null
  page: number
  perPage: number
}

export interface InboxRow extends WireItemRow { source_name: string }

/** The inbox, latest activity first; one extra row tells whether there is a next page. */
export async function wireInbox(db: DbOrTrx, query: InboxQuery): Promise<{ rows: InboxRow[], hasNext: boolean }> {
  let q = db.selectFrom('wire_items').innerJoin('wire_sources', 'wire_sources.id', 'wire_items.source_id')
    .selectAll('wire_items').select('wire_sources.name as source_name')
  if (query.sourceId) q = q.where('wire_items.source_id', '=', query.sourceId)
  if (query.agency) q = q.where(anyColumnContains(engineOf(db), ['wire_items.agency'], query.agency))
  if (query.language) q = q.where(anyColumnContains(engineOf(db), ['wire_items.language'], query.language))
  if (query.urgency) q = q.where('wire_items.urgency', '<=', query.urgency)
  if (query.subject) q = q.where(anyColumnContains(engineOf(db), ['wire_items.subject_text'], query.subject))
  if (query.since) q = q.where('wire_items.updated_at', '>=', query.since)
  for (const pattern of inboxSearchPatterns(query.terms ?? [])) q = q.where('wire_items.search_text', 'like', pattern)
  const rows = await q.orderBy('wire_items.updated_at', 'desc').orderBy('wire_items.id', 'desc')
    .limit(query.perPage + 1).offset((query.page - 1) * query.perPage).execute()
  return { rows: rows.slice(0, query.perPage), hasNext: rows.length > query.perPage }
}

/** Removes items last changed before the cutoff, except those made into stories. */
export async function pruneWireItems(db: DbOrTrx, before: string): Promise<number> {
  const result = await db.deleteFrom('wire_items').where('updated_at', '<', before).where('used_article_id', 'is', null).executeTakeFirst()
  return Number(result.numDeletedRows)
}

// ---- runs ----

export interface NewWireRun {
  sourceId: number
  startedAt: string
  finishedAt: string
  status: WireRunStatus
  httpStatus: number | null
  itemsNew: number
  itemsUpdated: number
  itemsSeen: number
  itemsRefused: number
  error: string | null
}

export async function insertWireRun(db: DbOrTrx, run: NewWireRun): Promise<void> {
  await db.insertInto('wire_runs').values({
    source_id: run.sourceId, started_at: run.startedAt, finished_at: run.finishedAt, status: run.status,
    http_status: run.httpStatus, items_new: run.itemsNew, items_updated: run.itemsUpdated, items_seen: run.itemsSeen,
    items_refused: run.itemsRefused, error: run.error
  }).execute()
}

export async function wireRunsOf(db: DbOrTrx, sourceId: number, limit: number): Promise<WireRunRow[]> {
  return db.selectFrom('wire_runs').selectAll().where('source_id', '=', sourceId).orderBy('id', 'desc').limit(limit).execute()
}

/** The source files ingested from the command line belong to: a paused folder source the poller never visits. */
export async function commandLineWireSource(db: DbOrTrx, edition: string, now: string): Promise<number> {
  const existing = await db.selectFrom('wire_sources').select('id')
    .where('kind', '=', 'folder').where('folder', 'is', null).where('name', '=', COMMAND_LINE_SOURCE).executeTakeFirst()
  if (existing) return Number(existing.id)
  const id = await insertWireSource(db, {
    name: COMMAND_LINE_SOURCE, kind: 'folder', url: null, folder: null, agencyCredit: null, edition, sectionId: null,
    intervalSeconds: 3600, authUser: null, authPassword: null
  }, now)
  await db.updateTable('wire_sources').set({ status: 'paused', paused_reason: 'command line' }).where('id', '=', id).execute()
  return id
}

export const COMMAND_LINE_SOURCE = 'Command line'
