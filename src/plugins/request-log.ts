// One line per answered request, written after the answer: method, URL (one-time links redacted),
// status, time and client address. Fastify's own request logging writes two lines per request (one on
// arrival, one on completion), which at a busy site's rate costs more CPU than serving a cached page.
// `sample` thins out the lines of successful answers: 1 writes every one, N one in N, 0 none; refusals,
// errors and slow answers are always written.
import fp from 'fastify-plugin'
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify'
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

/** The line of one answer, as request-log writes it. */
export interface AnswerLine { method: string, url: string, status: number, ms: number, ip: string | undefined }

/**
 * Whether to write each answer's line: all refusals, errors and slow answers, and one successful answer in
 * `sample` (0: none). Each caller keeps its own count.
 */
export function answerSampler(sample: number): (status: number, ms: number) => boolean {
  let count = 0
  return (status, ms) => {
    if (status >= 400 || ms >= SLOW_MS) return true
    if (sample === 0) return false
    count = (count + 1) % sample
    return count === 0
  }
}

export function answerLine(method: string, url: string, status: number, ms: number, ip: string | undefined): AnswerLine {
  return { method, url: redactUrl(url), status, ms: Math.round(ms * 10) / 10, ip }
}

export function infoEnabled(log: FastifyBaseLogger): boolean {
  const logger = log as FastifyBaseLogger & { isLevelEnabled?: (level: string) => boolean }
  return !logger.isLevelEnabled || logger.isLevelEnabled('info')
}

export default fp<RequestLogOptions>(async (app, { sample }) => {
  if (!infoEnabled(app.log)) return
  const written = answerSampler(sample)
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode
    const ms = reply.elapsedTime
    if (!written(status, ms)) return
    const line = answerLine(request.method, request.url, status, ms, request.ip)
    if (status >= 500) request.log.error(line, 'request')
    else request.log.info(line, 'request')
  })
}, { name: 'request-log' })
