import type { Db, DialectName } from '../db/database.js'
import type { EventBus } from '../events/bus.js'

/** What services need from the outside world, passed in so tests can fix the clock. */
export interface Deps {
  db: Db
  /**
   * @deprecated Which engine `db` is: ask engineOf(db) (src/db/engine.ts), the one place that answers.
   * Still accepted so callers that pass it keep compiling.
   */
  dialect?: DialectName
  clock: () => Date
  events: EventBus
  /** From SITE_URL: wins over the stored setting when set. */
  siteUrlOverride: string | null
}
