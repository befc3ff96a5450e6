// The site's settings: as pages and services read them (the environment's SITE_URL wins over the stored
// one), and saved from the settings screen in one transaction with its audit row naming what changed.
//
// Reads are kept in memory, not read from the database per request. A copy is dropped when this process
// writes settings (any code path: the repository counts writes), on 'site.changed' (every newsroom
// write, in every process on PostgreSQL), and after SETTINGS_MAX_AGE_MS, which bounds what no event
// announces (a value edited from the shell, events missed while the PostgreSQL bus reconnects).
import { changedSettings } from '../domain/settings-form.js'
import type { SiteSettings } from '../domain/settings.js'
import { writeAudit, type Actor } from '../db/repositories/audit.repository.js'
import type { Db } from '../db/database.js'
import { loadSettings, saveSettings, settingsWriteCount } from '../db/repositories/settings.repository.js'
import type { Deps } from './deps.js'

const SETTINGS_MAX_AGE_MS = 60_000

interface Cached {
  settings: Promise<Readonly<SiteSettings>>
  writes: number
  generation: number
  siteUrlOverride: string | null
  loadedAt: number
}

const cache = new WeakMap<Db, Cached>()
const listening = new WeakSet<Db>()
let generation = 0

/** Forget every copy in this process (after a settings write commits). */
export function dropCachedSettings(): void {
  generation++
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}

/**
 * The settings, shared by every request until they change: frozen, since a change made by one request
 * would otherwise leak into every other one.
 */
export function currentSettings(deps: Deps): Promise<Readonly<SiteSettings>> {
  const { db } = deps
  if (!listening.has(db)) {
    listening.add(db)
    deps.events.on((event) => {
      if (event.type === 'site.changed') cache.delete(db)
    })
  }
  // A monotonic clock: this only measures how old the copy is.
  const now = performance.now()
  const writes = settingsWriteCount()
  const cached = cache.get(db)
  if (cached && cached.writes === writes && cached.generation === generation && cached.siteUrlOverride === deps.siteUrlOverride &&
    now - cached.loadedAt < SETTINGS_MAX_AGE_MS) return cached.settings
  // The promise is kept, so requests arriving during the read share it.
  const entry: Cached = { settings: load(deps), writes, generation, siteUrlOverride: deps.siteUrlOverride, loadedAt: now }
  cache.set(db, entry)
  entry.settings.catch(() => {
    if (cache.get(db) === entry) cache.delete(db)
  })
  return entry.settings
}

async function load(deps: Deps): Promise<Readonly<SiteSettings>> {
  const settings = await loadSettings(deps.db)
  if (deps.siteUrlOverride) settings.siteUrl = deps.siteUrlOverride
  return deepFreeze(settings)
}

export async function updateSiteSettings(deps: Deps, actor: Actor, values: Partial<SiteSettings>): Promise<{ changed: string[] }> {
  const now = deps.clock()
  const result = await deps.db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx)
    const changes = changedSettings(before, values)
    const changed = Object.keys(changes)
    if (changed.length === 0) return { changed }
    const toSave = Object.fromEntries(changed.map((key) => [key, values[key as keyof SiteSettings]])) as Partial<SiteSettings>
    await saveSettings(trx, toSave)
    await writeAudit(trx, { actor, action: 'settings.update', subjectType: 'settings', subjectId: null, details: changes, at: now })
    return { changed }
  })
  // Committed now: another connection may have read the old values while the transaction was open.
  if (result.changed.length > 0) dropCachedSettings()
  return result
}
