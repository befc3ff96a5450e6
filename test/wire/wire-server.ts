// A local HTTP server playing agency for the wire tests: each path answers as the test sets it.
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface WireServer {
  url(path: string): string
  on(path: string, handler: Handler): void
  requests: Array<{ path: string, headers: http.IncomingHttpHeaders }>
  close(): Promise<void>
}

export async function startWireServer(): Promise<WireServer> {
  const handlers = new Map<string, Handler>()
  const requests: WireServer['requests'] = []
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    requests.push({ path, headers: req.headers })
    const handler = handlers.get(path)
    if (handler) handler(req, res)
    else { res.statusCode = 404; res.end('not here') }
  })
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    on: (path, handler) => { handlers.set(path, handler) },
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  }
}

export function rssFeed(items: Array<{ guid: string, title: string, body?: string, pubDate?: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agency</title><language>en</language>${items.map((i) =>
    `<item><guid>${i.guid}</guid><title>${i.title}</title><description>${i.body ?? 'Text of ' + i.title}</description><pubDate>${i.pubDate ?? 'Thu, 26 Nov 2026 09:00:00 GMT'}</pubDate></item>`).join('')}</channel></rss>`
}
