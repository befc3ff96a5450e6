// Reads a WordPress export (WXR 1.0, 1.1, 1.2) as a stream of records: the channel's header, then each
// author, term and item as it closes. Only the record being read is held, so memory stays flat however
// large the file; each text field and each record is bounded so that a hostile file cannot grow one
// record without limit. The parser (saxes) is a conforming, linear-time XML parser: CDATA sections,
// including WordPress's `]]]]><![CDATA[>` split for a nested `]]>`, arrive as the text they stand for,
// byte for byte; a DOCTYPE's entities are never expanded.
//
// Elements are recognised by namespace URI, not prefix: WordPress's export namespaces for every WXR
// version are accepted (http, and https as WordPress.com writes them), and a prefix rebound to another URI (a "hijacked" wp:) is someone else's data.
import { isUtf8 } from 'node:buffer'
import { SaxesParser, type SaxesTagNS } from 'saxes'

export const WXR_VERSIONS = ['1.0', '1.1', '1.2'] as const
export type WxrVersion = typeof WXR_VERSIONS[number]

const WP_NS = /^https?:\/\/wordpress\.org\/export\/1\.[012]\/$/
const EXCERPT_NS = /^https?:\/\/wordpress\.org\/export\/1\.[012]\/excerpt\/$/
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/'
const DC_NS = 'http://purl.org/dc/elements/1.1/'

/** One text field (a post's content, a meta value): far above any real post, small enough for one process. */
export const MAX_FIELD_CHARS = 16 * 1024 * 1024
/** One record with its comments and meta. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024
/** Nesting inside a record: WXR needs four levels (item → comment → commentmeta → meta_value). */
const MAX_RECORD_DEPTH = 16

export class WxrError extends Error {
  constructor (message: string, readonly line: number, readonly column: number) {
    super(`${message} (line ${line}, column ${column})`)
    this.name = 'WxrError'
  }
}

export interface WxrHeader {
  version: WxrVersion
  title: string
  link: string
  description: string
  language: string
  baseSiteUrl: string
  baseBlogUrl: string
}

export interface WxrAuthor {
  id: number | null
  login: string
  email: string
  displayName: string
  firstName: string
  lastName: string
}

export interface WxrMeta { key: string, value: string }

export interface WxrTerm {
  id: number | null
  /** category, post_tag, nav_menu, post_format, or a site's own taxonomy. */
  taxonomy: string
  slug: string
  name: string
  /** The parent's slug (WordPress exports parents by slug). */
  parent: string
  description: string
  meta: WxrMeta[]
}

export interface WxrComment {
  id: number | null
  author: string
  authorEmail: string
  authorUrl: string
  authorIp: string
  date: string
  dateGmt: string
  content: string
  /** "1", "0", "spam", "trash", "post-trashed". */
  approved: string
  type: string
  parent: number
  userId: number
  meta: WxrMeta[]
}

/** An item's term: `<category domain="post_tag" nicename="slug">Name</category>`. */
export interface WxrItemTerm { domain: string, slug: string, name: string }

export interface WxrItem {
  title: string
  link: string
  pubDate: string
  creator: string
  guid: string
  description: string
  content: string
  excerpt: string
  postId: number | null
  postDate: string
  postDateGmt: string
  postModified: string
  postModifiedGmt: string
  commentStatus: string
  pingStatus: string
  postName: string
  status: string
  postParent: number
  menuOrder: number
  postType: string
  postPassword: string
  isSticky: boolean
  attachmentUrl: string
  terms: WxrItemTerm[]
  meta: WxrMeta[]
  comments: WxrComment[]
}

export type WxrRecord =
  | { kind: 'header', header: WxrHeader, line: number }
  | { kind: 'author', author: WxrAuthor, line: number }
  | { kind: 'term', term: WxrTerm, line: number }
  | { kind: 'item', item: WxrItem, line: number }

/** An element of the record being read; the record is dropped once converted. */
interface Node { ns: string, name: string, attrs: Readonly<Record<string, string>>, text: string, children: Node[] }

// Most of an export's elements are fields with text and no attributes or children (an item has dozens, a
// comment a dozen): they share these two empty values instead of each allocating its own, which the
// garbage collector then had to sweep a million times per 20,000 posts. Never written to: a node's first
// child replaces NO_CHILDREN with an array of its own.
const NO_CHILDREN: Node[] = Object.freeze([]) as unknown as Node[]
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({})

/** The attributes without a namespace, by local name. */
function attributesOf(tag: SaxesTagNS): Readonly<Record<string, string>> {
  let attrs: Record<string, string> | null = null
  for (const name in tag.attributes) {
    const a = tag.attributes[name]!
    if (a.uri === '') (attrs ??= {})[a.local] = a.value
  }
  return attrs ?? NO_ATTRIBUTES
}

type Space = 'wp' | 'excerpt' | 'content' | 'dc' | 'rss' | 'other'

/** Namespace URIs seen so far: an export uses a handful, on every one of its million elements. */
const spaces = new Map<string, Space>()

function spaceOf(uri: string): Space {
  let space = spaces.get(uri)
  if (space === undefined) {
    space = spaceOfUri(uri)
    if (spaces.size < 100) spaces.set(uri, space)
  }
  return space
}

function spaceOfUri(uri: string): Space {
  if (uri === '') return 'rss'
  if (WP_NS.test(uri)) return 'wp'
  if (EXCERPT_NS.test(uri)) return 'excerpt'
  if (uri === CONTENT_NS) return 'content'
  if (uri === DC_NS) return 'dc'
  return 'other'
}

const child = (n: Node, ns: Space, name: string): Node | undefined => n.children.find((c) => c.ns === ns && c.name === name)
const childrenOf = (n: Node, ns: Space, name: string): Node[] => n.children.filter((c) => c.ns === ns && c.name === name)
const text = (n: Node, ns: Space, name: string): string => child(n, ns, name)?.text ?? ''
/** Identifiers, slugs, statuses and dates: WordPress writes some over several lines. */
const word = (n: Node, ns: Space, name: string): string => text(n, ns, name).trim()
function int(n: Node, ns: Space, name: string): number | null {
  const s = word(n, ns, name)
  if (!/^\d{1,15}$/.test(s)) return null
  return Number(s)
}

function metaOf(n: Node, element: string): WxrMeta[] {
  return childrenOf(n, 'wp', element).map((m) => ({ key: word(m, 'wp', 'meta_key'), value: text(m, 'wp', 'meta_value') }))
}

function authorOf(n: Node): WxrAuthor {
  return {
    id: int(n, 'wp', 'author_id'),
    login: word(n, 'wp', 'author_login'),
    email: word(n, 'wp', 'author_email'),
    displayName: text(n, 'wp', 'author_display_name').trim(),
    firstName: text(n, 'wp', 'author_first_name').trim(),
    lastName: text(n, 'wp', 'author_last_name').trim()
  }
}

/** wp:category and wp:tag (every version) and wp:term (1.2) all become terms. */
function termOf(n: Node): WxrTerm {
  if (n.name === 'category') {
    return {
      id: int(n, 'wp', 'term_id'), taxonomy: 'category', slug: word(n, 'wp', 'category_nicename'), name: text(n, 'wp', 'cat_name'),
      parent: word(n, 'wp', 'category_parent'), description: text(n, 'wp', 'category_description'), meta: metaOf(n, 'termmeta')
    }
  }
  if (n.name === 'tag') {
    return {
      id: int(n, 'wp', 'term_id'), taxonomy: 'post_tag', slug: word(n, 'wp', 'tag_slug'), name: text(n, 'wp', 'tag_name'),
      parent: '', description: text(n, 'wp', 'tag_description'), meta: metaOf(n, 'termmeta')
    }
  }
  return {
    id: int(n, 'wp', 'term_id'), taxonomy: word(n, 'wp', 'term_taxonomy'), slug: word(n, 'wp', 'term_slug'), name: text(n, 'wp', 'term_name'),
    parent: word(n, 'wp', 'term_parent'), description: text(n, 'wp', 'term_description'), meta: metaOf(n, 'termmeta')
  }
}

function commentOf(n: Node): WxrComment {
  return {
    id: int(n, 'wp', 'comment_id'),
    author: text(n, 'wp', 'comment_author'),
    authorEmail: word(n, 'wp', 'comment_author_email'),
    authorUrl: word(n, 'wp', 'comment_author_url'),
    authorIp: word(n, 'wp', 'comment_author_IP'),
    date: word(n, 'wp', 'comment_date'),
    dateGmt: word(n, 'wp', 'comment_date_gmt'),
    content: text(n, 'wp', 'comment_content'),
    approved: word(n, 'wp', 'comment_approved'),
    type: word(n, 'wp', 'comment_type'),
    parent: int(n, 'wp', 'comment_parent') ?? 0,
    userId: int(n, 'wp', 'comment_user_id') ?? 0,
    meta: metaOf(n, 'commentmeta')
  }
}

function itemOf(n: Node): WxrItem {
  return {
    title: text(n, 'rss', 'title'),
    link: word(n, 'rss', 'link'),
    pubDate: word(n, 'rss', 'pubDate'),
    creator: word(n, 'dc', 'creator'),
    guid: word(n, 'rss', 'guid'),
    description: text(n, 'rss', 'description'),
    content: text(n, 'content', 'encoded'),
    excerpt: text(n, 'excerpt', 'encoded'),
    postId: int(n, 'wp', 'post_id'),
    postDate: word(n, 'wp', 'post_date'),
    postDateGmt: word(n, 'wp', 'post_date_gmt'),
    postModified: word(n, 'wp', 'post_modified'),
    postModifiedGmt: word(n, 'wp', 'post_modified_gmt'),
    commentStatus: word(n, 'wp', 'comment_status'),
    pingStatus: word(n, 'wp', 'ping_status'),
    postName: word(n, 'wp', 'post_name'),
    status: word(n, 'wp', 'status'),
    postParent: int(n, 'wp', 'post_parent') ?? 0,
    menuOrder: int(n, 'wp', 'menu_order') ?? 0,
    postType: word(n, 'wp', 'post_type'),
    postPassword: text(n, 'wp', 'post_password'),
    isSticky: word(n, 'wp', 'is_sticky') === '1',
    attachmentUrl: word(n, 'wp', 'attachment_url'),
    terms: childrenOf(n, 'rss', 'category')
      .filter((c) => c.attrs.domain !== undefined)
      .map((c) => ({ domain: c.attrs.domain!, slug: (c.attrs.nicename ?? '').trim(), name: c.text })),
    meta: metaOf(n, 'postmeta'),
    comments: childrenOf(n, 'wp', 'comment').map(commentOf)
  }
}

const RECORDS: Record<string, Space> = { item: 'rss', author: 'wp', category: 'wp', tag: 'wp', term: 'wp' }
const HEADER_FIELDS = new Set(['rss:title', 'rss:link', 'rss:description', 'rss:language', 'wp:wxr_version', 'wp:base_site_url', 'wp:base_blog_url'])

/**
 * UTF-8 bytes as text, chunk by chunk, refusing what is not UTF-8 as TextDecoder's `fatal` mode does
 * (overlong forms, surrogates, past U+10FFFF, a cut character), and dropping a leading byte-order mark as
 * it does. Checking with isUtf8 and converting with toString is about twice as fast as the streaming
 * TextDecoder, which took a tenth of each pass over a large export.
 */
class Utf8Stream {
  /** The bytes of a character the last chunk cut short (at most three). */
  private carry: Buffer | null = null
  private started = false

  /** The chunk's text, or null when it is not UTF-8. */
  decode(chunk: Buffer | Uint8Array): string | null {
    let bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (this.carry) { bytes = Buffer.concat([this.carry, bytes]); this.carry = null }
    if (!this.started && bytes.length > 0) {
      if (bytes.length < 3 && bytes[0] === 0xef && (bytes.length < 2 || bytes[1] === 0xbb)) { this.carry = Buffer.from(bytes); return '' }
      this.started = true
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
    }
    const end = completeLength(bytes)
    if (end < bytes.length) {
      this.carry = Buffer.from(bytes.subarray(end))
      if (!startsACharacter(this.carry)) return null
    }
    const whole = bytes.subarray(0, end)
    return isUtf8(whole) ? whole.toString('utf8') : null
  }

  /** False when the bytes ended inside a character. */
  end(): boolean {
    return this.carry === null || (!this.started && this.carry.length === 0)
  }
}

/**
 * How many of the bytes end on a character boundary: a lead byte near the end whose character needs
 * more bytes than are left is held back for the next chunk. Anything else that is wrong is left in, for
 * isUtf8 to refuse.
 */
function completeLength(bytes: Buffer): number {
  const n = bytes.length
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!
    if ((b & 0xc0) === 0x80) continue
    const needs = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1
    return needs > back ? n - back : n
  }
  return n
}

/** Whether the cut bytes can still become a character (TextDecoder refuses a wrong second byte at once). */
function startsACharacter(bytes: Buffer): boolean {
  const lead = bytes[0]!
  const second = bytes[1]
  if (second === undefined) return true
  const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf]
  return second >= low && second <= high && (bytes[2] === undefined || (bytes[2] & 0xc0) === 0x80)
}

/**
 * Parses WXR from chunks of UTF-8 bytes or text (a file stream, an upload). Yields the header before the first record: a file whose version is
 * missing or unknown by then is refused. Throws WxrError, with the line and column, for anything that is
 * not well-formed XML or not a WXR export.
 */
export async function * readWxr(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const ready: WxrRecord[] = []
  let failure: WxrError | null = null
  const fail = (message: string): never => { throw new WxrError(message, parser.line, parser.column + 1) }
  parser.on('error', (e) => {
    // saxes prefixes its own "line:column: "; ours is added by WxrError.
    failure ??= new WxrError(e.message.replace(/^\d+:\d+: /, ''), parser.line, parser.column + 1)
    throw failure
  })

  // Where we are: the path of local names down to the channel, then the record under construction.
  const path: string[] = []
  let record: { stack: Node[], chars: number, line: number } | null = null
  const header: Partial<Record<string, string>> = {}
  let headerField: { key: string, text: string } | null = null
  let headerSent = false
  let sawChannel = false

  const sendHeader = (): void => {
    if (headerSent) return
    const version = (header['wp:wxr_version'] ?? '').trim()
    if (version === '') fail('This is not a WordPress export: the WXR version (wp:wxr_version) is missing before the first item')
    if (!(WXR_VERSIONS as readonly string[]).includes(version)) fail(`Unknown WXR version "${version.slice(0, 40)}" (known: ${WXR_VERSIONS.join(', ')})`)
    headerSent = true
    ready.push({
      kind: 'header', line: parser.line,
      header: {
        version: version as WxrVersion,
        title: header['rss:title'] ?? '', link: (header['rss:link'] ?? '').trim(), description: header['rss:description'] ?? '',
        language: (header['rss:language'] ?? '').trim(), baseSiteUrl: (header['wp:base_site_url'] ?? '').trim(),
        baseBlogUrl: (header['wp:base_blog_url'] ?? '').trim()
      }
    })
  }

  const addText = (t: string): void => {
    if (record) {
      const top = record.stack[record.stack.length - 1]!
      record.chars += t.length
      if (top.text.length + t.length > MAX_FIELD_CHARS) fail(`A field of <${top.name}> is longer than ${MAX_FIELD_CHARS} characters`)
      if (record.chars > MAX_RECORD_CHARS) fail(`An item is longer than ${MAX_RECORD_CHARS} characters`)
      top.text += t
    } else if (headerField) {
      if (headerField.text.length + t.length > MAX_FIELD_CHARS) fail('A channel field is too long')
      headerField.text += t
    }
  }
  parser.on('text', addText)
  parser.on('cdata', addText)

  parser.on('xmldecl', (decl) => {
    if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) fail(`The file declares the encoding "${decl.encoding}"; only UTF-8 exports can be read`)
  })

  parser.on('opentag', (tag: SaxesTagNS) => {
    const space = spaceOf(tag.uri)
    if (record) {
      if (record.stack.length >= MAX_RECORD_DEPTH) fail('Elements are nested too deeply')
      const node: Node = { ns: space, name: tag.local, attrs: attributesOf(tag), text: '', children: NO_CHILDREN }
      const parent = record.stack[record.stack.length - 1]!
      if (parent.children === NO_CHILDREN) parent.children = [node]
      else parent.children.push(node)
      record.stack.push(node)
      return
    }
    const depth = path.length
    if (depth === 0 && !(space === 'rss' && tag.local === 'rss')) fail(`This is not a WordPress export: the document is <${tag.name}>, not <rss>`)
    if (depth === 1 && space === 'rss' && tag.local === 'channel') sawChannel = true
    if (depth === 2 && path[1] === 'channel') {
      if (RECORDS[tag.local] === space) {
        sendHeader()
        record = { stack: [{ ns: space, name: tag.local, attrs: {}, text: '', children: [] }], chars: 0, line: parser.line }
        return
      }
      const key = `${space}:${tag.local}`
      if (HEADER_FIELDS.has(key)) headerField = { key, text: '' }
    }
    path.push(tag.local)
  })

  parser.on('closetag', () => {
    if (record) {
      const node = record.stack.pop()!
      if (record.stack.length > 0) return
      const line = record.line
      record = null
      if (node.name === 'item') ready.push({ kind: 'item', item: itemOf(node), line })
      else if (node.name === 'author') ready.push({ kind: 'author', author: authorOf(node), line })
      else ready.push({ kind: 'term', term: termOf(node), line })
      return
    }
    if (headerField && path.length === 3) {
      header[headerField.key] ??= headerField.text
      headerField = null
    }
    path.pop()
    if (path.length === 1 && path[0] === 'rss' && sawChannel) sendHeader()
  })

  // Bytes are decoded as a stream, so a character split between two chunks arrives whole.
  const decoder = new Utf8Stream()
  const decode = (chunk: string | Buffer): string => {
    if (typeof chunk === 'string') return chunk
    const text = decoder.decode(chunk)
    return text ?? fail('The file is not valid UTF-8')
  }
  let first = true
  for await (const chunk of chunks) {
    let s = decode(chunk)
    if (first) {
      // A byte-order mark is not part of the document.
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1)
      first = false
    }
    parser.write(s)
    while (ready.length) yield ready.shift()!
  }
  if (!decoder.end()) fail('The file ends inside a UTF-8 character')
  parser.close()
  if (!sawChannel) fail('This is not a WordPress export: there is no <channel>')
  while (ready.length) yield ready.shift()!
}

/** Checks a whole export without keeping any of it: its header and how many records of each kind it holds. */
export async function scanWxr(chunks: AsyncIterable<string | Buffer>): Promise<{ header: WxrHeader, authors: number, terms: number, items: number }> {
  let header: WxrHeader | null = null
  const counts = { authors: 0, terms: 0, items: 0 }
  for await (const r of readWxr(chunks)) {
    if (r.kind === 'header') header = r.header
    else if (r.kind === 'author') counts.authors++
    else if (r.kind === 'term') counts.terms++
    else counts.items++
  }
  // readWxr sends the header or throws before it ends.
  return { header: header!, ...counts }
}
