// Errors of the JSON API: always JSON ({ error: { code, message } }), never the HTML error page.
import type { FastifyReply } from 'fastify'
import { CACHE_CONTROL } from './pages.js'
import { statusMessage } from '../web/views/status-messages.js'

export const API_PREFIX = '/api/'

export function isApiPath(url: string | undefined): boolean {
  return (url ?? '').startsWith(API_PREFIX)
}

export function apiErrorBody(status: number, message?: string): { error: { code: string, message: string } } {
  const { code, api } = statusMessage(status)
  return { error: { code, message: message ?? api } }
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
