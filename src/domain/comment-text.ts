// Comments are plain text with a few inline tags, as on WordPress: what a reader typed is escaped, except
// a small allowlist of tags (a with href, b, strong, em, i, q, cite, code, blockquote, del); web addresses
// become links; blank lines start paragraphs and single line breaks stay line breaks.
// The allowed tags then go through sanitize-html, the maintained sanitiser, which balances them and
// refuses any link that is not http(s) or mailto.
import sanitizeHtml from 'sanitize-html'
import { escapeHtml } from './html-escape.js'

export const COMMENT_TAGS = ['a', 'b', 'strong', 'em', 'i', 'q', 'cite', 'code', 'blockquote', 'del'] as const

/** Readers' links are theirs, not the newsroom's: search engines are told so, and the new page gets no handle on ours. */
export const COMMENT_LINK_REL = 'nofollow ugc noopener'

// An allowed tag name in angle brackets counts as markup, whatever attributes it carries: it is rebuilt
// from scratch with nothing but a's href. Anything else that looks like markup ("<img …>", "a < b") is
// shown as typed.
const ALLOWED_TAG = new RegExp(`<(/?)(${COMMENT_TAGS.join('|')})((?:\\s[^<>]*)?)>`, 'gi')
const HREF = /(?:^|\s)href\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/i

/**
 * How deep the allowed tags may nest. A quote inside a quote with some emphasis is about as deep as a
 * reader goes; past that, every paragraph would reopen hundreds of tags (output growing with depth ×
 * paragraphs), so deeper tags are shown as typed.
 */
export const MAX_TAG_NESTING = 8

/** Text with the allowed tags rebuilt and web addresses outside links turned into links; the rest escaped. */
function markupFromText(text: string): string {
  let html = ''
  let last = 0
  let insideLink = 0
  // The allowed tags open at this point, as the sanitiser's parser will see them. A closing tag closes its
  // own opening and any opened after it; one that closes nothing open is dropped, as the sanitiser would
  // drop it. Counting depth without the names let "</b><i></b><i>…" grow the parser's stack without bound,
  // and each stray "</b>" searched all of it: quadratic (40,000 characters took half a second).
  const open: string[] = []
  // Openings shown as text because they were too deep: their closings are shown as text too.
  const tooDeep = new Map<string, number>()
  const addText = (segment: string) => {
    const escaped = escapeHtml(segment)
    // A link cannot hold another link, so addresses inside one the reader wrote are left alone.
    html += insideLink > 0 ? escaped : linkUrls(escaped)
  }
  for (const match of text.matchAll(ALLOWED_TAG)) {
    const [whole, slash, rawName, attributes] = match
    const name = rawName!.toLowerCase()
    addText(text.slice(last, match.index))
    last = match.index + whole.length
    if (slash) {
      const skipped = tooDeep.get(name) ?? 0
      if (skipped > 0) {
        tooDeep.set(name, skipped - 1)
        html += escapeHtml(whole)
        continue
      }
      const at = open.lastIndexOf(name)
      if (at === -1) continue
      for (const closed of open.splice(at).reverse()) {
        if (closed === 'a') insideLink--
        html += `</${closed}>`
      }
      continue
    }
    if (open.length >= MAX_TAG_NESTING) {
      tooDeep.set(name, (tooDeep.get(name) ?? 0) + 1)
      html += escapeHtml(whole)
      continue
    }
    open.push(name)
    if (name === 'a') {
      insideLink++
      const href = HREF.exec(attributes ?? '')?.[1]?.replace(/^["']|["']$/g, '')
      // Entities stay as typed: the sanitiser's parser decodes them, as a browser would, before checking the scheme.
      html += href === undefined ? '<a>' : `<a href="${href.replace(/"/g, '&quot;')}">`
    } else html += `<${name}>`
  }
  addText(text.slice(last))
  return html
}

// Web addresses in escaped text: stop at whitespace, quotes and escaped angle brackets.
const URL_IN_ESCAPED_TEXT = /\b(?:https?:\/\/|(?<![/\w.-])www\.)(?:(?!&lt;|&gt;|&quot;|&#39;)[^\s<>"'])+/gi

function linkUrls(escapedText: string): string {
  return escapedText.replace(URL_IN_ESCAPED_TEXT, (found) => {
    // Sentence punctuation after an address belongs to the sentence, and so does a ")" that opens nowhere in
    // it. One pass from the end with the brackets counted once: rescanning after each character was
    // quadratic ("https://x.com/" and 10,000 ")" took seconds).
    let opens = 0
    let closes = 0
    for (let i = 0; i < found.length; i++) {
      const c = found.charCodeAt(i)
      if (c === 40) opens++
      else if (c === 41) closes++
    }
    let end = found.length
    while (end > 0) {
      const c = found[end - 1]!
      if (c === ')') {
        if (opens >= closes) break
        closes--
        end--
      } else if (end >= 5 && found.startsWith('&amp;', end - 5)) end -= 5
      else if ('.,;:!?'.includes(c)) end--
      else break
    }
    const url = found.slice(0, end)
    const tail = found.slice(end)
    if (!/^(?:https?:\/\/|www\.)[^/?#]*[\w-]/i.test(url)) return found
    const href = /^www\./i.test(url) ? `https://${url}` : url
    return `<a href="${href}" rel="${COMMENT_LINK_REL}">${url}</a>${tail}`
  })
}

function sanitise(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...COMMENT_TAGS],
    allowedAttributes: { a: ['href', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'escape',
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: COMMENT_LINK_REL } })
    }
  })
}

const TAG = /<(\/?)([a-z]+)[^>]*>/g

const WHITESPACE = /\s/

/**
 * Drops the spaces and <br>s that end a paragraph, before its closing tags. Scanned from the end, because
 * a regex anchored at the end ("(?:\s|<br>)+(closing tags)$") retries from every space of a long run.
 */
function trimParagraphEnd(body: string): string {
  let closersStart = body.length
  for (;;) {
    if (!body.endsWith('>', closersStart)) break
    const open = body.lastIndexOf('</', closersStart - 1)
    if (open === -1 || !/^<\/[a-z]+>$/.test(body.slice(open, closersStart))) break
    closersStart = open
  }
  let end = closersStart
  for (;;) {
    if (end > 0 && WHITESPACE.test(body[end - 1]!)) end--
    else if (end >= 4 && body.startsWith('<br>', end - 4)) end -= 4
    else break
  }
  return end === closersStart ? body : body.slice(0, end) + body.slice(closersStart)
}

/**
 * Paragraphs and line breaks over sanitised markup: a blank line closes a paragraph (closing and reopening
 * the inline tags that span it), a single newline is <br>, and a blockquote stands between paragraphs.
 */
function paragraphs(html: string): string {
  let out = ''
  let paragraph = ''
  let open: string[] = []
  const saved: string[][] = []
  const hasText = (s: string) => s.replace(TAG, '').trim() !== ''
  const flush = () => {
    let body = paragraph
    for (const tag of [...open].reverse()) body += `</${tag.match(/^<([a-z]+)/)![1]}>`
    body = trimParagraphEnd(body.replace(/^(?:\s|<br>)+/, ''))
    if (hasText(body)) out += `<p>${body}</p>`
    paragraph = open.join('')
  }
  const addText = (text: string) => {
    const parts = text.split(/\n[ \t]*\n\s*/)
    parts.forEach((part, i) => {
      if (i > 0) flush()
      paragraph += part.replace(/\n/g, '<br>')
    })
  }
  let last = 0
  for (const match of html.matchAll(TAG)) {
    addText(html.slice(last, match.index))
    last = match.index + match[0].length
    const [tag, slash, name] = match
    if (name === 'blockquote') {
      flush()
      if (!slash) {
        saved.push(open)
        open = []
        paragraph = ''
        out += '<blockquote>'
      } else {
        out += '</blockquote>'
        open = saved.pop() ?? []
        paragraph = open.join('')
      }
    } else if (slash) {
      const at = open.map((t) => t.match(/^<([a-z]+)/)![1]).lastIndexOf(name)
      if (at !== -1) open.splice(at, 1)
      paragraph += tag
    } else {
      open.push(tag)
      paragraph += tag
    }
  }
  addText(html.slice(last))
  flush()
  return out
}

/** A comment's text → safe HTML for every page, feed and screen that shows it. */
export function commentTextToHtml(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n')
  if (normalised.trim() === '') return ''
  return paragraphs(sanitise(markupFromText(normalised)))
}
