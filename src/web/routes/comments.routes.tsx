import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { articlePath, editionPrefix } from '../../domain/urls.js'
import type { ArticleRow } from '../../db/repositories/articles.repository.js'
import type { MessageKey } from '../../i18n/index.js'
import { articlePage } from '../../services/reader.service.js'
import { submitComment, type SubmitCommentResult } from '../../services/comments.service.js'
import { timingTokenFor } from '../../services/comment-token.service.js'
import { ArticlePage } from '../views/article-page.js'
import type { CommentFormState, ReplyTarget } from '../views/comments.js'
import { ErrorPage } from '../views/error-page.js'
import { parseId } from '../../domain/ids.js'

const FORM_TYPE = 'application/x-www-form-urlencoded'

type Refusal = Extract<SubmitCommentResult, { kind: 'refused' }>['rule']
const REFUSALS: Record<Refusal, { status: number, message: MessageKey }> = {
  'bad-parent': { status: 400, message: 'comments.replyRefused' },
  duplicate: { status: 409, message: 'comments.duplicate' },
  flood: { status: 429, message: 'comments.flood' },
  'rate-limit': { status: 429, message: 'comments.rateLimited' }
}

/** The article page again with the form as the reader left it: private, since it carries their input. */
async function articleWithForm(request: FastifyRequest, reply: FastifyReply, article: ArticleRow, form: CommentFormState, replyTo: ReplyTarget | null, status: number) {
  const deps = request.server.deps
  const ctx = await request.viewContext(article.edition)
  const data = await articlePage(deps, ctx.settings, article)
  const pageCtx = { ...ctx, path: articlePath(ctx.prefix, article.published_at!, article.slug, ctx.settings.timeZone) }
  return reply.page(<ArticlePage ctx={pageCtx} data={data} form={form} notice={null} replyTo={replyTo} />, { status, cache: 'private' })
}

/**
 * Form bodies parsed the way browsers encode them (WHATWG URLSearchParams): broken UTF-8, raw or
 * percent-encoded, becomes U+FFFD instead of passing through as "%FF", so validation refuses it with a
 * message and the rest of the input is kept. A repeated field becomes an array; no key touches prototypes.
 */
export function parseCommentForm(body: Buffer): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of new URLSearchParams(new TextDecoder().decode(body))) {
    const seen = fields[key]
    fields[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  return fields
}

const commentsRoutes: FastifyPluginAsync = async (app) => {
  // Only in this plugin's scope: the rest of the app keeps @fastify/formbody.
  app.removeContentTypeParser(FORM_TYPE)
  app.addContentTypeParser(FORM_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, parseCommentForm(body as Buffer)))

  // The timing token for the "too fast" check, fetched by assets/comments.js; never cached, never in the page.
  app.get<{ Querystring: { article?: unknown } }>('/comments/timing.json', async (request, reply) => {
    const id = request.query.article
    reply.header('cache-control', 'private, no-store')
    if (parseId(id) === null) return reply.code(400).send({ error: 'article must be an article id' })
    return reply.send({ token: await timingTokenFor(app.deps, Number(id)) })
  })

  app.post('/comments', async (request, reply) => {
    const ctx = await request.viewContext()
    const { t } = ctx.i18n
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    if (contentType !== FORM_TYPE || typeof request.body !== 'object' || request.body === null) {
      return reply.page(<ErrorPage ctx={ctx} title={t('error.badRequest.title')} message={t('error.unsupportedMedia.text')} />, { status: 415 })
    }
    const body = request.body as Record<string, unknown>

    const result = await submitComment(app.deps, {
      form: body,
      ip: request.ip ?? null,
      userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null
    })
    const saveDetails = body.save_details === 'yes'

    switch (result.kind) {
      case 'bad-article':
        return reply.page(<ErrorPage ctx={ctx} title={t('error.badRequest.title')} message={t('error.articleNotFound.text')} />, { status: 400 })
      case 'not-found':
        return reply.page(<ErrorPage ctx={ctx} title={t('error.notFound.title')} message={t('error.articleNotFound.text')} />, { status: 404 })
      case 'closed':
        return reply.page(<ErrorPage ctx={ctx} title={t('error.commentsClosed.title')} message={t('error.commentsClosed.text')} />, { status: 403 })
      case 'invalid':
        return articleWithForm(request, reply, result.article, { values: result.form.values, errors: result.form.errors, saveDetails }, result.replyTo, 400)
      case 'refused': {
        const { status, message } = REFUSALS[result.rule]
        if (result.retryAfterSeconds !== undefined) reply.header('retry-after', String(result.retryAfterSeconds))
        request.log.info({ rule: result.rule, articleId: result.article.id }, 'comment refused')
        return articleWithForm(request, reply, result.article, { values: result.values, errors: {}, message, saveDetails }, result.replyTo, status)
      }
      case 'accepted': {
        const prefix = editionPrefix(result.article.edition, ctx.settings.defaultEdition)
        const path = articlePath(prefix, result.article.published_at!, result.article.slug, ctx.settings.timeZone)
        reply.header('cache-control', 'private, no-store')
        // An approved comment is shown at once: the comment's id in the URL gets past the copy of the page the
        // browser (or a CDN) kept from a minute ago. Everything else (held, spam, trash) gets the same
        // "awaiting moderation" answer, so a spammer learns nothing; the notice rides on a URL flag, so the
        // article page itself stays the same for every reader.
        return result.status === 'approved'
          ? reply.redirect(`${path}?comment=${result.commentId}#comment-${result.commentId}`, 303)
          : reply.redirect(`${path}?comment=pending#comments`, 303)
      }
    }
  })
}

export default commentsRoutes
