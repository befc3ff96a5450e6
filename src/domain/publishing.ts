// Who may see an article, and when. A scheduled article becomes public by itself when its time
// comes: visibility is decided at read time from the clock, so no background job has to flip it.

import type { IsoInstant } from './days.js'

export const ARTICLE_STATUSES = ['draft', 'pending', 'scheduled', 'published', 'trashed'] as const
export type ArticleStatus = typeof ARTICLE_STATUSES[number]

/** Statuses whose articles are public once their publication time has passed. */
export const LIVE_STATUSES = ['published', 'scheduled'] as const satisfies readonly ArticleStatus[]

export function isPubliclyVisible(
  article: { status: ArticleStatus, publishedAt: IsoInstant | null },
  now: Date
): boolean {
  if (!(LIVE_STATUSES as readonly string[]).includes(article.status)) return false
  if (article.publishedAt === null) return false
  return article.publishedAt <= now.toISOString()
}

/** The statuses the article list can filter by; "published" includes scheduled stories whose time has come. */
export const LIST_FILTERS = ['all', 'draft', 'pending', 'scheduled', 'published', 'trashed'] as const
export type ListFilter = typeof LIST_FILTERS[number]
