// How WordPress's records become Lede's: statuses, times, slugs, comment states, and the article fields
// of a post. Pure: the import service reads the file, looks things up and writes; these decide.
import type { CommentStatus } from './moderation.js'
import { zonedTimeToInstant, type IsoInstant } from './days.js'
import type { ArticleStatus } from './publishing.js'
import { isValidSlug, slugFromText } from './slug.js'
import { htmlToText } from './search-text.js'
import { TAXONOMY_DESCRIPTION_LIMIT, TEXT_CONTROL_CHARACTERS } from './sections.js'
import { excerptToLead, wordpressContentToBody } from './wp-content.js'
import type { WxrComment, WxrItem } from './wxr-reader.js'

/** WordPress's "no date" (drafts never published have it in their _gmt fields). */
const ZERO_DATE = /^0000-00-00/

export type PostStatusMapping =
  | { ok: true, status: ArticleStatus, note?: 'private' }
  | { ok: false, reason: string }

/**
 * publish → published, future → scheduled, draft and pending as they are, trash → trashed. Lede has no
 * private status: a private post becomes a draft, which readers cannot see either, and is reported.
 * auto-draft and inherit (revisions) are WordPress's own bookkeeping, never content.
 */
export function articleStatusOf(wpStatus: string): PostStatusMapping {
  switch (wpStatus) {
    case 'publish': return { ok: true, status: 'published' }
    case 'future': return { ok: true, status: 'scheduled' }
    case 'draft': return { ok: true, status: 'draft' }
    case 'pending': return { ok: true, status: 'pending' }
    case 'private': return { ok: true, status: 'draft', note: 'private' }
    case 'trash': return { ok: true, status: 'trashed' }
    case 'auto-draft': return { ok: false, reason: 'an automatic draft WordPress keeps while a post is being written' }
    case '': return { ok: false, reason: 'no status' }
    default: return { ok: false, reason: `unknown status "${wpStatus.slice(0, 40)}"` }
  }
}

/** approved (1), held (0), spam, trash; comments on a trashed post ("post-trashed") are trash too. */
export function commentStatusOf(approved: string): CommentStatus {
  switch (approved) {
    case '1': case 'approve': return 'approved'
    case 'spam': return 'spam'
    case 'trash': case 'post-trashed': return 'trash'
    default: return 'pending'
  }
}

function parseWpDate(text: string): { year: number, month: number, day: number, hour: number, minute: number, second: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim())
  if (!m || ZERO_DATE.test(text.trim())) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  return { year, month, day, hour, minute, second }
}

/**
 * The instant of a WordPress time: its `_gmt` field, or when that is zero (or missing), the local field
 * read in the export's time zone (see exportOffsetMinutes) or else `fallbackTimeZone`.
 */
export function instantOf(local: string, gmt: string, zone: { offsetMinutes: number | null, fallbackTimeZone: string }): IsoInstant | null {
  const g = parseWpDate(gmt)
  if (g) return new Date(Date.UTC(g.year, g.month - 1, g.day, g.hour, g.minute, g.second)).toISOString()
  const l = parseWpDate(local)
  if (!l) return null
  if (zone.offsetMinutes !== null) {
    return new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - zone.offsetMinutes * 60_000).toISOString()
  }
  return zonedTimeToInstant(l, zone.fallbackTimeZone)
}

/**
 * The export's UTC offset, learnt from a record that has both a local and a GMT time (a WXR file names
 * no time zone). Offsets are whole quarter hours; anything else is not an offset.
 */
export function exportOffsetMinutes(local: string, gmt: string): number | null {
  const l = parseWpDate(local)
  const g = parseWpDate(gmt)
  if (!l || !g) return null
  const diff = (Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Date.UTC(g.year, g.month - 1, g.day, g.hour, g.minute, g.second)) / 60_000
  if (diff % 15 !== 0 || Math.abs(diff) > 14 * 60) return null
  return diff
}

/** WordPress keeps non-Latin slugs percent-encoded; a broken escape is taken as written. */
function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug)
  } catch {
    return slug
  }
}

/**
 * A category's or tag's description as a section or tag keeps it: plain text (WordPress allows some HTML
 * there; its text and line breaks are kept, the markup is not), without control characters but line
 * breaks and tabs, at most TAXONOMY_DESCRIPTION_LIMIT characters.
 */
export function termDescriptionOf(description: string): string {
  return boundedText(htmlToText(description), TAXONOMY_DESCRIPTION_LIMIT)
}

/** Plain text of at most `limit` characters (code points), control characters but line breaks and tabs dropped. */
function boundedText(text: string, limit: number): string {
  const chars = [...text.replace(TEXT_CONTROL_CHARACTERS, '').trim()]
  return chars.length > limit ? chars.slice(0, limit).join('').trimEnd() : chars.join('')
}

/** The attachment's path under wp-content/uploads: its _wp_attached_file, or the tail of its URL. */
export function uploadPathOf(item: WxrItem): string | null {
  const attached = item.meta.find((m) => m.key === '_wp_attached_file')?.value.trim()
  if (attached) return attached
  const marker = '/wp-content/uploads/'
  const at = item.attachmentUrl.indexOf(marker)
  if (at === -1) return null
  try {
    return decodeURIComponent(item.attachmentUrl.slice(at + marker.length).split(/[?#]/)[0]!)
  } catch {
    return null
  }
}

/** What the import keeps of an attachment, with its file or without (then it is all there is of it). */
export interface AttachmentDetail {
  title: string
  /** Where the old site served the file. */
  url: string
  /** Its path under wp-content/uploads, where --media-dir is searched. */
  path: string
  alt: string
  caption: string
  description: string
  /** The WordPress id of the post it was uploaded to, or 0. */
  parent: number
  uploadedAt: string
}

export function attachmentDetailOf(item: WxrItem): AttachmentDetail {
  return {
    title: boundedText(item.title, 500),
    url: boundedText(item.attachmentUrl || item.guid, 2000),
    path: boundedText(uploadPathOf(item) ?? '', 1000),
    alt: boundedText(item.meta.find((m) => m.key === '_wp_attachment_image_alt')?.value ?? '', 1000),
    caption: boundedText(htmlToText(item.excerpt), 2000),
    description: boundedText(htmlToText(item.content), 5000),
    parent: item.postParent,
    uploadedAt: item.postDateGmt.startsWith('0000') ? item.postDate : item.postDateGmt
  }
}

/** What the import keeps of a page, which Lede has no place for: enough to say what its old address was. */
export interface PageDetail { title: string, link: string, status: string }

export function pageDetailOf(item: WxrItem): PageDetail {
  return { title: boundedText(item.title, 500), link: boundedText(item.link, 2000), status: boundedText(item.status, 20) }
}

/** The post's slug when it is already a Lede slug, otherwise one made from it (or from the title). */
export function articleSlugOf(postName: string, title: string): string {
  const decoded = decodeSlug(postName).trim()
  if (isValidSlug(decoded)) return decoded
  return slugFromText(decoded) || slugFromText(title) || 'story'
}

/** Headlines are one line; WordPress allows an empty title, Lede does not. */
export function headlineOf(title: string, postId: number | null): string {
  const h = title.replace(/\s+/g, ' ').trim()
  return h === '' ? `(untitled ${postId ?? ''})`.replace(' )', ')') : h
}

export interface MappedArticle {
  headline: string
  slug: string
  lead: string
  bodySource: string
  status: ArticleStatus
  publishedAt: IsoInstant | null
  commentsOpen: boolean
  /** WordPress's sticky post: pinned to the top of the front page. */
  sticky: boolean
  /** Logins: the author. */
  authorLogin: string
  /** The first category's slug becomes the section; Lede files an article in one section. */
  sectionSlug: string | null
  /** Further categories, which Lede cannot file the article under: reported. */
  extraCategories: string[]
  tags: string[]
  /** The attachment id of the featured image (_thumbnail_id). */
  thumbnailId: number | null
  /** From the post meta Lede's own export writes (lede_agency_credit, lede_source_url, lede_byline). */
  agencyCredit: string | null
  sourceUrl: string | null
  byline: string | null
  notes: string[]
}

/**
 * A post as a Lede article, or why it cannot be one. A published post without a date gets `importedAt`,
 * as WordPress gives a post saved without one the current time. `bodySource` is the content's body when
 * it was converted already (wordpressContentToBody, on the import's worker).
 */
export function articleOf(item: WxrItem, zone: { offsetMinutes: number | null, fallbackTimeZone: string }, importedAt: IsoInstant, bodySource?: string): { ok: true, article: MappedArticle } | { ok: false, reason: string } {
  const mapped = articleStatusOf(item.status)
  if (!mapped.ok) return mapped
  const notes: string[] = []
  if (mapped.note === 'private') notes.push('private post imported as a draft')
  if (item.postPassword !== '') notes.push('password-protected post imported without its password')
  let publishedAt = instantOf(item.postDate, item.postDateGmt, zone)
  // An unpublished draft's local date is only when it was last saved, not a planned time.
  if ((mapped.status === 'draft' || mapped.status === 'pending') && parseWpDate(item.postDateGmt) === null) publishedAt = null
  if ((mapped.status === 'published' || mapped.status === 'scheduled') && publishedAt === null) {
    publishedAt = importedAt
    notes.push('published post without a date given the time of the import')
  }
  const categories = item.terms.filter((t) => t.domain === 'category')
  const tags = item.terms.filter((t) => t.domain === 'post_tag').map((t) => t.name.trim()).filter((t) => t !== '')
  const metaValue = (key: string): string | null => item.meta.find((m) => m.key === key)?.value.trim() || null
  const thumbnail = metaValue('_thumbnail_id') ?? ''
  const sourceUrl = metaValue('lede_source_url')
  return {
    ok: true,
    article: {
      headline: headlineOf(item.title, item.postId),
      slug: articleSlugOf(item.postName, item.title),
      lead: excerptToLead(item.excerpt),
      bodySource: bodySource ?? wordpressContentToBody(item.content),
      status: mapped.status,
      publishedAt,
      commentsOpen: item.commentStatus !== 'closed',
      sticky: item.isSticky,
      authorLogin: item.creator,
      sectionSlug: categories[0]?.slug || null,
      extraCategories: categories.slice(1).map((c) => c.slug),
      tags: [...new Set(tags)],
      thumbnailId: /^\d{1,15}$/.test(thumbnail) ? Number(thumbnail) : null,
      agencyCredit: metaValue('lede_agency_credit')?.slice(0, 200) ?? null,
      sourceUrl: sourceUrl && /^https?:\/\/\S+$/i.test(sourceUrl) ? sourceUrl.slice(0, 2000) : null,
      byline: metaValue('lede_byline')?.slice(0, 200) ?? null,
      notes
    }
  }
}

export interface MappedComment {
  wpId: number
  wpParent: number
  authorName: string
  authorEmail: string
  authorUrl: string | null
  body: string
  status: CommentStatus
  ip: string | null
  createdAt: IsoInstant
}

/** A comment, or why not: pingbacks and trackbacks are notices from other sites, which Lede does not keep. */
export function commentOf(c: WxrComment, zone: { offsetMinutes: number | null, fallbackTimeZone: string }, fallbackAt: IsoInstant): { ok: true, comment: MappedComment } | { ok: false, reason: string } {
  if (c.id === null) return { ok: false, reason: 'comment without an id' }
  if (c.type === 'pingback' || c.type === 'trackback') return { ok: false, reason: `${c.type} (Lede keeps no ${c.type}s)` }
  const url = c.authorUrl.trim()
  return {
    ok: true,
    comment: {
      wpId: c.id,
      wpParent: c.parent,
      authorName: c.author.trim() || 'Anonymous',
      authorEmail: c.authorEmail.trim().toLowerCase(),
      authorUrl: /^https?:\/\/\S+$/i.test(url) ? url : null,
      body: c.content,
      status: commentStatusOf(c.approved),
      ip: c.authorIp || null,
      createdAt: instantOf(c.date, c.dateGmt, zone) ?? fallbackAt
    }
  }
}

/**
 * The path part of an old WordPress URL, as a key for the redirects table: no scheme or host, no
 * query, percent-escapes in one spelling, a trailing slash. Null when it is the site's front page.
 */
export function oldPathOf(url: string): string | null {
  let path: string
  try {
    path = new URL(url, 'http://placeholder.invalid').pathname
  } catch {
    return null
  }
  try {
    path = encodeURI(decodeURI(path))
  } catch { /* kept as written */ }
  if (!path.endsWith('/')) path += '/'
  if (path === '/') return null
  return path.length > 1000 ? null : path
}
