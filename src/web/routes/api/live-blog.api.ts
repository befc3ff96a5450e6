// GET /api/v1/articles/{id}/live-blog: a live article's live blog and its updates as readers see them
// (pinned first, then newest first), issue 16.
import { Type } from '@sinclair/typebox'
import { updateAnchor } from '../../../domain/live-blog.js'
import { articleById } from '../../../services/api.service.js'
import { liveBlogForReaders } from '../../../services/live-blog-reader.service.js'
import { ArticleIdParams } from '../../schemas/api-v1.schemas.js'
import { sendApiError } from '../../../plugins/api-errors.js'
import { articleUrl } from './api-json.js'
import { apiRoute, type ApiRoute } from './api-route.js'

const Instant = (description: string) => Type.String({ format: 'date-time', description })

export const LiveBlog = Type.Object({
  articleId: Type.Integer(),
  startedAt: Instant('When coverage started (UTC).'),
  closedAt: Type.Union([Instant('When the live blog was closed (UTC).'), Type.Null()]),
  updates: Type.Array(Type.Object({
    id: Type.Integer(),
    url: Type.String({ format: 'uri', description: 'The update\'s anchor on the article page.' }),
    createdAt: Instant('When it was posted (UTC).'),
    updatedAt: Type.Union([Instant('When it was last corrected or pinned (UTC).'), Type.Null()]),
    keyEvent: Type.Boolean(),
    pinned: Type.Boolean(),
    bodyHtml: Type.String({ description: 'Sanitised HTML rendered from the update\'s Markdown.' })
  }, { additionalProperties: false }))
}, { additionalProperties: false })

export const liveBlogApi: ApiRoute[] = [
  apiRoute({
    method: 'GET', url: '/articles/:id/live-blog', operationId: 'getArticleLiveBlog', tag: 'articles',
    summary: 'A live article\'s live blog: its updates, pinned first, then newest first',
    params: ArticleIdParams, response: { name: 'LiveBlog', schema: LiveBlog }, errors: [400, 404],
    handler: async (request, reply, { deps, settings }) => {
      const article = await articleById(deps, settings, request.params.id)
      if (!article) return sendApiError(reply, 404, 'no live article with that id')
      const view = await liveBlogForReaders(deps, article.id)
      if (!view) return sendApiError(reply, 404, 'that article is not a live blog')
      const pageUrl = articleUrl(settings, article)
      return {
        articleId: article.id, startedAt: view.blog.startedAt, closedAt: view.blog.closedAt,
        updates: view.updates.map((u) => ({
          id: u.id, url: `${pageUrl}#${updateAnchor(u.id)}`, createdAt: u.createdAt, updatedAt: u.updatedAt,
          keyEvent: u.keyEvent, pinned: u.pinned, bodyHtml: u.bodyHtml
        }))
      }
    }
  })
]
