// What the public JSON API answers, gathered so its routes stay thin. Every read here is of live
// content only, through the same repositories as the pages and feeds.
import { dayRange, parseDay, type Day } from '../domain/days.js'
import type { PublishedArticle } from '../domain/published-article.js'
import type { SiteSettings } from '../domain/settings.js'
import type { ListingKind } from '../domain/syndication-urls.js'
import { decodeCursor } from '../domain/urls.js'
import { approvedComments, type PublicComment } from '../db/repositories/comments.repository.js'
import { publishedArticleById, publishedArticles, sectionsWithCounts, tagsWithCounts, type ArticleFilter, type TermWithCount } from '../db/repositories/published-articles.repository.js'
import { dayPage, findArticle, type DayPageData } from './reader.service.js'
import { findListing } from './syndication.service.js'
import type { Deps } from './deps.js'

export type ApiResult<T> =
  | { kind: 'ok', value: T }
  | { kind: 'bad-request', message: string }
  | { kind: 'not-found', message: string }

const ok = <T>(value: T): ApiResult<T> => ({ kind: 'ok', value })
const badRequest = (message: string): ApiResult<never> => ({ kind: 'bad-request', message })
const notFound = (message: string): ApiResult<never> => ({ kind: 'not-found', message })

/** The edition asked for, or the default one; null for an edition the site does not have. */
export function resolveEdition(settings: SiteSettings, edition: string | undefined): string | null {
  if (edition === undefined) return settings.defaultEdition
  return settings.editions.includes(edition) ? edition : null
}

export interface ArticleListQuery {
  edition?: string | undefined
  section?: string | undefined
  tag?: string | undefined
  author?: string | undefined
  date?: string | undefined
  from?: string | undefined
  to?: string | undefined
  limit: number
  before?: string | undefined
}

function dayBound(text: string | undefined, name: string): ApiResult<Day | undefined> {
  if (text === undefined) return ok(undefined)
  const day = parseDay(text)
  return day ? ok(day) : badRequest(`${name} is not a calendar day: "${text}"`)
}

export async function listArticles(deps: Deps, settings: SiteSettings, q: ArticleListQuery): Promise<ApiResult<{ edition: string, items: PublishedArticle[], hasMore: boolean }>> {
  const edition = resolveEdition(settings, q.edition)
  if (!edition) return badRequest(`there is no edition "${q.edition}"`)
  const before = q.before === undefined ? undefined : decodeCursor(q.before)
  if (before === null) return badRequest('before is not a cursor from this API')

  const filter: ArticleFilter = {}
  for (const [kind, slug] of [['section', q.section], ['tag', q.tag], ['author', q.author]] as [ListingKind, string | undefined][]) {
    if (slug === undefined) continue
    const found = await findListing(deps, edition, kind, slug)
    if (!found) return notFound(`there is no ${kind} "${slug}" in edition "${edition}"`)
    Object.assign(filter, found.filter)
  }

  const bounds = [dayBound(q.date, 'date'), dayBound(q.from, 'from'), dayBound(q.to, 'to')]
  for (const b of bounds) if (b.kind !== 'ok') return b
  const [date, from, to] = bounds.map((b) => (b as { value: Day | undefined }).value)
  const first = date ?? from
  const last = date ?? to
  if (first) filter.start = dayRange(first, settings.timeZone).start
  if (last) filter.end = dayRange(last, settings.timeZone).end
  if (filter.start && filter.end && filter.start >= filter.end) return badRequest('from is after to')

  const { items, hasMore } = await publishedArticles(deps.db, { edition, now: deps.clock(), limit: q.limit, before, filter })
  return ok({ edition, items, hasMore })
}

export async function articleById(deps: Deps, settings: SiteSettings, id: number): Promise<PublishedArticle | undefined> {
  return publishedArticleById(deps.db, { now: deps.clock(), id, editions: settings.editions })
}

/**
 * The article an URL of this site names: "https://site/2022/02/03/slug/", "/ru/2022/02/03/slug/",
 * an old URL of a renamed story, or one with a wrong date, as the page route would redirect it.
 */
export async function articleByUrl(deps: Deps, settings: SiteSettings, url: string): Promise<PublishedArticle | undefined> {
  let path: string
  try {
    const base = new URL(settings.siteUrl)
    const parsed = new URL(url, base)
    if (parsed.origin !== base.origin) return undefined
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return undefined
  }
  const m = /^(?:\/([a-z]{2,3}(?:-[a-z0-9]{2,8})?))?\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/?$/.exec(path)
  if (!m) return undefined
  const edition = m[1] ?? settings.defaultEdition
  if (!settings.editions.includes(edition) || (m[1] !== undefined && edition === settings.defaultEdition)) return undefined
  const found = await findArticle(deps, settings, edition, `${m[2]}-${m[3]}-${m[4]}`, m[5]!)
  if (found.kind === 'not-found') return undefined
  return publishedArticleById(deps.db, { now: deps.clock(), id: found.article.id, editions: [edition] })
}

export async function articleComments(deps: Deps, settings: SiteSettings, id: number): Promise<{ article: PublishedArticle, comments: PublicComment[] } | undefined> {
  const article = await articleById(deps, settings, id)
  if (!article) return undefined
  return { article, comments: await approvedComments(deps.db, article.id) }
}

export async function newsfeedDay(deps: Deps, settings: SiteSettings, editionParam: string | undefined, dayText: string): Promise<ApiResult<{ edition: string, page: DayPageData }>> {
  const edition = resolveEdition(settings, editionParam)
  if (!edition) return badRequest(`there is no edition "${editionParam}"`)
  const day = parseDay(dayText)
  if (!day) return badRequest(`not a calendar day: "${dayText}"`)
  return ok({ edition, page: await dayPage(deps, settings, edition, day) })
}

export async function sectionList(deps: Deps, settings: SiteSettings, editionParam: string | undefined): Promise<ApiResult<{ edition: string, sections: (TermWithCount & { parentId: number | null })[] }>> {
  const edition = resolveEdition(settings, editionParam)
  if (!edition) return badRequest(`there is no edition "${editionParam}"`)
  return ok({ edition, sections: await sectionsWithCounts(deps.db, { edition, now: deps.clock() }) })
}

export async function tagList(deps: Deps, settings: SiteSettings, q: { edition?: string | undefined, limit: number, after?: string | undefined }): Promise<ApiResult<{ edition: string, tags: TermWithCount[], hasMore: boolean }>> {
  const edition = resolveEdition(settings, q.edition)
  if (!edition) return badRequest(`there is no edition "${q.edition}"`)
  const { items, hasMore } = await tagsWithCounts(deps.db, { edition, now: deps.clock(), limit: q.limit, after: q.after })
  return ok({ edition, tags: items, hasMore })
}
