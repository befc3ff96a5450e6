// Reads a live stream over a real socket, as a browser's EventSource would, for tests.
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { request as httpRequest, type IncomingMessage } from 'node:http'

export interface SseEvent { id?: string, event: string, data: string, comment?: string }

export interface SseReader {
  status: number
  headers: Headers
  /** The body of an answer that is not a stream (an error page, a 429). */
  text: string
  /** Waits for the next event (or comment) that matches, failing after `timeoutMs`. */
  next(match?: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>
  /** Everything received so far. */
  received: SseEvent[]
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close(): void
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

/**
 * A GET on a connection of its own (no keep-alive pool), following redirects as fetch would. fetch's
 * pool left a second socket open after an aborted stream, which held the server's close for 8 s a test.
 */
async function get(url: string, headers: Record<string, string>, signal: AbortSignal, redirects = 5): Promise<{ status: number, headers: Headers, body: IncomingMessage }> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false, signal }, resolve)
    req.on('error', reject)
    req.end()
  })
  const location = res.headers.location
  if (res.statusCode! >= 300 && res.statusCode! < 400 && location && redirects > 0) {
    res.destroy()
    return get(new URL(location, url).href, headers, signal, redirects - 1)
  }
  const flat = new Headers()
  for (const [name, value] of Object.entries(res.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) flat.append(name, one)
  }
  return { status: res.statusCode!, headers: flat, body: res }
}

export async function openStream(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController()
  const res = await get(url, { accept: 'text/event-stream', ...headers }, controller.signal)
  const received: SseEvent[] = []
  const waiters = new Set<() => void>()
  let done = false
  let markEnded!: () => void
  const ended = new Promise<void>((resolve) => { markEnded = resolve })
  const wake = () => { for (const w of waiters) w() }
  let text = ''

  if (res.headers.get('content-type')?.startsWith('text/event-stream') && res.body) {
    void (async () => {
      const decoder = new TextDecoder()
      let buffer = ''
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true })
          let end
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const event: SseEvent = { event: 'message', data: '' }
            const data: string[] = []
            let any = false
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) { event.comment = line.slice(1).trim(); any = true; continue }
              const colon = line.indexOf(':')
              const field = colon === -1 ? line : line.slice(0, colon)
              const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
              if (field === 'id') event.id = value
              else if (field === 'event') event.event = value
              else if (field === 'data') data.push(value)
              else if (field === 'retry') { event.event = 'retry'; event.data = value; any = true; continue }
              else continue
              any = true
            }
            if (!any) continue
            if (data.length > 0) event.data = data.join('\n')
            received.push(event)
            wake()
          }
        }
      } catch {
        // aborted by close()
      }
      done = true
      markEnded()
      wake()
    })()
  } else {
    const chunks: Buffer[] = []
    for await (const chunk of res.body) chunks.push(chunk as Buffer)
    text = Buffer.concat(chunks).toString('utf8')
    done = true
    markEnded()
  }

  let seen = 0
  return {
    status: res.status,
    headers: res.headers,
    text,
    received,
    ended,
    close: () => controller.abort(),
    async next(match = (e) => e.comment === undefined && e.event !== 'retry', timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        while (seen < received.length) {
          const event = received[seen++]!
          if (match(event)) return event
        }
        if (done) assert.fail(`the stream ended before the event came (received: ${JSON.stringify(received)})`)
        const left = deadline - Date.now()
        if (left <= 0) assert.fail(`no such event within ${timeoutMs} ms (received: ${JSON.stringify(received)})`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left)
          const waiter = () => { clearTimeout(timer); waiters.delete(waiter); resolve() }
          waiters.add(waiter)
        })
      }
    }
  }
}

export const isEvent = (name: string) => (e: SseEvent) => e.event === name && e.comment === undefined
