import { migrateToLatest } from '../db/migrate.js'
import { loadSettingsValue, saveSettingsValue } from '../db/repositories/settings.repository.js'
import { rebuildSearchIndex } from '../db/repositories/search.repository.js'
import { seedDemoContent } from './demo.service.js'
import type { Deps } from './deps.js'

export interface PrepareResult {
  migrations: string[]
  firstRun: boolean
  demo: { articles: number, comments: number } | null
}

const SEARCH_MIGRATION = '2026-11-26T02-00-search'

/**
 * Brings the database up to date. On the very first run (no install mark yet) it loads the demo
 * content when asked, then sets the mark, so deleting every article later never brings the demo back.
 */
export async function prepareDatabase(deps: Deps, options: { seedDemo: boolean }): Promise<PrepareResult> {
  const migrations = await migrateToLatest(deps.db)
  // A database from before search existed gets its articles indexed once, as the index arrives.
  if (migrations.includes(SEARCH_MIGRATION)) await rebuildSearchIndex(deps.db)
  const installedAt = await loadSettingsValue(deps.db, 'installedAt')
  if (installedAt !== undefined) return { migrations, firstRun: false, demo: null }
  const demo = options.seedDemo ? await seedDemoContent(deps) : null
  await saveSettingsValue(deps.db, 'installedAt', deps.clock().toISOString())
  return { migrations, firstRun: true, demo }
}
