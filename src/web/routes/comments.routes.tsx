import type { FastifyPluginAsync } from 'fastify'
import { articlePath, editionPrefix } from '../../domain/urls.js'
import { articlePage } from '../../services/reader.service.js'
import { submitComment } from '../../services/comments.service.js'
import { ArticlePage } from '../views/article-page.js'
import { ErrorPage } from '../views/error-page.js'

const FORM_TYPE = 'application/x-www-form-urlencoded'

const commentsRoutes: FastifyPluginAsync = async (app) => {
  app.post('/comments', async (request, reply) => {
    const ctx = await request.viewContext()
    const { t } = ctx.i18n
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    if (contentType !== FORM_TYPE || typeof request.body !== 'object' || request.body === null) {
      return reply.page(<ErrorPage ctx={ctx} title={t('error.badRequest.title')} message={t('error.unsupportedMedia.text')} />, { status: 415 })
    }

    const result = await submitComment(app.deps, {
      form: request.body as Record<string, unknown>,
      ip: request.ip ?? null,
      userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null
    })

    switch (result.kind) {
      case 'bad-article':
        return reply.page(<ErrorPage ctx={ctx} title={t('error.badRequest.title')} message={t('error.articleNotFound.text')} />, { status: 400 })
      case 'not-found':
        return reply.page(<ErrorPage ctx={ctx} title={t('error.notFound.title')} message={t('error.articleNotFound.text')} />, { status: 404 })
      case 'closed':
        return reply.page(<ErrorPage ctx={ctx} title={t('error.commentsClosed.title')} message={t('error.commentsClosed.text')} />, { status: 403 })
      case 'invalid': {
        const data = await articlePage(app.deps, ctx.settings, result.article)
        const articleCtx = await request.viewContext(result.article.edition)
        const pageCtx = { ...articleCtx, path: articlePath(articleCtx.prefix, result.article.published_at!, result.article.slug, ctx.settings.timeZone) }
        return reply.page(<ArticlePage ctx={pageCtx} data={data} form={result.form} notice={null} />, { status: 400, cache: 'private' })
      }
      case 'accepted': {
        // The notice rides on a URL flag, so the article page itself stays the same for every reader.
        const prefix = editionPrefix(result.article.edition, ctx.settings.defaultEdition)
        const path = articlePath(prefix, result.article.published_at!, result.article.slug, ctx.settings.timeZone)
        return reply.header('cache-control', 'private, no-store').redirect(`${path}?comment=pending#comments`, 303)
      }
    }
  })
}

export default commentsRoutes
