// Article bodies are written in Markdown and turned into HTML once, at save; the page then prints
// the stored HTML as it is. Sanitising at save means a reader's request never pays for it, and the
// allowlist below is the only HTML an article can ever carry.
import { Parser } from 'htmlparser2'
import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'
import { escapeHtml } from './html-escape.js'
import { htmlToText } from './search-text.js'

const markdown = new Marked({ gfm: true, breaks: false, async: false })

const BODY_ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'b', 'i', 'code', 'pre',
    'hr', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'sup', 'sub', 'q', 'cite'
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align'], td: ['align'], ol: ['start']
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Headings in the body start at h2: the headline is the page's only h1.
  transformTags: { h1: 'h2' }
}

export function renderArticleBody(source: string): string {
  const html = markdown.parse(source) as string
  return sanitizeBodyHtml(html)
}

/**
 * Deeper than this, HTML is not an article's: real bodies nest a dozen elements at most. sanitize-html
 * pays for each element in proportion to how deep it sits, so 60,000 unclosed <b> tags (a 240,000-
 * character body any author may save, or a hostile feed item) cost it seconds; htmlparser2 alone reads
 * them in a few milliseconds.
 */
export const MAX_BODY_NESTING = 256

/** How deep the HTML's elements nest, read in one linear pass (stopping once past `limit`). */
function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0
  let deeper = false
  const parser = new Parser({
    onopentag() { if (++depth > limit && !deeper) { deeper = true; parser.pause() } },
    onclosetag() { depth-- }
  })
  parser.write(html)
  if (!deeper) parser.end()
  return deeper
}

/**
 * The text of HTML nested past reason, as plain paragraphs: every word kept, no markup (a tag's text,
 * a script's included, is shown escaped, never run). Read with the search index's linear htmlToText,
 * not a parser: htmlparser2 also slows down with depth.
 */
function textOnly(html: string): string {
  return htmlToText(html).split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')
}

/** The same allowlist for HTML that arrives already written (agency copy on the wire desk). */
export function sanitizeBodyHtml(html: string): string {
  if (nestsDeeperThan(html, MAX_BODY_NESTING)) return textOnly(html)
  return sanitizeHtml(html, BODY_ALLOWLIST).trim()
}

/**
 * The agency credit opens the first paragraph, as wire copy does ("/TASS/. The US administration…").
 * Copy pasted from the wire often already starts with it; then it is only marked up, not repeated.
 */
export function withAgencyCredit(bodyHtml: string, credit: string | null, escape: (s: string) => string): string {
  if (!credit) return bodyHtml
  const marker = `/${escape(credit)}/`
  const span = (text: string) => `<span class="agency-credit">${text}</span>`
  const openingParagraph = /^<p>/
  if (!openingParagraph.test(bodyHtml)) return `<p>${span(marker + '.')}</p>${bodyHtml}`
  const rest = bodyHtml.slice(3)
  if (rest.startsWith(marker)) {
    const withDot = rest.startsWith(marker + '.') ? marker + '.' : marker
    return `<p>${span(withDot)}${rest.slice(withDot.length)}`
  }
  return `<p>${span(marker + '.')} ${rest}`
}
