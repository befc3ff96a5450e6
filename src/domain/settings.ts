// Site settings: what a newsroom configures. Stored as key → JSON in the settings table;
// every key has a default here, so a fresh database and an old one read the same way.

export interface SiteSettings {
  siteName: string
  tagline: string
  /** Absolute base URL without a trailing slash, used in canonical links and the reprint notice. */
  siteUrl: string
  timeZone: string
  /** The edition served at the root. */
  defaultEdition: string
  editions: string[]
  /** "{site}" is replaced by the site name. Per edition. */
  reprintNotice: Record<string, string>
  /** Stories per page on the front-page newsfeed. */
  newsfeedPageSize: number
  /** Number of stories in the "Newsfeed" strip beside an article. */
  newsfeedStripSize: number
}

export const DEFAULT_REPRINT_NOTICE =
  'Media can quote materials of {site} with hyperlink to the certain material quoted. The hyperlink should be placed on the first passage of the text.'

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: 'Lede',
  tagline: 'News as it happens',
  siteUrl: 'http://localhost:3000',
  timeZone: 'UTC',
  defaultEdition: 'en',
  editions: ['en'],
  reprintNotice: { en: DEFAULT_REPRINT_NOTICE },
  newsfeedPageSize: 30,
  newsfeedStripSize: 10
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
