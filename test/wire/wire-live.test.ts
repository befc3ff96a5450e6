// New wire items reach open inbox screens without a reload, on both engines: a poll that brings items logs
// one row on the wire desk's channel, which GET /admin/wire/live streams to those who may read the inbox,
// never to readers' streams; a reconnecting screen gets what it missed.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { loginAs } from '../admin-helper.js'
import { isEvent, listen, openStream } from '../live/sse-client.js'
import { insertWireSource } from '../../src/db/repositories/wire.repository.js'
import { pollDueSources } from '../../src/wire/poller.js'
import { createArticle } from '../../src/services/articles.service.js'

async function folderSource(t: TestApp, folder: string): Promise<number> {
  return insertWireSource(t.deps.db, {
    name: 'Agency', kind: 'folder', url: null, folder, agencyCredit: 'TASS', edition: 'en', sectionId: null, intervalSeconds: 60, authUser: null, authPassword: null
  }, t.deps.clock().toISOString())
}

/** A poll round, then this process's hub reads the log (it would within its poll interval anyway). */
async function pollAndPump(t: TestApp): Promise<void> {
  await pollDueSources(t.deps, { worker: 'test' })
  t.clock.advance(61_000)
  await t.app.live.hub.pump()
}

forEachDialect((dialect) => {
  it('the inbox stream tells the wire desk, and only the wire desk, that items arrived; a reconnection replays it', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const folder = await mkdtemp(join(tmpdir(), 'lede-wire-live-'))
    t.after(() => rm(folder, { recursive: true, force: true }))
    const sourceId = await folderSource(app, folder)
    const base = await listen(app.app)
    const author = await loginAs(app, 'author')

    const desk = await openStream(`${base}/admin/wire/live/`, { cookie: author.cookie })
    t.after(() => desk.close())
    assert.equal(desk.status, 200)
    assert.match(desk.headers.get('content-type') ?? '', /^text\/event-stream/)
    assert.equal(desk.headers.get('cache-control'), 'no-store')
    const ready = await desk.next(isEvent('ready'))
    const reader = await openStream(`${base}/live`)
    t.after(() => reader.close())
    await reader.next(isEvent('ready'))

    // Nothing new: nothing said.
    await pollAndPump(app)
    await writeFile(join(folder, 'one.json'), JSON.stringify({ guid: 'w1', headline: 'Secret agency copy', body_html: '<p>Not for readers yet.</p>' }))
    await writeFile(join(folder, 'two.json'), JSON.stringify({ guid: 'w2', headline: 'More agency copy', body_html: '<p>Also.</p>' }))
    await pollAndPump(app)
    const arrived = await desk.next(isEvent('wire-items'))
    assert.deepEqual(JSON.parse(arrived.data), { sourceId, new: 2, updated: 0 })
    assert.match(arrived.id ?? '', /^\d+$/)

    // A story published afterwards reaches the reader: the wire row before it never did.
    await createArticle(app.deps, { edition: 'en', headline: 'A public story', lead: 'Lead.', bodySource: 'Text.', status: 'published', publishedAt: app.clock().toISOString() })
    await reader.next(isEvent('published'))
    assert.equal(reader.received.some((e) => e.event === 'wire-items' || e.data.includes('agency copy')), false)

    // The screen comes back after missing it.
    desk.close()
    const back = await openStream(`${base}/admin/wire/live/`, { cookie: author.cookie, 'last-event-id': ready.id ?? '0' })
    t.after(() => back.close())
    const replayed = await back.next(isEvent('wire-items'))
    assert.equal(replayed.id, arrived.id)
  })

  it('the inbox stream is for those who may read the inbox', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const base = await listen(app.app)
    // Sent to the sign-in page.
    const anonymous = await openStream(`${base}/admin/wire/live/`)
    assert.match(anonymous.text, /name="password"/)
    assert.doesNotMatch(anonymous.headers.get('content-type') ?? '', /event-stream/)
    const contributor = await loginAs(app, 'contributor')
    const refused = await openStream(`${base}/admin/wire/live/`, { cookie: contributor.cookie })
    assert.equal(refused.status, 403)
  })
})
