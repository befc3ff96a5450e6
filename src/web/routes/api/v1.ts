// The public, read-only JSON API at /api/v1/, with its OpenAPI 3.1 document at /api/v1/openapi.json.
//
// Adding an endpoint (for example /api/v1/search):
//   1. Declare its TypeBox schemas (src/web/schemas/) and the endpoint with apiRoute() from
//      ./api-route.ts in a file of your own, e.g. src/web/routes/api/search.api.ts:
//        export const searchApi: ApiRoute[] = [apiRoute({
//          method: 'GET', url: '/search', operationId: 'search', tag: 'search', summary: '…',
//          querystring: SearchQuery, response: { name: 'SearchResults', schema: SearchResults }, errors: [400],
//          handler: async (request, reply, { deps, settings }) => { … return { … } }   // request.query is typed from SearchQuery
//        })]
//   2. Add `...searchApi` to API_ROUTES below (and its import).
// Fastify then validates the query and params, writes the response through its schema (unnamed
// properties are dropped), answers errors as JSON ({ error: { code, message } }; use sendApiError),
// sends CORS and cache headers, and the endpoint appears in openapi.json with its parameters.
import cors from '@fastify/cors'
import type { FastifyPluginAsync } from 'fastify'
import { absoluteUrl } from '../../../domain/urls.js'
import { CACHE_CONTROL } from '../../../plugins/pages.js'
import { currentSettings } from '../../../services/site-settings.service.js'
import { sendApiError } from '../../../plugins/api-errors.js'
import { API_BASE } from './api-json.js'
import { openApiDocument, type ApiRoute } from './api-route.js'
import { contentApi } from './content.api.js'
import { searchApi } from './search.api.js'
import { liveBlogApi } from './live-blog.api.js'

export const API_ROUTES: ApiRoute[] = [
  ...contentApi,
  ...searchApi,
  ...liveBlogApi
]

/** Bumped when a response shape changes in a way clients notice; additions keep it. */
const API_VERSION = '1.0.0'

const apiV1: FastifyPluginAsync = async (app) => {
  // Public data: any site may read it from a browser; there are no cookies or credentials to share.
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD'] })

  app.setErrorHandler(async (error: Error & { statusCode?: number, validation?: unknown }, request, reply) => {
    if (error.validation) return sendApiError(reply, 400, error.message)
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'api request failed')
    return sendApiError(reply, status)
  })
  app.setNotFoundHandler(async (_request, reply) => sendApiError(reply, 404))

  for (const route of API_ROUTES) {
    app.route({
      method: route.method,
      url: route.url,
      schema: {
        ...(route.querystring ? { querystring: route.querystring } : {}),
        ...(route.params ? { params: route.params } : {}),
        response: { 200: route.response.schema }
      },
      handler: async (request, reply) => {
        reply.header('cache-control', CACHE_CONTROL.public)
        return route.handler(request, reply, { deps: app.deps, settings: await currentSettings(app.deps) })
      }
    })
  }

  app.get('/openapi.json', async (request, reply) => {
    const settings = await currentSettings(app.deps)
    const document = openApiDocument(API_ROUTES, {
      title: `${settings.siteName} API`,
      version: API_VERSION,
      description: `Read-only access to the live articles, newsfeeds, sections, tags and approved comments of ${settings.siteName}.`,
      serverUrl: absoluteUrl(settings.siteUrl, API_BASE)
    })
    return reply.header('cache-control', CACHE_CONTROL.public).type('application/json; charset=utf-8').send(JSON.stringify(document, null, 2))
  })
}

export default apiV1
