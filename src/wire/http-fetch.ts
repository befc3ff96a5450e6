// One conditional GET of an agency feed, with every limit a hostile or broken server could test: a connect
// timeout, a total timeout, a cap on the bytes received and on the bytes they decompress to (a gzip bomb
// stops at the cap, not at the end of memory), at most five redirects, and no credentials sent to a host
// the source did not name.
import http from 'node:http'
import https from 'node:https'
import zlib from 'node:zlib'

export interface FetchLimits {
  connectMs: number
  totalMs: number
  maxBytes: number
  maxDecompressedBytes: number
  maxRedirects: number
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  connectMs: 10_000,
  totalMs: 60_000,
  maxBytes: 8 * 1024 * 1024,
  maxDecompressedBytes: 8 * 1024 * 1024,
  maxRedirects: 5
}

export interface FetchRequest {
  url: string
  etag?: string | null
  lastModified?: string | null
  auth?: { user: string, password: string } | null
  userAgent?: string
}

export type FetchResult =
  | { kind: 'ok', status: number, body: Buffer, contentType: string | null, etag: string | null, lastModified: string | null, finalUrl: string, movedPermanently: string | null }
  | { kind: 'not-modified', status: 304, finalUrl: string, movedPermanently: string | null }
  | { kind: 'gone', status: 410 }
  | { kind: 'error', status: number | null, reason: string }

class FetchError extends Error {}

interface Hop { status: number, headers: http.IncomingHttpHeaders, body: Buffer | null }

function requestOnce(url: URL, request: FetchRequest, sendAuth: boolean, limits: FetchLimits, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - performance.now()
    if (remaining <= 0) return reject(new FetchError(`no answer within ${limits.totalMs / 1000} s`))
    const headers: Record<string, string> = {
      'accept': 'application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml, application/json;q=0.9, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      'user-agent': request.userAgent ?? 'Lede wire desk'
    }
    if (request.etag) headers['if-none-match'] = request.etag
    if (request.lastModified) headers['if-modified-since'] = request.lastModified
    if (sendAuth && request.auth) headers.authorization = `Basic ${Buffer.from(`${request.auth.user}:${request.auth.password}`).toString('base64')}`
    const transport = url.protocol === 'https:' ? https : http
    let settled = false
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      clearTimeout(totalTimer)
      clearTimeout(connectTimer)
      req.destroy()
      reject(error)
    }
    const req = transport.request(url, { method: 'GET', headers, agent: false })
    const totalTimer = setTimeout(() => fail(new FetchError(`no complete answer within ${limits.totalMs / 1000} s`)), remaining)
    const connectTimer = setTimeout(() => fail(new FetchError(`no connection within ${limits.connectMs / 1000} s`)), limits.connectMs)
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer)
      else socket.once('connect', () => clearTimeout(connectTimer))
    })
    req.on('error', (error) => fail(new FetchError(error.message)))
    req.on('response', (res) => {
      clearTimeout(connectTimer)
      const status = res.statusCode ?? 0
      if (status !== 200) {
        res.resume()
        settled = true
        clearTimeout(totalTimer)
        req.destroy()
        return resolve({ status, headers: res.headers, body: null })
      }
      const declared = Number(res.headers['content-length'])
      if (Number.isFinite(declared) && declared > limits.maxBytes) return fail(new FetchError(`the answer is larger than ${limits.maxBytes} bytes`))
      const encoding = String(res.headers['content-encoding'] ?? 'identity').toLowerCase().trim()
      let decoder: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null = null
      if (encoding === 'gzip' || encoding === 'x-gzip') decoder = zlib.createGunzip()
      else if (encoding === 'deflate') decoder = zlib.createInflate()
      else if (encoding === 'br') decoder = zlib.createBrotliDecompress()
      else if (encoding !== 'identity' && encoding !== '') return fail(new FetchError(`unknown content encoding "${encoding}"`))
      let received = 0
      let decoded = 0
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > limits.maxBytes) fail(new FetchError(`the answer is larger than ${limits.maxBytes} bytes`))
      })
      res.on('error', (error) => fail(new FetchError(error.message)))
      const output = decoder ? res.pipe(decoder) : res
      if (decoder) decoder.on('error', (error) => fail(new FetchError(`the compressed answer is broken: ${error.message}`)))
      output.on('data', (chunk: Buffer) => {
        if (settled) return
        decoded += chunk.length
        if (decoded > limits.maxDecompressedBytes) {
          decoder?.destroy()
          return fail(new FetchError(`the answer decompresses to more than ${limits.maxDecompressedBytes} bytes`))
        }
        chunks.push(chunk)
      })
      output.on('end', () => {
        if (settled) return
        settled = true
        clearTimeout(totalTimer)
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks) })
      })
    })
    req.end()
  })
}

const header = (headers: http.IncomingHttpHeaders, name: string): string | null => {
  const value = headers[name]
  return typeof value === 'string' ? value : Array.isArray(value) ? value[0] ?? null : null
}

export async function fetchFeed(request: FetchRequest, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<FetchResult> {
  const deadline = performance.now() + limits.totalMs
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return { kind: 'error', status: null, reason: 'the source URL is not a URL' }
  }
  const origin = url.origin
  const seen = new Set<string>()
  // Permanent only while every hop is permanent: a 301 after a 302 moves a temporary address.
  let permanent: string | null = null
  let allPermanent = true
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'error', status: null, reason: `a redirect to a ${url.protocol} URL is not followed` }
      seen.add(url.href)
      const answer = await requestOnce(url, request, url.origin === origin, limits, deadline)
      const { status, headers } = answer
      if (status >= 300 && status < 400 && status !== 304) {
        const location = header(headers, 'location')
        if (!location) return { kind: 'error', status, reason: `a ${status} redirect without a Location` }
        if (hop >= limits.maxRedirects) return { kind: 'error', status, reason: `more than ${limits.maxRedirects} redirects` }
        const next = new URL(location, url)
        if (seen.has(next.href)) return { kind: 'error', status, reason: `a redirect loop at ${next.href}` }
        allPermanent &&= status === 301 || status === 308
        if (allPermanent) permanent = next.href
        url = next
        continue
      }
      if (status === 304) return { kind: 'not-modified', status: 304, finalUrl: url.href, movedPermanently: permanent }
      if (status === 410) return { kind: 'gone', status: 410 }
      if (status !== 200 || !answer.body) return { kind: 'error', status, reason: `the server answered ${status}` }
      return {
        kind: 'ok', status, body: answer.body, contentType: header(headers, 'content-type'),
        etag: header(headers, 'etag'), lastModified: header(headers, 'last-modified'), finalUrl: url.href, movedPermanently: permanent
      }
    }
  } catch (error) {
    return { kind: 'error', status: null, reason: error instanceof Error ? error.message : String(error) }
  }
}
