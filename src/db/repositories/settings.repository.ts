import type { DbOrTrx } from '../database.js'
import { settingsFromStored, type SiteSettings } from '../../domain/settings.js'

let writes = 0

/**
 * How many settings writes this process has made. The in-memory settings (src/services/site-settings.service.ts)
 * were read at some count and are stale once it moves, whichever code path wrote.
 */
export function settingsWriteCount(): number {
  return writes
}

export async function loadSettings(db: DbOrTrx): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
  const stored: Record<string, unknown> = {}
  for (const row of rows) {
    try {
      stored[row.key] = JSON.parse(row.value)
    } catch {
      // A hand-edited value that is not JSON falls back to its default rather than breaking every page.
    }
  }
  return settingsFromStored(stored)
}

/** Upserts the given settings; both engines accept ON CONFLICT … DO UPDATE. */
export async function saveSettings(db: DbOrTrx, values: Partial<SiteSettings>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) await saveSettingsValue(db, key, value)
  }
}

/** A raw stored value (for internal marks that are not user settings); undefined when absent. */
export async function loadSettingsValue(db: DbOrTrx, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  return row ? JSON.parse(row.value) as unknown : undefined
}

export async function saveSettingsValue(db: DbOrTrx, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value)
  await db.insertInto('settings').values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute()
  // After the write: a read that began before it is counted as older than it.
  writes++
}

/** Stores a raw value only if the key is absent (first writer wins when processes race); returns the stored value. */
export async function saveSettingsValueIfAbsent(db: DbOrTrx, key: string, value: unknown): Promise<unknown> {
  await db.insertInto('settings').values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  return loadSettingsValue(db, key)
}

/** Inserts a raw value that must not exist yet: a second writer fails on the primary key (and its transaction with it). */
export async function insertSettingsValue(db: DbOrTrx, key: string, value: unknown): Promise<void> {
  await db.insertInto('settings').values({ key, value: JSON.stringify(value) }).execute()
}
