// An edition's versions of a page, for the language switcher and hreflang alternates: plain data in,
// links out.
import type { SiteSettings } from './settings.js'
import { absoluteUrl, editionPrefix, frontPath } from './urls.js'

/** One entry of the language switcher. */
export interface EditionLink {
  edition: string
  /** Path on this site: the same story in that language, or that edition's front page. */
  path: string
  /** True when `path` is the same content in that language (a hreflang alternate). */
  equivalent: boolean
}

/** The front pages of every edition: each is the others' equivalent. */
export function frontPageLinks(settings: SiteSettings): EditionLink[] {
  return settings.editions.map((edition) => ({ edition, path: frontPath(editionPrefix(edition, settings.defaultEdition)), equivalent: true }))
}

export interface Hreflang { hreflang: string, href: string }

/**
 * rel="alternate" hreflang links for a page: every equivalent version (the page itself included) and
 * x-default. Every version of a story lists the same set, so the links are reciprocal; x-default is the
 * default edition's version, or else the first version in site order. Nothing when there is no other version.
 */
export function hreflangLinks(settings: SiteSettings, links: readonly EditionLink[]): Hreflang[] {
  const equivalent = links.filter((link) => link.equivalent)
  if (equivalent.length < 2) return []
  const fallback = equivalent.find((link) => link.edition === settings.defaultEdition) ?? equivalent[0]!
  return [
    ...equivalent.map((link) => ({ hreflang: link.edition, href: absoluteUrl(settings.siteUrl, link.path) })),
    { hreflang: 'x-default', href: absoluteUrl(settings.siteUrl, fallback.path) }
  ]
}
