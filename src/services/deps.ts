import type { Db, DialectName } from '../db/database.js'
import type { EventBus } from '../events/bus.js'

/** What services need from the outside world, passed in so tests can fix the clock. */
export interface Deps {
  db: Db
  dialect: DialectName
  clock: () => Date
  events: EventBus
  /** From SITE_URL: wins over the stored setting when set. */
  siteUrlOverride: string | null
}
