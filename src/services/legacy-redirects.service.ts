// Old WordPress URLs → the new ones. The target is worked out at request time from the redirect's
// article, section or tag, so a story renamed or moved after the import still gets the right address.
import { legacyLookupsOf } from '../domain/legacy-urls.js'
import { listingPath } from '../domain/syndication-urls.js'
import { articlePath, editionPrefix } from '../domain/urls.js'
import { liveArticleById } from '../db/repositories/articles.repository.js'
import { redirectFor } from '../db/repositories/imports.repository.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { taxonomyItemById } from '../db/repositories/taxonomy.repository.js'
import type { Deps } from './deps.js'

/** What became of an old URL: it moved (to a path), or it is gone for good (a page Lede had no place for). */
export type LegacyTarget = { kind: 'moved', path: string } | { kind: 'gone' }

/** Where an old URL now lives, or null (no such old URL, or its story is not public). */
export async function legacyRedirectTarget(deps: Deps, url: string): Promise<LegacyTarget | null> {
  const lookups = legacyLookupsOf(url)
  for (const lookup of lookups) {
    const redirect = await redirectFor(deps.db, lookup.key)
    if (!redirect) continue
    if (redirect.targetKind === 'gone') return { kind: 'gone' }
    const settings = await loadSettings(deps.db)
    const prefixOf = (edition: string) => editionPrefix(edition, settings.defaultEdition)
    let path: string | null = null
    if (redirect.targetKind === 'article') {
      const article = await liveArticleById(deps.db, { now: deps.clock(), id: redirect.targetId })
      if (article?.published_at) path = articlePath(prefixOf(article.edition), article.published_at, article.slug, settings.timeZone)
    } else {
      const item = await taxonomyItemById(deps.db, redirect.targetKind, redirect.targetId)
      if (item) path = listingPath(prefixOf(item.edition), redirect.targetKind, item.slug)
    }
    return path === null ? null : { kind: 'moved', path: path + lookup.feed }
  }
  return null
}
