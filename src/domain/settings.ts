// Site settings: what a newsroom configures. Stored as key → JSON in the settings table;
// every key has a default here, so a fresh database and an old one read the same way.

export interface SiteSettings {
  siteName: string
  tagline: string
  /** Absolute base URL without a trailing slash, used in canonical links and the reprint notice. */
  siteUrl: string
  timeZone: string
  /**
   * Per edition, in WordPress's letters ("F d, Y" → "February 03, 2022"); empty means the language's own
   * long format. See src/domain/date-format.ts.
   */
  dateFormat: Record<string, string>
  /** In WordPress's letters: "H:i" → "13:33", "g:i a" → "1:33 pm". */
  timeFormat: string
  /** The edition served at the root. */
  defaultEdition: string
  editions: string[]
  /** "{site}" is replaced by the site name. Per edition. */
  reprintNotice: Record<string, string>
  /** Stories per page on the front-page newsfeed. */
  newsfeedPageSize: number
  /** Number of stories in the "Newsfeed" strip beside an article. */
  newsfeedStripSize: number
  /** Feeds carry the whole article (true) or only its lead (false). */
  feedFullText: boolean
  /** Items in each RSS, Atom and JSON feed. */
  feedItemCount: number
  /** The publisher's logo for structured data and feeds: a path on this site or an absolute URL. */
  logoUrl: string
  // Discussion rules, with WordPress's meaning (Settings → Discussion); see src/domain/moderation.ts.
  /** "Comment must be manually approved": every reader comment waits for a moderator. */
  commentModeration: boolean
  /** "Comment author must have a previously approved comment" (same name and email) to be approved without a moderator. */
  commentPreviouslyApproved: boolean
  /** Hold a comment with this many links or more; 0 turns the rule off. */
  commentMaxLinks: number
  /** Words, names, URLs, emails, IPs or browser strings that hold a comment; matched ignoring case, inside words too. */
  commentModerationWords: string[]
  /** The same matching; a hit sends the comment straight to the trash. */
  commentDisallowedWords: string[]
  /** Close comments on articles older than closeCommentsDaysOld days. */
  closeCommentsForOldArticles: boolean
  closeCommentsDaysOld: number
  /** "Comment author must fill out name and email". */
  requireNameEmail: boolean
  /** Levels of replies shown nested (1 = no threads, WordPress allows up to 10). */
  threadCommentsDepth: number
  /** A newsroom session ends after this many hours without a request (src/domain/accounts.ts). */
  sessionIdleHours: number
  /** A newsroom session ends this many hours after login, however busy. */
  sessionAbsoluteHours: number
  /** Wire inbox items untouched this many days are removed, except those made into stories. */
  wireKeepDays: number
}

export const DEFAULT_REPRINT_NOTICE =
  'Media can quote materials of {site} with hyperlink to the certain material quoted. The hyperlink should be placed on the first passage of the text.'

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: 'Lede',
  tagline: 'News as it happens',
  siteUrl: 'http://localhost:3000',
  timeZone: 'UTC',
  dateFormat: {},
  timeFormat: 'H:i',
  defaultEdition: 'en',
  editions: ['en'],
  reprintNotice: { en: DEFAULT_REPRINT_NOTICE },
  newsfeedPageSize: 30,
  newsfeedStripSize: 10,
  feedFullText: true,
  feedItemCount: 50,
  logoUrl: '/assets/logo.png',
  // A newsroom answers for what it publishes, so a new site holds comments for a moderator.
  commentModeration: true,
  commentPreviouslyApproved: true,
  commentMaxLinks: 2,
  commentModerationWords: [],
  commentDisallowedWords: [],
  closeCommentsForOldArticles: false,
  closeCommentsDaysOld: 14,
  requireNameEmail: true,
  threadCommentsDepth: 5,
  sessionIdleHours: 2,
  sessionAbsoluteHours: 12,
  wireKeepDays: 30
}

/** Does a stored value have the default's shape, down to the items of arrays and maps? */
function sameShape(fallback: unknown, value: unknown): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value) && value.every((item) => typeof item === 'string')
  if (typeof fallback === 'object' && fallback !== null) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) &&
      Object.values(value).every((item) => typeof item === 'string')
  }
  return typeof value === typeof fallback && (typeof value !== 'number' || Number.isFinite(value))
}

/** Merges stored values over the defaults, ignoring unknown keys and values of the wrong type. */
export function settingsFromStored(stored: Record<string, unknown>): SiteSettings {
  const result: SiteSettings = structuredClone(DEFAULT_SETTINGS)
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SiteSettings)[]) {
    const value = stored[key]
    if (value === undefined) continue
    if (sameShape(DEFAULT_SETTINGS[key], value)) (result as unknown as Record<string, unknown>)[key] = value
  }
  return result
}

/** The reprint notice for an edition with the site name filled in. */
export function reprintNoticeText(settings: SiteSettings, edition: string): string {
  const template = settings.reprintNotice[edition] ?? settings.reprintNotice[settings.defaultEdition] ?? DEFAULT_REPRINT_NOTICE
  // A function replacement, so a "$&" in the site name is printed as typed.
  return template.replaceAll('{site}', () => settings.siteName)
}
