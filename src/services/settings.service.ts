import { loadSettings } from '../db/repositories/settings.repository.js'
import type { SiteSettings } from '../domain/settings.js'
import type { Deps } from './deps.js'

export async function currentSettings(deps: Deps): Promise<SiteSettings> {
  const settings = await loadSettings(deps.db)
  if (deps.siteUrlOverride) settings.siteUrl = deps.siteUrlOverride
  return settings
}
