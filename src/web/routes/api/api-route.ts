// One API endpoint = one ApiRoute: its URL, TypeBox schemas and handler. The v1 plugin registers each
// with Fastify (which validates the query and serialises the response through the schemas) and builds
// the OpenAPI 3.1 document from the same objects, so the document cannot drift from the code.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Static, TObject, TSchema } from '@sinclair/typebox'
import type { SiteSettings } from '../../../domain/settings.js'
import type { Deps } from '../../../services/deps.js'
import { ErrorResponse } from '../../schemas/api-v1.schemas.js'

export interface ApiRoute {
  /** Read-only API: GET (HEAD comes with it). */
  method: 'GET'
  /** Relative to /api/v1, Fastify syntax: "/articles/:id". */
  url: string
  operationId: string
  summary: string
  description?: string
  /** OpenAPI tag, to group operations. */
  tag: string
  querystring?: TObject
  params?: TObject
  /** The 200 response, with a name for components/schemas. */
  response: { name: string, schema: TSchema }
  /** Error statuses the endpoint may answer besides 200 (400, 404 …); each answers ErrorResponse. */
  errors: number[]
  handler: (request: FastifyRequest, reply: FastifyReply, site: ApiSite) => Promise<unknown>
}

/** What every endpoint reads from: the app's dependencies and the site's current settings. */
export interface ApiSite { deps: Deps, settings: SiteSettings }

type Handler<Q extends TObject | undefined, P extends TObject | undefined> = (
  request: FastifyRequest<{
    Querystring: Q extends TObject ? Static<Q> : unknown
    Params: P extends TObject ? Static<P> : unknown
  }>,
  reply: FastifyReply,
  site: ApiSite
) => Promise<unknown>

/** Declares an endpoint with its handler typed from its schemas. */
export function apiRoute<Q extends TObject | undefined = undefined, P extends TObject | undefined = undefined>(
  route: Omit<ApiRoute, 'handler' | 'querystring' | 'params'> & { querystring?: Q, params?: P, handler: Handler<Q, P> }
): ApiRoute {
  return route as unknown as ApiRoute
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The query is not valid.',
  404: 'No such item, or a filter names something that does not exist.',
  500: 'Server error.'
}

function plain<T>(schema: T): T {
  // TypeBox marks schemas with symbol keys; JSON keeps only the JSON Schema itself.
  return JSON.parse(JSON.stringify(schema)) as T
}

function parameters(schema: TObject | undefined, where: 'query' | 'path') {
  if (!schema) return []
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = plain(property) as { description?: string } & Record<string, unknown>
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest }
  })
}

export interface OpenApiInfo { title: string, description: string, serverUrl: string, version: string }

/** The OpenAPI 3.1 document of the given routes. */
export function openApiDocument(routes: ApiRoute[], info: OpenApiInfo) {
  const schemas: Record<string, unknown> = { Error: plain(ErrorResponse) }
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    schemas[route.response.name] = plain(route.response.schema)
    const path = route.url.replace(/:([A-Za-z_]\w*)(\([^)]*\))?/g, '{$1}')
    const responses: Record<string, unknown> = {
      200: { description: route.summary, content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.response.name}` } } } }
    }
    for (const status of [...route.errors, 500]) {
      responses[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
    }
    paths[path] = {
      ...paths[path],
      [route.method.toLowerCase()]: {
        operationId: route.operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: [route.tag],
        parameters: [...parameters(route.params, 'path'), ...parameters(route.querystring, 'query')],
        responses
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: info.serverUrl }],
    paths,
    components: { schemas }
  }
}
