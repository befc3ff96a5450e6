// An imported post's stored body, as storedArticleBody writes it, for less: the readers' HTML written
// straight from the body document in the form sanitize-html gives it, instead of written by the document's
// serialiser and then parsed and rewritten by sanitize-html (a third of the import worker's time).
//
// Why this is the sanitised HTML and not merely HTML like it: the document was just read by the body
// schema's rules (htmlToDocument), which keep only the schema's nodes and marks and only the addresses
// body-document.ts allows. Its serialiser (documentToHtml) writes each node's toDOM spec with every text and
// attribute value escaped; sanitize-html then reads that back with htmlparser2 (entities decoded) and writes
// every element again: the tag when allowed, each allowed attribute with its value escaped (& < > "),
// empty values left out or written bare, classes filtered, addresses checked by scheme, void elements as
// `<br />`, text escaped (& < >). This module writes that output directly for the schema's common nodes, and
// only when every tag, attribute, class and address is one the allowlist keeps unchanged. Anything else (an
// embed, a related story, a srcset, a table cell with a width, an address sanitize-html would refuse,
// nesting near the sanitiser's depth limit) is not written here: the body then goes the whole way through
// storedArticleBody. So the result is either exactly storedArticleBody's or storedArticleBody's own; the
// tests compare the two on every WordPress export, clipboard capture and XSS payload in the corpora.
import { MAX_BODY_NESTING, renderMarkdown, storedArticleBody } from './article-body.js'
import { htmlToDocument, MAX_BODY_HTML_LENGTH, type BodyDoc, type BodyJsonNode } from './body-document.js'

type JsonMark = NonNullable<BodyJsonNode['marks']>[number]

/** Text as sanitize-html writes it (its escapeHtml without quotes). */
const escapeText = (text: string): string => /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text
/** An attribute's value as sanitize-html writes it. */
const escapeAttribute = (value: string): string => /[&<>"]/.test(value) ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : value

/**
 * Whether sanitize-html would drop this address (its naughtyHref, through launder: characters up to the
 * space removed, comments removed, then the scheme checked; no protocol-relative addresses).
 */
export function refusedAddress(href: string, schemes: readonly string[]): boolean {
  // eslint-disable-next-line no-control-regex -- what browsers ignore in addresses is what is looked for
  let value = href.replace(/[\x00-\x20]+/g, '')
  for (;;) {
    const first = value.indexOf('<!--')
    if (first === -1) break
    const last = value.indexOf('-->', first + 4)
    if (last === -1) break
    value = value.substring(0, first) + value.substring(last + 3)
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(value)
  if (!scheme) return /^[/\\]{2}/.test(value)
  return !schemes.includes(scheme[1]!.toLowerCase())
}

const LINK_SCHEMES = ['http', 'https', 'mailto']
const IMAGE_SCHEMES = ['http', 'https']

/** Thrown inside the writer for anything it does not write itself; the caller then sanitises the usual way. */
class NotHere extends Error {}
const notHere = (): never => { throw new NotHere() }

/** Past this depth the sanitiser's own limit (MAX_BODY_NESTING) is near: such bodies go the usual way. */
const DEPTH_LIMIT = MAX_BODY_NESTING - 16

/** A non-empty attribute (sanitize-html writes an empty one of these, all "non-boolean", not at all). */
const attr = (name: string, value: string): string => value === '' ? notHere() : ` ${name}="${escapeAttribute(value)}"`

const sameMark = (a: JsonMark, b: JsonMark): boolean => {
  if (a.type !== b.type) return false
  if (a.type !== 'link') return a.attrs === undefined && b.attrs === undefined
  return a.attrs?.href === b.attrs?.href && a.attrs?.title === b.attrs?.title
}

const SIMPLE_MARKS: Record<string, string> = { em: 'em', strong: 'strong', code: 'code', del: 'del', sup: 'sup', sub: 'sub' }

function openMark(mark: JsonMark): { open: string, close: string } {
  const simple = SIMPLE_MARKS[mark.type]
  if (simple !== undefined) {
    if (mark.attrs !== undefined) notHere()
    return { open: `<${simple}>`, close: `</${simple}>` }
  }
  if (mark.type !== 'link') notHere()
  const href = mark.attrs?.href
  const title = mark.attrs?.title
  if (typeof href !== 'string' || refusedAddress(href, LINK_SCHEMES)) notHere()
  let open = '<a' + attr('href', href as string)
  if (title) open += typeof title === 'string' ? attr('title', title) : notHere()
  return { open: open + '>', close: '</a>' }
}

const BLOCKS: Record<string, string> = {
  paragraph: 'p', blockquote: 'blockquote', bullet_list: 'ul', list_item: 'li', table_row: 'tr'
}

class Writer {
  out = ''
  depth = 0

  enter(levels: number): void {
    this.depth += levels
    if (this.depth > DEPTH_LIMIT) notHere()
  }

  /** DOMSerializer's fragment: a mark stays open across adjacent nodes that share it, the last opened closes first. */
  fragment(content: readonly BodyJsonNode[] | undefined): void {
    if (!content) return
    const active: { mark: JsonMark, close: string }[] = []
    for (const node of content) {
      const marks = node.marks ?? []
      if (active.length || marks.length) {
        let keep = 0
        while (keep < active.length && keep < marks.length && sameMark(marks[keep]!, active[keep]!.mark)) keep++
        while (keep < active.length) { this.out += active.pop()!.close; this.depth-- }
        for (let i = keep; i < marks.length; i++) {
          const { open, close } = openMark(marks[i]!)
          this.out += open
          this.enter(1)
          active.push({ mark: marks[i]!, close })
        }
      }
      this.node(node)
    }
    while (active.length) { this.out += active.pop()!.close; this.depth-- }
  }

  wrapped(open: string, close: string, node: BodyJsonNode, levels = 1): void {
    this.out += open
    this.enter(levels)
    this.fragment(node.content)
    this.depth -= levels
    this.out += close
  }

  node(node: BodyJsonNode): void {
    const attrs = node.attrs
    switch (node.type) {
      case 'text':
        if (typeof node.text !== 'string') notHere()
        this.out += escapeText(node.text!)
        return
      case 'hard_break':
        this.enter(1)
        this.depth--
        this.out += '<br />'
        return
      case 'horizontal_rule':
        this.enter(1)
        this.depth--
        this.out += '<hr />'
        return
      case 'paragraph': case 'blockquote': case 'bullet_list': case 'list_item': case 'table_row': {
        const tag = BLOCKS[node.type]!
        this.wrapped(`<${tag}>`, `</${tag}>`, node)
        return
      }
      case 'pull_quote':
        this.wrapped('<blockquote class="pull-quote">', '</blockquote>', node)
        return
      case 'heading': {
        const tag = attrs?.level === 3 ? 'h3' : 'h2'
        this.wrapped(`<${tag}>`, `</${tag}>`, node)
        return
      }
      case 'ordered_list': {
        const order = attrs?.order
        if (typeof order !== 'number') notHere()
        this.wrapped(order === 1 ? '<ol>' : `<ol${attr('start', String(order))}>`, '</ol>', node)
        return
      }
      case 'code_block':
        this.wrapped('<pre><code>', '</code></pre>', node, 2)
        return
      case 'table':
        this.wrapped('<table><tbody>', '</tbody></table>', node, 2)
        return
      case 'table_cell': case 'table_header': {
        const tag = node.type === 'table_cell' ? 'td' : 'th'
        // data-colwidth is not on the allowlist: such cells go the usual way.
        if (attrs?.colwidth != null) notHere()
        let open = '<' + tag
        for (const name of ['colspan', 'rowspan']) {
          const value = attrs?.[name]
          if (typeof value !== 'number') notHere()
          if (value !== 1) open += attr(name, String(value))
        }
        this.wrapped(open + '>', `</${tag}>`, node)
        return
      }
      case 'picture':
        this.picture(attrs ?? {})
        return
      default:
        notHere()
    }
  }

  /** body-schema.ts's pictureDOM, without a srcset (sanitize-html rewrites those). */
  picture(attrs: Record<string, unknown>): void {
    const { mediaId, src, srcset, width, height, alt, caption, credit } = attrs
    if (typeof src !== 'string' || refusedAddress(src, IMAGE_SCHEMES)) notHere()
    if (srcset !== '' || typeof alt !== 'string' || typeof caption !== 'string' || typeof credit !== 'string') notHere()
    const number = (value: unknown) => typeof value === 'number' ? String(value) : value === null ? null : notHere()
    const media = number(mediaId)
    let img = '<img' + attr('src', src as string) + (alt === '' ? ' alt=""' : attr('alt', alt as string))
    const w = number(width)
    const h = number(height)
    if (w !== null) img += attr('width', w)
    if (h !== null) img += attr('height', h)
    img += ' loading="lazy" decoding="async" />'
    this.enter(3)
    this.depth -= 3
    this.out += `<figure class="picture"${media !== null ? attr('data-media-id', media) : ''}>${img}`
    if (caption || credit) {
      this.out += '<figcaption>'
      if (caption) this.out += `<span class="caption">${escapeText(caption as string)}</span>`
      if (caption && credit) this.out += ' '
      if (credit) this.out += `<span class="credit">${escapeText(credit as string)}</span>`
      this.out += '</figcaption>'
    }
    this.out += '</figure>'
  }
}

/**
 * sanitizeBodyHtml(documentToHtml(doc)) written directly, for the documents this module knows how to write
 * (see above); null for any other, which the caller sanitises the usual way.
 */
export function sanitizedDocumentHtml(doc: BodyDoc): string | null {
  if (doc.type !== 'doc' || !Array.isArray(doc.content)) return null
  const only = doc.content.length === 1 ? doc.content[0]! : null
  // An empty body (one empty paragraph) is "", as documentToHtml writes it.
  if (only && only.type === 'paragraph' && !only.content?.length) return ''
  const writer = new Writer()
  try {
    writer.fragment(doc.content)
  } catch (error) {
    if (error instanceof NotHere) return null
    throw error
  }
  return writer.out
}

/**
 * storedArticleBody(source) for a body source wordpressContentToBody wrote (its HTML in a <div>, read as
 * Markdown passes an HTML block: untouched), with the readers' HTML written directly where it can be.
 */
export function storedImportedBody(source: string): { source: string, html: string } {
  if ((source !== '' && !source.startsWith('<div>')) || source.length > MAX_BODY_HTML_LENGTH) return storedArticleBody(source)
  // What bodyDocumentWithHtml reads the same source as (readHtml of marked's rendering), as JSON.
  const doc = htmlToDocument(renderMarkdown(source))
  const html = sanitizedDocumentHtml(doc)
  if (html === null) return storedArticleBody(source)
  return { source: JSON.stringify(doc), html }
}
