// One form of each URL (DESIGN §4): pages end in "/", and "/newsfeed" answers 301 to "/newsfeed/".
import fp from 'fastify-plugin'

/** Endpoints that are not pages, and files (anything with an extension), keep their exact form. */
const EXACT_PATHS = new Set(['/search', '/healthz', '/readyz', '/live', '/comments'])
const EXACT_PREFIXES = ['/api/', '/assets/']
/** Exact paths that every edition has under its prefix too: "/ru/search". */
const EDITION_EXACT_PATHS = new Set(['/search', '/live'])
/**
 * "/ru", "/hy", "/pt-br": a two-letter language code as the first segment (whether it is an edition is the
 * route's business). Three-letter codes are left out: "/tag/search" is a tag page, not an edition.
 */
const EDITION_SEGMENT = /^\/[a-z]{2}(?:-[a-z0-9]{2,8})*(?=\/)/i

export function slashRedirectTarget(url: string): string | null {
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  const query = q === -1 ? '' : url.slice(q)
  const withoutEdition = path.replace(EDITION_SEGMENT, '')
  if (EDITION_EXACT_PATHS.has(withoutEdition)) return null
  // "/search/" is the one page whose slash is wrong: send it to "/search", keeping the query.
  if (path.endsWith('/') && EDITION_EXACT_PATHS.has(withoutEdition.slice(0, -1)) && !path.startsWith('//')) return `${path.slice(0, -1)}${query}`
  if (path.endsWith('/') || EXACT_PATHS.has(path) || EXACT_PREFIXES.some((p) => path.startsWith(p))) return null
  const lastSegment = path.slice(path.lastIndexOf('/') + 1)
  if (lastSegment.includes('.')) return null
  // "//evil.example" must never become a protocol-relative redirect.
  if (path.startsWith('//')) return null
  return `${path}/${query}`
}

export default fp(async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return
    const target = slashRedirectTarget(request.url)
    if (target) return reply.redirect(target, 301)
  })
}, { name: 'trailing-slash' })
