import type { FastifyPluginAsync } from 'fastify'
import { articlePath } from '../../domain/urls.js'
import { articlePage, findArticle } from '../../services/reader.service.js'
import { ArticlePage } from '../views/article-page.js'
import { EMPTY_FORM, replyTargetFrom } from '../views/comments.js'
import { ErrorPage } from '../views/error-page.js'
import { articlePageLastModified } from '../../services/syndication.service.js'

interface ArticleParams { year: string, month: string, day: string, slug: string }

const articleRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: ArticleParams, Querystring: { comment?: unknown, replytocom?: unknown } }>('/:year/:month/:day/:slug/', { config: { cacheQuery: ['comment', 'replytocom'] } }, async (request, reply) => {
    const ctx = await request.viewContext()
    const { year, month, day, slug } = request.params
    const found = await findArticle(app.deps, ctx.settings, ctx.edition, `${year}-${month}-${day}`, slug)
    if (found.kind === 'not-found') {
      return reply.page(<ErrorPage ctx={ctx} title={ctx.i18n.t('error.notFound.title')} message={ctx.i18n.t('error.articleNotFound.text')} />, { status: 404 })
    }
    if (found.kind === 'moved') {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
      return reply.redirect(articlePath(ctx.prefix, found.article.published_at!, found.article.slug, ctx.settings.timeZone) + query, 301)
    }
    const data = await articlePage(app.deps, ctx.settings, found.article)
    // Its own comments and the counts in its strip: a comment on any other story leaves its cached copy.
    request.pageCacheScope = [found.article.id, ...data.strip.map((item) => item.id)]
    const notice = request.query.comment === 'pending' ? 'awaiting-moderation' : null
    reply.lastModified(articlePageLastModified(data))
    return reply.page(<ArticlePage ctx={ctx} data={data} form={EMPTY_FORM} notice={notice} replyTo={replyTargetFrom(request.query.replytocom, data.comments)} />)
  })
}

export default articleRoutes
