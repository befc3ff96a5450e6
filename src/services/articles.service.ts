import { renderArticleBody } from '../domain/article-body.js'
import { dayOf, dayRange, type IsoInstant } from '../domain/days.js'
import { isPubliclyVisible, type ArticleStatus } from '../domain/publishing.js'
import { slugFromText, uniqueSlug } from '../domain/slug.js'
import { insertArticle, slugsPublishedBetween } from '../db/repositories/articles.repository.js'
import { ensureTag, setArticleTags } from '../db/repositories/taxonomy.repository.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { indexArticle } from '../db/repositories/search.repository.js'
import type { Deps } from './deps.js'

export interface NewArticle {
  edition: string
  headline: string
  lead: string
  bodySource: string
  agencyCredit?: string | null
  sourceUrl?: string | null
  byline?: string | null
  authorId?: number | null
  sectionId?: number | null
  tags?: string[]
  status: ArticleStatus
  publishedAt?: IsoInstant | null
  breaking?: boolean
  commentsOpen?: boolean
  slug?: string
  translationGroup?: string | null
}

/** Saves a new article with its tags in one transaction; its slug is made unique within its day. */
export async function createArticle(deps: Deps, input: NewArticle): Promise<{ id: number, slug: string }> {
  const now = deps.clock().toISOString()
  const bodyHtml = renderArticleBody(input.bodySource)
  const result = await deps.db.transaction().execute(async (trx) => {
    const { timeZone } = await loadSettings(trx)
    let slug = input.slug || slugFromText(input.headline)
    if (input.publishedAt) {
      const range = dayRange(dayOf(input.publishedAt, timeZone), timeZone)
      slug = uniqueSlug(slug, await slugsPublishedBetween(trx, { edition: input.edition, ...range }))
    }
    const id = await insertArticle(trx, {
      edition: input.edition,
      translation_group: input.translationGroup ?? null,
      slug,
      headline: input.headline,
      lead: input.lead,
      body_source: input.bodySource,
      body_html: bodyHtml,
      agency_credit: input.agencyCredit ?? null,
      source_url: input.sourceUrl ?? null,
      byline: input.byline ?? null,
      author_id: input.authorId ?? null,
      section_id: input.sectionId ?? null,
      status: input.status,
      published_at: input.publishedAt ?? null,
      created_at: now,
      updated_at: now,
      breaking: input.breaking ? 1 : 0,
      comments_open: input.commentsOpen === false ? 0 : 1
    })
    const tagIds: number[] = []
    for (const name of input.tags ?? []) {
      tagIds.push(await ensureTag(trx, input.edition, slugFromText(name), name))
    }
    await setArticleTags(trx, id, tagIds)
    await indexArticle(trx, id)
    return { id, slug }
  })
  if (isPubliclyVisible({ status: input.status, publishedAt: input.publishedAt ?? null }, deps.clock())) {
    deps.events.emit({ type: 'article.published', articleId: result.id })
  }
  return result
}
