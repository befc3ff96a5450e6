import { it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'node:zlib'
import { mkdtemp, readdir, readFile, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, buildTestApp, forEachDialect, type TestApp } from '../helper.js'
import { startWireServer, rssFeed, type WireServer } from './wire-server.js'
import { pollDueSources } from '../../src/wire/poller.js'
import { DEFAULT_FETCH_LIMITS } from '../../src/wire/http-fetch.js'
import { insertWireSource, wireInbox, wireRunsOf, wireSourceById, wireItemVersions, type NewWireSource } from '../../src/db/repositories/wire.repository.js'

const LIMITS = { ...DEFAULT_FETCH_LIMITS, connectMs: 2000, totalMs: 1500, maxBytes: 256 * 1024, maxDecompressedBytes: 512 * 1024 }

function feedSource(url: string, extra: Partial<NewWireSource> = {}): NewWireSource {
  return { name: 'Agency', kind: 'feed', url, folder: null, agencyCredit: 'TASS', edition: 'hy', sectionId: null, intervalSeconds: 60, authUser: null, authPassword: null, ...extra }
}

async function addSource(t: TestApp, source: NewWireSource): Promise<number> {
  return insertWireSource(t.deps.db, source, t.deps.clock().toISOString())
}

async function poll(t: TestApp) {
  const runs = await pollDueSources(t.deps, { limits: LIMITS, worker: 'test' })
  t.clock.advance(61_000)
  return runs
}

async function inbox(t: TestApp) {
  return (await wireInbox(t.deps.db, { page: 1, perPage: 100 })).rows
}

forEachDialect((dialect) => {
  let server: WireServer

  it('a feed lands new items; the same feed again only sees them; a changed item is updated and its old version kept', async (t) => {
    server = await startWireServer()
    t.after(() => server.close())
    const app = await build(t, dialect)
    let body = rssFeed([{ guid: 'a1', title: 'First' }, { guid: 'a2', title: 'Second' }])
    server.on('/feed', (_req, res) => { res.setHeader('content-type', 'application/rss+xml'); res.end(body) })
    const id = await addSource(app, feedSource(server.url('/feed')))

    const [first] = await poll(app)
    assert.deepEqual([first!.status, first!.counts], ['ok', { new: 2, updated: 0, seen: 0, refused: 0 }])
    const [again] = await poll(app)
    assert.deepEqual(again!.counts, { new: 0, updated: 0, seen: 2, refused: 0 })

    body = rssFeed([{ guid: 'a1', title: 'First, corrected' }, { guid: 'a2', title: 'Second' }])
    const [third] = await poll(app)
    assert.deepEqual(third!.counts, { new: 0, updated: 1, seen: 1, refused: 0 })
    const items = await inbox(app)
    const updated = items.find((i) => i.agency_id === 'a1')!
    assert.equal(updated.state, 'updated')
    assert.equal(updated.headline, 'First, corrected')
    assert.deepEqual((await wireItemVersions(app.deps.db, updated.id)).map((v) => v.headline), ['First'])
    assert.equal((await wireRunsOf(app.deps.db, id, 10)).length, 3)
  })

  it('uses conditional GET: a 304 records a quiet run and changes nothing', async (t) => {
    server = await startWireServer()
    t.after(() => server.close())
    const app = await build(t, dialect)
    server.on('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') { res.statusCode = 304; return res.end() }
      res.setHeader('etag', '"v1"')
      res.setHeader('last-modified', 'Thu, 26 Nov 2026 09:00:00 GMT')
      res.end(rssFeed([{ guid: 'a1', title: 'First' }]))
    })
    const id = await addSource(app, feedSource(server.url('/feed')))
    await poll(app)
    const [quiet] = await poll(app)
    assert.equal(quiet!.status, 'not-modified')
    assert.equal(server.requests.at(-1)!.headers['if-modified-since'], 'Thu, 26 Nov 2026 09:00:00 GMT')
    assert.equal((await wireSourceById(app.deps.db, id))!.etag, '"v1"')
  })

  it('follows a 301 and keeps the new URL; pauses on 410; refuses a redirect loop', async (t) => {
    server = await startWireServer()
    t.after(() => server.close())
    const app = await build(t, dialect)
    server.on('/old', (_req, res) => { res.statusCode = 301; res.setHeader('location', '/new'); res.end() })
    server.on('/new', (_req, res) => res.end(rssFeed([{ guid: 'a1', title: 'First' }])))
    server.on('/gone', (_req, res) => { res.statusCode = 410; res.end() })
    server.on('/loop-a', (_req, res) => { res.statusCode = 302; res.setHeader('location', '/loop-b'); res.end() })
    server.on('/loop-b', (_req, res) => { res.statusCode = 302; res.setHeader('location', '/loop-a'); res.end() })
    const moved = await addSource(app, feedSource(server.url('/old')))
    const gone = await addSource(app, feedSource(server.url('/gone')))
    const loop = await addSource(app, feedSource(server.url('/loop-a')))
    const runs = await poll(app)
    const run = (id: number) => runs.find((r) => r.sourceId === id)!
    assert.equal(run(moved).status, 'ok')
    assert.equal((await wireSourceById(app.deps.db, moved))!.url, server.url('/new'))
    assert.equal((await wireSourceById(app.deps.db, gone))!.status, 'paused')
    assert.match(run(loop).error!, /redirect loop/)
    // Failures back off: the looping source's next turn is later than the interval.
    const looping = (await wireSourceById(app.deps.db, loop))!
    assert.equal(looping.failures, 1)
    assert.ok(new Date(looping.next_poll_at).getTime() - new Date(looping.last_polled_at!).getTime() > 60_000)
  })

  it('a hanging server, an oversized answer, a gzip bomb and garbage each fail their own source, with a reason', async (t) => {
    server = await startWireServer()
    t.after(() => server.close())
    const app = await build(t, dialect)
    server.on('/hang', () => { /* never answers */ })
    server.on('/huge', (_req, res) => { res.write(Buffer.alloc(200 * 1024, 0x20)); res.end(Buffer.alloc(200 * 1024, 0x20)) })
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20))
    server.on('/bomb', (_req, res) => { res.setHeader('content-encoding', 'gzip'); res.end(bomb) })
    server.on('/garbage', (_req, res) => res.end('<html><body>Maintenance</body></html>'))
    server.on('/fine', (_req, res) => res.end(rssFeed([{ guid: 'ok1', title: 'Still here' }])))
    const ids = {
      hang: await addSource(app, feedSource(server.url('/hang'))),
      huge: await addSource(app, feedSource(server.url('/huge'))),
      bomb: await addSource(app, feedSource(server.url('/bomb'))),
      garbage: await addSource(app, feedSource(server.url('/garbage'))),
      fine: await addSource(app, feedSource(server.url('/fine')))
    }
    const runs = await poll(app)
    const error = (id: number) => runs.find((r) => r.sourceId === id)!.error ?? ''
    assert.match(error(ids.hang), /within/)
    assert.match(error(ids.huge), /larger than/)
    assert.match(error(ids.bomb), /decompresses to more than/)
    assert.match(error(ids.garbage), /root element is <html>/)
    assert.equal(runs.find((r) => r.sourceId === ids.fine)!.status, 'ok')
    assert.equal((await inbox(app)).length, 1)
  })

  it('a feed in latin-1 served as UTF-8 reads correctly; an embargo is kept', async (t) => {
    server = await startWireServer()
    t.after(() => server.close())
    const app = await build(t, dialect)
    const latin1 = Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>A</title><item><guid>e1</guid><title>Déjà vu</title><description>x</description></item></channel></rss>`, 'latin1')
    server.on('/latin', (_req, res) => { res.setHeader('content-type', 'application/xml; charset=utf-8'); res.end(latin1) })
    const ninjs = JSON.stringify({ guid: 'emb-1', version: '1', headline: 'Under embargo', body_html: '<p>Secret</p>', embargoed: '2026-12-01T12:00:00Z' })
    server.on('/ninjs', (_req, res) => { res.setHeader('content-type', 'application/json'); res.end(ninjs) })
    await addSource(app, feedSource(server.url('/latin')))
    await addSource(app, feedSource(server.url('/ninjs')))
    await poll(app)
    const items = await inbox(app)
    assert.equal(items.find((i) => i.agency_id === 'e1')!.headline, 'Déjà vu')
    assert.equal(items.find((i) => i.agency_id === 'emb-1')!.embargo_until, '2026-12-01T12:00:00.000Z')
  })

  it('a drop folder: files taken through processing/ into done/ or failed/ with the reason beside them', async (t) => {
    const app = await build(t, dialect)
    const folder = await mkdtemp(join(tmpdir(), 'lede-wire-'))
    t.after(() => rm(folder, { recursive: true, force: true }))
    await writeFile(join(folder, 'a.json'), JSON.stringify({ guid: 'f1', headline: 'From the folder', body_html: '<p>Hi</p>' }))
    await writeFile(join(folder, 'b.xml'), '<nitf><head>')
    await writeFile(join(folder, 'c.xml.tmp'), 'still being written')
    await addSource(app, { ...feedSource(''), kind: 'folder', url: null, folder })
    const [run] = await poll(app)
    assert.equal(run!.status, 'partial')
    assert.match(run!.error!, /b\.xml: not well-formed/)
    assert.deepEqual((await readdir(join(folder, 'done'))), ['a.json'])
    assert.deepEqual((await readdir(join(folder, 'failed'))).sort(), ['b.xml', 'b.xml.reason.txt'])
    assert.match(await readFile(join(folder, 'failed', 'b.xml.reason.txt'), 'utf8'), /not well-formed/)
    assert.deepEqual(await readdir(join(folder, 'processing')), [])
    assert.ok((await readdir(folder)).includes('c.xml.tmp'), 'a file still being written is left alone')
    assert.equal((await inbox(app))[0]!.headline, 'From the folder')

    // A file a crashed run left in processing/ is taken again by the next run.
    await writeFile(join(folder, 'processing', 'd.json'), JSON.stringify({ guid: 'f2', headline: 'Left behind', body_html: '<p>Hi</p>' }))
    const [next] = await poll(app)
    assert.equal(next!.counts.new, 1)
    assert.ok((await readdir(join(folder, 'done'))).includes('d.json'))
  })

  it('sends basic auth to the source\'s own origin only, never to a host a redirect names', async (t) => {
    server = await startWireServer()
    t.after(() => server.close())
    const app = await build(t, dialect)
    const port = new URL(server.url('/')).port
    server.on('/private', (req, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('desk:s3cret').toString('base64')}`) { res.statusCode = 401; return res.end() }
      res.statusCode = 302
      res.setHeader('location', `http://localhost:${port}/elsewhere`)
      res.end()
    })
    server.on('/elsewhere', (_req, res) => res.end(rssFeed([{ guid: 'p1', title: 'Private' }])))
    const id = await addSource(app, feedSource(server.url('/private'), { authUser: 'desk', authPassword: 's3cret' }))
    const [run] = await poll(app)
    assert.equal(run!.status, 'ok')
    const elsewhere = server.requests.find((r) => r.path === '/elsewhere')!
    assert.equal(elsewhere.headers.authorization, undefined)
    // A temporary redirect does not move the source.
    assert.equal((await wireSourceById(app.deps.db, id))!.url, server.url('/private'))
    const runs = await wireRunsOf(app.deps.db, id, 5)
    assert.doesNotMatch(JSON.stringify(runs), /s3cret/)
  })

  it('pollers polling at once never poll the same source twice', async (t) => {
    server = await startWireServer()
    t.after(() => server.close())
    const first = await build(t, dialect)
    // On PostgreSQL the second poller is another app process on the same database.
    const second = dialect.name === 'postgres' ? await buildTestApp(dialect, { sameDatabaseAs: first }) : first
    if (second !== first) t.after(() => second.close())
    server.on('/slow', (_req, res) => setTimeout(() => res.end(rssFeed([{ guid: 's1', title: 'Slow' }])), 100))
    for (let i = 0; i < 6; i++) await addSource(first, feedSource(server.url('/slow'), { name: `S${i}` }))
    const [a, b] = await Promise.all([
      pollDueSources(first.deps, { limits: LIMITS, worker: 'one' }),
      pollDueSources(second.deps, { limits: LIMITS, worker: 'two' })
    ])
    const polled = [...a!, ...b!].map((r) => r.sourceId).sort()
    assert.equal(polled.length, 6)
    assert.equal(new Set(polled).size, 6)
    assert.equal(server.requests.length, 6)
  })
})
