// Writes a WordPress export (WXR 1.2) that WordPress's importer reads: the channel header, authors,
// categories with their parents, tags, then one item per article with its comments. Pure: each function
// returns the XML of one record, so the export streams record by record.
import { wallClock, type IsoInstant } from './days.js'
import { xmlSafe } from './xml-text.js'
import type { ArticleStatus } from './publishing.js'
import type { CommentStatus } from './moderation.js'
import { escapeHtml } from './html-escape.js'

/** Text in CDATA as WordPress writes it: a "]]>" inside is split over two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

const escapeXml = (text: string): string => xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** "2024-03-01 14:00:00" in the zone; WordPress's zero date for none. */
export function wpDate(instant: IsoInstant | null, timeZone: string): string {
  if (!instant) return '0000-00-00 00:00:00'
  const w = wallClock(instant, timeZone)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`
}

const WP_STATUS: Record<ArticleStatus, string> = { published: 'publish', scheduled: 'future', draft: 'draft', pending: 'pending', trashed: 'trash' }
const WP_APPROVED: Record<CommentStatus, string> = { approved: '1', pending: '0', spam: 'spam', trash: 'trash' }

export interface WxrSite { title: string, link: string, description: string, language: string, exportedAt: IsoInstant }

export function wxrHeader(site: WxrSite): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- A WordPress eXtended RSS file written by Lede: import it with WordPress's importer (Tools → Import → WordPress). -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>${cdata(site.title)}</title>
	<link>${escapeXml(site.link)}</link>
	<description>${cdata(site.description)}</description>
	<pubDate>${new Date(site.exportedAt).toUTCString().replace('GMT', '+0000')}</pubDate>
	<language>${escapeXml(site.language)}</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${escapeXml(site.link)}</wp:base_site_url>
	<wp:base_blog_url>${escapeXml(site.link)}</wp:base_blog_url>
`
}

export const WXR_FOOTER = '</channel>\n</rss>\n'

export function wxrAuthor(a: { id: number, login: string, email: string, displayName: string }): string {
  return `	<wp:author><wp:author_id>${a.id}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(a.email)}</wp:author_email><wp:author_display_name>${cdata(a.displayName)}</wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>\n`
}

/** A section's or tag's plain-text description as WordPress keeps one: HTML, so its text is escaped (the import decodes it back). */
const termDescriptionHtml = (text: string) => escapeHtml(text)

export function wxrCategory(c: { id: number, slug: string, name: string, parentSlug: string | null, description?: string }): string {
  const description = c.description ? `<wp:category_description>${cdata(termDescriptionHtml(c.description))}</wp:category_description>` : ''
  return `	<wp:category><wp:term_id>${c.id}</wp:term_id><wp:category_nicename>${cdata(c.slug)}</wp:category_nicename><wp:category_parent>${cdata(c.parentSlug ?? '')}</wp:category_parent><wp:cat_name>${cdata(c.name)}</wp:cat_name>${description}</wp:category>\n`
}

export function wxrTag(t: { id: number, slug: string, name: string, description?: string }): string {
  const description = t.description ? `<wp:tag_description>${cdata(termDescriptionHtml(t.description))}</wp:tag_description>` : ''
  return `	<wp:tag><wp:term_id>${t.id}</wp:term_id><wp:tag_slug>${cdata(t.slug)}</wp:tag_slug><wp:tag_name>${cdata(t.name)}</wp:tag_name>${description}</wp:tag>\n`
}

export interface WxrArticle {
  id: number
  headline: string
  lead: string
  bodyHtml: string
  slug: string
  status: ArticleStatus
  publishedAt: IsoInstant | null
  createdAt: IsoInstant
  updatedAt: IsoInstant
  commentsOpen: boolean
  /** Pinned to the top of the front page: WordPress's sticky post. */
  sticky?: boolean
  authorLogin: string
  /** Absolute URL when readers can see it; otherwise the ?p= link WordPress gives unpublished posts. */
  link: string
  section: { slug: string, name: string } | null
  tags: { slug: string, name: string }[]
  agencyCredit: string | null
  sourceUrl: string | null
  byline: string | null
}

export interface WxrExportComment {
  id: number
  parentId: number | null
  authorName: string
  authorEmail: string
  authorUrl: string | null
  ip: string | null
  createdAt: IsoInstant
  body: string
  status: CommentStatus
}

const meta = (key: string, value: string) => `		<wp:postmeta><wp:meta_key>${cdata(key)}</wp:meta_key><wp:meta_value>${cdata(value)}</wp:meta_value></wp:postmeta>\n`

export function wxrItem(a: WxrArticle, comments: readonly WxrExportComment[], timeZone: string): string {
  const date = a.publishedAt ?? a.createdAt
  const terms = [
    ...(a.section ? [`		<category domain="category" nicename="${escapeXml(a.section.slug)}">${cdata(a.section.name)}</category>\n`] : []),
    ...a.tags.map((t) => `		<category domain="post_tag" nicename="${escapeXml(t.slug)}">${cdata(t.name)}</category>\n`)
  ].join('')
  const metas = [
    a.agencyCredit ? meta('lede_agency_credit', a.agencyCredit) : '',
    a.sourceUrl ? meta('lede_source_url', a.sourceUrl) : '',
    a.byline ? meta('lede_byline', a.byline) : ''
  ].join('')
  const commentXml = comments.map((c) => `		<wp:comment>
			<wp:comment_id>${c.id}</wp:comment_id>
			<wp:comment_author>${cdata(c.authorName)}</wp:comment_author>
			<wp:comment_author_email>${cdata(c.authorEmail)}</wp:comment_author_email>
			<wp:comment_author_url>${escapeXml(c.authorUrl ?? '')}</wp:comment_author_url>
			<wp:comment_author_IP>${escapeXml(c.ip ?? '')}</wp:comment_author_IP>
			<wp:comment_date>${wpDate(c.createdAt, timeZone)}</wp:comment_date>
			<wp:comment_date_gmt>${wpDate(c.createdAt, 'UTC')}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(c.body)}</wp:comment_content>
			<wp:comment_approved>${WP_APPROVED[c.status]}</wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>${c.parentId ?? 0}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>\n`).join('')
  return `	<item>
		<title>${cdata(a.headline)}</title>
		<link>${escapeXml(a.link)}</link>
		<pubDate>${new Date(date).toUTCString().replace('GMT', '+0000')}</pubDate>
		<dc:creator>${cdata(a.authorLogin)}</dc:creator>
		<guid isPermaLink="false">${escapeXml(a.link)}</guid>
		<description></description>
		<content:encoded>${cdata(a.bodyHtml)}</content:encoded>
		<excerpt:encoded>${cdata(a.lead)}</excerpt:encoded>
		<wp:post_id>${a.id}</wp:post_id>
		<wp:post_date>${cdata(wpDate(date, timeZone))}</wp:post_date>
		<wp:post_date_gmt>${cdata(a.publishedAt ? wpDate(a.publishedAt, 'UTC') : '0000-00-00 00:00:00')}</wp:post_date_gmt>
		<wp:post_modified>${cdata(wpDate(a.updatedAt, timeZone))}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(wpDate(a.updatedAt, 'UTC'))}</wp:post_modified_gmt>
		<wp:comment_status>${a.commentsOpen ? 'open' : 'closed'}</wp:comment_status>
		<wp:ping_status>closed</wp:ping_status>
		<wp:post_name>${cdata(a.slug)}</wp:post_name>
		<wp:status>${WP_STATUS[a.status]}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>post</wp:post_type>
		<wp:post_password></wp:post_password>
		<wp:is_sticky>${a.sticky ? 1 : 0}</wp:is_sticky>
${terms}${metas}${commentXml}	</item>
`
}
