// How a command reaches the site: the configured database, migrated, with the real clock and an
// in-process event bus (a command's changes reach running sites through the database, not the bus).
import { loadConfig } from '../config.js'
import { openDatabase } from '../db/dialect.js'
import { migrateToLatest } from '../db/migrate.js'
import { inProcessBus } from '../events/bus.js'
import type { Deps } from '../services/deps.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import type { CommandOutput } from './command-args.js'

/** Opens the configured database for `fn` (migrated first unless `migrate: false`) and closes it after. */
export async function withCommandDeps<T>(fn: (deps: Deps) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig()
  const { db, dialect, close } = openDatabase(config.database)
  try {
    const deps: Deps = { db, dialect, clock: () => new Date(), events: inProcessBus(), siteUrlOverride: config.siteUrl }
    if (options.migrate !== false) await migrateToLatest(db)
    return await fn(deps)
  } finally {
    await close()
  }
}

/** The edition a command asked for (default: the site's), or null after saying which editions exist. */
export async function commandEdition(command: string, deps: Deps, requested: string | undefined, io: CommandOutput): Promise<string | null> {
  const settings = await loadSettings(deps.db)
  const edition = requested ?? settings.defaultEdition
  if (settings.editions.includes(edition)) return edition
  io.err(`lede ${command}: the site has no edition "${edition}" (it has ${settings.editions.join(', ')})`)
  return null
}
