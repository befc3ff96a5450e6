// GET /live and /<lang>/live: the edition's live log as server-sent events (issue 16). Event ids are
// log positions, so a reader reconnecting with Last-Event-ID to any process gets what it missed.
import type { FastifyPluginAsync } from 'fastify'
import { parseLastEventId } from '../../domain/live-changes.js'
import { parseId } from '../../domain/ids.js'
import { formatSse, SseStream } from '../../live/sse.js'
import type { LiveEventRow } from '../../db/repositories/live.repository.js'
import { isHttpsSite, setSecurityHeaders } from '../../plugins/security-headers.js'

/** How long a refused reader's EventSource should wait before trying again, in seconds. */
const RETRY_AFTER_S = 30
/** The reconnection delay EventSource uses after a stream ends, in ms. */
const RECONNECT_MS = 3_000

/** A row's wire form, made once however many readers it goes to. */
const wireForms = new WeakMap<LiveEventRow, string>()
function wireForm(row: LiveEventRow): string {
  let text = wireForms.get(row)
  if (text === undefined) wireForms.set(row, text = formatSse({ id: row.id, event: row.kind, data: row.data }))
  return text
}

const liveRoutes: FastifyPluginAsync = async (app) => {
  const httpsSite = isHttpsSite(app.deps.siteUrlOverride)

  app.get<{ Querystring: { lastEventId?: unknown, article?: unknown } }>('/live', async (request, reply) => {
    const ctx = await request.viewContext()
    const live = app.live
    // ?article=<id>: one article's channel (its live blog's updates and its own changes) instead of the edition's.
    const only = request.query.article === undefined ? null : parseId(request.query.article)
    if (request.query.article !== undefined && only === null) {
      return reply.code(400).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(ctx.i18n.t('error.badRequest.title'))
    }
    reply.header('cache-control', 'no-store')
    if (live.closing) {
      return reply.code(503).header('retry-after', '1').type('text/plain; charset=utf-8').send(ctx.i18n.t('live.closing'))
    }
    const place = live.limits.acquire(request.ip)
    if (place === 'address' || place === 'total') {
      return reply.code(429).header('retry-after', String(RETRY_AFTER_S)).type('text/plain; charset=utf-8')
        .send(ctx.i18n.t(place === 'address' ? 'live.tooManyFromAddress' : 'live.tooManyInTotal'))
    }

    reply.type('text/event-stream; charset=utf-8').header('x-accel-buffering', 'no')
    setSecurityHeaders(request, reply, httpsSite)
    reply.hijack()
    const res = reply.raw
    res.writeHead(200, reply.getHeaders() as Record<string, string>)
    request.raw.socket.setNoDelay(true)
    const stream = new SseStream(res, live.heartbeatMs)
    live.streams.add(stream)
    stream.onClose(() => {
      live.streams.delete(stream)
      place.release()
    })

    // Rows arriving while the missed ones are read from the database wait, then go out in order once.
    let lastSent = 0
    let waiting: LiveEventRow[] | null = []
    const send = (row: LiveEventRow): void => {
      if (row.id <= lastSent || (only !== null && row.articleId !== only)) return
      lastSent = row.id
      stream.write(wireForm(row))
    }
    const unsubscribe = live.hub.subscribe(ctx.edition, (row) => {
      if (waiting) waiting.push(row)
      else send(row)
    })
    stream.onClose(unsubscribe)

    res.write(`retry: ${RECONNECT_MS}\n\n`)
    const lastId = parseLastEventId(request.headers['last-event-id'] ?? request.query.lastEventId)
    const position = live.hub.cursor
    try {
      const replay = lastId === null ? { kind: 'current' as const } : await live.hub.replay(ctx.edition, lastId)
      if (replay.kind === 'replay') for (const row of replay.rows) send(row)
      if (replay.kind === 'reload') stream.send({ event: 'reload', data: '{}' })
    } catch (error) {
      request.log.warn({ err: error }, 'live: could not replay; asking the reader to reload')
      stream.send({ event: 'reload', data: '{}' })
    }
    // The reader's position from now on, so that its next reconnection replays from here.
    if (lastSent < position) {
      lastSent = position
      stream.send({ id: position, event: 'ready', data: '{}' })
    } else {
      stream.send({ event: 'ready', data: '{}' })
    }
    const early = waiting
    waiting = null
    for (const row of early) send(row)
  })
}

export default liveRoutes
