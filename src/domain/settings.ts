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

/** Merges stored values over the defaults, ignoring unknown keys and values of the wrong type. */
export function settingsFromStored(stored: Record<string, unknown>): SiteSettings {
  const result: SiteSettings = structuredClone(DEFAULT_SETTINGS)
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SiteSettings)[]) {
    const value = stored[key]
    if (value === undefined) continue
    const fallback = DEFAULT_SETTINGS[key]
    const sameShape = Array.isArray(fallback) ? Array.isArray(value) : typeof value === typeof fallback && value !== null
    if (sameShape) (result as unknown as Record<string, unknown>)[key] = value
  }
  return result
}

/** The reprint notice for an edition with the site name filled in. */
export function reprintNoticeText(settings: SiteSettings, edition: string): string {
  const template = settings.reprintNotice[edition] ?? settings.reprintNotice[settings.defaultEdition] ?? DEFAULT_REPRINT_NOTICE
  return template.replaceAll('{site}', settings.siteName)
}
