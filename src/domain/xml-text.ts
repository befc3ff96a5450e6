// Text bound for XML documents (feeds, sitemaps). Headlines, names and comments come from people,
// and one stray control character or "]]>" would make a whole feed unreadable to every subscriber.

/** Characters XML 1.0 forbids anywhere in a document (C0 controls but tab/newline/return, U+FFFE/U+FFFF, lone surrogates). */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Drops the characters no XML document may contain. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '')
}

/**
 * HTML that will sit inside a CDATA section, where a "]]>" would end the section and let the rest be read
 * as markup. In HTML, "]]&gt;" reads exactly like "]]>", so every occurrence is rewritten that way.
 */
export function cdataHtml(html: string): string {
  return xmlSafe(html).replaceAll(']]>', ']]&gt;')
}
