// The one entry point: bytes from a feed URL, a drop folder or the command line → inbox items, or the
// reason the document was refused. It never throws: one agency's broken file must not stop a poll.
import { decodeDocument } from './encoding.js'
import { parseJsonFeed, looksLikeJsonFeed } from './json-feed.js'
import { parseNewsMl1 } from './newsml-1.js'
import { parseNewsMlG2 } from './newsml-g2.js'
import { looksLikeNinjs, parseNinjs } from './ninjs.js'
import { parseNitf } from './nitf.js'
import { isRefusal } from './item-rules.js'
import { parseSyndicationFeed } from './syndication-feed.js'
import { WIRE_LIMITS, type WireParseResult } from './wire-item.js'
import { parseXml } from './xml-tree.js'

export interface DocumentHints { contentType?: string | null }

/** The root element's name, read past the declaration, comments, processing instructions and doctype. */
export function rootElementName(text: string): string | null {
  let i = 0
  const limit = Math.min(text.length, 64 * 1024)
  while (i < limit) {
    const open = text.indexOf('<', i)
    if (open === -1 || open >= limit) return null
    if (text.startsWith('<?', open)) i = text.indexOf('?>', open) + 2
    else if (text.startsWith('<!--', open)) i = text.indexOf('-->', open) + 3
    else if (text.startsWith('<!', open)) i = text.indexOf('>', open) + 1
    else return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(open, open + 200))?.[1] ?? null
    if (i <= open) return null
  }
  return null
}

function fromJson(bytes: Uint8Array): WireParseResult {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(bytes))
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (looksLikeJsonFeed(value)) return { ok: true, format: 'json-feed', ...parseJsonFeed(value) }
  if (looksLikeNinjs(value)) return { ok: true, format: 'ninjs', ...parseNinjs(value) }
  return { ok: false, reason: 'JSON that is neither a JSON Feed nor a ninjs item' }
}

function fromXml(bytes: Uint8Array, hints: DocumentHints): WireParseResult {
  const charset = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]{1,40})/i.exec(hints.contentType ?? '')?.[1] ?? null
  const decoded = decodeDocument(bytes, charset)
  if (!decoded.ok) return decoded
  const text = decoded.text
  // Entity declarations are how XML documents explode in memory (the "billion laughs"); no wire format uses them.
  if (/<!ENTITY/i.test(text)) return { ok: false, reason: 'the document declares XML entities, which no feed or wire format needs' }
  const root = rootElementName(text)
  const local = root?.replace(/^[^:]*:/, '') ?? null
  if (!local || !['rss', 'RDF', 'feed', 'newsItem', 'newsMessage', 'NewsML', 'nitf'].includes(local)) {
    return { ok: false, reason: root ? `not a feed or agency document (its root element is <${root}>)` : 'not an XML document' }
  }
  const parsed = parseXml(text)
  if (!parsed.ok) return parsed
  switch (local) {
    case 'rss':
    case 'RDF':
      return { ok: true, format: 'rss', ...parseSyndicationFeed(parsed.root) }
    case 'feed':
      return { ok: true, format: 'atom', ...parseSyndicationFeed(parsed.root) }
    case 'nitf': {
      const item = parseNitf(parsed.root)
      return isRefusal(item) ? { ok: false, reason: item.reason } : { ok: true, format: 'nitf', items: [item], skipped: [] }
    }
    case 'NewsML':
      return { ok: true, format: 'newsml-1', ...parseNewsMl1(parsed.root) }
    default:
      return { ok: true, format: 'newsml-g2', ...parseNewsMlG2(parsed.root) }
  }
}

export function parseWireDocument(bytes: Uint8Array, hints: DocumentHints = {}): WireParseResult {
  if (bytes.length > WIRE_LIMITS.documentBytes) return { ok: false, reason: `the document is larger than ${WIRE_LIMITS.documentBytes} bytes` }
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x09)) start++
  if (start === bytes.length) return { ok: false, reason: 'the document is empty' }
  try {
    const result = bytes[start] === 0x7b || bytes[start] === 0x5b ? fromJson(bytes.subarray(start)) : fromXml(bytes, hints)
    // An empty feed is a quiet hour; an agency document with nothing in it is a broken delivery.
    const isFeed = result.ok && (result.format === 'rss' || result.format === 'atom' || result.format === 'json-feed')
    if (result.ok && !isFeed && result.items.length === 0 && result.skipped.length === 0) return { ok: false, reason: 'the document holds no items' }
    if (result.ok && result.items.length > WIRE_LIMITS.itemsPerDocument) {
      return { ...result, items: result.items.slice(0, WIRE_LIMITS.itemsPerDocument), skipped: [...result.skipped, { reason: `only the first ${WIRE_LIMITS.itemsPerDocument} items are read` }] }
    }
    return result
  } catch (error) {
    // A parser bug or a pathological document (stack depth): refused with its reason, never a crash.
    return { ok: false, reason: `the document could not be read: ${error instanceof Error ? error.message : String(error)}` }
  }
}
