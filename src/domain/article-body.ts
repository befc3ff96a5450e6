// Article bodies are stored as the body document (the rich editor's, issue 17; older ones as Markdown)
// and turned into HTML once, at save; the page then prints the stored HTML as it is. Sanitising at save
// means a reader's request never pays for it, and the allowlist below is the only HTML an article can
// ever carry.
//
// body-document.ts imports this module's Markdown renderer and nesting limit, and this one its writer:
// neither uses the other's bindings while loading, so the import cycle is harmless.
import { Parser } from 'htmlparser2'
import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'
import { bodyDocumentWithHtml, documentToHtml, isBodyDocumentSource, type BodyDoc } from './body-document.js'
import { embedFrameSrc } from './embeds.js'
import { escapeHtml } from './html-escape.js'
import { htmlToText } from './search-text.js'

const markdown = new Marked({ gfm: true, breaks: false, async: false })

/**
 * An embed's player frame is never taken from the HTML: it is computed again from the provider and link
 * (assets/embeds.js loads it when the reader asks), so only the providers' own players can ever load.
 */
function withEmbedFrame(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { 'data-embed-frame': _given, ...rest } = attribs
  const provider = rest['data-embed-provider']
  const url = rest['data-embed-url']
  const frame = provider && url ? embedFrameSrc(provider, url) : null
  return { tagName, attribs: frame ? { ...rest, 'data-embed-frame': frame } : rest }
}

/**
 * <span> and <aside> are the schema's only as a caption or credit and as a related-story card: any other
 * (wire copy and pasted HTML are full of bare spans) is unwrapped, its text kept, as before they were allowed.
 */
function onlyWithClass(classes: readonly string[]): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const own = (attribs.class ?? '').split(/\s+/)
    return classes.some((c) => own.includes(c)) ? { tagName, attribs } : { tagName: 'lede-unwrapped', attribs: {} }
  }
}

const BODY_ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'b', 'i', 'code', 'pre',
    'hr', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'sup', 'sub', 'q', 'cite',
    'span', 'aside'
  ],
  // The body schema's markup (body-schema.ts's toDOM specs) and Markdown's; nothing else.
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding'],
    figure: ['data-media-id', 'data-embed-provider', 'data-embed-url', 'data-embed-frame'],
    aside: ['data-article-id'],
    th: ['align', 'colspan', 'rowspan'], td: ['align', 'colspan', 'rowspan'], ol: ['start']
  },
  // The only classes a body keeps: the stylesheet's and assets/embeds.js's hooks for the schema's blocks.
  allowedClasses: {
    figure: ['picture', 'embed'], span: ['caption', 'credit'], blockquote: ['pull-quote'],
    aside: ['related-story'], p: ['embed-provider'], a: ['embed-title']
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Headings in the body start at h2: the headline is the page's only h1.
  transformTags: { h1: 'h2', figure: withEmbedFrame, span: onlyWithClass(['caption', 'credit']), aside: onlyWithClass(['related-story']) }
}

/** A body source as readers' HTML: the document written by its schema, or legacy Markdown by marked; then sanitised. */
export function renderArticleBody(source: string): string {
  const html = isBodyDocumentSource(source) ? documentToHtml(JSON.parse(source) as BodyDoc) : renderMarkdown(source)
  return sanitizeBodyHtml(html)
}

/**
 * A body as it is stored, from whatever a write path receives (document JSON, or Markdown from imports,
 * the wire desk and the demo): the body document's JSON and readers' HTML, sanitised.
 */
export function storedArticleBody(source: string): { source: string, html: string } {
  const { source: document, html } = bodyDocumentWithHtml(source)
  return { source: document, html: sanitizeBodyHtml(html) }
}

/** Markdown as article bodies have always rendered it (GitHub-flavoured, unsanitised: sanitise before showing). */
export function renderMarkdown(source: string): string {
  return markdown.parse(source) as string
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
