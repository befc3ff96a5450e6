// Live content in the API's JSON shapes (src/web/schemas/api-v1.schemas.ts). Only public fields: no
// email, IP or user agent exists in any of the inputs, and the response schemas drop anything unnamed.
import { withAgencyCredit } from '../../../domain/article-body.js'
import { escapeHtml } from '../../../domain/html-escape.js'
import { absoluteMediaUrl } from '../../../domain/feed.js'
import { commentsAreOpen } from '../../../domain/moderation.js'
import { articleCredit, type PublishedArticle } from '../../../domain/published-article.js'
import type { SiteSettings } from '../../../domain/settings.js'
import { feedPath, listingPath } from '../../../domain/syndication-urls.js'
import { absoluteUrl, articlePath, editionPrefix } from '../../../domain/urls.js'
import type { NewsfeedItem } from '../../../db/repositories/articles.repository.js'
import type { PublicComment } from '../../../db/repositories/comments.repository.js'
import type { TermWithCount } from '../../../db/repositories/published-articles.repository.js'
import type { ArticleJson, ArticleSummaryJson, CommentJson } from '../../schemas/api-v1.schemas.js'

export const API_BASE = '/api/v1'

function prefixOf(settings: SiteSettings, edition: string): string {
  return editionPrefix(edition, settings.defaultEdition)
}

export function articleUrl(settings: SiteSettings, a: { edition: string, publishedAt: string, slug: string }): string {
  return absoluteUrl(settings.siteUrl, articlePath(prefixOf(settings, a.edition), a.publishedAt, a.slug, settings.timeZone))
}

export function articleSummaryJson(a: PublishedArticle, settings: SiteSettings, now: Date): ArticleSummaryJson {
  const prefix = prefixOf(settings, a.edition)
  const term = (kind: 'section' | 'tag', t: { id: number, slug: string, name: string }) => ({
    id: t.id, slug: t.slug, name: t.name, url: absoluteUrl(settings.siteUrl, listingPath(prefix, kind, t.slug))
  })
  const credit = articleCredit(a)
  return {
    id: a.id,
    edition: a.edition,
    url: articleUrl(settings, a),
    slug: a.slug,
    headline: a.headline,
    lead: a.lead,
    agencyCredit: a.agencyCredit,
    byline: a.byline,
    author: credit ? { name: credit.name, url: credit.authorSlug ? absoluteUrl(settings.siteUrl, listingPath(prefix, 'author', credit.authorSlug)) : null } : null,
    section: a.section ? term('section', a.section) : null,
    tags: a.tags.map((t) => term('tag', t)),
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    breaking: a.breaking,
    pinned: a.pinned,
    commentsOpen: commentsAreOpen({ comments_open: a.commentsOpen ? 1 : 0, published_at: a.publishedAt }, settings, now),
    commentCount: a.commentCount,
    image: a.image
      ? { url: absoluteMediaUrl(settings.siteUrl, a.image.url), type: a.image.type, width: a.image.width, height: a.image.height, alt: a.image.alt, caption: a.image.caption, credit: a.image.credit }
      : null,
    translationGroup: a.translationGroup,
    commentsUrl: absoluteUrl(settings.siteUrl, `${API_BASE}/articles/${a.id}/comments`)
  }
}

export function articleJson(a: PublishedArticle, settings: SiteSettings, now: Date): ArticleJson {
  return {
    ...articleSummaryJson(a, settings, now),
    bodyHtml: withAgencyCredit(a.bodyHtml, a.agencyCredit, escapeHtml),
    sourceUrl: a.sourceUrl
  }
}

export function commentJson(c: PublicComment, articlePageUrl: string): CommentJson {
  return {
    id: c.id,
    parentId: c.parentId,
    authorName: c.authorName,
    authorUrl: c.authorUrl,
    body: c.body,
    bodyHtml: c.bodyHtml,
    createdAt: c.createdAt,
    url: `${articlePageUrl}#comment-${c.id}`
  }
}

export function newsfeedEntryJson(item: NewsfeedItem, settings: SiteSettings) {
  return {
    id: item.id,
    headline: item.headline,
    url: articleUrl(settings, item),
    publishedAt: item.publishedAt,
    breaking: item.breaking,
    commentCount: item.commentCount
  }
}

export function sectionJson(s: TermWithCount & { parentId: number | null }, settings: SiteSettings, edition: string) {
  const path = listingPath(prefixOf(settings, edition), 'section', s.slug)
  return {
    id: s.id, slug: s.slug, name: s.name, description: s.description, parentId: s.parentId,
    url: absoluteUrl(settings.siteUrl, path), feedUrl: absoluteUrl(settings.siteUrl, feedPath(path, 'rss')), articleCount: s.articleCount
  }
}

export function tagJson(t: TermWithCount, settings: SiteSettings, edition: string) {
  const path = listingPath(prefixOf(settings, edition), 'tag', t.slug)
  return {
    id: t.id, slug: t.slug, name: t.name, description: t.description,
    url: absoluteUrl(settings.siteUrl, path), feedUrl: absoluteUrl(settings.siteUrl, feedPath(path, 'rss')), articleCount: t.articleCount
  }
}
