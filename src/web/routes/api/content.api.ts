// /api/v1 endpoints for articles, the day newsfeed, sections, tags and approved comments.
import type { FastifyReply } from 'fastify'
import { absoluteUrl, encodeCursor } from '../../../domain/urls.js'
import type { PublishedArticle } from '../../../domain/published-article.js'
import type { SiteSettings } from '../../../domain/settings.js'
import {
  articleByUrl, articleById, articleComments, listArticles, newsfeedDay, sectionList, tagList, type ApiResult
} from '../../../services/api.service.js'
import {
  Article, ArticleByUrlQuery, type ArticleJson, ArticleIdParams, ArticleList, ArticlesQuery, CommentList, EditionQuery, NewsfeedDay, NewsfeedParams,
  SectionList, TagList, TagsQuery
} from '../../schemas/api-v1.schemas.js'
import { sendApiError } from '../../../plugins/api-errors.js'
import { API_BASE, articleJson, articleSummaryJson, articleUrl, commentJson, newsfeedEntryJson, sectionJson, tagJson } from './api-json.js'
import { apiRoute, type ApiRoute } from './api-route.js'

function failed<T>(reply: FastifyReply, result: ApiResult<T>): FastifyReply | null {
  if (result.kind === 'bad-request') return sendApiError(reply, 400, result.message)
  if (result.kind === 'not-found') return sendApiError(reply, 404, result.message)
  return null
}

/** One article, however it was found: 404 with `missing`, or the article dated by its last change. */
function articleReply(reply: FastifyReply, article: PublishedArticle | undefined, settings: SiteSettings, missing: string): FastifyReply | ArticleJson {
  if (!article) return sendApiError(reply, 404, missing)
  reply.lastModified(article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt)
  return articleJson(article, settings, reply.server.deps.clock())
}

export const contentApi: ApiRoute[] = [
  apiRoute({
    method: 'GET', url: '/articles', operationId: 'listArticles', tag: 'articles',
    summary: 'Live articles, newest first',
    description: 'Filter by edition, section (with its subsections), tag, author and publication day; page with `before`.',
    querystring: ArticlesQuery, response: { name: 'ArticleList', schema: ArticleList }, errors: [400, 404],
    handler: async (request, reply, { deps, settings }) => {
      const q = request.query
      const limit = q.limit ?? 20
      const result = await listArticles(deps, settings, { ...q, limit })
      if (result.kind !== 'ok') return failed(reply, result)
      const { items, hasMore } = result.value
      const last = items.at(-1)
      const next = hasMore && last ? encodeCursor(last) : null
      let nextUrl: string | null = null
      if (next) {
        const params = new URLSearchParams()
        for (const [key, value] of Object.entries({ ...q, limit: String(limit), before: next })) if (value !== undefined) params.set(key, String(value))
        nextUrl = absoluteUrl(settings.siteUrl, `${API_BASE}/articles?${params.toString()}`)
      }
      return { items: items.map((a) => articleSummaryJson(a, settings, deps.clock())), next, nextUrl }
    }
  }),

  apiRoute({
    method: 'GET', url: '/articles/by-url', operationId: 'getArticleByUrl', tag: 'articles',
    summary: 'The article a URL of this site names',
    description: 'Absolute or a path; old URLs of renamed stories and wrong dates resolve as the page would redirect them.',
    querystring: ArticleByUrlQuery, response: { name: 'Article', schema: Article }, errors: [400, 404],
    handler: async (request, reply, { deps, settings }) => {
      return articleReply(reply, await articleByUrl(deps, settings, request.query.url), settings, 'no live article at that URL')
    }
  }),

  apiRoute({
    method: 'GET', url: '/articles/:id', operationId: 'getArticle', tag: 'articles',
    summary: 'One live article with its body',
    params: ArticleIdParams, response: { name: 'Article', schema: Article }, errors: [400, 404],
    handler: async (request, reply, { deps, settings }) => {
      return articleReply(reply, await articleById(deps, settings, request.params.id), settings, 'no live article with that id')
    }
  }),

  apiRoute({
    method: 'GET', url: '/articles/:id/comments', operationId: 'listArticleComments', tag: 'comments',
    summary: 'Approved comments of a live article, in thread order',
    params: ArticleIdParams, response: { name: 'CommentList', schema: CommentList }, errors: [400, 404],
    handler: async (request, reply, { deps, settings }) => {
      const found = await articleComments(deps, settings, request.params.id)
      if (!found) return sendApiError(reply, 404, 'no live article with that id')
      const pageUrl = articleUrl(settings, found.article)
      return { articleId: found.article.id, items: found.comments.map((c) => commentJson(c, pageUrl)) }
    }
  }),

  apiRoute({
    method: 'GET', url: '/newsfeed/:day', operationId: 'getDayNewsfeed', tag: 'newsfeed',
    summary: 'Every live story of one day in the site\'s time zone, newest first',
    params: NewsfeedParams, querystring: EditionQuery, response: { name: 'NewsfeedDay', schema: NewsfeedDay }, errors: [400],
    handler: async (request, reply, { deps, settings }) => {
      const result = await newsfeedDay(deps, settings, request.query.edition, request.params.day)
      if (result.kind !== 'ok') return failed(reply, result)
      const { edition, page } = result.value
      return {
        edition, day: page.day, timeZone: settings.timeZone,
        items: page.items.map((i) => newsfeedEntryJson(i, settings)),
        previousDay: page.previousDay, nextDay: page.nextDay
      }
    }
  }),

  apiRoute({
    method: 'GET', url: '/sections', operationId: 'listSections', tag: 'taxonomy',
    summary: 'Sections of an edition',
    querystring: EditionQuery, response: { name: 'SectionList', schema: SectionList }, errors: [400],
    handler: async (request, reply, { deps, settings }) => {
      const result = await sectionList(deps, settings, request.query.edition)
      if (result.kind !== 'ok') return failed(reply, result)
      return { items: result.value.sections.map((s) => sectionJson(s, settings, result.value.edition)) }
    }
  }),

  apiRoute({
    method: 'GET', url: '/tags', operationId: 'listTags', tag: 'taxonomy',
    summary: 'Tags of an edition that have live articles, by slug',
    querystring: TagsQuery, response: { name: 'TagList', schema: TagList }, errors: [400],
    handler: async (request, reply, { deps, settings }) => {
      const result = await tagList(deps, settings, { ...request.query, limit: request.query.limit ?? 200 })
      if (result.kind !== 'ok') return failed(reply, result)
      const { edition, tags, hasMore } = result.value
      return { items: tags.map((t) => tagJson(t, settings, edition)), next: hasMore ? tags.at(-1)!.slug : null }
    }
  })
]
