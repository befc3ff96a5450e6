// The audit log page's query string: filters and a keyset cursor, read without I/O.
import { dayRange, parseDay } from './days.js'
import { parseId } from './ids.js'
import { decodeCursor, encodeCursor } from './urls.js'

export interface AuditQueryText { actor: string, action: string, subject: string, subject_id: string, from: string, to: string }

export interface AuditCursor { createdAt: string, id: number }

export interface ParsedAuditQuery {
  /** The filters as typed, to fill the form and build page links. */
  text: AuditQueryText
  filters: { actorId?: number, action?: string, subjectType?: string, subjectId?: number, from?: string, to?: string }
  before?: AuditCursor
  after?: AuditCursor
  /** Field name → problem; a page with errors lists nothing rather than guess. */
  errors: Partial<Record<'actor' | 'from' | 'to' | 'subject_id' | 'cursor', 'admin.form.invalidDate' | 'admin.form.invalidChoice' | 'admin.audit.badCursor'>>
}

/** The keyset cursor of every list (domain/urls.ts), over created_at. */
export function encodeAuditCursor(c: AuditCursor): string {
  return encodeCursor({ publishedAt: c.createdAt, id: c.id })
}

export function decodeAuditCursor(text: string): AuditCursor | null {
  const c = decodeCursor(text)
  return c && { createdAt: c.publishedAt, id: c.id }
}

function str(query: Record<string, unknown>, name: string): string {
  const v = query[name]
  return typeof v === 'string' ? v.trim().slice(0, 200) : ''
}


export function parseAuditQuery(query: Record<string, unknown>, timeZone: string): ParsedAuditQuery {
  const text: AuditQueryText = {
    actor: str(query, 'actor'), action: str(query, 'action'), subject: str(query, 'subject'),
    subject_id: str(query, 'subject_id'), from: str(query, 'from'), to: str(query, 'to')
  }
  const parsed: ParsedAuditQuery = { text, filters: {}, errors: {} }
  if (text.actor) {
    const actorId = parseId(text.actor)
    if (actorId !== null) parsed.filters.actorId = actorId
    else parsed.errors.actor = 'admin.form.invalidChoice'
  }
  if (text.action) parsed.filters.action = text.action
  if (text.subject) parsed.filters.subjectType = text.subject
  if (text.subject_id) {
    const subjectId = parseId(text.subject_id)
    if (subjectId !== null) parsed.filters.subjectId = subjectId
    else parsed.errors.subject_id = 'admin.form.invalidChoice'
  }
  // Days are the site's days: "from 2022-02-03" starts at midnight in the site's time zone.
  if (text.from) {
    const day = parseDay(text.from)
    if (day) parsed.filters.from = dayRange(day, timeZone).start
    else parsed.errors.from = 'admin.form.invalidDate'
  }
  if (text.to) {
    const day = parseDay(text.to)
    if (day) parsed.filters.to = dayRange(day, timeZone).end
    else parsed.errors.to = 'admin.form.invalidDate'
  }
  const before = str(query, 'before')
  const after = str(query, 'after')
  if (before) {
    const c = decodeAuditCursor(before)
    if (c) parsed.before = c
    else parsed.errors.cursor = 'admin.audit.badCursor'
  } else if (after) {
    const c = decodeAuditCursor(after)
    if (c) parsed.after = c
    else parsed.errors.cursor = 'admin.audit.badCursor'
  }
  return parsed
}
