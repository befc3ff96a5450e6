// Errors of the JSON API: always JSON ({ error: { code, message } }), never the HTML error page.
import type { FastifyReply } from 'fastify'
import { CACHE_CONTROL } from '../../../plugins/pages.js'

export const API_PREFIX = '/api/'

export function isApiPath(url: string | undefined): boolean {
  return (url ?? '').startsWith(API_PREFIX)
}

const CODES: Record<number, [string, string]> = {
  400: ['bad_request', 'The request could not be understood.'],
  404: ['not_found', 'There is nothing at this address.'],
  405: ['method_not_allowed', 'This address answers GET and HEAD only.'],
  413: ['payload_too_large', 'What you sent is too large.'],
  415: ['unsupported_media_type', 'This content type is not accepted here.'],
  429: ['too_many_requests', 'Too many requests; try again later.'],
  500: ['server_error', 'Something went wrong on our side.']
}

export function apiErrorBody(status: number, message?: string): { error: { code: string, message: string } } {
  const [code, fallback] = CODES[status] ?? (status >= 500 ? CODES[500]! : CODES[400]!)
  return { error: { code, message: message ?? fallback } }
}

/** Sends an error object. A 404 is the same for everyone and may be cached; other errors may not. */
export function sendApiError(reply: FastifyReply, status: number, message?: string): FastifyReply {
  return reply.code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', CACHE_CONTROL[status === 404 ? 'public' : 'private'])
    // Readable by scripts on other sites, like every API answer.
    .header('access-control-allow-origin', '*')
    .send(JSON.stringify(apiErrorBody(status, message)))
}
