// RSS 2.0 and Atom 1.0 written directly from one FeedDocument; JSON Feed 1.1 through the `feed` package.
//
// RSS and Atom were the `feed` package's output, read back with xml-js and finished (dc:creator,
// dc:contributor, atom:updated/dc:date and media:content in RSS; xml:lang, category labels and a correct
// enclosure link in Atom; the package guessed MIME types and wrote RSS authors as bare <author> names).
// Three passes over every story's full text were about half of an uncached feed's CPU, so both are now
// written element by element in the same layout (the same bytes for the same stories). Every text goes
// through xmlSafe (no character XML forbids) and is escaped; HTML sits in CDATA after cdataHtml.
// - The package writes JSON Feed 1.0 ("version/1", a single `author`); the JSON is re-shaped to 1.1
//   (`authors`, `language`, `content_text` for summary-only feeds), keeping `author` for 1.0 readers;
//   it also reads author[0] of an item without one, so author-less items are given no author list.
import { Feed, type Item } from 'feed'
import { escapeHtml } from '../../domain/html-escape.js'
import type { FeedDocument, FeedEntry } from '../../domain/feed.js'
import { FEED_CONTENT_TYPES, type FeedFormat } from '../../domain/syndication-urls.js'
import { cdataHtml, xmlSafe } from '../../domain/xml-text.js'

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/'
}
const GENERATOR = 'Lede'

export interface RenderedFeed { body: string, contentType: string }

export function renderFeed(doc: FeedDocument, format: FeedFormat): RenderedFeed {
  const body = format === 'rss' ? renderRss(doc) : format === 'atom' ? renderAtom(doc) : renderJsonFeed(doc)
  return { body, contentType: FEED_CONTENT_TYPES[format] }
}

function baseOptions(doc: FeedDocument) {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    link: doc.homeUrl,
    language: doc.language,
    updated: new Date(doc.updated),
    generator: GENERATOR,
    feedLinks: { ...doc.selfUrls },
    author: { name: doc.publisher.name, ...(doc.publisher.url ? { link: doc.publisher.url } : {}) },
    ...(doc.logoUrl ? { image: doc.logoUrl } : {})
  }
}

// ---- RSS 2.0 ---------------------------------------------------------------------------------------

/**
 * Written directly, element by element, in the layout the `feed` package gave it: the package's output
 * had to be parsed back and written again to finish it, three passes over every story's full text, which
 * was about half of an uncached feed's CPU (`node --cpu-prof`, bench/README.md).
 */
export function renderRss(doc: FeedDocument): string {
  return rssWithItems(doc, doc.entries.map(rssItem), doc.entries.some((entry) => entry.contentHtml))
}

/** The RSS document around items already written by rssItem; `hasContent`: whether any carries content:encoded. */
export function rssWithItems(doc: FeedDocument, items: readonly string[], hasContent: boolean): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rss version="2.0" xmlns:dc="${NS.dc}"${hasContent ? ` xmlns:content="${NS.content}"` : ''} xmlns:atom="${NS.atom}" xmlns:media="${NS.media}">`,
    '  <channel>',
    `    <title>${text(doc.title)}</title>`,
    `    <link>${url(doc.homeUrl)}</link>`,
    `    <description>${text(doc.description)}</description>`,
    `    <lastBuildDate>${new Date(doc.updated).toUTCString()}</lastBuildDate>`,
    '    <docs>https://validator.w3.org/feed/docs/rss2.html</docs>',
    `    <generator>${GENERATOR}</generator>`,
    `    <language>${text(doc.language)}</language>`
  ]
  if (doc.logoUrl) {
    out.push('    <image>', `      <title>${text(doc.title)}</title>`, `      <url>${text(doc.logoUrl)}</url>`, `      <link>${url(doc.homeUrl)}</link>`, '    </image>')
  }
  out.push(`    <atom:link href="${attribute(url(doc.selfUrls.rss, false))}" rel="self" type="application/rss+xml"/>`)
  out.push(...items, '  </channel>', '</rss>')
  return out.join('\n')
}

export function rssItem(entry: FeedEntry): string {
  const lines = [
    '    <item>',
    `      <title>${cdata(entry.title)}</title>`,
    `      <link>${url(entry.url)}</link>`,
    `      <guid isPermaLink="false">${text(entry.id)}</guid>`,
    `      <pubDate>${new Date(entry.published).toUTCString()}</pubDate>`
  ]
  // RSS descriptions are HTML; a lead is plain text.
  if (entry.summary) lines.push(`      <description>${cdata(escapeHtml(entry.summary))}</description>`)
  if (entry.contentHtml) lines.push(`      <content:encoded>${cdata(entry.contentHtml)}</content:encoded>`)
  // The category's domain names its taxonomy: the section's or tag's page.
  for (const category of entry.categories) lines.push(`      <category domain="${attribute(category.url)}">${text(category.label)}</category>`)
  for (const author of entry.authors) lines.push(`      <dc:creator>${text(author.name)}</dc:creator>`)
  if (entry.agencyCredit) lines.push(`      <dc:contributor>${text(entry.agencyCredit)}</dc:contributor>`)
  // RSS has no update time of its own: atom:updated says it exactly, dc:date is what more readers look for.
  lines.push(`      <atom:updated>${text(entry.updated)}</atom:updated>`, `      <dc:date>${text(entry.updated)}</dc:date>`)
  if (entry.image) {
    const image = entry.image
    lines.push(`      <enclosure url="${attribute(image.url)}" length="${image.bytes ?? 0}" type="${attribute(image.type)}"/>`)
    // No media:description for the alt text: feedparser would take it for the item's summary.
    const attributes = `url="${attribute(image.url)}" type="${attribute(image.type)}" medium="image" width="${image.width}" height="${image.height}"${image.bytes ? ` fileSize="${image.bytes}"` : ''}`
    if (image.credit) lines.push(`      <media:content ${attributes}>`, `        <media:credit>${text(image.credit)}</media:credit>`, '      </media:content>')
    else lines.push(`      <media:content ${attributes}/>`)
  }
  lines.push('    </item>')
  return lines.join('\n')
}

/** Text content: the characters XML forbids dropped, markup characters escaped. */
function text(value: string): string {
  return xmlSafe(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

/** An attribute value (always written in double quotes). */
function attribute(value: string): string {
  return text(value).replaceAll('"', '&quot;')
}

/** HTML (or text) in a CDATA section; cdataHtml has made "]]>" harmless. */
function cdata(html: string): string {
  return `<![CDATA[${cdataHtml(html)}]]>`
}

/** An absolute URL in its normal form (as the package wrote links), escaped for text unless asked not to. */
function url(href: string, escape = true): string {
  const normal = new URL(href).href
  return escape ? text(normal) : normal
}

// ---- Atom 1.0 --------------------------------------------------------------------------------------

/** Written directly, as RSS is, in the layout the `feed` package gave it. */
export function renderAtom(doc: FeedDocument): string {
  return atomWithEntries(doc, doc.entries.map(atomEntry))
}

/** The Atom document around entries already written by atomEntry. */
export function atomWithEntries(doc: FeedDocument, entries: readonly string[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${NS.atom}" xml:lang="${attribute(doc.language)}">`,
    `  <id>${text(doc.id)}</id>`,
    `  <title>${text(doc.title)}</title>`,
    `  <updated>${new Date(doc.updated).toISOString()}</updated>`,
    `  <generator>${GENERATOR}</generator>`,
    ...atomPerson('author', doc.publisher, '  '),
    `  <link rel="alternate" href="${attribute(url(doc.homeUrl, false))}"/>`,
    `  <link rel="self" href="${attribute(url(doc.selfUrls.atom, false))}"/>`
  ]
  if (doc.description) out.push(`  <subtitle>${text(doc.description)}</subtitle>`)
  if (doc.logoUrl) out.push(`  <logo>${text(doc.logoUrl)}</logo>`)
  out.push(...entries, '</feed>')
  return out.join('\n')
}

function atomPerson(element: 'author' | 'contributor', person: { name: string, url?: string | null }, indent: string): string[] {
  return [
    `${indent}<${element}>`,
    `${indent}  <name>${text(person.name)}</name>`,
    ...(person.url ? [`${indent}  <uri>${url(person.url)}</uri>`] : []),
    `${indent}</${element}>`
  ]
}

export function atomEntry(entry: FeedEntry): string {
  const lines = [
    '  <entry>',
    // type="html": plain text is escaped into it.
    `    <title type="html">${cdata(escapeHtml(entry.title))}</title>`,
    `    <id>${url(entry.id)}</id>`,
    `    <link href="${attribute(url(entry.url, false))}"/>`,
    `    <updated>${new Date(entry.updated).toISOString()}</updated>`
  ]
  if (entry.summary) lines.push(`    <summary type="html">${cdata(escapeHtml(entry.summary))}</summary>`)
  if (entry.contentHtml) lines.push(`    <content type="html">${cdata(entry.contentHtml)}</content>`)
  for (const author of entry.authors) lines.push(...atomPerson('author', author, '    '))
  for (const category of entry.categories) {
    lines.push(`    <category scheme="${attribute(url(category.url, false))}" term="${attribute(category.term)}" label="${attribute(category.label)}"/>`)
  }
  if (entry.agencyCredit) lines.push(...atomPerson('contributor', { name: entry.agencyCredit }, '    '))
  lines.push(`    <published>${new Date(entry.published).toISOString()}</published>`)
  if (entry.image) {
    const image = entry.image
    lines.push(`    <link rel="enclosure" href="${attribute(image.url)}" type="${attribute(image.type)}"${image.bytes ? ` length="${image.bytes}"` : ''}${image.alt ? ` title="${attribute(image.alt)}"` : ''}/>`)
  }
  lines.push('  </entry>')
  return lines.join('\n')
}

// ---- JSON Feed 1.1 ---------------------------------------------------------------------------------

interface JsonFeedAuthor { name?: string, url?: string }
type JsonFeedItem = Record<string, unknown> & { id: string }

export function renderJsonFeed(doc: FeedDocument): string {
  const feed = new Feed(baseOptions(doc))
  for (const entry of doc.entries) {
    const item: Item = {
      title: entry.title,
      id: entry.id,
      link: entry.url,
      date: new Date(entry.updated),
      published: new Date(entry.published),
      category: entry.categories.map((c) => ({ name: c.label }))
    }
    // The package reads author[0] without checking that there is one.
    if (entry.authors.length > 0) item.author = entry.authors.map((a) => ({ name: a.name, ...(a.url ? { link: a.url } : {}) }))
    if (entry.summary) item.description = entry.summary
    if (entry.contentHtml) item.content = entry.contentHtml
    if (entry.image) item.image = entry.image.url
    feed.addItem(item)
  }
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & { items: JsonFeedItem[], author?: JsonFeedAuthor }
  json.version = 'https://jsonfeed.org/version/1.1'
  json.language = doc.language
  if (json.author) json.authors = [json.author]
  json.items = json.items.map((item, i) => jsonFeedItem(item, doc.entries[i]!))
  return JSON.stringify(json, null, 2)
}

function jsonFeedItem(item: JsonFeedItem, entry: FeedEntry): JsonFeedItem {
  const out: JsonFeedItem = { ...item, language: entry.language }
  if (entry.contentHtml === null) {
    // Without content the package copies the summary into content_html; a lead is plain text.
    delete out.content_html
    out.content_text = entry.summary || entry.title
  }
  if (entry.summary) out.summary = entry.summary
  else delete out.summary
  const authors = entry.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) }))
  if (authors.length > 0) {
    out.authors = authors
    out.author = authors[0]
  } else {
    delete out.author
  }
  if (entry.image) {
    out.attachments = [{ url: entry.image.url, mime_type: entry.image.type, ...(entry.image.bytes ? { size_in_bytes: entry.image.bytes } : {}) }]
  }
  // Extensions start with an underscore (JSON Feed 1.1 §Extensions).
  out._lede = {
    agency_credit: entry.agencyCredit,
    categories: entry.categories.map((c) => ({ kind: c.kind, term: c.term, label: c.label, url: c.url }))
  }
  return out
}
