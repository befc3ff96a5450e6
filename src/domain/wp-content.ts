// WordPress post content → a Lede article body, as WordPress would show it: block-editor comments
// removed, paragraphs and line breaks added by wpautop (classic content only: WordPress skips wpautop for
// block content), then the [caption] and [embed] shortcodes rendered. Any other shortcode stays as the
// text it is, so nothing silently disappears. The result is HTML that the article body renderer passes
// through untouched (see asBodySource) and then sanitises with the same allowlist as every other body.
//
// Every pattern here is either a plain split or a regular expression without nested quantifiers, so the
// work is linear in the content's length (test/domain/wp-content.test.ts compares n with 4n).

const ALL_BLOCKS = '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)'

// wpautop's patterns built on ALL_BLOCKS, compiled once: building them on every call was a tenth of its time
// in an import. Global patterns are safe to share here: `replace` starts them at 0 and leaves lastIndex at 0.
const BLOCK_OPENING = new RegExp(`(<${ALL_BLOCKS}[\\s/>])`, 'g')
const BLOCK_CLOSING = new RegExp(`(</${ALL_BLOCKS}>)`, 'g')
const BLOCK_TAG_ALONE_IN_P = new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^<>]*>)\\s*</p>`, 'g')
const P_BEFORE_BLOCK_TAG = new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^<>]*>)`, 'g')
const P_END_AFTER_BLOCK_TAG = new RegExp(`(</?${ALL_BLOCKS}[^<>]*>)\\s*</p>`, 'g')
const BR_AFTER_BLOCK_TAG = new RegExp(`(</?${ALL_BLOCKS}[^<>]*>)\\s*<br />`, 'g')

/** WordPress's has_blocks(): content saved by the block editor. */
export function hasBlocks(content: string): boolean {
  return content.includes('<!-- wp:')
}

/** The block editor's delimiters (`<!-- wp:paragraph {"x":1} -->`, `<!-- /wp:paragraph -->`). */
export function removeBlockComments(content: string): string {
  return content.replace(/<!--\s+\/?wp:[^<>]*?-->\n?/g, '')
}

/**
 * Splits HTML into text and tags (comments and CDATA count as tags), as wp_html_split does, in one pass.
 * Odd indexes are tags.
 */
function splitHtml(html: string): string[] {
  const parts: string[] = []
  let i = 0
  let textStart = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt === -1) break
    let end: number
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4)
      end = close === -1 ? html.length : close + 3
    } else if (html.startsWith('<![CDATA[', lt)) {
      const close = html.indexOf(']]>', lt + 9)
      end = close === -1 ? html.length : close + 3
    } else {
      const close = html.indexOf('>', lt + 1)
      end = close === -1 ? html.length : close + 1
    }
    parts.push(html.slice(textStart, lt), html.slice(lt, end))
    i = end
    textStart = end
  }
  parts.push(html.slice(textStart))
  return parts
}

/** Newlines inside script, style, svg and math stay newlines (WordPress's _autop_newline_preservation_helper). */
function preserveNewlinesIn(text: string): string {
  let out = ''
  let i = 0
  const open = /<(script|style|svg|math)[\s>]/g
  for (;;) {
    open.lastIndex = i
    const m = open.exec(text)
    if (!m) break
    const close = text.indexOf(`</${m[1]!}>`, m.index)
    // Unclosed: no later one of any kind can close either, as WordPress's pattern needs the closing tag.
    if (close === -1) break
    const end = close + m[1]!.length + 3
    out += text.slice(i, m.index) + text.slice(m.index, end).replaceAll('\n', '<WPPreserveNewline />')
    i = end
  }
  return out + text.slice(i)
}

/**
 * `(?<!<br />)\s*\n` → `<br />\n`, line by line so that a long run of spaces costs its length once: the
 * spaces before a newline go, unless the line already ends in <br />, where (as in WordPress) the
 * pattern still matches from the second space on.
 */
function lineBreaksToBr(text: string): string {
  const lines = text.split('\n')
  for (let n = 0; n < lines.length - 1; n++) {
    const line = lines[n]!
    const body = line.replace(/[ \t\f\v\r]+$/, '')
    const spaces = line.length - body.length
    if (!body.endsWith('<br />')) lines[n] = body + '<br />'
    else if (spaces > 0) lines[n] = body + line[body.length] + '<br />'
  }
  return lines.join('\n')
}

/** `<p>(<li.+?)</p>` → `$1`, line by line: once a line has no later </p>, no later <p><li on it can match. */
function unwrapListItems(text: string): string {
  return text.split('\n').map((line) => {
    let out = ''
    let i = 0
    for (;;) {
      const start = line.indexOf('<p><li', i)
      if (start === -1) break
      const end = line.indexOf('</p>', start + 7)
      if (end === -1) break
      out += line.slice(i, start) + line.slice(start + 3, end)
      i = end + 4
    }
    return out + line.slice(i)
  }).join('\n')
}

/** WordPress's wpautop(): double line breaks become paragraphs, single ones <br />. */
export function wpautop(input: string, br = true): string {
  if (input.trim() === '') return ''
  let text = input + '\n'
  const preTags = new Map<string, string>()
  // <pre> is left untouched: set aside and put back at the end.
  if (text.includes('<pre')) {
    const parts = text.split('</pre>')
    const last = parts.pop()!
    text = ''
    let n = 0
    for (const part of parts) {
      const start = part.indexOf('<pre')
      if (start === -1) { text += part; continue }
      const name = `<pre wp-pre-tag-${n}></pre>`
      preTags.set(name, part.slice(start) + '</pre>')
      text += part.slice(0, start) + name
      n++
    }
    text += last
  }
  // Long runs of spaces are one space to a browser; capping them keeps the patterns below linear.
  text = text.replace(/[ \t\f\v]{64,}/g, (run) => run.slice(0, 64))
  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/g, '\n\n')
  text = text.replace(BLOCK_OPENING, '\n\n$1')
  text = text.replace(BLOCK_CLOSING, '$1\n\n')
  text = text.replace(/(<hr\s*?\/?>)/g, '$1\n\n')
  text = text.replace(/\r\n|\r/g, '\n')
  // Line breaks inside tags are not paragraph breaks.
  text = splitHtml(text).map((part, i) => i % 2 === 1 ? part.replaceAll('\n', ' <!-- wpnl --> ') : part).join('')
  if (text.includes('<option')) {
    text = text.replace(/\s*<option/g, '<option').replace(/<\/option>\s*/g, '</option>')
  }
  if (text.includes('</object>')) {
    text = text.replace(/(<object[^<>]*>)\s*/g, '$1').replace(/\s*<\/object>/g, '</object>')
      .replace(/\s*(<\/?(?:param|embed)[^<>]*>)\s*/g, '$1')
  }
  if (text.includes('<source') || text.includes('<track')) {
    text = text.replace(/([<[](?:audio|video)[^>\]]*[>\]])\s*/g, '$1').replace(/\s*([<[]\/(?:audio|video)[>\]])/g, '$1')
      .replace(/\s*(<(?:source|track)[^<>]*>)\s*/g, '$1')
  }
  if (text.includes('<figcaption')) {
    text = text.replace(/\s*(<figcaption[^<>]*>)/g, '$1').replace(/<\/figcaption>\s*/g, '</figcaption>')
  }
  text = text.replace(/\n\n+/g, '\n\n')
  const paragraphs = text.split(/\n[ \t\f\v\r]*\n/).filter((p) => p !== '')
  text = paragraphs.map((p) => `<p>${p.replace(/^\n+|\n+$/g, '')}</p>\n`).join('')
  text = text.replace(/<p>\s*<\/p>/g, '')
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>')
  text = text.replace(BLOCK_TAG_ALONE_IN_P, '$1')
  text = unwrapListItems(text)
  text = text.replace(/<p><blockquote([^<>]*)>/gi, '<blockquote$1><p>')
  text = text.replaceAll('</blockquote></p>', '</p></blockquote>')
  text = text.replace(P_BEFORE_BLOCK_TAG, '$1')
  text = text.replace(P_END_AFTER_BLOCK_TAG, '$1')
  if (br) {
    // Line breaks inside these stay line breaks.
    text = preserveNewlinesIn(text)
    text = text.replaceAll('<br>', '<br />').replaceAll('<br/>', '<br />')
    text = lineBreaksToBr(text)
    text = text.replaceAll('<WPPreserveNewline />', '\n')
  }
  text = text.replace(BR_AFTER_BLOCK_TAG, '$1')
  text = text.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^<>]*>)/g, '$1')
  text = text.replace(/\n<\/p>$/, '</p>')
  if (preTags.size > 0) text = text.replace(/<pre wp-pre-tag-\d+><\/pre>/g, (name) => preTags.get(name) ?? name)
  if (text.includes('<!-- wpnl -->')) text = text.replaceAll(' <!-- wpnl --> ', '\n').replaceAll('<!-- wpnl -->', '\n')
  return text
}

/** Attribute text → its value; the HTML entities WordPress writes in shortcode attributes are kept as they are. */
function shortcodeAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"]+))/g)) {
    attrs[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? ''
  }
  return attrs
}

const escapeAttribute = (s: string): string => s.replace(/&(?!(?:#\d+|#x[0-9a-f]+|\w+);)/gi, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** [caption]: WordPress's img_caption_shortcode as HTML5, a figure with its caption. */
function renderCaption(attributes: string, inner: string): string {
  const attrs = shortcodeAttributes(attributes)
  let content = inner
  let caption = attrs.caption ?? ''
  if (caption === '') {
    // The caption is the text after the image (or the link around it).
    const m = /^\s*((?:<a [^>]+>\s*)?<img [^>]+>\s*(?:<\/a>)?)([\s\S]*)$/i.exec(inner)
    if (m) { content = m[1]!; caption = m[2]!.trim() }
  }
  if (caption === '') return content
  return `<figure>${content.trim()}<figcaption>${caption}</figcaption></figure>`
}

/** [embed]URL[/embed]: WordPress asks the provider for a player; here it is a link to the same URL. */
function renderEmbed(inner: string): string {
  const url = inner.trim()
  if (!/^https?:\/\/[^\s<>"]+$/i.test(url)) return inner
  const href = escapeAttribute(url)
  return `<a href="${href}">${href}</a>`
}

/**
 * Renders [caption] and [embed] (with their closing tags, not nested, like WordPress); `[[x]]` is how
 * WordPress writes a literal `[x]`. Everything else is left as text.
 */
export function renderShortcodes(html: string): string {
  let out = ''
  let i = 0
  // A shortcode without its closing tag: no later one has it either, so it is not searched for again.
  const unclosed = new Set<string>()
  while (i < html.length) {
    const open = html.indexOf('[', i)
    if (open === -1) break
    out += html.slice(i, open)
    const m = /^\[(\[?)(caption|wp_caption|embed)(?![\w-])([^\]]*)\]/.exec(html.slice(open, open + 2000))
    if (!m) { out += '['; i = open + 1; continue }
    const name = m[2]!
    const closeTag = `[/${name}]`
    const close = unclosed.has(name) ? -1 : html.indexOf(closeTag, open + m[0].length)
    if (close === -1) { unclosed.add(name); out += '['; i = open + 1; continue }
    const end = close + closeTag.length
    if (m[1] === '[' && html[end] === ']') {
      // Escaped: [[caption]…[/caption]] shows the shortcode itself.
      out += html.slice(open + 1, end)
      i = end + 1
      continue
    }
    const inner = html.slice(open + m[0].length, close)
    out += name === 'embed' ? renderEmbed(inner) : renderCaption(m[3]!, inner)
    i = end
  }
  return out + html.slice(i)
}

/** WordPress's shortcode_unautop for the shortcodes we render: a figure is not put inside a paragraph. */
function unwrapRenderedBlocks(html: string): string {
  return html.replace(/<p>\s*(<figure>[\s\S]*?<\/figure>)\s*<\/p>/g, '$1')
}

/**
 * The HTML as an article body source. Bodies are Markdown, and Markdown passes an HTML block through
 * untouched up to the first blank line: so the HTML is wrapped in a block element (dropped by the
 * sanitiser, keeping its content) and has no blank line. Line breaks inside <pre> become &#10;, which
 * the sanitiser turns back into the same line breaks.
 */
export function asBodySource(html: string): string {
  const collapse = (part: string) => part.replace(/\n(?:[ \t\r]*\n)+/g, '\n')
  let out = ''
  let i = 0
  for (;;) {
    const start = html.indexOf('<pre', i)
    const end = start === -1 ? -1 : html.indexOf('</pre>', start)
    if (end === -1) break
    out += collapse(html.slice(i, start)) + html.slice(start, end).replaceAll('\r', '').replaceAll('\n', '&#10;')
    i = end
  }
  out += collapse(html.slice(i))
  return `<div>\n${out.trim()}\n</div>`
}

/** A WordPress post's content as the body source of a Lede article. */
export function wordpressContentToBody(content: string): string {
  const blocks = hasBlocks(content)
  let html = blocks ? removeBlockComments(content) : wpautop(content)
  html = unwrapRenderedBlocks(renderShortcodes(html))
  if (html.trim() === '') return ''
  return asBodySource(html)
}

/** An excerpt as a plain-text lead: tags dropped, the commonest entities read, whitespace collapsed. */
export function excerptToLead(excerpt: string): string {
  return excerpt
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#039|#8217|#8216|#8220|#8221|#8211|#8212|#8230);/g, (_, e: string) => ENTITIES[e] ?? _)
    .replace(/\s+/g, ' ')
    .trim()
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#039': '\'', '#8217': '’', '#8216': '‘', '#8220': '“', '#8221': '”', '#8211': '–', '#8212': '—', '#8230': '…'
}
