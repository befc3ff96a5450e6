import type { Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
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

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(db: DbOrTrx, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    reason: entry.reason ?? null,
    details: JSON.stringify(entry.details ?? {}),
    created_at: entry.at.toISOString()
  }).execute()
}

export async function auditEntriesFor(db: DbOrTrx, subjectType: string, subjectId: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll()
    .where('subject_type', '=', subjectType).where('subject_id', '=', subjectId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
}
