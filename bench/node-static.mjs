// `node bench/node-static.mjs <dir> <port> [processes]`: Node's own http server answering each file of <dir>
// from memory, brotli-compressed once at start when the client accepts it, with the headers a kept copy of
// Lede carries, under Node's cluster like `lede serve --workers N`. No framework, no routing, no hooks: the
// most a cached answer can cost in a Node process on this machine, the ceiling beside nginx's in
// `npm run bench` (bench/run.ts).
import cluster from 'node:cluster'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import http from 'node:http'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'

const [dir, port, processes = String(availableParallelism())] = process.argv.slice(2)
if (!dir || !port) {
  console.error('usage: node bench/node-static.mjs <dir> <port> [processes]')
  process.exit(2)
}

if (cluster.isPrimary && Number(processes) > 1) {
  for (let i = 0; i < Number(processes); i++) cluster.fork()
} else {
  const files = new Map()
  for (const name of readdirSync(dir)) {
    const body = readFileSync(join(dir, name))
    files.set(`/${name}`, {
      body,
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      etag: `"${createHash('sha1').update(body).digest('base64')}"`
    })
  }
  http.createServer((request, response) => {
    const file = files.get(request.url)
    if (!file) {
      response.writeHead(404).end()
      return
    }
    const br = /\bbr\b/.test(request.headers['accept-encoding'] ?? '')
    const body = br ? file.br : file.body
    const headers = {
      'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60', etag: file.etag,
      vary: 'Accept-Encoding', 'content-length': body.length
    }
    if (br) headers['content-encoding'] = 'br'
    response.writeHead(200, headers).end(body)
  }).listen(Number(port), '127.0.0.1')
}
