// A live article as the outside world sees it: feeds, the JSON API and structured data are all built
// from this one plain shape, so they never disagree about a headline, a date or an author.
import type { IsoInstant } from './days.js'

export interface ImageRef {
  /** A path on this site ("/media/…") or an absolute URL. */
  url: string
  width: number
  height: number
}

/** Crops search engines ask for in structured data (Google: 16×9, 4×3 and 1×1). */
export const IMAGE_ASPECTS = ['16x9', '4x3', '1x1'] as const
export type ImageAspect = typeof IMAGE_ASPECTS[number]

/** An article's featured image, with whatever sizes the media library made of it. */
export interface ArticleImage extends ImageRef {
  /** MIME type of `url`, e.g. "image/webp". */
  type: string
  /** Size of `url` in bytes, when known (RSS enclosures carry it). */
  bytes: number | null
  alt: string
  caption: string | null
  credit: string | null
  crops: Partial<Record<ImageAspect, ImageRef>>
}

export interface TermRef { id: number, slug: string, name: string }

export interface PublishedArticle {
  id: number
  edition: string
  slug: string
  headline: string
  lead: string
  /** Sanitised at save; printed as it is. */
  bodyHtml: string
  agencyCredit: string | null
  sourceUrl: string | null
  byline: string | null
  /** The staff account the article belongs to; never its email. */
  author: { name: string, slug: string } | null
  section: TermRef | null
  tags: TermRef[]
  publishedAt: IsoInstant
  updatedAt: IsoInstant
  createdAt: IsoInstant
  breaking: boolean
  /** Pinned to the top of its edition's front page (WordPress's sticky posts). */
  pinned: boolean
  commentsOpen: boolean
  commentCount: number
  translationGroup: string | null
  image: ArticleImage | null
}

export interface Credit {
  name: string
  /** Slug of the staff author's page, only when the credit is that account. */
  authorSlug: string | null
}

/**
 * Who an article is credited to. The byline is what readers see; it links to an author page only
 * when it names the account the article belongs to, so a story filed "By the newsroom" or under a
 * guest's name is never attributed to the editor who happened to post it.
 */
export function articleCredit(article: Pick<PublishedArticle, 'byline' | 'author'>): Credit | null {
  const byline = article.byline?.trim() || null
  const author = article.author
  if (byline) return { name: byline, authorSlug: author && author.name.trim() === byline ? author.slug : null }
  if (author) return { name: author.name, authorSlug: author.slug }
  return null
}

/**
 * The featured image as feeds, the API and structured data describe it: the copy to share (see
 * sharedImageFile in domain/media.ts). The library makes sizes by width only, so no aspect crops exist
 * yet; consumers use crops when they are given.
 */
export function articleImageOf(image: { shared: ImageRef & { mime: string, bytes: number }, alt: string, caption: string | null, credit: string | null }): ArticleImage {
  const { shared } = image
  return {
    url: shared.url, type: shared.mime, width: shared.width, height: shared.height, bytes: shared.bytes,
    alt: image.alt, caption: image.caption, credit: image.credit, crops: {}
  }
}
