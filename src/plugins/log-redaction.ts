// What request logging may write. One-time links (invitations and password resets, /admin/welcome/<token>/)
// carry their secret in the path; at the default level every request's URL is logged, so anyone who can
// read the logs could take over the account. The token is replaced before the line is written.
import type { FastifyRequest } from 'fastify'

const ONE_TIME_LINK = /^(\/admin\/welcome\/)[^/?#]+/

export const REDACTED = '[redacted]'

/** The URL as it may appear in a log line. */
export function redactUrl(url: string): string {
  return url.replace(ONE_TIME_LINK, `$1${REDACTED}`)
}

/** Fastify's own request serializer, with the URL redacted. */
export function logRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort
  }
}
