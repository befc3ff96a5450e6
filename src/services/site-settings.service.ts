// Saving the settings screen: one transaction with its audit row naming what changed.
import { changedSettings } from '../domain/settings-form.js'
import type { SiteSettings } from '../domain/settings.js'
import { writeAudit, type Actor } from '../db/repositories/audit.repository.js'
import { loadSettings, saveSettings } from '../db/repositories/settings.repository.js'
import { dropCachedSettings } from './settings.service.js'
import type { Deps } from './deps.js'

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
