// The wire source form (admin screen and `lede wire sources add`), checked without I/O. Errors are message
// keys so the screen can say them in the editor's language.
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from './schedule.js'

export type WireSourceField = 'name' | 'kind' | 'url' | 'folder' | 'agencyCredit' | 'edition' | 'sectionId' | 'intervalSeconds' | 'authUser' | 'authPassword'

export type WireSourceErrorKey =
  | 'wire.source.error.required' | 'wire.source.error.tooLong' | 'wire.source.error.url'
  | 'wire.source.error.folder' | 'wire.source.error.interval' | 'wire.source.error.edition' | 'wire.source.error.kind'
  | 'wire.source.error.section'

export interface WireSourceValues {
  name: string
  kind: 'feed' | 'folder'
  url: string | null
  folder: string | null
  agencyCredit: string | null
  edition: string
  sectionId: number | null
  intervalSeconds: number
  authUser: string | null
  /** Null keeps the stored password (the form never shows it). */
  authPassword: string | null
}

export type WireSourceFormResult =
  | { ok: true, values: WireSourceValues }
  | { ok: false, raw: Record<WireSourceField, string>, errors: Partial<Record<WireSourceField, WireSourceErrorKey>> }

const FIELDS: WireSourceField[] = ['name', 'kind', 'url', 'folder', 'agencyCredit', 'edition', 'sectionId', 'intervalSeconds', 'authUser', 'authPassword']
const MAX = { name: 200, url: 2000, folder: 1000, agencyCredit: 100, authUser: 200, authPassword: 500 } as const

function single(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value.trim() : ''
}

export function validateWireSourceForm(body: Record<string, unknown>, context: { editions: readonly string[], sectionIds: ReadonlySet<number> }): WireSourceFormResult {
  const raw = Object.fromEntries(FIELDS.map((f) => [f, single(body, f)])) as Record<WireSourceField, string>
  const errors: Partial<Record<WireSourceField, WireSourceErrorKey>> = {}
  if (!raw.name) errors.name = 'wire.source.error.required'
  for (const [field, max] of Object.entries(MAX) as Array<[keyof typeof MAX, number]>) {
    if (raw[field].length > max) errors[field] = 'wire.source.error.tooLong'
  }
  const kind = raw.kind === 'folder' ? 'folder' : raw.kind === 'feed' || raw.kind === '' ? 'feed' : null
  if (!kind) errors.kind = 'wire.source.error.kind'
  if (kind === 'feed') {
    let url: URL | null = null
    try { url = new URL(raw.url) } catch { url = null }
    // Credentials belong in their own fields, where they are kept out of pages and logs.
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) errors.url ??= 'wire.source.error.url'
  }
  if (kind === 'folder' && (!raw.folder.startsWith('/') || raw.folder.includes('\u0000') || /(^|\/)\.\.(\/|$)/.test(raw.folder))) {
    errors.folder ??= 'wire.source.error.folder'
  }
  if (!context.editions.includes(raw.edition)) errors.edition = 'wire.source.error.edition'
  const sectionId = raw.sectionId ? Number(raw.sectionId) : null
  if (sectionId !== null && (!Number.isSafeInteger(sectionId) || !context.sectionIds.has(sectionId))) errors.sectionId = 'wire.source.error.section'
  const interval = raw.intervalSeconds ? Number(raw.intervalSeconds) : 300
  if (!Number.isInteger(interval) || interval < MIN_INTERVAL_SECONDS || interval > MAX_INTERVAL_SECONDS) errors.intervalSeconds = 'wire.source.error.interval'
  if (Object.keys(errors).length || !kind) return { ok: false, raw, errors }
  return {
    ok: true,
    values: {
      name: raw.name, kind,
      url: kind === 'feed' ? new URL(raw.url).href : null,
      folder: kind === 'folder' ? raw.folder.replace(/\/+$/, '') : null,
      agencyCredit: raw.agencyCredit || null,
      edition: raw.edition, sectionId, intervalSeconds: interval,
      authUser: raw.authUser || null, authPassword: raw.authPassword || null
    }
  }
}
