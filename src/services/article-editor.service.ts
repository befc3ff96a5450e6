// What the newsroom's article screens read: the filtered list, the editor's choices (sections, tag
// suggestions, images), revisions and their comparisons. Writes are in articles.service.ts.
import type { ArticleInput } from '../domain/article-form.js'
import { adminArticleList, articleById, articleCountsByFilter, type ArticleListItem, type ArticleListQuery, type ListFilter, type ArticleRow } from '../db/repositories/articles.repository.js'
import { filesOfMedia, mediaById, mediaLibrary, type MediaListItem } from '../db/repositories/media.repository.js'
import { revisionBefore, revisionById, revisionsOf, type Revision, type RevisionFields } from '../db/repositories/revisions.repository.js'
import { sectionChoices, tagSuggestions, sectionById, tagsOfArticle, type SectionRow } from '../db/repositories/taxonomy.repository.js'
import { userById, userChoices } from '../db/repositories/users.repository.js'
import type { Deps } from './deps.js'

/** Rows per page of the article list: a screenful with room to tick a batch. */
export const ARTICLES_PER_PAGE = 30
/** Images offered in the editor's featured-image picker (older ones: search the library, then pick). */
export const PICKER_IMAGES = 24
/** Tag names offered as suggestions while typing. */
export const TAG_SUGGESTIONS = 300

export async function articleList(deps: Deps, q: Omit<ArticleListQuery, 'limit' | 'now'>): Promise<{
  items: ArticleListItem[], hasMore: boolean, counts: Record<ListFilter, number>
}> {
  const now = deps.clock()
  const [page, counts] = await Promise.all([
    adminArticleList(deps.db, { ...q, now, limit: ARTICLES_PER_PAGE }),
    articleCountsByFilter(deps.db, now, q.edition)
  ])
  return { ...page, counts }
}

export async function listFilterChoices(deps: Deps): Promise<{ sections: SectionRow[], authors: { id: number, displayName: string }[] }> {
  const [sections, authors] = await Promise.all([sectionChoices(deps.db), userChoices(deps.db)])
  return { sections, authors }
}

export interface PickerImage { id: number, thumbUrl: string, name: string, alt: string, caption: string, credit: string, width: number, height: number }

export interface EditorChoices { sections: SectionRow[], tagSuggestions: string[], media: PickerImage[] }

/**
 * The sections and tag suggestions of an edition and the latest images (or those matching `mediaQuery`,
 * the picker's search), plus the chosen one if it is not among them. With `library: false` (a user who
 * may not choose the featured image) the library is not read at all: only the chosen image, to show it.
 */
export async function editorChoices(deps: Deps, edition: string, chosenMediaId: number | null, mediaQuery = '', options: { library?: boolean } = {}): Promise<EditorChoices> {
  const [sections, tags, recent] = await Promise.all([
    sectionChoices(deps.db, edition),
    tagSuggestions(deps.db, edition, TAG_SUGGESTIONS),
    options.library === false
      ? Promise.resolve({ items: [] as MediaListItem[] })
      : mediaLibrary(deps.db, { limit: PICKER_IMAGES, text: mediaQuery.trim().slice(0, 200) || undefined })
  ])
  const items = [...recent.items]
  if (chosenMediaId !== null && !items.some((m) => m.id === chosenMediaId)) {
    const chosen = await mediaById(deps.db, chosenMediaId)
    const files = chosen ? (await filesOfMedia(deps.db, [chosen])).get(chosen.id) : undefined
    if (chosen && files) items.unshift({ ...chosen, files })
  }
  return {
    sections,
    tagSuggestions: tags,
    media: items.map((m) => {
      const thumb = m.files.variants[0] ?? m.files.original
      return { id: m.id, thumbUrl: thumb.url, name: m.original_name, alt: m.alt, caption: m.caption, credit: m.credit, width: m.files.original.width, height: m.files.original.height }
    })
  }
}

export async function authorNameOf(deps: Deps, article: ArticleRow): Promise<string | null> {
  if (article.author_id === null) return null
  return (await userById(deps.db, article.author_id))?.display_name ?? null
}

/** An article version in the shape revisions are kept in, for comparing. */
export interface VersionSnapshot { headline: string, lead: string, bodySource: string, fields: RevisionFields }

export async function snapshotOfArticle(deps: Deps, row: ArticleRow): Promise<VersionSnapshot> {
  const [tags, section] = await Promise.all([
    tagsOfArticle(deps.db, row.id),
    row.section_id ? sectionById(deps.db, row.section_id) : Promise.resolve(undefined)
  ])
  return {
    headline: row.headline, lead: row.lead, bodySource: row.body_source,
    fields: {
      slug: row.slug, agencyCredit: row.agency_credit, sourceUrl: row.source_url, byline: row.byline, sectionId: row.section_id,
      sectionName: section?.name ?? null, tags: tags.map((t) => t.name), breaking: row.breaking === 1, sticky: row.sticky === 1,
      commentsOpen: row.comments_open === 1,
      featuredMediaId: row.featured_media_id, featuredAlt: row.featured_alt, featuredCaption: row.featured_caption,
      featuredCredit: row.featured_credit, status: row.status, publishedAt: row.published_at
    }
  }
}

/** What an editor submitted, as a version to compare with the stored one (status and URL as stored). */
export async function snapshotOfInput(deps: Deps, input: ArticleInput, stored: ArticleRow): Promise<VersionSnapshot> {
  const section = input.sectionId !== null ? await sectionById(deps.db, input.sectionId) : undefined
  return {
    headline: input.headline, lead: input.lead, bodySource: input.bodySource,
    fields: {
      slug: input.slug ?? stored.slug, agencyCredit: input.agencyCredit, sourceUrl: input.sourceUrl, byline: input.byline,
      sectionId: input.sectionId, sectionName: section?.name ?? null, tags: input.tags, breaking: input.breaking,
      sticky: input.sticky ?? stored.sticky === 1, commentsOpen: input.commentsOpen, featuredMediaId: input.featuredMediaId, featuredAlt: input.featuredAlt,
      featuredCaption: input.featuredCaption, featuredCredit: input.featuredCredit, status: stored.status,
      publishedAt: input.publishedAt ?? stored.published_at
    }
  }
}

/** Who saved the article's current version, from its latest revision. */
export async function lastSavedBy(deps: Deps, articleId: number): Promise<string | null> {
  const [latest] = await revisionsOf(deps.db, articleId)
  return latest?.actorName ?? null
}

export async function articleRevisions(deps: Deps, articleId: number): Promise<{ article: ArticleRow, revisions: Revision[] } | null> {
  const article = await articleById(deps.db, articleId)
  if (!article) return null
  return { article, revisions: await revisionsOf(deps.db, articleId) }
}

export type RevisionComparison =
  | { against: 'previous', article: ArticleRow, revision: Revision, other: Revision | null, before: VersionSnapshot, after: VersionSnapshot }
  | { against: 'current', article: ArticleRow, revision: Revision, other: null, before: VersionSnapshot, after: VersionSnapshot }

/** A revision against the one saved before it (what that save changed), or against the article now. */
export async function compareRevision(deps: Deps, articleId: number, revisionId: number, against: 'previous' | 'current'): Promise<RevisionComparison | null> {
  const article = await articleById(deps.db, articleId)
  const revision = article ? await revisionById(deps.db, articleId, revisionId) : undefined
  if (!article || !revision) return null
  if (against === 'current') {
    return { against, article, revision, other: null, before: revision, after: await snapshotOfArticle(deps, article) }
  }
  const previous = await revisionBefore(deps.db, articleId, revisionId)
  const empty: VersionSnapshot = { headline: '', lead: '', bodySource: '', fields: { ...revision.fields, slug: '', tags: [], sectionName: null } }
  return { against, article, revision, other: previous ?? null, before: previous ?? empty, after: revision }
}
