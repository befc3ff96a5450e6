// RSS 2.0, Atom 1.0 and JSON Feed 1.1 from one FeedDocument, written by the `feed` package.
//
// Where the package falls short, its output is finished here rather than replaced:
// - It writes JSON Feed 1.0 ("version/1", a single `author`); the JSON is re-shaped to 1.1
//   (`authors`, `language`, `content_text` for summary-only feeds), keeping `author` for 1.0 readers;
//   it also reads author[0] of an item without one, so author-less items are given no author list.
// - It has no Atom extensions, guesses an enclosure's MIME type from the file extension ("image/jpg",
//   or garbage for a URL without one), and writes RSS authors as bare <author> names, which RSS reserves
//   for email addresses. The XML is therefore read back with xml-js (the package's own XML library)
//   and finished: dc:creator, dc:contributor (the agency), atom:updated/dc:date and media:content in RSS;
//   xml:lang, category labels and a correct enclosure link in Atom.
// - xml-js escapes neither "&" nor "<" in attribute values and splits only the first "]]>" in CDATA,
//   so nothing unescaped reaches the package: attribute values are URLs it normalises or slugs, and
//   CDATA text goes through cdataHtml() first. The second serialisation escapes everything itself.
import { Feed, type Item } from 'feed'
import xmljs, { type Element } from 'xml-js'
import { escapeHtml } from '../../domain/html-escape.js'
import type { FeedDocument, FeedEntry } from '../../domain/feed.js'
import { FEED_CONTENT_TYPES, type FeedFormat } from '../../domain/syndication-urls.js'
import { cdataHtml, xmlSafe } from '../../domain/xml-text.js'

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/'
}
const GENERATOR = 'Lede'

export interface RenderedFeed { body: string, contentType: string }

export function renderFeed(doc: FeedDocument, format: FeedFormat): RenderedFeed {
  const body = format === 'rss' ? renderRss(doc) : format === 'atom' ? renderAtom(doc) : renderJsonFeed(doc)
  return { body, contentType: FEED_CONTENT_TYPES[format] }
}

function baseOptions(doc: FeedDocument, text: (s: string) => string) {
  return {
    id: doc.id,
    title: text(doc.title),
    description: text(doc.description),
    link: doc.homeUrl,
    language: doc.language,
    updated: new Date(doc.updated),
    generator: GENERATOR,
    feedLinks: { ...doc.selfUrls },
    author: { name: text(doc.publisher.name), ...(doc.publisher.url ? { link: doc.publisher.url } : {}) },
    ...(doc.logoUrl ? { image: doc.logoUrl } : {})
  }
}

// ---- RSS 2.0 ---------------------------------------------------------------------------------------

export function renderRss(doc: FeedDocument): string {
  const feed = new Feed(baseOptions(doc, xmlSafe))
  for (const entry of doc.entries) {
    const item: Item = {
      title: cdataHtml(entry.title),
      id: entry.id,
      link: entry.url,
      date: new Date(entry.updated),
      published: new Date(entry.published),
      category: entry.categories.map((c) => ({ name: xmlSafe(c.label) }))
    }
    // RSS descriptions are HTML; a lead is plain text.
    if (entry.summary) item.description = cdataHtml(escapeHtml(entry.summary))
    if (entry.contentHtml) item.content = cdataHtml(entry.contentHtml)
    feed.addItem(item)
  }
  const tree = parseXml(feed.rss2())
  const rss = child(tree, 'rss')
  rss.attributes = { ...rss.attributes, 'xmlns:atom': NS.atom, 'xmlns:dc': NS.dc, 'xmlns:media': NS.media }
  const items = children(child(rss, 'channel'), 'item')
  items.forEach((item, i) => {
    const entry = doc.entries[i]!
    const categories = children(item, 'category')
    // The category's domain names its taxonomy: the section's or tag's page.
    categories.forEach((category, j) => { category.attributes = { domain: entry.categories[j]!.url } })
    for (const author of entry.authors) append(item, textElement('dc:creator', author.name))
    if (entry.agencyCredit) append(item, textElement('dc:contributor', entry.agencyCredit))
    // RSS has no update time of its own: atom:updated says it exactly, dc:date is what more readers look for.
    append(item, textElement('atom:updated', entry.updated))
    append(item, textElement('dc:date', entry.updated))
    if (entry.image) {
      const image = entry.image
      append(item, element('enclosure', { url: image.url, length: String(image.bytes ?? 0), type: image.type }))
      // No media:description for the alt text: feedparser would take it for the item's summary.
      append(item, element('media:content', {
        url: image.url, type: image.type, medium: 'image', width: String(image.width), height: String(image.height),
        ...(image.bytes ? { fileSize: String(image.bytes) } : {})
      }, image.credit ? [textElement('media:credit', image.credit)] : []))
    }
  })
  return writeXml(tree)
}

// ---- Atom 1.0 --------------------------------------------------------------------------------------

export function renderAtom(doc: FeedDocument): string {
  const feed = new Feed(baseOptions(doc, xmlSafe))
  for (const entry of doc.entries) {
    const item: Item = {
      // type="html": the package marks titles and summaries as HTML, so plain text is escaped into it.
      title: cdataHtml(escapeHtml(entry.title)),
      id: entry.id,
      link: entry.url,
      date: new Date(entry.updated),
      published: new Date(entry.published),
      author: entry.authors.map((a) => ({ name: xmlSafe(a.name), ...(a.url ? { link: a.url } : {}) })),
      category: entry.categories.map((c) => ({ term: c.term, scheme: c.url }))
    }
    if (entry.summary) item.description = cdataHtml(escapeHtml(entry.summary))
    if (entry.contentHtml) item.content = cdataHtml(entry.contentHtml)
    if (entry.agencyCredit) item.contributor = [{ name: xmlSafe(entry.agencyCredit) }]
    feed.addItem(item)
  }
  const tree = parseXml(feed.atom1())
  const root = child(tree, 'feed')
  root.attributes = { ...root.attributes, 'xml:lang': doc.language }
  children(root, 'entry').forEach((entryElement, i) => {
    const entry = doc.entries[i]!
    children(entryElement, 'category').forEach((category, j) => {
      category.attributes = { ...category.attributes, label: entry.categories[j]!.label }
    })
    if (entry.image) {
      const image = entry.image
      append(entryElement, element('link', {
        rel: 'enclosure', href: image.url, type: image.type,
        ...(image.bytes ? { length: String(image.bytes) } : {}),
        ...(image.alt ? { title: image.alt } : {})
      }))
    }
  })
  return writeXml(tree)
}

// ---- JSON Feed 1.1 ---------------------------------------------------------------------------------

interface JsonFeedAuthor { name?: string, url?: string }
type JsonFeedItem = Record<string, unknown> & { id: string }

export function renderJsonFeed(doc: FeedDocument): string {
  const feed = new Feed(baseOptions(doc, (s) => s))
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

// ---- XML finishing ---------------------------------------------------------------------------------

function parseXml(xml: string): Element {
  return xmljs.xml2js(xml, { compact: false }) as Element
}

function writeXml(tree: Element): string {
  prepareForWriting(tree)
  return xmljs.js2xml(tree, {
    spaces: 2,
    // Every "]]>" split, not only the first.
    cdataFn: (value) => value.replaceAll(']]>', ']]]]><![CDATA[>')
  })
}

/**
 * xml-js writes attribute values escaping only '"', and turns "&amp;" in text back into "&" before
 * escaping it. Values here are plain (decoded) strings, so they are brought into the form it expects.
 */
function prepareForWriting(node: Element): void {
  if (node.attributes) {
    for (const [key, value] of Object.entries(node.attributes)) {
      if (value === undefined) continue
      node.attributes[key] = xmlSafe(String(value)).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    }
  }
  if (node.type === 'text' && node.text !== undefined) node.text = xmlSafe(String(node.text)).replaceAll('&amp;', '&amp;amp;')
  if (node.type === 'cdata' && node.cdata !== undefined) node.cdata = xmlSafe(node.cdata)
  for (const c of node.elements ?? []) prepareForWriting(c)
}

function element(name: string, attributes: Record<string, string> = {}, elements: Element[] = []): Element {
  return { type: 'element', name, attributes, elements }
}

function textElement(name: string, text: string, attributes: Record<string, string> = {}): Element {
  return { type: 'element', name, attributes, elements: [{ type: 'text', text }] }
}

function append(parent: Element, node: Element): void {
  parent.elements = [...(parent.elements ?? []), node]
}

function children(parent: Element, name: string): Element[] {
  return (parent.elements ?? []).filter((e) => e.type === 'element' && e.name === name)
}

function child(parent: Element, name: string): Element {
  const found = children(parent, name)[0]
  if (!found) throw new Error(`feed output has no <${name}>`)
  return found
}
