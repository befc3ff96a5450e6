// What section, tag and author pages, feeds and sitemaps show, gathered in one place so routes stay thin.
import { newestInstant } from '../domain/conditional-get.js'
import type { IsoInstant } from '../domain/days.js'
import { feedItemLimit } from '../domain/feed.js'
import type { PublishedArticle } from '../domain/published-article.js'
import { rollUpSections, sectionSubtree } from '../domain/sections.js'
import type { SiteSettings } from '../domain/settings.js'
import {
  monthRange, NEWS_SITEMAP_LIMIT, newsSitemapSince, sitemapPageCount, SITEMAP_URL_LIMIT, type ChildSitemap
} from '../domain/sitemap.js'
import { listingPath, type ListingKind } from '../domain/syndication-urls.js'
import { articlePath, editionPrefix, frontPath } from '../domain/urls.js'
import type { ArticleRow, NewsfeedCursor, NewsfeedItem } from '../db/repositories/articles.repository.js'
import { articleMonths, countTagsWithArticles, hasLiveArticles, listingNewsfeed, newestArticleChange, publishedArticlesByIds, publishedVersions, recentArticles, sectionsWithCounts, sitemapArticles, tagsWithCounts, type ArticleFilter, type ArticleVersion, type NewsSitemapArticle } from '../db/repositories/published-articles.repository.js'
import { latestApprovedComments } from '../db/repositories/comments.repository.js'
import { authorBySlug } from '../db/repositories/users.repository.js'
import { sectionsOfEdition, tagBySlug } from '../db/repositories/taxonomy.repository.js'
import { latestUpdatesOf, type LiveBlogUpdate } from '../db/repositories/live-blogs.repository.js'
import type { Deps } from './deps.js'
import { findArticle } from './reader.service.js'
import { frontPageLinks, hreflangLinks, sitemapAlternates, type Hreflang } from './translations.service.js'

/** What a section, tag or author page is about. */
export interface ListingTerm {
  kind: ListingKind
  slug: string
  name: string
  /** Plain text an editor wrote for a section or tag (lines separated by "\n"); '' for none and for authors. */
  description: string
}

/** The filter for a listing term, or null when the slug names nothing readers may see. */
export async function findListing(deps: Deps, edition: string, kind: ListingKind, slug: string): Promise<{ term: ListingTerm, filter: ArticleFilter } | null> {
  switch (kind) {
    case 'section': {
      const { sections, description } = await sectionsOfEdition(deps.db, edition, slug)
      const section = sections.find((s) => s.slug === slug)
      if (!section) return null
      return { term: { kind, slug: section.slug, name: section.name, description: description ?? '' }, filter: { sectionIds: sectionSubtree(sections, section.id) } }
    }
    case 'tag': {
      const tag = await tagBySlug(deps.db, edition, slug)
      if (!tag) return null
      const filter = { tagId: tag.id }
      // Like an author's, a tag's page exists only while a live article carries it: a tag put on a draft
      // would otherwise announce the story before it is out.
      if (!await hasLiveArticles(deps.db, { edition, now: deps.clock(), filter })) return null
      return { term: { kind, slug: tag.slug, name: tag.name, description: tag.description }, filter }
    }
    case 'author': {
      const author = await authorBySlug(deps.db, slug)
      if (!author) return null
      const filter = { authorId: author.id }
      // Only people who have published in this edition have a page: accounts are not listed for the asking.
      if (!await hasLiveArticles(deps.db, { edition, now: deps.clock(), filter })) return null
      return { term: { kind, slug: author.slug, name: author.name, description: '' }, filter }
    }
  }
}

export interface ListingPageData { term: ListingTerm, items: NewsfeedItem[], hasMore: boolean }

export async function listingPage(deps: Deps, settings: SiteSettings, edition: string, kind: ListingKind, slug: string, before?: NewsfeedCursor): Promise<ListingPageData | null> {
  const found = await findListing(deps, edition, kind, slug)
  if (!found) return null
  const { items, hasMore } = await listingNewsfeed(deps.db, {
    edition, now: deps.clock(), limit: settings.newsfeedPageSize, before, filter: found.filter
  })
  return { term: found.term, items, hasMore }
}

// ---- Feeds -----------------------------------------------------------------------------------------

/** Updates of a live blog a feed carries with the story: the latest, as its JSON-LD lists them. */
const FEED_LIVE_UPDATES = 50

/** The stories a feed (the whole edition, term null, or one section, tag or author) lists, newest first, as ids and versions. */
export async function feedStories(deps: Deps, settings: SiteSettings, edition: string, listing?: { kind: ListingKind, slug: string }): Promise<{ term: ListingTerm | null, versions: ArticleVersion[] } | null> {
  let filter: ArticleFilter = {}
  let term: ListingTerm | null = null
  if (listing) {
    const found = await findListing(deps, edition, listing.kind, listing.slug)
    if (!found) return null
    filter = found.filter
    term = found.term
  }
  const { versions } = await publishedVersions(deps.db, { edition, now: deps.clock(), limit: feedItemLimit(settings.feedItemCount), filter })
  return { term, versions }
}

/** Those of the stories that are still live, whole, newest first, with live blogs' latest updates. */
export async function feedArticles(deps: Deps, settings: SiteSettings, edition: string, ids: readonly number[]): Promise<{ articles: PublishedArticle[], liveUpdates: Map<number, LiveBlogUpdate[]> }> {
  const articles = await publishedArticlesByIds(deps.db, { edition, now: deps.clock(), ids })
  // Full-text feeds carry a live blog's updates with its story; a feed of leads has no room for them.
  const liveUpdates = settings.feedFullText && articles.length > 0 ? await latestUpdatesOf(deps.db, articles.map((a) => a.id), FEED_LIVE_UPDATES) : new Map<number, LiveBlogUpdate[]>()
  return { articles, liveUpdates }
}

export interface CommentsFeedData {
  article: ArticleRow
  comments: { id: number, authorName: string, authorUrl: string | null, body: string, bodyHtml: string, createdAt: IsoInstant }[]
}

/**
 * An article's approved comments, newest first. The article is found as its page finds it, so a
 * renamed or misdated URL is "moved" (the route redirects) and an unknown one null.
 */
export async function commentsFeed(deps: Deps, settings: SiteSettings, edition: string, urlDay: string, slug: string): Promise<CommentsFeedData | { moved: ArticleRow } | null> {
  const found = await findArticle(deps, settings, edition, urlDay, slug)
  if (found.kind === 'not-found') return null
  if (found.kind === 'moved') return { moved: found.article }
  const comments = await latestApprovedComments(deps.db, { articleId: found.article.id, limit: feedItemLimit(settings.feedItemCount) })
  return { article: found.article, comments }
}

// ---- Sitemaps --------------------------------------------------------------------------------------

export interface SitemapEntry {
  /** Site path of the page (or of the child sitemap, in an index). */
  path: string
  lastModified: IsoInstant | null
  /** The page in the other editions, as <xhtml:link rel="alternate" hreflang>, so search engines pair the versions. */
  alternates?: Hreflang[]
}

/** The child sitemaps of an edition, newest month first, each with the newest change it lists. */
export async function editionSitemaps(deps: Deps, settings: SiteSettings, edition: string, limit = SITEMAP_URL_LIMIT): Promise<{ sitemap: ChildSitemap, lastModified: IsoInstant | null }[]> {
  const now = deps.clock()
  const [months, sections, tagCount, newest] = await Promise.all([
    articleMonths(deps.db, { edition, now }),
    sectionsWithCounts(deps.db, { edition, now }),
    countTagsWithArticles(deps.db, { edition, now }),
    newestArticleChange(deps.db, { edition, now })
  ])
  const out: { sitemap: ChildSitemap, lastModified: IsoInstant | null }[] = [{ sitemap: { kind: 'pages' }, lastModified: newest }]
  for (const m of months) {
    for (let page = 1; page <= sitemapPageCount(m.count, limit); page++) {
      out.push({ sitemap: { kind: 'articles', month: m.month, page }, lastModified: m.lastModified })
    }
  }
  const listed = rollUpSections(sections).filter((s) => s.totalCount > 0)
  if (listed.length > 0) {
    for (let page = 1; page <= sitemapPageCount(listed.length, limit); page++) out.push({ sitemap: { kind: 'sections', page }, lastModified: newest })
  }
  if (tagCount > 0) {
    for (let page = 1; page <= sitemapPageCount(tagCount, limit); page++) out.push({ sitemap: { kind: 'tags', page }, lastModified: newest })
  }
  return out
}

/** The pages one child sitemap lists; null when there is no such sitemap (a month without news, a page past the end). */
export async function childSitemapEntries(deps: Deps, settings: SiteSettings, edition: string, sitemap: ChildSitemap, limit = SITEMAP_URL_LIMIT): Promise<SitemapEntry[] | null> {
  const now = deps.clock()
  const prefix = editionPrefix(edition, settings.defaultEdition)
  switch (sitemap.kind) {
    case 'pages': {
      return [{ path: frontPath(prefix), lastModified: await newestArticleChange(deps.db, { edition, now }), alternates: hreflangLinks(settings, frontPageLinks(settings)) }]
    }
    case 'articles': {
      const articles = await sitemapArticles(deps.db, { edition, now, ...monthRange(sitemap.month), offset: (sitemap.page - 1) * limit, limit })
      if (articles.length === 0) return null
      const alternates = await sitemapAlternates(deps, settings, articles.map((a) => a.id))
      return articles.map((a) => ({ path: articlePath(prefix, a.publishedAt, a.slug, settings.timeZone), lastModified: a.updatedAt, alternates: alternates.get(a.id) ?? [] }))
    }
    case 'sections': {
      // A section page shows its subsections' stories too, so it is listed when any of them has one.
      const sections = rollUpSections(await sectionsWithCounts(deps.db, { edition, now })).filter((s) => s.totalCount > 0)
      const page = sections.slice((sitemap.page - 1) * limit, sitemap.page * limit)
      if (page.length === 0) return null
      return page.map((s) => ({ path: listingPath(prefix, 'section', s.slug), lastModified: s.newestChange }))
    }
    case 'tags': {
      const entries: SitemapEntry[] = []
      let after: string | undefined
      // Tags are read in keyset batches up to the page wanted; 50,000 rows at most per batch.
      for (let p = 1; p <= sitemap.page; p++) {
        const batch = await tagsWithCounts(deps.db, { edition, now, limit, after })
        if (p === sitemap.page) entries.push(...batch.items.map((t) => ({ path: listingPath(prefix, 'tag', t.slug), lastModified: t.lastModified })))
        if (!batch.hasMore && p < sitemap.page) return null
        after = batch.items.at(-1)?.slug
      }
      return entries.length > 0 ? entries : null
    }
  }
}

/** The stories of the last two days (Google News), newest first, at most 1,000. */
export async function newsSitemapArticles(deps: Deps, editions: string[]): Promise<NewsSitemapArticle[]> {
  const now = deps.clock()
  return recentArticles(deps.db, { editions, now, since: newsSitemapSince(now), limit: NEWS_SITEMAP_LIMIT })
}

/**
 * Last-Modified of an article page: its last save, its publication (a scheduled story appears when
 * its time comes) or its newest approved comment, whichever is latest. Comments carry no approval
 * time, so a long-held comment approved today dates the page by when it was written; caches that
 * revalidate with the ETag (every browser and CDN) still see the change.
 */
export function articlePageLastModified(data: { article: { updated_at: IsoInstant, published_at: IsoInstant | null }, comments: { createdAt: IsoInstant }[] }): IsoInstant | null {
  return newestInstant(data.article.updated_at, data.article.published_at, ...data.comments.map((c) => c.createdAt))
}
