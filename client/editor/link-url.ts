// What a link in a story may point to: a web page (http, https), an email address (mailto) or a page on
// this site (a path from the root). Anything else is refused with the reason, so the dialog can say what
// to change rather than only "invalid". javascript: and data: addresses are never links.

export type LinkUrlProblem = 'empty' | 'spaces' | 'noScheme' | 'scheme' | 'incomplete' | 'mailto'

export type LinkUrlCheck =
  | { ok: true, href: string }
  | { ok: false, problem: LinkUrlProblem, scheme?: string, example?: string }

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
// A host is a name with a dot (example.org), localhost, or an IP address in brackets or dotted.
const HOST = /^(?:localhost|\[[0-9a-f:.]+\]|[^\s/?#.:@]+(?:\.[^\s/?#.:@]+)+)(?::\d{1,5})?$/i

export function checkLinkUrl(typed: string): LinkUrlCheck {
  const value = typed.trim()
  if (value === '') return { ok: false, problem: 'empty' }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return { ok: false, problem: 'spaces' }
  // "//host/path" would leave this site for whatever host follows: a path starts with one slash.
  if (value.startsWith('/')) return value.startsWith('//') ? { ok: false, problem: 'incomplete' } : { ok: true, href: value }
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase()
  // "example.org:8080/x" reads as a scheme "example.org"; a dot says it is a host.
  if (!scheme || scheme.includes('.')) {
    if (/^[^/?#]+\.[a-z]{2,}(?:[/?#:]|$)/i.test(value)) return { ok: false, problem: 'noScheme', example: value }
    return { ok: false, problem: 'noScheme', example: 'example.org/' }
  }
  if (scheme === 'mailto') {
    return /^mailto:[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+(?:\?.*)?$/i.test(value) ? { ok: true, href: value } : { ok: false, problem: 'mailto' }
  }
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, problem: 'scheme', scheme }
  const rest = /^https?:\/\/([^/?#]*)/i.exec(value)
  if (!rest || !HOST.test(rest[1]!.replace(/^[^@]*@/, ''))) return { ok: false, problem: 'incomplete' }
  return { ok: true, href: value }
}
