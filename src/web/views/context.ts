import type { Translator } from '../../i18n/index.js'
import type { SiteSettings } from '../../domain/settings.js'

/** Everything a view needs besides its own data. */
export interface ViewContext {
  settings: SiteSettings
  edition: string
  /** "" for the default edition, "/ru" otherwise. */
  prefix: string
  i18n: Translator
  /** Path of the current page, for canonical links. */
  path: string
  /** The request's clock reading, so pages never consult the server clock themselves. */
  now: Date
}
