// Article bodies are written in Markdown and turned into HTML once, at save; the page then prints
// the stored HTML as it is. Sanitising at save means a reader's request never pays for it, and the
// allowlist below is the only HTML an article can ever carry.
import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

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

/** The same allowlist for HTML that arrives already written (agency copy on the wire desk). */
export function sanitizeBodyHtml(html: string): string {
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
