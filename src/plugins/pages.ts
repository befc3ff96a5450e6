// Rendering pages: one call builds the view context, renders TSX to a string and sets cache headers.
import fp from 'fastify-plugin'
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { translator } from '../i18n/index.js'
import { editionPrefix } from '../domain/urls.js'
import { DEFAULT_SETTINGS, type SiteSettings } from '../domain/settings.js'
import { currentSettings } from '../services/site-settings.service.js'
import type { ViewContext } from '../web/views/context.js'
import type { Deps } from '../services/deps.js'

/**
 * public: the same for every reader, so browsers and CDNs may keep it (DESIGN §5). News moves fast:
 * a minute fresh, then served stale for up to five while a cache fetches the new copy.
 * private: anything carrying one visitor's data (a form with their input and errors).
 */
export type CachePolicy = 'public' | 'private'
export const CACHE_CONTROL: Record<CachePolicy, string> = {
  public: 'public, max-age=60, s-maxage=60, stale-while-revalidate=300',
  private: 'private, no-store'
}

export interface PagesOptions {
  /**
   * SHARED_CACHE_SECONDS: how long a shared cache in front of Lede (nginx, a CDN) keeps a public answer
   * before asking again (s-maxage). Browsers keep theirs a minute either way. A short lifetime is how a
   * publish reaches readers behind such a cache quickly without purging it (docs/deploy.md).
   */
  sharedCacheSeconds?: number
}

const DEFAULT_SHARED_SECONDS = 60

/** A public Cache-Control with the shared caches' lifetime set to `seconds`; anything else as it was. */
export function withSharedLifetime(cacheControl: string, seconds: number): string {
  if (!cacheControl.startsWith('public')) return cacheControl
  return cacheControl.replace(/\bs-maxage=\d+/, `s-maxage=${seconds}`)
}

declare module 'fastify' {
  interface FastifyRequest {
    viewContext(edition?: string): Promise<ViewContext>
  }
  interface FastifyReply {
    page(vnode: VNode, options?: { status?: number, cache?: CachePolicy }): FastifyReply
  }
}

export function renderDocument(vnode: VNode): string {
  return '<!doctype html>' + renderToString(vnode)
}

/** The view context for a request URL; usable where Fastify has not decorated the request yet. */
export async function viewContextFor(deps: Deps, url: string, log: FastifyBaseLogger, edition?: string): Promise<ViewContext> {
  let settings
  try {
    settings = await currentSettings(deps)
  } catch (error) {
    // The error page must render even when the database is down.
    log.error({ err: error }, 'could not load settings; using defaults')
    settings = structuredClone(DEFAULT_SETTINGS)
  }
  const chosen = edition ?? editionOfPath(url, settings) ?? settings.defaultEdition
  return {
    settings,
    edition: chosen,
    prefix: editionPrefix(chosen, settings.defaultEdition),
    i18n: translator(chosen),
    path: url.split('?')[0] ?? '/',
    now: deps.clock()
  }
}

/**
 * The non-default edition a path is under ("/ru/…" → "ru"), or null. Error pages use it, so a missing page
 * under /ru/ is explained in Russian; routes under "/:lang" pass their edition explicitly.
 */
export function editionOfPath(url: string, settings: Pick<SiteSettings, 'editions' | 'defaultEdition'>): string | null {
  const first = /^\/([^/?#]+)/.exec(url)?.[1]
  return first !== undefined && first !== settings.defaultEdition && settings.editions.includes(first) ? first : null
}

/** Thrown for "/xx/…" where xx is not one of the site's other editions: the page does not exist. */
export class UnknownEditionError extends Error {
  statusCode = 404
  code = 'LEDE_UNKNOWN_EDITION'
}

export default fp<PagesOptions>(async (app, options) => {
  // Every public answer (pages, feeds, sitemaps, the API) is marked with CACHE_CONTROL.public by its
  // route; one hook gives them the operator's shared-cache lifetime, before the page cache keeps a copy.
  const sharedSeconds = options.sharedCacheSeconds ?? DEFAULT_SHARED_SECONDS
  if (sharedSeconds !== DEFAULT_SHARED_SECONDS) {
    app.addHook('onSend', async (_request, reply, payload) => {
      const value = reply.getHeader('cache-control')
      if (typeof value === 'string') reply.header('cache-control', withSharedLifetime(value, sharedSeconds))
      return payload
    })
  }

  // Routes registered under the "/:lang" prefix serve the non-default editions; the default edition
  // lives at the root only, so "/en/…" on an English-default site is a 404, not a duplicate page.
  app.decorateRequest('viewContext', async function (this: FastifyRequest, edition?: string): Promise<ViewContext> {
    const lang = (this.params as { lang?: unknown } | undefined)?.lang
    const ctx = await viewContextFor(this.server.deps, this.url, this.log, edition ?? (typeof lang === 'string' ? lang : undefined))
    if (edition === undefined && typeof lang === 'string' && (lang === ctx.settings.defaultEdition || !ctx.settings.editions.includes(lang))) {
      throw new UnknownEditionError(`no edition "${lang}"`)
    }
    return ctx
  })

  app.decorateReply('page', function (this: FastifyReply, vnode: VNode, options: { status?: number, cache?: CachePolicy } = {}) {
    const status = options.status ?? 200
    const cache = options.cache ?? (status < 400 || status === 404 ? 'public' : 'private')
    return this.code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', CACHE_CONTROL[cache])
      .send(renderDocument(vnode))
  })
}, { name: 'pages' })
