// One line per answered request, written after the answer: method, URL (one-time links redacted),
// status, time and client address. Fastify's own request logging writes two lines per request (one on
// arrival, one on completion), which at a busy site's rate costs more CPU than serving a cached page.
// `sample` thins out the lines of successful answers: 1 writes every one, N one in N, 0 none; refusals,
// errors and slow answers are always written.
import fp from 'fastify-plugin'
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'
import { redactUrl } from './log-redaction.js'

/**
 * Fastify's logging of each request, without its two routine lines (arrival, completion) and its 404
 * line, which the line below replaces; errors (with their stacks) are still written as Fastify writes them.
 */
export class OneLineRequestLogging extends LogController {
  override incomingRequest(): void {}
  override routeNotFound(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply)
  }
}

/** An answer that took this long is written whatever the sampling: it is what an operator looks for. */
const SLOW_MS = 1000

export interface RequestLogOptions { sample: number }

export default fp<RequestLogOptions>(async (app, { sample }) => {
  const logger = app.log as typeof app.log & { isLevelEnabled?: (level: string) => boolean }
  if (logger.isLevelEnabled && !logger.isLevelEnabled('info')) return
  let count = 0
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode
    const ms = reply.elapsedTime
    if (status < 400 && ms < SLOW_MS) {
      if (sample === 0) return
      count = (count + 1) % sample
      if (count !== 0) return
    }
    const line = { method: request.method, url: redactUrl(request.url), status, ms: Math.round(ms * 10) / 10, ip: request.ip }
    if (status >= 500) request.log.error(line, 'request')
    else request.log.info(line, 'request')
  })
}, { name: 'request-log' })
