// One live-log channel streamed as server-sent events: the readers' edition streams (GET /live) and the
// wire desk's (GET /admin/wire/live/) go through here. Event ids are log positions, so a client
// reconnecting with Last-Event-ID to any process gets what it missed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parseLastEventId } from '../../domain/live-changes.js'
import { formatSse, SseStream } from '../../live/sse.js'
import type { LiveEventRow } from '../../db/repositories/live.repository.js'
import { setSecurityHeaders } from '../../plugins/security-headers.js'
import type { Translator } from '../../i18n/index.js'

/** How long a refused client's EventSource should wait before trying again, in seconds. */
const RETRY_AFTER_S = 30
/** The reconnection delay EventSource uses after a stream ends, in ms. */
const RECONNECT_MS = 3_000

/** A row's wire form, made once however many clients it goes to. */
const sseForms = new WeakMap<LiveEventRow, string>()
function sseForm(row: LiveEventRow): string {
  let text = sseForms.get(row)
  if (text === undefined) sseForms.set(row, text = formatSse({ id: row.id, event: row.kind, data: row.data }))
  return text
}

export interface ChannelStream {
  /** The live log's channel: an edition, or a channel no edition can be named (WIRE_CHANNEL). */
  channel: string
  /** Only this article's rows, or null for the whole channel. */
  articleId: number | null
  httpsSite: boolean
  /** The client's language, for the refusals. */
  i18n: Translator
}

export async function streamLiveChannel(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, options: ChannelStream): Promise<FastifyReply | undefined> {
  const live = app.live
  reply.header('cache-control', 'no-store')
  if (live.closing) {
    return reply.code(503).header('retry-after', '1').type('text/plain; charset=utf-8').send(options.i18n.t('live.closing'))
  }
  const place = live.limits.acquire(request.ip)
  if (place === 'address' || place === 'total') {
    return reply.code(429).header('retry-after', String(RETRY_AFTER_S)).type('text/plain; charset=utf-8')
      .send(options.i18n.t(place === 'address' ? 'live.tooManyFromAddress' : 'live.tooManyInTotal'))
  }

  reply.type('text/event-stream; charset=utf-8').header('x-accel-buffering', 'no')
  setSecurityHeaders(request, reply, options.httpsSite)
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
  const only = options.articleId
  let lastSent = 0
  let waiting: LiveEventRow[] | null = []
  const send = (row: LiveEventRow): void => {
    if (row.id <= lastSent || (only !== null && row.articleId !== only)) return
    lastSent = row.id
    stream.write(sseForm(row))
  }
  const unsubscribe = live.hub.subscribe(options.channel, (row) => {
    if (waiting) waiting.push(row)
    else send(row)
  })
  stream.onClose(unsubscribe)

  res.write(`retry: ${RECONNECT_MS}\n\n`)
  const lastId = parseLastEventId(request.headers['last-event-id'] ?? (request.query as { lastEventId?: unknown } | undefined)?.lastEventId)
  const position = live.hub.cursor
  try {
    const replay = lastId === null ? { kind: 'current' as const } : await live.hub.replay(options.channel, lastId)
    if (replay.kind === 'replay') for (const row of replay.rows) send(row)
    if (replay.kind === 'reload') stream.send({ event: 'reload', data: '{}' })
  } catch (error) {
    request.log.warn({ err: error }, 'live: could not replay; asking the client to reload')
    stream.send({ event: 'reload', data: '{}' })
  }
  // The client's position from now on, so that its next reconnection replays from here.
  if (lastSent < position) {
    lastSent = position
    stream.send({ id: position, event: 'ready', data: '{}' })
  } else {
    stream.send({ event: 'ready', data: '{}' })
  }
  const early = waiting
  waiting = null
  for (const row of early) send(row)
  return undefined
}
