// What each reader page shows, gathered in one place so routes stay thin.
import { dayOf, dayRange, parseDay, type Day } from '../domain/days.js'
import type { SiteSettings } from '../domain/settings.js'
import {
  dayNewsfeed, earliestPublishedFrom, latestPublished, latestPublishedBefore, liveArticlesBySlug, pinnedStories,
  type ArticleRow, type NewsfeedCursor, type NewsfeedItem, nextScheduledPublication
} from '../db/repositories/articles.repository.js'
import { approvedComments, type PublicComment } from '../db/repositories/comments.repository.js'
import { sectionById, sectionChoices, tagsOfArticle, type SectionRow, type TagRow } from '../db/repositories/taxonomy.repository.js'
import { liveArticleForOldUrl } from '../db/repositories/slug-history.repository.js'
import { featuredImageOf, type FeaturedImage } from '../db/repositories/media.repository.js'
import { authorById } from '../db/repositories/users.repository.js'
import { articleImageOf, type ArticleImage } from '../domain/published-article.js'
import { articleEditionLinks, type EditionLink } from './translations.service.js'
import { sharedBlock } from './shared-blocks.js'
import type { Deps } from './deps.js'
import { liveBlogForReaders, type LiveBlogView } from './live-blog-reader.service.js'

/** Stories pinned above the front page's newsfeed, at most. */
export const PINNED_ON_FRONT_PAGE = 5

/**
 * The front page: a page of the newsfeed and, on the first page only, the stories pinned above it (which
 * the newsfeed still lists at their time, as WordPress's sticky posts stay in their archives).
 */
export async function frontPage(deps: Deps, settings: SiteSettings, edition: string, before?: NewsfeedCursor): Promise<{ items: NewsfeedItem[], hasMore: boolean, pinned: NewsfeedItem[] }> {
  const now = deps.clock()
  const [page, pinned] = await Promise.all([
    latestPublished(deps.db, { edition, now, limit: settings.newsfeedPageSize, ...(before ? { before } : {}) }),
    before ? [] : pinnedStories(deps.db, { edition, now, limit: PINNED_ON_FRONT_PAGE })
  ])
  return { ...page, pinned }
}

export interface DayPageData {
  day: Day
  items: NewsfeedItem[]
  previousDay: Day | null
  nextDay: Day | null
}

export async function dayPage(deps: Deps, settings: SiteSettings, edition: string, day: Day): Promise<DayPageData> {
  const now = deps.clock()
  const { start, end } = dayRange(day, settings.timeZone)
  const [items, before, after] = await Promise.all([
    dayNewsfeed(deps.db, { edition, now, start, end }),
    latestPublishedBefore(deps.db, { edition, now, instant: start }),
    earliestPublishedFrom(deps.db, { edition, now, instant: end })
  ])
  return {
    day, items,
    previousDay: before ? dayOf(before, settings.timeZone) : null,
    nextDay: after ? dayOf(after, settings.timeZone) : null
  }
}

/** Today in the site's time zone, and the latest day that has news (for "no news yet today"). */
export async function todayAndLatestDay(deps: Deps, settings: SiteSettings, edition: string): Promise<{ today: Day, latestDay: Day | null }> {
  const now = deps.clock()
  const latest = await latestPublished(deps.db, { edition, now, limit: 1 })
  const first = latest.items[0]
  return { today: dayOf(now, settings.timeZone), latestDay: first ? dayOf(first.publishedAt, settings.timeZone) : null }
}

export type ArticleLookup =
  | { kind: 'found', article: ArticleRow }
  | { kind: 'moved', article: ArticleRow, day: Day }
  | { kind: 'not-found' }

/** Finds a live article by its URL day and slug; a right slug under a wrong date is "moved". */
export async function findArticle(deps: Deps, settings: SiteSettings, edition: string, urlDay: string, slug: string): Promise<ArticleLookup> {
  const candidates = await liveArticlesBySlug(deps.db, { edition, now: deps.clock(), slug })
  const day = parseDay(urlDay)
  const exact = day ? candidates.find((a) => dayOf(a.published_at!, settings.timeZone) === day) : undefined
  if (exact) return { kind: 'found', article: exact }
  // A URL the story had before its slug or day changed (slug_history) beats a namesake on another day;
  // a namesake beats a story that once had the slug on some other day.
  const renamed = await liveArticleForOldUrl(deps.db, { edition, slug, day, now: deps.clock() })
    ?? (candidates.length === 0 ? await liveArticleForOldUrl(deps.db, { edition, slug, day: null, now: deps.clock() }) : undefined)
  if (renamed) return { kind: 'moved', article: renamed, day: dayOf(renamed.published_at!, settings.timeZone) }
  if (candidates.length === 0) return { kind: 'not-found' }
  const newest = candidates[0]!
  return { kind: 'moved', article: newest, day: dayOf(newest.published_at!, settings.timeZone) }
}

export interface ArticlePageData {
  article: ArticleRow
  section: SectionRow | null
  tags: TagRow[]
  comments: PublicComment[]
  strip: NewsfeedItem[]
  /** The staff account the article belongs to (structured data, author link); never its email. */
  author: { name: string, slug: string } | null
  image: ArticleImage | null
  /** The featured image with every generated size, for the page's <img srcset>. */
  featuredImage: FeaturedImage | null
  /** The story in every edition: its translations, or the edition's front page (language switcher, hreflang). */
  editionLinks: EditionLink[]
  /** The article's live blog, if it is (or was) one. */
  liveBlog: LiveBlogView | null
}

/** The latest stories beside every article of an edition: the same for all of them, so kept (shared-blocks.ts). */
export function newsfeedStrip(deps: Deps, settings: SiteSettings, edition: string): Promise<{ items: NewsfeedItem[], hasMore: boolean }> {
  const limit = settings.newsfeedStripSize
  return sharedBlock(deps, `strip ${edition} ${limit}`, () => latestPublished(deps.db, { edition, now: deps.clock(), limit }))
}

/**
 * A section as articles show it. Every section of the site is read at once and kept with the shared blocks
 * (a few dozen rows, dropped on every change like the strip): one query less per article page. A section
 * newer than that copy is read by itself.
 */
async function sectionOf(deps: Deps, id: number): Promise<SectionRow | undefined> {
  const sections = await sharedBlock(deps, 'sections', async () => new Map((await sectionChoices(deps.db)).map((s) => [s.id, s])))
  return sections.get(id) ?? sectionById(deps.db, id)
}

export async function articlePage(deps: Deps, settings: SiteSettings, article: ArticleRow): Promise<ArticlePageData> {
  const [section, tags, comments, strip, author, featuredImage, editionLinks, liveBlog] = await Promise.all([
    article.section_id ? sectionOf(deps, article.section_id) : Promise.resolve(undefined),
    tagsOfArticle(deps.db, article.id),
    approvedComments(deps.db, article.id),
    newsfeedStrip(deps, settings, article.edition),
    article.author_id ? authorById(deps.db, article.author_id) : Promise.resolve(undefined),
    article.featured_media_id !== null ? featuredImageOf(deps.db, article.id) : Promise.resolve(null),
    articleEditionLinks(deps, settings, article),
    liveBlogForReaders(deps, article.id)
  ])
  return {
    article, section: section ?? null, tags, comments, strip: strip.items, author: author ?? null,
    image: featuredImage && articleImageOf(featuredImage), featuredImage, editionLinks, liveBlog
  }
}

/** When the next scheduled story goes live after `now`, or null: cached pages must not outlive it. */
export async function nextPublicationAfter(deps: Deps, now: Date): Promise<string | null> {
  return nextScheduledPublication(deps.db, now.toISOString())
}
