// Sitemaps and robots.txt. Each edition's sitemaps sit in its own directory (a sitemap may only list
// URLs below its own location): /sitemap-articles-2022-02.xml, /ru/sitemap-sections.xml … The index
// and news sitemap at the root cover every edition; /ru/sitemap.xml and /ru/news-sitemap.xml cover one.
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { childSitemapName, newsLanguage, parseChildSitemapName } from '../../domain/sitemap.js'
import { childSitemapPath, newsSitemapPath, sitemapIndexPath } from '../../domain/syndication-urls.js'
import { absoluteUrl, articlePath, editionPrefix } from '../../domain/urls.js'
import { isoWithOffset } from '../../i18n/format.js'
import { CACHE_CONTROL } from '../../plugins/pages.js'
import { childSitemapEntries, editionSitemaps, newsSitemapArticles } from '../../services/syndication.service.js'
import type { SiteSettings } from '../../domain/settings.js'
import type { Deps } from '../../services/deps.js'
import { renderNewsSitemap, renderRobots, renderSitemapIndex, renderUrlset, SITEMAP_CONTENT_TYPE } from '../views/sitemaps.js'

function sendXml(reply: FastifyReply, body: string): FastifyReply {
  return reply.code(200).header('content-type', SITEMAP_CONTENT_TYPE).header('cache-control', CACHE_CONTROL.public).send(body)
}

async function sitemapIndex(deps: Deps, settings: SiteSettings, editions: string[]): Promise<string> {
  const entries = []
  for (const edition of editions) {
    const prefix = editionPrefix(edition, settings.defaultEdition)
    for (const { sitemap, lastModified } of await editionSitemaps(deps, settings, edition)) {
      entries.push({ url: absoluteUrl(settings.siteUrl, childSitemapPath(prefix, childSitemapName(sitemap))), lastModified })
    }
  }
  return renderSitemapIndex(entries)
}

async function newsSitemap(deps: Deps, settings: SiteSettings, editions: string[]): Promise<string> {
  const articles = await newsSitemapArticles(deps, editions)
  return renderNewsSitemap(articles.map((a) => ({
    url: absoluteUrl(settings.siteUrl, articlePath(editionPrefix(a.edition, settings.defaultEdition), a.publishedAt, a.slug, settings.timeZone)),
    publicationName: settings.siteName,
    language: newsLanguage(a.edition),
    publicationDate: isoWithOffset(a.publishedAt, settings.timeZone),
    title: a.headline
  })))
}

/** Registered at the root and under "/:lang"; at the root the index and news sitemap span every edition. */
const sitemapRoutes: FastifyPluginAsync = async (app) => {
  const atRoot = (params: unknown) => typeof (params as { lang?: unknown }).lang !== 'string'

  app.get('/sitemap.xml', async (request, reply) => {
    const ctx = await request.viewContext()
    const editions = atRoot(request.params) ? ctx.settings.editions : [ctx.edition]
    return sendXml(reply, await sitemapIndex(app.deps, ctx.settings, editions))
  })

  app.get('/news-sitemap.xml', async (request, reply) => {
    const ctx = await request.viewContext()
    const editions = atRoot(request.params) ? ctx.settings.editions : [ctx.edition]
    return sendXml(reply, await newsSitemap(app.deps, ctx.settings, editions))
  })

  app.get<{ Params: { name: string } }>('/sitemap-:name', async (request, reply) => {
    const ctx = await request.viewContext()
    const sitemap = parseChildSitemapName(request.params.name)
    if (!sitemap) return reply.callNotFound()
    const entries = await childSitemapEntries(app.deps, ctx.settings, ctx.edition, sitemap)
    if (!entries) return reply.callNotFound()
    return sendXml(reply, await renderUrlset(entries.map((e) => ({ url: absoluteUrl(ctx.settings.siteUrl, e.path), lastModified: e.lastModified, alternates: e.alternates ?? [] }))))
  })
}

export const robotsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/robots.txt', async (request, reply) => {
    const { settings } = await request.viewContext()
    return reply.code(200)
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', CACHE_CONTROL.public)
      .send(renderRobots([absoluteUrl(settings.siteUrl, sitemapIndexPath('')), absoluteUrl(settings.siteUrl, newsSitemapPath(''))]))
  })
}

export default sitemapRoutes
