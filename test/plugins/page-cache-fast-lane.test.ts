// The fast lane (src/plugins/fast-lane.ts): a kept copy asked for plainly is answered on Node's server
// before Fastify, with the very headers and bytes Fastify's hit sends; every request the hooks must see
// (signed-in, conditional, with a query, forwarded over https, rate-limited, not GET) still goes to Fastify.
// Over real HTTP, since app.inject() never passes the lane. Lines the lane logs carry no Fastify reqId,
// which is how the test tells who answered.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { inProcessBus } from '../../src/events/bus.js'
import { fastLaneServer } from '../../src/plugins/fast-lane.js'
import type { Deps } from '../../src/services/deps.js'
import { DEMO_NOW, fixedClock, forEachDialect, openMigratedTestDatabase } from '../helper.js'

const ARTICLE = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'
/** Headers that differ between any two answers. */
const PER_ANSWER = new Set(['date', 'keep-alive', 'connection'])

interface Line { reqId?: string, url?: string, msg?: string, status?: number, ip?: string }

forEachDialect((dialect) => {
  describe('page cache: the fast lane', () => {
    let app: FastifyInstance
    let base: string
    let close: () => Promise<void>
    const lines: Line[] = []
    before(async () => {
      const database = await openMigratedTestDatabase(dialect.name, { demoAt: new Date(DEMO_NOW).toISOString() })
      const deps: Deps = { db: database.db, dialect: database.dialect, clock: fixedClock(DEMO_NOW), events: inProcessBus(), siteUrlOverride: null }
      const stream = new Writable({ write(chunk, _encoding, done) { for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l) as Line); done() } })
      app = await buildApp({
        deps, pageCacheSeconds: 60, logger: { level: 'info', stream }, requestLogSample: 1, trustProxy: ['127.0.0.1'],
        rateLimits: { search: 1000, comments: 1000, login: 1000, timingToken: 1000, api: 1000 }
      })
      await app.listen({ host: '127.0.0.1', port: 0 })
      const address = app.server.address()
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
      close = async () => {
        await app.close()
        await database.db.destroy()
        await database.dropSchema()
      }
    })
    after(async () => close?.())

    /** The request (raw bytes: nothing decompressed), and whether Fastify answered it (its log line has a reqId) or the lane. */
    async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
      const from = lines.length
      const { response, body } = await new Promise<{ response: IncomingMessage, body: Buffer }>((resolve, reject) => {
        const sent = request(base + path, { method, headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve({ response: res, body: Buffer.concat(chunks) }))
        })
        sent.on('error', reject)
        sent.end()
      })
      await new Promise((resolve) => setImmediate(resolve))
      const line = lines.slice(from).find((l) => l.msg === 'request')
      assert.ok(line, `a request line for ${method} ${path}`)
      return { response, body, by: line.reqId === undefined ? 'lane' : 'fastify', line }
    }
    const headersOf = (response: IncomingMessage) => Object.entries(response.headers).filter(([name]) => !PER_ANSWER.has(name))

    it('answers a kept page, in every form, with the headers and bytes Fastify\'s hit sends', async () => {
      for (const encoding of ['', 'gzip', 'gzip, deflate, br']) {
        const asked = encoding ? { 'accept-encoding': encoding } : { 'accept-encoding': 'identity' }
        const first = await get(ARTICLE, asked)
        const fromLane = await get(ARTICLE, asked)
        assert.equal(fromLane.by, 'lane', `${encoding || 'identity'}: the lane answered`)
        assert.equal(fromLane.response.headers['x-lede-cache'], 'hit')
        // A conditional request that matches nothing goes through Fastify's hit: the same answer otherwise.
        const fromFastify = await get(ARTICLE, { ...asked, 'if-none-match': '"no such tag"' })
        assert.equal(fromFastify.by, 'fastify')
        assert.equal(fromFastify.response.headers['x-lede-cache'], 'hit')
        assert.deepEqual(headersOf(fromLane.response), headersOf(fromFastify.response), `${encoding || 'identity'}: same headers`)
        assert.deepEqual(fromLane.body, fromFastify.body, `${encoding || 'identity'}: same bytes`)
        assert.equal(fromLane.response.headers['content-length'], String(fromLane.body.length))
        assert.equal(first.response.statusCode, 200)
      }
      const line = (await get(ARTICLE)).line
      assert.equal(line.status, 200)
      assert.equal(line.url, ARTICLE)
      assert.equal(line.ip, '127.0.0.1')
    })

    it('logs the client address Fastify would, through trusted proxies', async () => {
      await get('/feed/')
      const { by, line } = await get('/feed/', { 'x-forwarded-for': '203.0.113.9' })
      assert.equal(by, 'lane')
      assert.equal(line.ip, '203.0.113.9')
    })

    it('leaves to Fastify what the hooks must see', async () => {
      await get('/')
      assert.equal((await get('/')).by, 'lane')
      const notModified = await get('/', { 'if-none-match': String((await get('/')).response.headers.etag) })
      assert.equal(notModified.by, 'fastify')
      assert.equal(notModified.response.statusCode, 304)
      assert.equal((await get('/', { cookie: 'lede_session=x' })).by, 'fastify', 'a cookie: auth must look at it')
      assert.equal((await get('/?utm_source=x')).by, 'fastify', 'a query: only the route knows its key')
      assert.equal((await get('/', { 'x-forwarded-proto': 'https' })).by, 'fastify', 'https through a proxy: HSTS is added per request')
      assert.equal((await get('/', {}, 'HEAD')).by, 'fastify')
      assert.equal((await get('/newsfeed/2022-02-03')).by, 'fastify', 'a path without its slash is redirected by Fastify')
      await get('/search?q=armenia')
      assert.equal((await get('/search?q=armenia')).by, 'fastify', 'searches are rate-limited')
      await get('/api/v1/articles')
      assert.equal((await get('/api/v1/articles')).by, 'fastify', 'the API is rate-limited')
    })
  })
})

describe('the fast lane server', () => {
  it('tries the lane first, hands what it declines to Fastify, and once closed hands everything over', () => {
    const handled: string[] = []
    const front = fastLaneServer({ keepAliveTimeout: 10_000, log: () => null, logSample: 1, trustProxy: false })
    const server = front.serverFactory((request) => { handled.push(`fastify ${request.url}`) })
    assert.equal(server.keepAliveTimeout, 10_000)
    const ask = (url: string) => server.emit('request', { url } as IncomingMessage, {} as ServerResponse)
    ask('/before')
    front.use((request) => { handled.push(`lane ${request.url}`); return request.url === '/kept' })
    ask('/kept')
    ask('/other')
    front.use(undefined)
    ask('/kept')
    assert.deepEqual(handled, ['fastify /before', 'lane /kept', 'lane /other', 'fastify /other', 'fastify /kept'])
  })

  it('while requests wait for their turn, hands hits to Fastify to wait in line; reports the time of what it answers', () => {
    const handled: string[] = []
    const reported: number[] = []
    const turns = { waiting: 0, servedOutside: (ms: number) => { reported.push(ms) } }
    const front = fastLaneServer({ keepAliveTimeout: 10_000, log: () => null, logSample: 1, trustProxy: false })
    const server = front.serverFactory((request) => { handled.push(`fastify ${request.url}`) })
    front.useTurns(turns)
    front.use((request) => { handled.push(`lane ${request.url}`); return true })
    server.emit('request', { url: '/a' } as IncomingMessage, {} as ServerResponse)
    turns.waiting = 3
    server.emit('request', { url: '/b' } as IncomingMessage, {} as ServerResponse)
    assert.deepEqual(handled, ['lane /a', 'fastify /b'])
    assert.equal(reported.length, 1)
  })
})
