// Text bound for XML documents (feeds, sitemaps). Headlines, names and comments come from people,
// and one stray control character or "]]>" would make a whole feed unreadable to every subscriber.

/** Characters XML 1.0 forbids anywhere in a document (C0 controls but tab/newline/return, U+FFFE/U+FFFF, lone surrogates). */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Whether a text may hold a forbidden character: a C0 control, U+FFFE/U+FFFF, or any surrogate (paired ones
 * are fine, but telling them apart needs the slower Unicode-aware pattern above). Without the `u` flag V8
 * scans this class several times faster, and most texts (every story without an emoji) pass it whole.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/

/** Drops the characters no XML document may contain. */
export function xmlSafe(text: string): string {
  return MAYBE_FORBIDDEN.test(text) ? text.replace(XML_FORBIDDEN, '') : text
}

/**
 * HTML that will sit inside a CDATA section, where a "]]>" would end the section and let the rest be read
 * as markup. In HTML, "]]&gt;" reads exactly like "]]>", so every occurrence is rewritten that way.
 */
export function cdataHtml(html: string): string {
  return xmlSafe(html).replaceAll(']]>', ']]&gt;')
}
