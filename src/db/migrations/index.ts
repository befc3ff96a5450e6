// Migrations are listed here, not read from the folder, so the same list works from TypeScript
// sources (tests) and from compiled JavaScript (npm start).
import type { Migration, MigrationProvider } from 'kysely'
import * as readerFoundation from './2026-11-26T00-00-reader-foundation.js'
import * as auditLog from './2026-11-26T00-30-audit-log.js'

const migrations: Record<string, Migration> = {
  '2026-11-26T00-00-reader-foundation': readerFoundation,
  '2026-11-26T00-30-audit-log': auditLog
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations
}
