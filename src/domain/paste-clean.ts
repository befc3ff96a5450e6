// Paste that cleans itself (issue 17, item 2): what Word, Google Docs, LibreOffice and web pages put on the
// clipboard, reduced to the structure an article keeps (paragraphs, h2/h3, bold, italic, links, lists,
// quotes, simple tables) and nothing else (fonts, colours, spans, classes, mso- styles, empty paragraphs,
// images, comments). Not wired into the editor yet: the rich-text editor will call it on paste in the
// browser, and the server on the no-JavaScript path. Pure and linear in the input's length.
//
// Two passes. sanitize-html (htmlparser2 underneath, already what article bodies go through) parses the
// clipboard's tag soup and writes it back well-formed: every tag closed, attributes double-quoted and
// escaped, comments, conditional comments and declarations gone, the contents of <style>, <script> and
// <title> dropped, unknown tags (o:p, st1:place, font, u …) unwrapped. That canonical form is simple
// enough to read into a small tree here, which the second pass turns into the article's HTML.
import sanitizeHtml from 'sanitize-html'

/** What the cleaned HTML may contain; a[href] is the only attribute. */
export const PASTE_TAGS = [
  'p', 'h2', 'h3', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'
] as const

/**
 * Tags the first pass keeps for the second to interpret. The others are unwrapped, keeping their text,
 * except NON_TEXT ones, dropped with their contents. Images are dropped too: a pasted picture is a local
 * file: path, a tracking pixel or someone else's server; pictures come in through the media library.
 */
const READ_TAGS = [
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'b', 'strong', 'i', 'em', 'span', 'a', 'ul', 'ol', 'li', 'blockquote',
  'br', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'pre', 'section', 'article', 'header',
  'footer', 'main', 'aside', 'address', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'center'
]
const NON_TEXT = ['script', 'style', 'title', 'xml', 'template', 'textarea', 'option', 'select', 'noscript', 'xmp', 'object', 'svg', 'math', 'iframe', 'head']

/** Clipboard HTML nests a few levels; deeper nesting is only hostile, and is unwrapped (text kept). */
const MAX_DEPTH = 100
/**
 * htmlparser2 keeps its open elements with Array.unshift, so each tag costs as much as the nesting is
 * deep: a paste of 60,000 unclosed <b> takes seconds. Past this depth, which no word processor or web
 * page comes near, the parse stops and only the text is kept.
 */
const MAX_PARSE_DEPTH = 400
const TOO_DEEP = new Error('nested too deeply')

const CANONICAL: sanitizeHtml.IOptions = {
  allowedTags: READ_TAGS,
  allowedAttributes: { '*': ['style', 'id', 'href'] },
  // Checked again, strictly, below; here only so that nothing else survives the first pass.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Styles are read as text below; parsing each with postcss would only cost time.
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT,
  nestingLimit: MAX_DEPTH
}

// ---------------------------------------------------------------------------------------------------
// Before parsing: the clipboard's wrappers.

/**
 * The part of a clipboard string that was copied. Windows' CF_HTML format starts with a header
 * ("Version:0.9 StartHTML:… EndHTML:…") whose byte offsets are unreliable once decoded, so the
 * <!--StartFragment--> and <!--EndFragment--> markers decide; without them, the document up to </html>
 * (Word leaves stray bytes after it).
 */
export function clipboardFragment(text: string): string {
  let html = text
  const header = /^\s*Version:\d[^<]*/.exec(html)
  if (header) html = html.slice(header[0].length)
  const start = html.indexOf('<!--StartFragment-->')
  if (start !== -1) {
    const from = start + '<!--StartFragment-->'.length
    const end = html.indexOf('<!--EndFragment-->', from)
    return end === -1 ? html.slice(from) : html.slice(from, end)
  }
  const close = html.search(/<\/html\s*>/i)
  return close === -1 ? html : html.slice(0, close)
}

/**
 * Word's list kinds by list and level ("l0:1" → bullet or not), from the @list rules of its <style>
 * block: `@list l0:level1 {mso-level-number-format:bullet; …}`. A level without a number format is
 * numbered (Word's default is decimal).
 */
function wordListKinds(html: string): Map<string, boolean> {
  const kinds = new Map<string, boolean>()
  const rule = /@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi
  for (const m of html.matchAll(rule)) {
    const format = /mso-level-number-format\s*:\s*([a-z-]+)/i.exec(m[3]!)?.[1]?.toLowerCase()
    kinds.set(`${m[1]!.toLowerCase()}:${m[2]}`, format === 'bullet' || format === 'image' || format === 'none')
  }
  return kinds
}

// ---------------------------------------------------------------------------------------------------
// Reading the canonical form into a tree.

interface El { tag: string, attrs: Record<string, string>, children: Node[] }
type Node = El | string

const VOID = new Set(['br', 'hr'])

function decodeCanonical(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]!)
}

/** The first pass's output is well-formed, with `>` and `"` escaped inside values: a linear scan reads it. */
function readTree(canonical: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] }
  const stack: El[] = [root]
  let i = 0
  while (i < canonical.length) {
    const lt = canonical.indexOf('<', i)
    const textEnd = lt === -1 ? canonical.length : lt
    if (textEnd > i) stack.at(-1)!.children.push(decodeCanonical(canonical.slice(i, textEnd)))
    if (lt === -1) break
    const gt = canonical.indexOf('>', lt)
    if (gt === -1) break
    const inside = canonical.slice(lt + 1, gt)
    i = gt + 1
    if (inside.startsWith('/')) {
      const name = inside.slice(1).trim()
      if (stack.length > 1 && stack.at(-1)!.tag === name) stack.pop()
      continue
    }
    const name = /^[a-z0-9]+/.exec(inside)?.[0]
    if (!name) continue
    const attrs: Record<string, string> = {}
    for (const m of inside.matchAll(/([a-z-]+)="([^"]*)"/g)) attrs[m[1]!] = decodeCanonical(m[2]!)
    const el: El = { tag: name, attrs, children: [] }
    stack.at(-1)!.children.push(el)
    if (!VOID.has(name) && !inside.endsWith('/')) stack.push(el)
  }
  return root
}

/** "font-weight:700; FONT-STYLE: italic" → { 'font-weight': '700', 'font-style': 'italic' }. */
function styleOf(el: El): Map<string, string> {
  const out = new Map<string, string>()
  const style = el.attrs.style
  if (!style) return out
  for (const part of style.split(';')) {
    const colon = part.indexOf(':')
    if (colon === -1) continue
    out.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase())
  }
  return out
}

function weightIsBold(value: string): boolean | null {
  if (value === 'bold' || value === 'bolder') return true
  if (value === 'normal' || value === 'lighter') return false
  const n = Number.parseInt(value, 10)
  return Number.isNaN(n) ? null : n >= 600
}

// ---------------------------------------------------------------------------------------------------
// Writing the article's HTML.

interface Marks { bold: boolean, italic: boolean, href: string | null }
interface Run { text: string, marks: Marks }
type Inline = Run | 'br'

/** An output element under construction. */
interface Out { tag: string, children: (Out | string)[], href?: string }

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'section', 'article', 'header', 'footer', 'main', 'aside', 'address', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'center', 'caption'])

function headingOf(tag: string): 'h2' | 'h3' | null {
  if (tag === 'h1' || tag === 'h2') return 'h2'
  if (tag === 'h3' || tag === 'h4' || tag === 'h5' || tag === 'h6') return 'h3'
  return null
}

/** Only web and mail addresses: footnote anchors (#_ftn1), file: and javascript: links lose their link. */
function safeHref(href: string | undefined): string | null {
  if (!href) return null
  const trimmed = href.trim()
  return /^(https?:\/\/[^\s]|mailto:[^\s])/i.test(trimmed) ? trimmed : null
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
/** Escapes text, and attribute values (with their quotes). */
function escape(text: string, attribute = false): string {
  return text.replace(attribute ? /[&<>"]/g : /[&<>]/g, (c) => ESCAPES[c]!)
}

/** HTML's own whitespace collapsing; a run of no-break spaces alone stays one no-break space. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, (ws) => /^\u00a0+$/.test(ws) ? '\u00a0' : ' ')
}

class Writer {
  readonly root: Out = { tag: '#root', children: [] }
  /** Open containers: root, blockquote, lists, items, tables, rows, cells. */
  private containers: Out[] = [this.root]
  /** Containers opened to repair the source (an item for a stray sublist, a list for a stray item). */
  private implied = new Set<Out>()
  /** The paragraph (or heading) being filled, and its inline content. */
  private block: { tag: 'p' | 'h2' | 'h3', runs: Inline[] } | null = null
  /** Word's lists, built from flat paragraphs: the open ones, outermost first. */
  private wordLists: { id: string, level: number, list: Out, item: Out | null }[] = []

  constructor(private readonly listKinds: Map<string, boolean>) {}

  private get container(): Out { return this.containers.at(-1)! }

  /** Inside a list item or a table cell paragraphs become lines: the container holds inline content. */
  private get inlineContainer(): boolean {
    const tag = this.container.tag
    return tag === 'li' || tag === 'td' || tag === 'th'
  }

  text(text: string, marks: Marks): void {
    if (text === '') return
    this.ensureBlock().runs.push({ text, marks })
  }

  lineBreak(): void {
    this.ensureBlock().runs.push('br')
  }

  private ensureBlock(): { tag: 'p' | 'h2' | 'h3', runs: Inline[] } {
    this.block ??= { tag: 'p', runs: [] }
    return this.block
  }

  /** Starts a paragraph or heading, ending the one before. */
  startBlock(tag: 'p' | 'h2' | 'h3'): void {
    this.endBlock()
    this.block = { tag, runs: [] }
  }

  /** Ends the paragraph being filled: written out unless it holds nothing but space and line breaks. */
  endBlock(): void {
    const block = this.block
    this.block = null
    if (!block) return
    const html = serializeRuns(block.runs)
    if (html === '') return
    if (this.inlineContainer) {
      const cell = this.container
      if (cell.children.length > 0 && !endsWithSublist(cell)) cell.children.push({ tag: 'br', children: [] })
      cell.children.push(html)
      return
    }
    this.closeWordLists()
    const parent = this.container
    // Text straight inside a list or a table (not in an item or a cell) gets one.
    const wrapper = parent.tag === 'ul' || parent.tag === 'ol' ? 'li' : parent.tag === 'tr' ? 'td' : parent.tag === 'table' || parent.tag === 'thead' ? 'tr' : null
    if (wrapper === 'tr') parent.children.push({ tag: 'tr', children: [{ tag: 'td', children: [html] }] })
    else if (wrapper) parent.children.push({ tag: wrapper, children: [html] })
    else parent.children.push({ tag: block.tag, children: [html] })
  }

  hr(): void {
    this.endBlock()
    if (this.inlineContainer) return
    this.closeWordLists()
    this.container.children.push({ tag: 'hr', children: [] })
  }

  private push(el: Out, implied: boolean): void {
    this.container.children.push(el)
    this.containers.push(el)
    if (implied) this.implied.add(el)
  }

  /** Opens a container element (blockquote, ul, ol, li, table, thead, tr, td, th). */
  open(tag: string): void {
    this.endBlock()
    this.closeWordLists()
    const parent = this.container
    // Google Docs nests a list as a sibling of its parent item (<ul><li>…</li><ul>…): it belongs in that item.
    if ((tag === 'ul' || tag === 'ol') && (parent.tag === 'ul' || parent.tag === 'ol')) {
      const last = parent.children.at(-1)
      if (last && typeof last !== 'string' && last.tag === 'li') {
        this.containers.push(last)
        this.implied.add(last)
      } else {
        this.push({ tag: 'li', children: [] }, true)
      }
    }
    if (tag === 'li' && this.container.tag !== 'ul' && this.container.tag !== 'ol') this.push({ tag: 'ul', children: [] }, true)
    this.push({ tag, children: [] }, false)
  }

  /** Closes the innermost container of this tag (and what was opened inside it, and repairs around it). */
  close(tag: string): void {
    this.endBlock()
    const index = this.containers.findLastIndex((c) => c.tag === tag && !this.implied.has(c))
    if (index <= 0) return
    this.containers.length = index
    while (this.containers.length > 1 && this.implied.has(this.container)) {
      this.implied.delete(this.container)
      this.containers.pop()
    }
  }

  /** A Word list paragraph (mso-list:lN levelM lfoK) is an item of a real list, nested by its level. */
  startWordListItem(id: string, kindKey: string, level: number, markerText: string): void {
    this.endBlock()
    const bullet = this.listKinds.get(kindKey) ?? !/^\s*([0-9]+|[a-z]{1,4})[.)]/i.test(markerText)
    const listTag = bullet ? 'ul' : 'ol'
    const lists = this.wordLists
    if (lists.length > 0 && lists[0]!.id !== id) lists.length = 0
    while (lists.length > 0 && lists.at(-1)!.level > level) lists.pop()
    let top = lists.at(-1)
    if (top && top.level === level && top.list.tag !== listTag) {
      lists.pop()
      top = lists.at(-1)
    }
    if (!top || top.level < level) {
      const list: Out = { tag: listTag, children: [] }
      const holder = top ? (top.item ?? appendItem(top.list)) : this.container
      holder.children.push(list)
      top = { id, level, list, item: null }
      lists.push(top)
    }
    top.item = appendItem(top.list)
    // The paragraph's text goes into the item: it is the container until the paragraph ends.
    this.containers.push(top.item)
  }

  /** Ends a Word list item's paragraph; the list stays open for the next one. */
  endWordListItem(): void {
    this.endBlock()
    this.containers.pop()
  }

  closeWordLists(): void {
    this.wordLists = []
  }

  finish(): string {
    this.endBlock()
    return serializeOut(this.root)
  }
}

function appendItem(list: Out): Out {
  const item: Out = { tag: 'li', children: [] }
  list.children.push(item)
  return item
}

function endsWithSublist(el: Out): boolean {
  const last = el.children.at(-1)
  return typeof last !== 'string' && last !== undefined && (last.tag === 'ul' || last.tag === 'ol')
}

const EDGE_SPACE_START = /^[ \u00a0]+/
const EDGE_SPACE_END = /[ \u00a0]+$/

/** Drops space at the end of the pieces (before a line break or the block's end). */
function trimEnd(pieces: Inline[]): void {
  for (let last = pieces.at(-1); last !== undefined && last !== 'br'; last = pieces.at(-1)) {
    last.text = last.text.replace(EDGE_SPACE_END, '')
    if (last.text !== '') return
    pieces.pop()
  }
}

/** Runs → inline HTML, whitespace collapsed as a browser would; links outermost, then bold, then italic. */
function serializeRuns(runs: Inline[]): string {
  const pieces: Inline[] = []
  let afterSpace = true
  for (const run of runs) {
    if (run === 'br') {
      trimEnd(pieces)
      // Line breaks at the start, or doubled, are layout: one is kept between lines.
      if (pieces.length > 0 && pieces.at(-1) !== 'br') pieces.push('br')
      afterSpace = true
      continue
    }
    let text = collapse(run.text)
    if (afterSpace) text = text.replace(EDGE_SPACE_START, '')
    if (text === '') continue
    afterSpace = text.endsWith(' ')
    pieces.push({ text, marks: run.marks })
  }
  trimEnd(pieces)
  while (pieces.at(-1) === 'br') {
    pieces.pop()
    trimEnd(pieces)
  }
  if (pieces.length === 0) return ''
  let html = ''
  let open: Marks = { bold: false, italic: false, href: null }
  const closeTo = (next: Marks) => {
    const linkChanges = open.href !== next.href
    if (open.italic && (linkChanges || open.bold !== next.bold || !next.italic)) { html += '</em>'; open = { ...open, italic: false } }
    if (open.bold && (linkChanges || !next.bold)) { html += '</strong>'; open = { ...open, bold: false } }
    if (open.href !== null && linkChanges) { html += '</a>'; open = { ...open, href: null } }
  }
  const openTo = (next: Marks) => {
    if (next.href !== null && open.href === null) { html += `<a href="${escape(next.href, true)}">`; open = { ...open, href: next.href } }
    if (next.bold && !open.bold) { html += '<strong>'; open = { ...open, bold: true } }
    if (next.italic && !open.italic) { html += '<em>'; open = { ...open, italic: true } }
  }
  const plain: Marks = { bold: false, italic: false, href: null }
  for (const piece of pieces) {
    if (piece === 'br') {
      closeTo(plain)
      html += '<br>'
      continue
    }
    closeTo(piece.marks)
    openTo(piece.marks)
    html += escape(piece.text)
  }
  closeTo(plain)
  return html
}

function serializeOut(el: Out): string {
  let html = ''
  for (const child of el.children) {
    if (typeof child === 'string') { html += child; continue }
    if (child.tag === 'br' || child.tag === 'hr') { html += `<${child.tag}>`; continue }
    const inner = child.tag === 'table' ? serializeTable(child) : serializeOut(child)
    // Containers that ended up empty (a list of empty items, a row of empty cells) are dropped; an empty
    // cell in a row that has text stays, or the columns would shift.
    if (inner === '' && child.tag !== 'td' && child.tag !== 'th') continue
    if (child.tag === 'tr' && /^(<(td|th)><\/\2>)*$/.test(inner)) continue
    html += `<${child.tag}>${inner}</${child.tag}>`
  }
  return html
}

/** The header rows as they came, the other rows in one tbody. */
function serializeTable(table: Out): string {
  const head = serializeOut({ tag: 'table', children: table.children.filter((c) => typeof c !== 'string' && c.tag === 'thead') })
  const body = serializeOut({ tag: 'tbody', children: table.children.filter((c) => typeof c === 'string' || c.tag !== 'thead') })
  return body === '' ? head : `${head}<tbody>${body}</tbody>`
}

// ---------------------------------------------------------------------------------------------------
// The walk.

const WORD_LIST = /^(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/

function walk(node: El, marks: Marks, out: Writer, inHeading: boolean): void {
  for (const child of node.children) {
    if (typeof child === 'string') {
      out.text(child, marks)
      continue
    }
    visit(child, marks, out, inHeading)
  }
}

/** Marks inside an element: its tag and its style (Google Docs says bold and italic only in CSS). */
function marksOf(el: El, marks: Marks): Marks {
  const style = styleOf(el)
  let { bold, italic, href } = marks
  // Google Docs wraps the whole copy in <b id="docs-internal-guid-…"> (styled font-weight:normal, usually).
  if ((el.tag === 'b' || el.tag === 'strong') && !el.attrs.id?.startsWith('docs-internal-guid')) bold = true
  if (el.tag === 'i' || el.tag === 'em') italic = true
  const weight = style.get('font-weight')
  const weighted = weight === undefined ? null : weightIsBold(weight)
  if (weighted !== null) bold = weighted
  const fontStyle = style.get('font-style')
  if (fontStyle === 'italic' || fontStyle === 'oblique') italic = true
  else if (fontStyle === 'normal') italic = false
  if (el.tag === 'a') href = safeHref(el.attrs.href)
  return { bold, italic, href }
}

function visit(el: El, marks: Marks, out: Writer, inHeading: boolean): void {
  const tag = el.tag
  const style = styleOf(el)
  const msoList = style.get('mso-list')
  // Word's list marker ("1.", "·" and its padding) sits in a span the list itself replaces.
  if (msoList === 'ignore') return
  if (tag === 'br') { out.lineBreak(); return }
  if (tag === 'hr') { out.hr(); return }
  const inner = marksOf(el, marks)
  const listMatch = tag === 'p' && msoList ? WORD_LIST.exec(msoList) : null
  if (listMatch) {
    const list = listMatch[1]!.toLowerCase()
    out.startWordListItem(listMatch[3] ?? list, `${list}:${listMatch[2]}`, Number(listMatch[2]), markerText(el))
    walk(el, inner, out, false)
    out.endWordListItem()
    return
  }
  const heading = headingOf(tag)
  if (heading) {
    out.startBlock(heading)
    // A heading is bold already; bold runs inside it are the word processor's styling.
    walk(el, { ...inner, bold: false }, out, true)
    out.endBlock()
    return
  }
  if (BLOCKS.has(tag)) {
    out.startBlock('p')
    walk(el, inner, out, inHeading)
    out.endBlock()
    return
  }
  if (tag === 'ul' || tag === 'ol' || tag === 'li' || tag === 'blockquote' || tag === 'table' || tag === 'tr' || tag === 'td' || tag === 'th') {
    out.open(tag)
    walk(el, inner, out, false)
    out.close(tag)
    return
  }
  if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
    // Sections are rebuilt as they come: thead kept, the rest as the table's body.
    if (tag === 'thead') out.open('thead')
    walk(el, inner, out, inHeading)
    if (tag === 'thead') out.close('thead')
    return
  }
  walk(el, inHeading ? { ...inner, bold: false } : inner, out, inHeading)
}

/** The text of a Word list paragraph's marker span (for its kind when the @list rules are missing). */
function markerText(el: El): string {
  let text = ''
  const visitNode = (node: Node, inMarker: boolean, depth: number) => {
    if (text.length > 20 || depth > MAX_DEPTH) return
    if (typeof node === 'string') { if (inMarker) text += node; return }
    const marker = inMarker || styleOf(node).get('mso-list') === 'ignore'
    for (const child of node.children) visitNode(child, marker, depth + 1)
  }
  // The marker is the paragraph's first element: no need to look further.
  for (const child of el.children.slice(0, 3)) visitNode(child, false, 0)
  return text
}

/** Clipboard HTML → the article's HTML (see PASTE_TAGS). */
export function cleanPastedHtml(html: string): string {
  const fragment = clipboardFragment(html)
  // Word's <style> block is in the <head>, outside the copied fragment.
  const listKinds = wordListKinds(html)
  let depth = 0
  let canonical: string
  try {
    canonical = sanitizeHtml(fragment, {
      ...CANONICAL,
      onOpenTag: () => { if (++depth > MAX_PARSE_DEPTH) throw TOO_DEEP },
      onCloseTag: () => { depth-- }
    })
  } catch (error) {
    if (error !== TOO_DEEP) throw error
    return plainTextToHtml(textWithoutTags(fragment))
  }
  const tree = readTree(canonical)
  const out = new Writer(listKinds)
  walk(tree, { bold: false, italic: false, href: null }, out, false)
  return out.finish()
}

/** Hostile markup's text, roughly: whatever is outside angle brackets, comments included. */
function textWithoutTags(html: string): string {
  let text = ''
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt === -1) return text + html.slice(i)
    text += html.slice(i, lt) + ' '
    const gt = html.indexOf('>', lt)
    if (gt === -1) return text
    i = gt + 1
  }
  return text
}

/** Plain-text paste: a blank line starts a paragraph, a single line break stays a line break. */
export function plainTextToHtml(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n\s*/)
  let html = ''
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n').map((line) => escape(collapse(line).trim())).filter((line) => line !== '')
    if (lines.length > 0) html += `<p>${lines.join('<br>')}</p>`
  }
  return html
}
