// The article body as a document (issue 17) on the server: the schema's JSON read and checked, HTML read
// into it, and the readers' HTML written from it, all without a DOM.
//
// documentToHtml walks the schema's own toDOM specs, so it writes what ProseMirror's DOMSerializer writes
// in the browser. htmlToDocument reads HTML (htmlparser2) by the rules of the schema's parseDOM, with the
// same context fitting as ProseMirror's DOMParser (ported below over htmlparser2's tree), so HTML the
// editor wrote comes back as the document it was. What the browser's rules would let through but a stored
// body must not hold (a javascript: link, a picture from a data: address, an embed no provider is known
// for) is left out here; parseBodyDocument applies the same limits to JSON a client sends.
import { DomHandler, Parser } from 'htmlparser2'
import type { ChildNode, Document as DomDocument, Element, Text as DomText } from 'domhandler'
import { Fragment, Mark, Node as PMNode, type Attrs, type ContentMatch, type DOMOutputSpec, type NodeType } from 'prosemirror-model'
import { MAX_BODY_NESTING, renderMarkdown } from './article-body.js'
import { bodySchema, EMBED_PROVIDERS } from './body-schema.js'
import { recogniseEmbed } from './embeds.js'
import { htmlToText } from './search-text.js'

/** A document as ProseMirror writes it to JSON (Node.toJSON). */
export interface BodyJsonNode {
  type: string
  attrs?: Record<string, unknown>
  content?: BodyJsonNode[]
  marks?: { type: string, attrs?: Record<string, unknown> }[]
  text?: string
}
export type BodyDoc = BodyJsonNode & { type: 'doc', content: BodyJsonNode[] }

/** Far beyond any article (a long feature is 100,000 characters of HTML); past it, the HTML is refused. */
export const MAX_BODY_HTML_LENGTH = 2_000_000
/** The same body as JSON is about twice its HTML; past this, the JSON is refused unread. */
export const MAX_BODY_JSON_LENGTH = 4_000_000

/** Thrown when a body cannot be read at all (too long, or a document that fails its checks). */
export class BodyDocumentError extends Error {}

const READ_ERROR = 'The body could not be read: '
const tooLong = () => new BodyDocumentError(`${READ_ERROR}it is longer than ${MAX_BODY_HTML_LENGTH.toLocaleString('en')} characters.`)

const { nodes, marks } = bodySchema

// ---------------------------------------------------------------------------------------------------
// What addresses a body may hold.

// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f]/
// eslint-disable-next-line no-control-regex -- the article form refuses these (tab and line breaks aside), and PostgreSQL cannot store NUL
const UNSAVABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const UNSAVABLE_ALL = new RegExp(UNSAVABLE.source, 'g')

/** Without the spaces and control characters a browser strips from both ends of an address. */
function trimAddress(value: string): string {
  let start = 0
  let end = value.length
  while (start < end && value.charCodeAt(start) <= 0x20) start++
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--
  return value.slice(start, end)
}

/** A path on this site: one slash, then anything but the slash or backslash that would name another host. */
function sitePath(value: string): boolean {
  return value[0] === '/' && value[1] !== '/' && value[1] !== '\\'
}

/** A link's address as stored: a web page, an email address or a path on this site; null for anything else. */
export function safeLinkHref(href: string): string | null {
  const value = trimAddress(href)
  if (value === '' || CONTROL.test(value)) return null
  if (/^(?:https?:\/\/|mailto:)/i.test(value) || sitePath(value)) return value
  return null
}

/** A related story's address: a path on this site only. */
function safeSitePath(href: string): string | null {
  const value = trimAddress(href)
  return value !== '' && !CONTROL.test(value) && sitePath(value) ? value : null
}

/** A picture's image: the media library's files, or an image on the web (imported bodies link to their old site's). */
function safeImageSrc(src: string): string | null {
  const value = trimAddress(src)
  if (CONTROL.test(value)) return null
  return /^\/media\/[^\s\\]/.test(value) || /^https?:\/\/[^\s/\\]/i.test(value) ? value : null
}

/** A srcset whose every candidate is an image a picture may show ("" for none); null otherwise. */
function safeSrcset(srcset: string): string | null {
  const value = srcset.trim()
  if (value === '') return ''
  const candidates = value.split(',')
  for (const candidate of candidates) {
    const [url, descriptor, ...rest] = candidate.trim().split(/\s+/)
    if (rest.length > 0 || !url || safeImageSrc(url) !== url) return null
    if (descriptor !== undefined && !/^\d{1,5}(?:\.\d{1,3})?[wx]$/.test(descriptor)) return null
  }
  return value
}

// ---------------------------------------------------------------------------------------------------
// Document → HTML: the toDOM specs written out as DOMSerializer and innerHTML would.

/** Elements HTML writes without an end tag (and never with content). */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00A0': '&nbsp;' }
const escapeText = (text: string): string => text.replace(/[&<>\u00A0]/g, (c) => ESCAPES[c]!)
// Quotes, and the angle brackets the HTML standard now escapes in attributes too (Chrome 138, Firefox 140).
const escapeAttribute = (value: string): string => value.replace(/[&<>"\u00A0]/g, (c) => ESCAPES[c]!)

/** A spec as HTML: `before` and `after` the content hole, or all of it in `before` when the spec has none. */
interface RenderedSpec { before: string, after: string | null }

function renderSpec(spec: DOMOutputSpec): RenderedSpec {
  if (typeof spec === 'string') return { before: escapeText(spec), after: null }
  if (!Array.isArray(spec)) throw new RangeError('A body toDOM spec must be an array or a string to be written without a DOM')
  const tag = spec[0] as unknown
  if (typeof tag !== 'string' || !/^[a-z][a-z0-9-]*$/.test(tag)) throw new RangeError(`Not an HTML tag name in a toDOM spec: ${String(tag)}`)
  let start = 1
  let before = '<' + tag
  const attrs = spec[1] as unknown
  if (attrs !== null && typeof attrs === 'object' && !Array.isArray(attrs) && !('nodeType' in attrs)) {
    start = 2
    for (const [name, value] of Object.entries(attrs as Record<string, unknown>)) {
      if (value != null) before += ` ${name}="${escapeAttribute(String(value))}"`
    }
  }
  before += '>'
  if (VOID_ELEMENTS.has(tag)) return { before, after: null }
  let after: string | null = null
  for (let i = start; i < spec.length; i++) {
    const child = spec[i] as DOMOutputSpec | 0
    if (child === 0) {
      if (i > start || i < spec.length - 1) throw new RangeError('Content hole must be the only child of its parent node')
      after = ''
      continue
    }
    const inner = renderSpec(child)
    if (inner.after !== null) {
      if (after !== null) throw new RangeError('A toDOM spec may have one content hole')
      before += inner.before
      after = inner.after
    } else if (after === null) {
      before += inner.before
    } else {
      after += inner.before
    }
  }
  return after === null ? { before: before + `</${tag}>`, after: null } : { before, after: after + `</${tag}>` }
}

function writeNode(node: PMNode, out: string[]): void {
  if (node.isText) {
    out.push(escapeText(node.text!))
    return
  }
  const toDOM = node.type.spec.toDOM
  if (!toDOM) throw new RangeError(`The body schema cannot write a ${node.type.name}`)
  const { before, after } = renderSpec(toDOM(node))
  out.push(before)
  if (after === null) return
  if (node.isLeaf) throw new RangeError('Content hole not allowed in a leaf node spec')
  writeFragment(node.content, out)
  out.push(after)
}

/**
 * DOMSerializer.serializeFragment: a mark stays open across adjacent nodes that share it, and the marks
 * opened last close first, so `<em>a <strong>b</strong></em><strong> c</strong>` comes out as it does there.
 */
function writeFragment(fragment: Fragment, out: string[]): void {
  const active: { mark: Mark, close: string }[] = []
  fragment.forEach((node) => {
    if (active.length || node.marks.length) {
      let keep = 0
      let rendered = 0
      while (keep < active.length && rendered < node.marks.length) {
        const next = node.marks[rendered]!
        if (!next.eq(active[keep]!.mark) || next.type.spec.spanning === false) break
        keep++
        rendered++
      }
      while (keep < active.length) out.push(active.pop()!.close)
      while (rendered < node.marks.length) {
        const add = node.marks[rendered++]!
        const { before, after } = renderSpec(add.type.spec.toDOM!(add, node.isInline))
        out.push(before)
        active.push({ mark: add, close: after ?? '' })
      }
    }
    writeNode(node, out)
  })
  while (active.length) out.push(active.pop()!.close)
}

function isEmptyParagraph(node: PMNode): boolean {
  if (node.type !== nodes.paragraph) return false
  let empty = true
  node.forEach((child) => {
    if (child.isText ? /\S/.test(child.text!) : child.type !== nodes.hard_break) empty = false
  })
  return empty
}

const asNode = (doc: PMNode | BodyDoc): PMNode => (doc instanceof PMNode ? doc : bodySchema.nodeFromJSON(doc))

/**
 * The document as HTML, exactly as the editor's DOMSerializer writes it (no whitespace between blocks).
 * A body with nothing in it (one empty paragraph) is "", as the editor's field holds it.
 */
export function documentToHtml(doc: PMNode | BodyDoc): string {
  const node = asNode(doc)
  if (node.type === bodySchema.topNodeType && node.childCount === 1 && node.firstChild!.type === nodes.paragraph && node.firstChild!.childCount === 0) return ''
  const out: string[] = []
  if (node.type === bodySchema.topNodeType) writeFragment(node.content, out)
  else writeNode(node, out)
  return out.join('')
}

// ---------------------------------------------------------------------------------------------------
// HTML → document: the schema's parseDOM rules over htmlparser2's tree.

const isElement = (node: ChildNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style'
const isTextNode = (node: ChildNode): node is DomText => node.type === 'text'
const attribute = (el: Element, name: string): string | null => el.attribs[name] ?? null
const hasClass = (el: Element, name: string): boolean => (el.attribs.class ?? '').split(/[\t\n\f\r ]+/).includes(name)

/** The first element inside `el` that passes `test`, in document order (querySelector). */
function firstDescendant(el: Element, test: (candidate: Element) => boolean): Element | null {
  for (const child of el.children) {
    if (!isElement(child)) continue
    if (test(child)) return child
    const found = firstDescendant(child, test)
    if (found) return found
  }
  return null
}

/** The element's text, every descendant's included (textContent). */
function textOf(el: Element | null): string {
  if (!el) return ''
  let text = ''
  for (const child of el.children) {
    if (isTextNode(child)) text += child.data
    else if (isElement(child)) text += textOf(child)
  }
  return text
}

/** Plain-text attributes (captions, titles, headlines) with white space as a reader sees it. */
const collapsed = (text: string): string => text.replace(/[ \t\r\n\f]+/g, ' ').trim()

/** The schema's `num`: a whole number attribute, or null. */
function wholeNumber(value: string | null): number | null {
  return value !== null && /^\d{1,9}$/.test(value) ? Number(value) : null
}

type Style = Map<string, string>

/** The declarations of a style attribute, as CSSOM's getPropertyValue reads them (lower case, no !important). */
function styleOf(el: Element): Style | null {
  const text = el.attribs.style
  if (!text) return null
  const style: Style = new Map()
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const property = declaration.slice(0, colon).trim().toLowerCase()
    let value = declaration.slice(colon + 1).toLowerCase()
    const bang = value.indexOf('!')
    if (bang >= 0) value = value.slice(0, bang)
    value = value.trim()
    if (property && value) style.set(property, value)
  }
  return style.size ? style : null
}

type Rule =
  | { node: NodeType, attrs?: Attrs, preserveWhitespace?: 'full' }
  | { mark: Mark }

function pictureRule(figure: Element): Rule | null {
  if (!hasClass(figure, 'picture')) return null
  const img = firstDescendant(figure, (el) => el.name === 'img')
  if (!img) return null
  const src = safeImageSrc(attribute(img, 'src') ?? '')
  if (src === null) return null
  return {
    node: nodes.picture!,
    attrs: {
      mediaId: wholeNumber(attribute(figure, 'data-media-id')),
      src, srcset: safeSrcset(attribute(img, 'srcset') ?? '') ?? '',
      width: wholeNumber(attribute(img, 'width')), height: wholeNumber(attribute(img, 'height')),
      alt: attribute(img, 'alt') ?? '',
      caption: collapsed(textOf(firstDescendant(figure, (el) => hasClass(el, 'caption')))),
      credit: collapsed(textOf(firstDescendant(figure, (el) => hasClass(el, 'credit'))))
    }
  }
}

function embedRule(figure: Element): Rule | null {
  if (!hasClass(figure, 'embed')) return null
  const typed = attribute(figure, 'data-embed-url') ?? ''
  const embed = recogniseEmbed(typed)
  if (!embed) return null
  // The placeholder shows the address where there is no title; that is not a title.
  const title = collapsed(textOf(firstDescendant(figure, (el) => hasClass(el, 'embed-title'))))
  return { node: nodes.embed!, attrs: { provider: embed.provider, url: embed.url, title: title === typed || title === embed.url ? '' : title } }
}

function relatedStoryRule(aside: Element): Rule | null {
  if (!hasClass(aside, 'related-story')) return null
  const link = firstDescendant(aside, (el) => el.name === 'a')
  if (!link) return null
  const href = safeSitePath(attribute(link, 'href') ?? '')
  if (href === null) return null
  return { node: nodes.related_story!, attrs: { articleId: wholeNumber(attribute(aside, 'data-article-id')), href, headline: collapsed(textOf(link)) } }
}

/** prosemirror-tables' getCellAttrs, with spans that are whole numbers (it would store NaN for colspan="x"). */
function cellAttrs(cell: Element): Attrs {
  const span = (name: string) => {
    const value = attribute(cell, name)
    return value !== null && /^\d{1,4}$/.test(value) && Number(value) > 0 ? Number(value) : 1
  }
  const colspan = span('colspan')
  const widthText = attribute(cell, 'data-colwidth')
  const widths = widthText && widthText.length <= 200 && /^\d{1,5}(,\d{1,5})*$/.test(widthText) ? widthText.split(',').map(Number) : null
  return { colspan, rowspan: span('rowspan'), colwidth: widths && widths.length === colspan ? widths : null }
}

/**
 * The rule for an element, in the order DOMParser tries the schema's parseDOM rules (priority, then marks
 * before nodes, then the order of the specs). Where the schema's rule would take an address a body may not
 * hold, the element is read as if no rule matched (its content kept, the link or picture left out).
 */
function ruleFor(el: Element, style: Style | null): Rule | null {
  switch (el.name) {
    case 'blockquote': return { node: hasClass(el, 'pull-quote') ? nodes.pull_quote! : nodes.blockquote! }
    case 'figure': return pictureRule(el) ?? embedRule(el)
    case 'a': {
      const href = attribute(el, 'href')
      const safe = href === null ? null : safeLinkHref(href)
      // title="" writes no title, so it reads as none.
      return safe === null ? null : { mark: marks.link!.create({ href: safe, title: attribute(el, 'title') || null }) }
    }
    case 'i': case 'em': return { mark: marks.em!.create() }
    case 'strong': return { mark: marks.strong!.create() }
    // Google Docs wraps whole pastes in <b style="font-weight:normal">: not bold.
    case 'b': return style?.get('font-weight') === 'normal' ? null : { mark: marks.strong!.create() }
    case 'code': return { mark: marks.code!.create() }
    case 'del': case 's': case 'strike': return { mark: marks.del!.create() }
    case 'sup': return { mark: marks.sup!.create() }
    case 'sub': return { mark: marks.sub!.create() }
    case 'p': return { node: nodes.paragraph! }
    case 'h1': case 'h2': return { node: nodes.heading!, attrs: { level: 2 } }
    case 'h3': case 'h4': case 'h5': case 'h6': return { node: nodes.heading!, attrs: { level: 3 } }
    case 'ul': return { node: nodes.bullet_list! }
    case 'ol': return { node: nodes.ordered_list!, attrs: { order: wholeNumber(attribute(el, 'start')) ?? 1 } }
    case 'li': return { node: nodes.list_item! }
    case 'hr': return { node: nodes.horizontal_rule! }
    case 'pre': return { node: nodes.code_block!, preserveWhitespace: 'full' }
    case 'aside': return relatedStoryRule(el)
    case 'table': return { node: nodes.table! }
    case 'tr': return { node: nodes.table_row! }
    case 'td': return { node: nodes.table_cell!, attrs: cellAttrs(el) }
    case 'th': return { node: nodes.table_header!, attrs: cellAttrs(el) }
    case 'br': return { node: nodes.hard_break! }
    // Not a schema rule (the editor never meets a bare image: its pictures come from the media library):
    // a legacy Markdown image, or <img> typed without JavaScript, becomes a picture without a caption.
    case 'img': {
      const src = safeImageSrc(attribute(el, 'src') ?? '')
      if (src === null) return null
      return { node: nodes.picture!, attrs: { src, alt: attribute(el, 'alt') ?? '', width: wholeNumber(attribute(el, 'width')), height: wholeNumber(attribute(el, 'height')) } }
    }
    default: return null
  }
}

/** The schema's style rules: font-style=italic is em; font-weight 400 clears strong, bold and 500+ make it. */
function withStyleMarks(style: Style | null, active: readonly Mark[]): readonly Mark[] {
  if (!style) return active
  let result = active
  if (style.get('font-style') === 'italic') result = result.concat(marks.em!.create())
  const weight = style.get('font-weight')
  if (weight === '400') result = result.filter((m) => m.type !== marks.strong)
  else if (weight && /^(bold(er)?|[5-9]\d{2,})$/.test(weight)) result = result.concat(marks.strong!.create())
  return result
}

// DOMParser's own lists (prosemirror-model from_dom.ts): HTML's block elements, and those it skips whole.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'canvas', 'dd', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'noscript', 'ol', 'output', 'p',
  'pre', 'section', 'table', 'tfoot', 'ul'
])
/**
 * DOMParser's ignored tags, and what a browser never shows as text either: a frame's fallback, a
 * template's inert copy, drawings' and formulas' labels (where mutation-XSS payloads hide).
 */
const IGNORED_TAGS = new Set(['head', 'noscript', 'object', 'script', 'style', 'title', 'iframe', 'frame', 'frameset', 'template', 'svg', 'math'])

/**
 * DOMParser's normalizeList: a list directly inside a list (as some tools write them, and browsers show
 * them) belongs to the item before it.
 */
function normaliseList(list: Element): void {
  const kept: ChildNode[] = []
  let previousItem: Element | null = null
  for (const child of list.children) {
    if (isElement(child)) {
      if ((child.name === 'ul' || child.name === 'ol') && previousItem) {
        previousItem.children.push(child)
        child.parent = previousItem
        continue
      }
      previousItem = child.name === 'li' ? child : null
    }
    kept.push(child)
  }
  if (kept.length !== list.children.length) list.children = kept
}

const OPT_PRESERVE_WS = 1
const OPT_PRESERVE_WS_FULL = 2

/** HTML's white space (space, tab, line feed, form feed, carriage return): what collapses; not U+00A0. */
const isHtmlSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0A || code === 0x0C || code === 0x0D

function wsOptionsFor(type: NodeType, preserveWhitespace: boolean | 'full' | undefined, base: number): number {
  if (preserveWhitespace != null) return (preserveWhitespace ? OPT_PRESERVE_WS : 0) | (preserveWhitespace === 'full' ? OPT_PRESERVE_WS_FULL : 0)
  return type.whitespace === 'pre' ? OPT_PRESERVE_WS | OPT_PRESERVE_WS_FULL : base
}

/** A node being built (DOMParser's NodeContext). */
class OpenNode {
  match: ContentMatch | null
  content: PMNode[] = []

  constructor(readonly type: NodeType, readonly attrs: Attrs | null, readonly marks: readonly Mark[], readonly solid: boolean, public options: number) {
    this.match = type.contentMatch
  }

  findWrapping(node: PMNode): readonly NodeType[] | null {
    if (!this.match) {
      const fill = this.type.contentMatch.fillBefore(Fragment.from(node))
      if (fill) {
        this.match = this.type.contentMatch.matchFragment(fill)
      } else {
        const start = this.type.contentMatch
        const wrap = start.findWrapping(node.type)
        if (!wrap) return null
        this.match = start
        return wrap
      }
    }
    return this.match ? this.match.findWrapping(node.type) : null
  }

  finish(): PMNode {
    if (!(this.options & OPT_PRESERVE_WS)) {
      const last = this.content[this.content.length - 1]
      if (last?.isText) {
        // A loop, not /[ \t\r\n\f]+$/: that regex retries from every space of a long run (quadratic).
        let end = last.text!.length
        while (end > 0 && isHtmlSpace(last.text!.charCodeAt(end - 1))) end--
        if (end === 0) this.content.pop()
        else if (end < last.text!.length) this.content[this.content.length - 1] = bodySchema.text(last.text!.slice(0, end), last.marks)
      }
      // Not DOMParser's: it keeps a space that opens a paragraph after a block was lifted out of it
      // ("<p>a <img> b</p>"), which its next read of the HTML drops. Dropped here, the document is what
      // reading its own HTML gives, so the editor and the server never disagree about it.
      const first = this.content[0]
      if (this.type.isTextblock && first?.isText && first.text![0] === ' ') {
        if (first.text!.length === 1) this.content.shift()
        else this.content[0] = bodySchema.text(first.text!.slice(1), first.marks)
      }
    }
    let content = Fragment.from(this.content)
    if (this.match) content = content.append(this.match.fillBefore(Fragment.empty, true) ?? Fragment.empty)
    return this.type.create(this.attrs, content, this.marks)
  }
}

/** DOMParser's ParseContext for a whole document, without position finding, contexts or open starts. */
class HtmlReader {
  nodes: OpenNode[] = [new OpenNode(bodySchema.topNodeType, null, Mark.none, true, 0)]
  open = 0
  localPreserveWS = false

  get top(): OpenNode {
    return this.nodes[this.open]!
  }

  addAll(parent: Element | DomDocument, active: readonly Mark[]): void {
    let previous: ChildNode | null = null
    for (const child of parent.children) {
      if (isTextNode(child)) this.addText(child, previous, active)
      else if (isElement(child)) this.addElement(child, active)
      previous = child
    }
  }

  addText(dom: DomText, previous: ChildNode | null, active: readonly Mark[]): void {
    let value = dom.data
    const top = this.top
    const preserveWS = (top.options & OPT_PRESERVE_WS_FULL) ? 'full' : this.localPreserveWS || (top.options & OPT_PRESERVE_WS) > 0
    if (preserveWS !== 'full' && !top.type.inlineContent && !/[^ \t\r\n\f]/.test(value)) return
    if (!preserveWS) {
      value = value.replace(/[ \t\r\n\f]+/g, ' ')
      // Leading white space goes at the start of a block, after a line break, or after white space.
      if (value[0] === ' ' && this.open === this.nodes.length - 1) {
        const nodeBefore = top.content[top.content.length - 1]
        if (!nodeBefore || (previous && isElement(previous) && previous.name === 'br') || (nodeBefore.isText && isHtmlSpace(nodeBefore.text!.charCodeAt(nodeBefore.text!.length - 1)))) {
          value = value.slice(1)
        }
      }
    } else if (preserveWS === 'full') {
      value = value.replace(/\r\n?/g, '\n')
    } else {
      value = value.replace(/\r?\n|\r/g, ' ')
    }
    if (value) this.insertNode(bodySchema.text(value), active, !/\S/.test(value))
  }

  addElement(dom: Element, active: readonly Mark[]): void {
    const name = dom.name
    const style = styleOf(dom)
    const outerWS = this.localPreserveWS
    let top = this.top
    if (name === 'pre') {
      // A browser's parser drops the line break that follows <pre>; htmlparser2 keeps it.
      const first = dom.children[0]
      if (first && isTextNode(first) && first.data[0] === '\n') first.data = first.data.slice(1)
    }
    if (name === 'pre' || /pre/.test(style?.get('white-space') ?? '')) this.localPreserveWS = true
    if (name === 'ul' || name === 'ol') normaliseList(dom)
    const rule = ruleFor(dom, style)
    if (!rule) {
      if (!IGNORED_TAGS.has(name)) {
        let sync = false
        if (BLOCK_TAGS.has(name)) {
          if (top.content.length && top.content[0]!.isInline && this.open) {
            this.open--
            top = this.top
          }
          sync = true
        }
        if (sync || dom.children.length) {
          this.addAll(dom, withStyleMarks(style, active))
          if (sync) this.sync(top)
        }
      }
    } else {
      this.addByRule(dom, rule, withStyleMarks(style, active))
    }
    this.localPreserveWS = outerWS
  }

  addByRule(dom: Element, rule: Rule, active: readonly Mark[]): void {
    let inner = active
    let sync = false
    if ('mark' in rule) {
      inner = active.concat(rule.mark)
    } else if (rule.node.isLeaf) {
      this.insertNode(rule.node.create(rule.attrs), active, dom.name === 'br')
      return
    } else {
      const entered = this.enter(rule.node, rule.attrs ?? null, active, rule.preserveWhitespace)
      if (entered) {
        sync = true
        inner = entered
      }
    }
    const startIn = this.top
    this.addAll(dom, inner)
    if (sync && this.sync(startIn)) this.open--
  }

  findPlace(node: PMNode, active: readonly Mark[], cautious: boolean): readonly Mark[] | null {
    let route: readonly NodeType[] | null = null
    let sync: OpenNode | null = null
    for (let depth = this.open, penalty = 0; depth >= 0; depth--) {
      const cx = this.nodes[depth]!
      const found = cx.findWrapping(node)
      if (found && (!route || route.length > found.length + penalty)) {
        route = found
        sync = cx
        if (!found.length) break
      }
      if (cx.solid) {
        if (cautious) break
        penalty += 2
      }
    }
    if (!route || !sync) return null
    this.sync(sync)
    let result = active
    for (const type of route) result = this.enterInner(type, null, result, false)
    return result
  }

  insertNode(node: PMNode, active: readonly Mark[], cautious: boolean): boolean {
    const inner = this.findPlace(node, active, cautious)
    if (!inner) return false
    this.closeExtra()
    const top = this.top
    if (top.match) top.match = top.match.matchType(node.type)
    let nodeMarks = Mark.none
    for (const m of inner.concat(node.marks)) if (top.type.allowsMarkType(m.type)) nodeMarks = m.addToSet(nodeMarks)
    top.content.push(node.mark(nodeMarks))
    return true
  }

  enter(type: NodeType, attrs: Attrs | null, active: readonly Mark[], preserveWS?: 'full'): readonly Mark[] | null {
    const inner = this.findPlace(type.create(attrs), active, false)
    return inner ? this.enterInner(type, attrs, active, true, preserveWS) : null
  }

  enterInner(type: NodeType, attrs: Attrs | null, active: readonly Mark[], solid: boolean, preserveWS?: 'full'): readonly Mark[] {
    this.closeExtra()
    const top = this.top
    top.match = top.match && top.match.matchType(type)
    const options = wsOptionsFor(type, preserveWS, top.options)
    let applied = Mark.none
    const rest = active.filter((m) => {
      if (!top.type.allowsMarkType(m.type)) return true
      applied = m.addToSet(applied)
      return false
    })
    this.nodes.push(new OpenNode(type, attrs, applied, solid, options))
    this.open++
    return rest
  }

  closeExtra(): void {
    let i = this.nodes.length - 1
    if (i > this.open) {
      for (; i > this.open; i--) this.nodes[i - 1]!.content.push(this.nodes[i]!.finish())
      this.nodes.length = this.open + 1
    }
  }

  sync(to: OpenNode): boolean {
    for (let i = this.open; i >= 0; i--) {
      if (this.nodes[i] === to) {
        this.open = i
        return true
      } else if (this.localPreserveWS) {
        this.nodes[i]!.options |= OPT_PRESERVE_WS
      }
    }
    return false
  }

  finish(): PMNode {
    this.open = 0
    this.closeExtra()
    return this.nodes[0]!.finish()
  }
}

/**
 * Empty paragraphs (nothing but white space and line breaks) go: Word and hand-typed HTML leave them as
 * spacing, which is the stylesheet's job. One stays where the schema needs a paragraph (an empty list item
 * or body).
 */
function withoutEmptyParagraphs(node: PMNode): PMNode {
  if (node.isTextblock || node.isLeaf) return node
  const children: PMNode[] = []
  let changed = false
  node.forEach((child) => {
    if (isEmptyParagraph(child)) {
      changed = true
      return
    }
    const cleaned = withoutEmptyParagraphs(child)
    if (cleaned !== child) changed = true
    children.push(cleaned)
  })
  if (!changed) return node
  let content = Fragment.fromArray(children)
  if (!node.type.validContent(content)) {
    const fill = node.type.contentMatch.fillBefore(content, true)
    if (!fill) return node
    content = fill.append(content)
  }
  return node.copy(content)
}

/** HTML's depth while htmlparser2 builds its tree; past MAX_BODY_NESTING it stops (its stack slows with depth). */
class BoundedDomHandler extends DomHandler {
  depth = 0
  tooDeep = false
  stop: () => void = () => {}

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs)
    if (++this.depth > MAX_BODY_NESTING && !this.tooDeep) {
      this.tooDeep = true
      this.stop()
    }
  }

  override onclosetag(): void {
    this.depth--
    super.onclosetag()
  }
}

/** Plain text typed without any tag (the no-JavaScript field): blank lines part paragraphs, a line break stays one. */
function plainTextDocument(text: string): PMNode | null {
  const normalised = text.trim()
  if (normalised === '') return null
  const paragraphs = normalised.split(/\n[ \t]*\n\s*/).map((block) => {
    const inline: PMNode[] = []
    block.split('\n').forEach((line, i) => {
      if (i > 0) inline.push(nodes.hard_break!.create())
      if (line !== '') inline.push(bodySchema.text(line))
    })
    return nodes.paragraph!.create(null, inline)
  })
  return bodySchema.topNodeType.create(null, paragraphs)
}

/** The words of HTML nested past reason, a paragraph per line, as the readers' sanitiser keeps them. */
function textParagraphs(html: string): PMNode {
  const lines = htmlToText(html).split('\n').filter((line) => line !== '')
  const paragraphs = lines.map((line) => nodes.paragraph!.create(null, bodySchema.text(line)))
  return bodySchema.topNodeType.create(null, paragraphs.length ? paragraphs : [nodes.paragraph!.create()])
}

function readHtml(html: string): PMNode {
  if (html.length > MAX_BODY_HTML_LENGTH) throw tooLong()
  // As a browser reads its input: CR LF and CR are line feeds; and what the form refuses is left out.
  const input = html.replace(/\r\n?/g, '\n').replace(UNSAVABLE_ALL, '')
  if (!/<[a-z!/]/i.test(input)) {
    const plain = plainTextDocument(input)
    if (plain) return withoutEmptyParagraphs(plain)
  }
  const handler = new BoundedDomHandler()
  const parser = new Parser(handler, { decodeEntities: true })
  handler.stop = () => parser.pause()
  parser.write(input)
  if (handler.tooDeep) return textParagraphs(input)
  parser.end()
  const reader = new HtmlReader()
  reader.addAll(handler.root, Mark.none)
  return withoutEmptyParagraphs(reader.finish())
}

/** Node.toJSON's attributes are objects without a prototype; callers get plain JSON objects. */
function plainJson(json: BodyJsonNode): BodyJsonNode {
  if (json.attrs) json.attrs = { ...json.attrs }
  if (json.marks) for (const mark of json.marks) if (mark.attrs) mark.attrs = { ...mark.attrs }
  if (json.content) for (const child of json.content) plainJson(child)
  return json
}

const documentJson = (doc: PMNode): BodyDoc => plainJson(doc.toJSON() as BodyJsonNode) as BodyDoc

/**
 * HTML (the editor's field, HTML typed without JavaScript, a legacy body rendered from Markdown) as the
 * body document. Refuses (BodyDocumentError) HTML over MAX_BODY_HTML_LENGTH; keeps only the words of HTML
 * nested deeper than MAX_BODY_NESTING. Linear in the length of the HTML.
 */
export function htmlToDocument(html: string): BodyDoc {
  return documentJson(readHtml(html))
}

/** A legacy Markdown body as the document: rendered as article bodies always were (marked), then read. */
export function markdownToDocument(markdown: string): BodyDoc {
  return htmlToDocument(renderMarkdown(markdown))
}

// ---------------------------------------------------------------------------------------------------
// JSON a client sends.

export type BodyDocumentResult = { ok: true, doc: BodyDoc } | { ok: false, error: string }

class Refusal extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const named = (name: string): string => JSON.stringify(name.length > 40 ? name.slice(0, 40) + '…' : name)

function wholeNumberAttr(attrs: Record<string, unknown>, name: string, what: string, options: { nullable: boolean, min: number, max: number }): void {
  if (!(name in attrs)) return
  const value = attrs[name]
  if (value === null && options.nullable) return
  if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max) {
    throw new Refusal(`${what} must be a whole number from ${options.min} to ${options.max}${options.nullable ? ', or null' : ''}.`)
  }
}

function stringAttr(attrs: Record<string, unknown>, name: string, what: string): void {
  const value = attrs[name]
  if (value === undefined) return
  if (typeof value !== 'string') throw new Refusal(`${what} must be text.`)
  if (UNSAVABLE.test(value)) throw new Refusal(`${what} holds a control character.`)
}

const ID_RANGE = { nullable: true, min: 0, max: 999_999_999 }

/** The checks the schema leaves to us: addresses, numbers that are numbers. Canonicalises embed links in place. */
function checkNodeAttrs(type: string, attrs: Record<string, unknown>): void {
  switch (type) {
    case 'heading':
      if ('level' in attrs && attrs.level !== 2 && attrs.level !== 3) throw new Refusal('a heading\'s level must be 2 or 3.')
      return
    case 'ordered_list':
      wholeNumberAttr(attrs, 'order', 'a numbered list\'s first number', { nullable: false, min: 0, max: 999_999_999 })
      return
    case 'picture':
      wholeNumberAttr(attrs, 'mediaId', 'a picture\'s media id', ID_RANGE)
      wholeNumberAttr(attrs, 'width', 'a picture\'s width', ID_RANGE)
      wholeNumberAttr(attrs, 'height', 'a picture\'s height', ID_RANGE)
      for (const name of ['src', 'srcset', 'alt', 'caption', 'credit']) stringAttr(attrs, name, `a picture's ${name}`)
      if (safeImageSrc(typeof attrs.src === 'string' ? attrs.src : '') !== attrs.src) {
        throw new Refusal('a picture\'s image must be a file under /media/ or an http(s) address.')
      }
      if (typeof attrs.srcset === 'string' && safeSrcset(attrs.srcset) !== attrs.srcset) {
        throw new Refusal('a picture\'s srcset may only list files under /media/ or http(s) addresses.')
      }
      return
    case 'embed': {
      stringAttr(attrs, 'title', 'an embed\'s title')
      if (typeof attrs.provider !== 'string' || !(EMBED_PROVIDERS as readonly string[]).includes(attrs.provider)) {
        throw new Refusal(`an embed's provider must be one of ${EMBED_PROVIDERS.join(', ')}.`)
      }
      const embed = typeof attrs.url === 'string' ? recogniseEmbed(attrs.url) : null
      if (!embed || embed.provider !== attrs.provider) throw new Refusal(`an embed's address is not a ${attrs.provider} post or video the site can show.`)
      attrs.url = embed.url
      return
    }
    case 'related_story':
      wholeNumberAttr(attrs, 'articleId', 'a related story\'s article id', ID_RANGE)
      stringAttr(attrs, 'headline', 'a related story\'s headline')
      if (typeof attrs.href !== 'string' || safeSitePath(attrs.href) !== attrs.href) throw new Refusal('a related story\'s address must be a path on this site (starting with one /).')
      return
    case 'table_cell': case 'table_header':
      wholeNumberAttr(attrs, 'colspan', 'a table cell\'s colspan', { nullable: false, min: 1, max: 9999 })
      wholeNumberAttr(attrs, 'rowspan', 'a table cell\'s rowspan', { nullable: false, min: 1, max: 9999 })
      if ('colwidth' in attrs && attrs.colwidth !== null &&
        !(Array.isArray(attrs.colwidth) && attrs.colwidth.every((w) => typeof w === 'number' && Number.isInteger(w) && w > 0 && w < 100_000))) {
        throw new Refusal('a table cell\'s column widths must be whole numbers.')
      }
      return
  }
}

function checkMarks(value: unknown): void {
  if (!Array.isArray(value)) throw new Refusal('a text\'s marks must be a list.')
  for (const mark of value) {
    if (!isRecord(mark) || typeof mark.type !== 'string') throw new Refusal('a mark must be an object with a type.')
    if (!Object.hasOwn(marks, mark.type)) throw new Refusal(`${named(mark.type)} is not a mark an article body can hold.`)
    if (mark.attrs !== undefined && !isRecord(mark.attrs)) throw new Refusal('a mark\'s attributes must be an object.')
    if (mark.type === 'link') {
      const attrs = mark.attrs ?? {}
      if (typeof attrs.href !== 'string' || safeLinkHref(attrs.href) !== attrs.href) {
        throw new Refusal('a link\'s address must start with http://, https://, mailto: or / (a page on this site).')
      }
      if (attrs.title !== null) stringAttr(attrs, 'title', 'a link\'s title')
    }
  }
}

function checkNode(value: unknown, depth: number): void {
  if (depth > MAX_BODY_NESTING) throw new Refusal(`its blocks nest deeper than ${MAX_BODY_NESTING} levels.`)
  if (!isRecord(value) || typeof value.type !== 'string') throw new Refusal('each part must be an object with a type.')
  const type = value.type
  if (!Object.hasOwn(nodes, type)) throw new Refusal(`${named(type)} is not something an article body can hold.`)
  if (value.marks !== undefined) checkMarks(value.marks)
  if (type === 'text') {
    if (typeof value.text !== 'string' || value.text === '') throw new Refusal('a text must have its text.')
    if (UNSAVABLE.test(value.text)) throw new Refusal('its text holds a control character.')
    return
  }
  if (value.attrs !== undefined) {
    if (!isRecord(value.attrs)) throw new Refusal(`a ${type}'s attributes must be an object.`)
    checkNodeAttrs(type, value.attrs)
  } else if (type === 'picture' || type === 'embed' || type === 'related_story') {
    checkNodeAttrs(type, {})
  }
  if (value.content !== undefined) {
    if (!Array.isArray(value.content)) throw new Refusal(`a ${type}'s content must be a list.`)
    for (const child of value.content) checkNode(child, depth + 1)
  }
}

/**
 * JSON a client sends as the body: bounded, every node and mark one the schema knows, addresses and
 * numbers checked, the structure checked by the schema. The document comes back in canonical form (texts
 * with the same marks joined, defaults filled in, embed links canonical); errors are for an editor to read.
 */
export function parseBodyDocument(json: string): BodyDocumentResult {
  const refuse = (reason: string): BodyDocumentResult => ({ ok: false, error: READ_ERROR + reason })
  if (json.length > MAX_BODY_JSON_LENGTH) return refuse(`it is longer than ${MAX_BODY_JSON_LENGTH.toLocaleString('en')} characters.`)
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return refuse('it is not valid JSON.')
  }
  if (!isRecord(value) || value.type !== 'doc') return refuse('it is not an article body (a document of type "doc").')
  try {
    checkNode(value, 0)
  } catch (e) {
    if (e instanceof Refusal) return refuse(e.message)
    throw e
  }
  let doc: PMNode
  try {
    doc = bodySchema.nodeFromJSON(value)
    doc.check()
  } catch (e) {
    return refuse(`its structure does not fit an article body (${(e as Error).message}).`)
  }
  return { ok: true, doc: documentJson(doc) }
}

// ---------------------------------------------------------------------------------------------------
// Stored sources.

/** Whether a stored body_source is a document (the editor's, since issue 17) rather than legacy Markdown. */
export function isBodyDocumentSource(source: string): boolean {
  return source.startsWith('{"type":"doc"')
}

/** Document JSON as a client might format it; stored documents start exactly as isBodyDocumentSource says. */
const DOCUMENT_JSON = /^\s*\{\s*"type"\s*:\s*"doc"/

/**
 * What any write path receives (document JSON from a client, or Markdown from the WordPress
 * importer, the wire desk and the demo) as the document's canonical JSON. Markdown costs one marked
 * render and one HTML parse; a document one JSON parse and its checks. Throws BodyDocumentError for
 * document JSON that fails them.
 */
export function toBodyDocumentSource(source: string): string {
  if (DOCUMENT_JSON.test(source.slice(0, 64))) {
    const parsed = parseBodyDocument(source)
    if (!parsed.ok) throw new BodyDocumentError(parsed.error)
    return JSON.stringify(parsed.doc)
  }
  // Refused before marked spends seconds on it.
  if (source.length > MAX_BODY_HTML_LENGTH) throw tooLong()
  return JSON.stringify(readHtml(renderMarkdown(source)))
}

/**
 * toBodyDocumentSource and the document's HTML in one go, for write paths that store both: the document
 * is read once (no JSON parse and schema check of what was just built). The HTML still needs sanitising.
 */
export function bodyDocumentWithHtml(source: string): { source: string, html: string } {
  let node: PMNode
  if (DOCUMENT_JSON.test(source.slice(0, 64))) {
    const parsed = parseBodyDocument(source)
    if (!parsed.ok) throw new BodyDocumentError(parsed.error)
    node = bodySchema.nodeFromJSON(parsed.doc)
  } else {
    if (source.length > MAX_BODY_HTML_LENGTH) throw tooLong()
    node = readHtml(renderMarkdown(source))
  }
  return { source: JSON.stringify(documentJson(node)), html: documentToHtml(node) }
}

function inlineText(node: PMNode): string {
  let text = ''
  node.forEach((child) => {
    if (child.isText) text += child.text
    else if (child.type === nodes.hard_break) text += '\n'
  })
  return text
}

const rowText = (row: PMNode): string => {
  const cells: string[] = []
  row.forEach((cell) => cells.push(inlineText(cell)))
  return cells.join('\t')
}

function collectBlocks(node: PMNode, blocks: string[]): void {
  switch (node.type.name) {
    case 'picture': blocks.push([node.attrs.caption, node.attrs.credit].filter(Boolean).join(' ')); return
    case 'embed': blocks.push(String(node.attrs.title || node.attrs.url)); return
    case 'related_story': blocks.push(String(node.attrs.headline)); return
    case 'table': {
      const rows: string[] = []
      node.forEach((row) => rows.push(rowText(row)))
      blocks.push(rows.join('\n'))
      return
    }
  }
  if (node.isTextblock) blocks.push(inlineText(node))
  else node.forEach((child) => collectBlocks(child, blocks))
}

/**
 * The document's words as plain text, blocks apart by a blank line (a table's rows on lines of their own,
 * cells apart by tabs): what revision diffs compare and word counts read. Captions and credits, related
 * stories' headlines and embeds' titles (or, untitled, their addresses) count; alt text does not.
 */
export function bodyText(doc: PMNode | BodyDoc): string {
  const blocks: string[] = []
  collectBlocks(asNode(doc), blocks)
  return blocks.filter((block) => block.trim() !== '').join('\n\n')
}
