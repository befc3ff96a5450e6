// Agency bodies → article body HTML. The XML formats carry XHTML or NITF markup; it is written out as HTML
// with only the elements an article can hold, and then goes through the article body allowlist, so wire
// copy can never carry more than an editor's own article could.
import { sanitizeBodyHtml } from '../article-body.js'
import { escapeHtml } from '../html-escape.js'
import type { XmlNode } from './xml-tree.js'
import { WIRE_LIMITS } from './wire-item.js'

// Elements kept as they are (the article allowlist decides their attributes).
const HTML_ELEMENTS = new Set([
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'b', 'i',
  'code', 'pre', 'hr', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'sup',
  'sub', 'q', 'cite', 'span', 'div', 'dl', 'dt', 'dd'
])
const VOID = new Set(['br', 'hr', 'img'])
// NITF's own names for the same things.
const RENAMED: Record<string, string> = { hl1: 'h2', hl2: 'h2', 'body.end': 'div', tagline: 'p', 'bq': 'blockquote', credit: 'p', 'nitf-table': 'div' }
// Not part of the story: dpa's <header> (slug list, time and a second headline), media placeholders, notes
// to editors, scripts and styles.
const DROPPED = new Set(['header', 'media', 'ed-msg', 'note', 'script', 'style', 'object', 'iframe', 'head', 'title', 'meta'])
const KEPT_ATTRIBUTES = ['href', 'src', 'alt', 'title']

// Agencies that escape twice (STT's "&amp;#39;") leave entity text in the story; it is read once more here,
// and everything is escaped again on the way out, so nothing decoded this way can become markup.
const LEFTOVER_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(quot|amp|lt|gt|apos));/gi
const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" }

export function decodeLeftoverEntities(text: string): string {
  return text.replace(LEFTOVER_ENTITY, (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? match
    const code = dec ? Number(dec) : parseInt(hex!, 16)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : match
  })
}

function write(node: XmlNode, out: string[]): void {
  if (node.name === '#text') {
    out.push(escapeHtml(decodeLeftoverEntities(node.text)))
    return
  }
  if (DROPPED.has(node.name)) return
  const tag = RENAMED[node.name] ?? (HTML_ELEMENTS.has(node.name) ? node.name : null)
  if (!tag) {
    // Unknown or inline semantic markup (<person>, <org>, <chron>, STT's <Company>): its text stays.
    for (const c of node.children) write(c, out)
    return
  }
  const attributes = KEPT_ATTRIBUTES.filter((name) => node.attributes[name] !== undefined)
    .map((name) => ` ${name}="${escapeHtml(node.attributes[name]!)}"`).join('')
  out.push(`<${tag}${attributes}>`)
  if (VOID.has(tag)) return
  for (const c of node.children) write(c, out)
  out.push(`</${tag}>`)
}

// Paragraphs left empty once markup is gone (AAP sends a <p/> after every paragraph; dpa ends on an NBSP).
const EMPTY_PARAGRAPH = /<p>(?:\s|&nbsp;|\u00a0|<br \/>)*<\/p>/g

// The indentation agencies leave between block elements; whitespace inside paragraphs is the text's own.
const BETWEEN_BLOCKS = /(<\/(?:p|h[1-6]|li|ul|ol|blockquote|table|figure|pre)>|<br \/>)\s+(?=<)/g

function finish(html: string): string {
  const clean = sanitizeBodyHtml(html).replace(EMPTY_PARAGRAPH, '').replace(BETWEEN_BLOCKS, '$1\n').trim()
  return clean.length > WIRE_LIMITS.bodyChars ? '' : clean
}

/** The HTML of an XML body element's children. */
export function xmlBodyHtml(nodes: readonly XmlNode[]): string {
  const out: string[] = []
  for (const node of nodes) write(node, out)
  return finish(out.join(''))
}

/** HTML the agency sent as HTML (ninjs body_html, RSS content, CDATA holding <p>). */
export function htmlBody(html: string): string {
  return finish(html)
}

/** Plain text: blank lines separate paragraphs, single line breaks are the agency's hard wrapping. */
export function plainTextBody(text: string): string {
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean)
  return finish(paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''))
}

/** Text that may be HTML or plain: a feed's description, a CDATA block. */
export function looseBody(text: string): string {
  return /<(p|br|div|h[1-6]|ul|ol|blockquote|strong|em|b|i|a)[\s>/]/i.test(text) ? htmlBody(text) : plainTextBody(text)
}

/** The text of an HTML fragment, for leads and fallbacks. */
export function htmlText(html: string): string {
  // Decoded twice: feeds that escape their titles twice ("&amp;#x0024;4300") mean the character.
  return decodeLeftoverEntities(decodeLeftoverEntities(html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/gi, ' '))).replace(/\s+/g, ' ').trim()
}
