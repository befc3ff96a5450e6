import type { Translator } from '../../../i18n/index.js'
import type { SiteSettings } from '../../../domain/settings.js'
import type { SessionUser } from '../../../domain/accounts.js'

export type { SessionUser }

/** The signed-in user as admin pages and services see them. */

/** Everything an admin view needs besides its own data. Admin pages are private, never cached. */
export interface AdminContext {
  user: SessionUser
  /** Put in every form as <input type="hidden" name="_csrf" value={csrfToken}>. */
  csrfToken: string
  settings: SiteSettings
  i18n: Translator
  /** For the badge in the admin navigation. */
  pendingComments: number
  /** Path of the current admin page, to mark the navigation. */
  path: string
  now: Date
  /** A one-line message after an action ("Settings saved."), from the ?notice= flag of a redirect. */
  notice: AdminNotice | null
}

export interface AdminNotice { tone: 'success' | 'error' | 'info', text: string }
