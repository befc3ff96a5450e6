import type { Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import { insertRows } from '../insert-rows.js'
import type { AuditLogTable } from '../tables/audit-log.table.js'

export type AuditRow = Selectable<AuditLogTable>

/** Who acted: a signed-in user, or the system / command line (id null). */
export interface Actor { id: number | null, name: string }

export interface AuditEntry {
  actor: Actor
  action: string
  subjectType: string
  subjectId: number | null
  reason?: string | null
  details?: Record<string, unknown>
  at: Date
}

const rowOf = (entry: AuditEntry) => ({
  actor_id: entry.actor.id,
  actor_name: entry.actor.name,
  action: entry.action,
  subject_type: entry.subjectType,
  subject_id: entry.subjectId,
  reason: entry.reason ?? null,
  details: JSON.stringify(entry.details ?? {}),
  created_at: entry.at.toISOString()
})

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(db: DbOrTrx, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(rowOf(entry)).execute()
}

/** Several audit rows, several to a statement, in the order given (a batch of changes in one transaction). */
export async function writeAudits(db: DbOrTrx, entries: readonly AuditEntry[]): Promise<void> {
  // The statement is compiled once (insert-rows.ts): an import's batch writes 50 to 200.
  await insertRows(db, 'audit_log', AUDIT_COLUMNS, entries.map((entry) => {
    const row = rowOf(entry)
    return AUDIT_COLUMNS.map((column) => row[column])
  }))
}

const AUDIT_COLUMNS = ['actor_id', 'actor_name', 'action', 'subject_type', 'subject_id', 'reason', 'details', 'created_at'] as const

export async function auditEntriesFor(db: DbOrTrx, subjectType: string, subjectId: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll()
    .where('subject_type', '=', subjectType).where('subject_id', '=', subjectId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
}

export interface AuditFilters {
  actorId?: number
  action?: string
  subjectType?: string
  subjectId?: number
  /** Instants, inclusive start and exclusive end. */
  from?: string
  to?: string
}

/** Keyset cursor: the last row shown, newest-first order by (created_at, id). */
export interface AuditCursor { createdAt: string, id: number }

/** One page of the log, newest first, plus whether older rows exist. */
export async function auditPage(db: DbOrTrx, filters: AuditFilters, options: { before?: AuditCursor, after?: AuditCursor, limit: number }): Promise<{ rows: AuditRow[], hasMore: boolean }> {
  let q = db.selectFrom('audit_log').selectAll()
  if (filters.actorId !== undefined) q = q.where('actor_id', '=', filters.actorId)
  if (filters.action) q = q.where('action', '=', filters.action)
  if (filters.subjectType) q = q.where('subject_type', '=', filters.subjectType)
  if (filters.subjectId !== undefined) q = q.where('subject_id', '=', filters.subjectId)
  if (filters.from) q = q.where('created_at', '>=', filters.from)
  if (filters.to) q = q.where('created_at', '<', filters.to)
  if (options.before) {
    const { createdAt, id } = options.before
    q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]))
  }
  if (options.after) {
    // Going back towards newer rows: read them oldest first, then flip.
    const { createdAt, id } = options.after
    q = q.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]))
    const rows = await q.orderBy('created_at', 'asc').orderBy('id', 'asc').limit(options.limit + 1).execute()
    return { rows: rows.slice(0, options.limit).reverse(), hasMore: rows.length > options.limit }
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute()
  return { rows: rows.slice(0, options.limit), hasMore: rows.length > options.limit }
}

/** The actions and subject types that occur, for the filter menus. */
export async function auditVocabulary(db: DbOrTrx): Promise<{ actions: string[], subjectTypes: string[] }> {
  const actions = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()
  const subjectTypes = await db.selectFrom('audit_log').select('subject_type').distinct().orderBy('subject_type').execute()
  return { actions: actions.map((r) => r.action), subjectTypes: subjectTypes.map((r) => r.subject_type) }
}
