// Import runs, the WordPress-id → Lede-row mapping, and the old URLs that redirect.
import type { Insertable, Selectable } from 'kysely'
import { chunksFor } from '../chunks.js'
import type { DbOrTrx } from '../database.js'
import { insertRows } from '../insert-rows.js'
import type { ImportItemsTable, ImportRunStatus, ImportRunsTable, LedeKind, RedirectTargetKind, WpKind } from '../tables/imports.table.js'

export type ImportRunRow = Selectable<ImportRunsTable>
export type ImportItemRow = Selectable<ImportItemsTable>

export async function insertImportRun(db: DbOrTrx, values: Insertable<ImportRunsTable>): Promise<number> {
  const row = await db.insertInto('import_runs').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateImportRun(db: DbOrTrx, id: number, values: Partial<{ status: ImportRunStatus, total: number, done: number, summary: string, message: string | null, site_url: string, finished_at: string | null, heartbeat_at: string }>): Promise<void> {
  await db.updateTable('import_runs').set(values).where('id', '=', id).execute()
}

export async function importRunById(db: DbOrTrx, id: number): Promise<ImportRunRow | undefined> {
  return db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The newest runs first, for the import history. */
export async function recentImportRuns(db: DbOrTrx, limit: number): Promise<ImportRunRow[]> {
  return db.selectFrom('import_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export async function importedItem(db: DbOrTrx, q: { siteUrl: string, wpKind: WpKind, wpKey: string }): Promise<ImportItemRow | undefined> {
  return db.selectFrom('import_items').selectAll()
    .where('site_url', '=', q.siteUrl).where('wp_kind', '=', q.wpKind).where('wp_key', '=', q.wpKey)
    .executeTakeFirst()
}

/** importedItem for many keys of one kind at once: the rows found, by WordPress key. */
export async function importedItems(db: DbOrTrx, q: { siteUrl: string, wpKind: WpKind, wpKeys: readonly string[] }): Promise<Map<string, ImportItemRow>> {
  const found = new Map<string, ImportItemRow>()
  for (const chunk of chunksFor([...new Set(q.wpKeys)], 1)) {
    const rows = await db.selectFrom('import_items').selectAll()
      .where('site_url', '=', q.siteUrl).where('wp_kind', '=', q.wpKind).where('wp_key', 'in', chunk).execute()
    for (const row of rows) found.set(row.wp_key, row)
  }
  return found
}

/**
 * Which of these WordPress comments of one site were imported: their ids → the comment's id, or null
 * when the comment is no longer there. An imported comment carries its key (comments.wp_site, wp_id);
 * import_items keeps the keys of comments deleted since (see keepDeletedCommentKey) and of those imported
 * before comments carried them and deleted before that move.
 */
export async function importedComments(db: DbOrTrx, siteUrl: string, wpIds: readonly number[]): Promise<Map<number, number | null>> {
  const found = new Map<number, number | null>()
  const unique = [...new Set(wpIds)].sort((a, b) => a - b)
  if (unique.length === 0) return found
  const low = unique[0]!
  const high = unique.at(-1)!
  const ofSite = () => db.selectFrom('comments').select(['wp_id', 'id']).where('wp_site', '=', siteUrl)
  // A batch's comment ids are often close together (WordPress numbers comments as they come): then one
  // range of the index answers, where a list of hundreds of ids costs PostgreSQL more to plan than to
  // run and, while the table is small, a scan of the whole table. Ids far apart are asked for by list.
  const rows: { wp_id: number | null, id: number }[] = []
  if (high - low < 2 * unique.length + 64) rows.push(...await ofSite().where('wp_id', '>=', low).where('wp_id', '<=', high).execute())
  else for (const chunk of chunksFor(unique, 1)) rows.push(...await ofSite().where('wp_id', 'in', chunk).execute())
  const wanted = new Set(unique)
  for (const row of rows) if (wanted.has(Number(row.wp_id))) found.set(Number(row.wp_id), row.id)
  const missing = unique.filter((id) => !found.has(id))
  if (missing.length === 0) return found
  // Usually there are none of those: one probe of the index spares a lookup of every key.
  const any = await db.selectFrom('import_items').select('id').where('site_url', '=', siteUrl).where('wp_kind', '=', 'comment').limit(1).executeTakeFirst()
  if (!any) return found
  for (const [key, row] of await importedItems(db, { siteUrl, wpKind: 'comment', wpKeys: missing.map(String) })) found.set(Number(key), row.lede_id)
  return found
}

/**
 * Keeps the WordPress key of an imported comment that is being deleted for good, so that importing the
 * export again does not bring it back (its key went with its row).
 */
export async function keepDeletedCommentKey(db: DbOrTrx, comment: { wp_site: string | null, wp_id: number | null }, at: string): Promise<void> {
  if (comment.wp_site === null || comment.wp_id === null) return
  await recordImportedItem(db, { siteUrl: comment.wp_site, wpKind: 'comment', wpKey: String(comment.wp_id), ledeKind: 'comment', ledeId: null, hash: '', runId: null, at })
}

/** Every mapping of one kind from one site: WordPress key → Lede id (null when nothing was created). */
export async function importedItemsOfKind(db: DbOrTrx, siteUrl: string, wpKind: WpKind): Promise<Map<string, number | null>> {
  const rows = await db.selectFrom('import_items').select(['wp_key', 'lede_id'])
    .where('site_url', '=', siteUrl).where('wp_kind', '=', wpKind).execute()
  return new Map(rows.map((r) => [r.wp_key, r.lede_id]))
}

export interface ImportedItem { siteUrl: string, wpKind: WpKind, wpKey: string, ledeKind: LedeKind, ledeId: number | null, hash: string, runId: number | null, at: string }

/** Records (or updates) which Lede row a WordPress record became; `detail` is what is kept of one with none. */
export async function recordImportedItem(db: DbOrTrx, v: ImportedItem & { detail?: string }): Promise<void> {
  const detail = v.detail ?? ''
  await db.insertInto('import_items').values({
    site_url: v.siteUrl, wp_kind: v.wpKind, wp_key: v.wpKey, lede_kind: v.ledeKind, lede_id: v.ledeId, content_hash: v.hash,
    detail, run_id: v.runId, created_at: v.at, updated_at: v.at
  }).onConflict((oc) => oc.columns(['site_url', 'wp_kind', 'wp_key']).doUpdateSet({
    lede_kind: v.ledeKind, lede_id: v.ledeId, content_hash: v.hash, detail, run_id: v.runId, updated_at: v.at
  })).execute()
}

/** The details kept of one kind of record imported without a Lede row (attachments without files, pages), every site's, in id order. */
export async function importedDetails(db: DbOrTrx, q: { wpKind: WpKind, after: number, limit: number }): Promise<{ id: number, detail: string }[]> {
  return db.selectFrom('import_items').select(['id', 'detail'])
    .where('wp_kind', '=', q.wpKind).where('lede_id', 'is', null).where('detail', '<>', '').where('id', '>', q.after)
    .orderBy('id').limit(q.limit).execute()
}

/**
 * recordImportedItem for many items, several rows to a statement, in the order given. A key may appear
 * only once (PostgreSQL refuses to update one row twice in a statement).
 */
export async function recordImportedItems(db: DbOrTrx, items: readonly ImportedItem[]): Promise<void> {
  // recordImportedItem's upsert, with its statement compiled once (insert-rows.ts): a batch writes hundreds.
  await insertRows(db, 'import_items', IMPORT_ITEM_COLUMNS, items.map((v) => [v.siteUrl, v.wpKind, v.wpKey, v.ledeKind, v.ledeId, v.hash, v.runId, v.at, v.at]),
    'on conflict ("site_url", "wp_kind", "wp_key") do update set "lede_kind" = "excluded"."lede_kind", "lede_id" = "excluded"."lede_id", ' +
    '"content_hash" = "excluded"."content_hash", "run_id" = "excluded"."run_id", "updated_at" = "excluded"."updated_at"')
}

const IMPORT_ITEM_COLUMNS = ['site_url', 'wp_kind', 'wp_key', 'lede_kind', 'lede_id', 'content_hash', 'run_id', 'created_at', 'updated_at'] as const

export interface OldUrl { oldPath: string, targetKind: RedirectTargetKind, targetId: number, runId: number | null, at: string }

const redirectRow = (v: OldUrl) => ({ old_path: v.oldPath, target_kind: v.targetKind, target_id: v.targetId, run_id: v.runId, created_at: v.at })

/** Adds an old URL; one already taken (by an earlier import or another site) keeps its first target. */
export async function addRedirect(db: DbOrTrx, v: OldUrl): Promise<void> {
  await db.insertInto('redirects').values(redirectRow(v)).onConflict((oc) => oc.column('old_path').doNothing()).execute()
}

/** addRedirect for many old URLs, several to a statement, in the order given (the first of a path wins). */
export async function addRedirects(db: DbOrTrx, urls: readonly OldUrl[]): Promise<void> {
  await insertRows(db, 'redirects', ['old_path', 'target_kind', 'target_id', 'run_id', 'created_at'],
    urls.map((v) => [v.oldPath, v.targetKind, v.targetId, v.runId, v.at]), 'on conflict ("old_path") do nothing')
}

export async function redirectFor(db: DbOrTrx, oldPath: string): Promise<{ targetKind: RedirectTargetKind, targetId: number } | undefined> {
  const row = await db.selectFrom('redirects').select(['target_kind', 'target_id']).where('old_path', '=', oldPath).executeTakeFirst()
  return row ? { targetKind: row.target_kind, targetId: row.target_id } : undefined
}

export async function countRedirects(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('redirects').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Imported categories keep their hierarchy; a section never becomes its own ancestor. */
export async function setSectionParent(db: DbOrTrx, id: number, parentId: number): Promise<void> {
  // Walk up from the new parent: a malformed export (A under B, B under A) must not make a loop.
  let ancestor: number | null = parentId
  for (let depth = 0; ancestor !== null; depth++) {
    if (ancestor === id || depth > 100) return
    const row: { parent_id: number | null } | undefined = await db.selectFrom('sections').select('parent_id').where('id', '=', ancestor).executeTakeFirst()
    ancestor = row?.parent_id ?? null
  }
  await db.updateTable('sections').set({ parent_id: parentId }).where('id', '=', id).where('parent_id', 'is', null).execute()
}
