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

/** Text with the allowed tags rebuilt and web addresses outside links turned into links; the rest escaped. */
function markupFromText(text: string): string {
  let html = ''
  let last = 0
  let insideLink = 0
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
      if (name === 'a') insideLink = Math.max(0, insideLink - 1)
      html += `</${name}>`
    } else if (name === 'a') {
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
    // Sentence punctuation after an address belongs to the sentence, and so does a ")" that opens nowhere in it.
    let url = found
    let tail = ''
    for (;;) {
      const m = /(?:[.,;:!?]|&amp;|\))$/.exec(url)
      if (!m) break
      if (m[0] === ')' && (url.match(/\(/g) ?? []).length >= (url.match(/\)/g) ?? []).length) break
      tail = m[0] + tail
      url = url.slice(0, -m[0].length)
    }
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
    body = body.replace(/^(?:\s|<br>)+/, '').replace(/(?:\s|<br>)+((?:<\/[a-z]+>)*)$/, '$1')
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
