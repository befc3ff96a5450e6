// GET /live over a real socket on both engines: event format, replay, editions, limits, heartbeats, shutdown.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { changeArticleStatus, createArticle } from '../../src/services/articles.service.js'
import { insertUser } from '../../src/db/repositories/users.repository.js'
import { saveSettings } from '../../src/db/repositories/settings.repository.js'
import { pruneLiveLog } from '../../src/services/live-log.service.js'
import { isEvent, listen, openStream, type SseReader } from './sse-client.js'

async function publish(t: TestApp, headline: string, edition = 'en', breaking = false): Promise<number> {
  const { id } = await createArticle(t.deps, {
    edition, headline, lead: `${headline}: the lead.`, bodySource: 'Text.', status: 'published', publishedAt: t.clock().toISOString(), breaking
  })
  return id
}

async function stream(t: { app: TestApp['app'] }, base: string, path = '/live', headers: Record<string, string> = {}): Promise<SseReader> {
  const reader = await openStream(`${base}${path}`, headers)
  return reader
}

forEachDialect((dialect) => {
  describe('GET /live', () => {
    it('streams what readers may see change, with log ids, uncached and unbuffered', async (tc) => {
      const t = await build(tc, dialect)
      const base = await listen(t.app)
      const reader = await stream(t, base)
      tc.after(() => reader.close())
      assert.equal(reader.status, 200)
      assert.match(reader.headers.get('content-type') ?? '', /^text\/event-stream/)
      assert.equal(reader.headers.get('cache-control'), 'no-store')
      assert.equal(reader.headers.get('x-accel-buffering'), 'no')
      assert.equal(reader.received[0]?.event ?? (await reader.next(() => true)).event, 'retry')
      await reader.next(isEvent('ready'))

      const id = await publish(t, 'Storm reaches the coast', 'en', true)
      const event = await reader.next(isEvent('published'))
      assert.match(event.id ?? '', /^\d+$/)
      const data = JSON.parse(event.data) as Record<string, unknown>
      assert.equal(data.id, id)
      assert.equal(data.headline, 'Storm reaches the coast')
      assert.equal(data.breaking, true)
      assert.equal(data.url, '/2026/11/26/storm-reaches-the-coast/')

      await t.deps.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', id).execute()
      t.deps.events.emit({ type: 'article.unpublished', articleId: id })
      const withdrawn = await reader.next(isEvent('withdrawn'))
      assert.ok(Number(withdrawn.id) > Number(event.id))
      assert.deepEqual(JSON.parse(withdrawn.data), { id })

      // Trashed by an editor through the workflow: withdrawn too.
      const second = await publish(t, 'Second storm warning')
      await reader.next(isEvent('published'))
      const editorId = await insertUser(t.deps.db, {
        email: 'desk@example.org', display_name: 'Desk', slug: 'desk', password_hash: null, role: 'editor', created_at: '2026-01-01T00:00:00.000Z'
      })
      const trashed = await changeArticleStatus(t.deps, { id: editorId, role: 'editor', displayName: 'Desk' }, second, 'trash')
      assert.equal(trashed.kind, 'done', JSON.stringify(trashed))
      assert.deepEqual(JSON.parse((await reader.next(isEvent('withdrawn'))).data), { id: second })
    })

    it('replays what a reader missed after its Last-Event-ID, then goes on live', async (tc) => {
      const t = await build(tc, dialect)
      const base = await listen(t.app)
      const first = await stream(t, base)
      tc.after(() => first.close())
      await first.next(isEvent('ready'))
      await publish(t, 'One')
      const one = await first.next(isEvent('published'))
      first.close()
      await publish(t, 'Two')
      await publish(t, 'Three')
      await t.app.live.hub.idle()

      const again = await stream(t, base, '/live', { 'last-event-id': one.id! })
      tc.after(() => again.close())
      const replayed = [await again.next(isEvent('published')), await again.next(isEvent('published'))]
      assert.deepEqual(replayed.map((e) => (JSON.parse(e.data) as { headline: string }).headline), ['Two', 'Three'])
      await again.next(isEvent('ready'))
      await publish(t, 'Four')
      assert.equal((JSON.parse((await again.next(isEvent('published'))).data) as { headline: string }).headline, 'Four')
      assert.equal(again.received.filter((e) => e.event === 'published').length, 3, 'nothing twice')

      const query = await stream(t, base, `/live?lastEventId=${replayed[1]!.id}`)
      tc.after(() => query.close())
      assert.equal((JSON.parse((await query.next(isEvent('published'))).data) as { headline: string }).headline, 'Four')
    })

    it('tells a reader to reload when its id is older than the log, or not from this log', async (tc) => {
      const t = await build(tc, dialect)
      const base = await listen(t.app)
      await publish(t, 'One')
      await t.app.live.hub.idle()
      t.clock.advance(48 * 3_600_000)
      await publish(t, 'Two')
      await t.app.live.hub.idle()
      await pruneLiveLog(t.deps, 3_600_000)
      for (const id of ['0', '999999']) {
        const reader = await stream(t, base, '/live', { 'last-event-id': id })
        tc.after(() => reader.close())
        await reader.next(isEvent('reload'))
        const ready = await reader.next(isEvent('ready'))
        assert.match(ready.id ?? '', /^\d+$/, 'the reader gets a position to come back from')
        reader.close()
      }
    })

    it('each edition has its own stream; an unknown edition has none', async (tc) => {
      const t = await build(tc, dialect)
      await saveSettings(t.deps.db, { editions: ['en', 'ru'], defaultEdition: 'en' })
      const base = await listen(t.app)
      const en = await stream(t, base)
      const ru = await stream(t, base, '/ru/live')
      tc.after(() => { en.close(); ru.close() })
      assert.equal(ru.status, 200)
      await Promise.all([en.next(isEvent('ready')), ru.next(isEvent('ready'))])
      await publish(t, 'Шторм достиг побережья', 'ru')
      await publish(t, 'Storm reaches the coast', 'en')
      assert.equal((JSON.parse((await ru.next(isEvent('published'))).data) as { url: string }).url.startsWith('/ru/'), true)
      assert.equal((JSON.parse((await en.next(isEvent('published'))).data) as { headline: string }).headline, 'Storm reaches the coast')
      assert.equal(ru.received.filter((e) => e.event === 'published').length, 1)

      const unknown = await stream(t, base, '/xx/live')
      assert.equal(unknown.status, 404)
      const slash = await fetch(`${base}/ru/live/`, { redirect: 'manual' })
      assert.equal(slash.status, 301)
      assert.equal(slash.headers.get('location'), '/ru/live')
    })

    it('limits streams per address and per process with a readable 429', async (tc) => {
      const t = await build(tc, dialect, { live: { maxPerAddress: 2, maxConnections: 3 } })
      const base = await listen(t.app)
      const a = await stream(t, base)
      const b = await stream(t, base)
      tc.after(() => { a.close(); b.close() })
      await Promise.all([a.next(isEvent('ready')), b.next(isEvent('ready'))])
      const refused = await stream(t, base)
      assert.equal(refused.status, 429)
      assert.match(refused.text, /Too many live-update streams are open from your address/)
      assert.ok(Number(refused.headers.get('retry-after')) > 0)

      a.close()
      await waitFor(() => t.app.live.limits.total === 1)
      const c = await stream(t, base)
      tc.after(() => c.close())
      assert.equal(c.status, 200, 'a closed stream gives its place back')

    })

    it('limits streams in the whole process, with its own message', async (tc) => {
      const t = await build(tc, dialect, { live: { maxPerAddress: 10, maxConnections: 2 } })
      const base = await listen(t.app)
      const open = [await stream(t, base), await stream(t, base)]
      tc.after(() => { for (const r of open) r.close() })
      const refused = await stream(t, base)
      assert.equal(refused.status, 429)
      assert.match(refused.text, /Too many readers are following live updates right now/)
      assert.match(refused.headers.get('content-type') ?? '', /^text\/plain/)
    })

    it('refuses a bad article channel, and takes a garbled Last-Event-ID as none', async (tc) => {
      const t = await build(tc, dialect)
      const base = await listen(t.app)
      for (const bad of ['abc', '0', '-1', '99999999999', '1%00']) {
        const res = await fetch(`${base}/live?article=${bad}`)
        assert.equal(res.status, 400, bad)
        assert.match(res.headers.get('cache-control') ?? '', /no-store/)
        await res.text()
      }
      const reader = await stream(t, base, '/live', { 'last-event-id': 'x'.repeat(2000) })
      tc.after(() => reader.close())
      assert.equal(reader.status, 200)
      await reader.next(isEvent('ready'))
      assert.equal(reader.received.some((e) => e.event === 'reload'), false)
    })

    it('sends heartbeat comments while nothing happens', async (tc) => {
      const t = await build(tc, dialect, { live: { heartbeatMs: 50 } })
      const base = await listen(t.app)
      const reader = await stream(t, base)
      tc.after(() => reader.close())
      const beat = await reader.next((e) => e.comment === 'heartbeat', 2_000)
      assert.equal(beat.comment, 'heartbeat')
    })

    it('ends open streams cleanly when the app closes, so readers reconnect elsewhere', async (tc) => {
      const t = await build(tc, dialect)
      const base = await listen(t.app)
      const readers = [await stream(t, base), await stream(t, base)]
      await Promise.all(readers.map((r) => r.next(isEvent('ready'))))
      const started = Date.now()
      await t.app.close()
      await Promise.all(readers.map((r) => r.ended))
      assert.ok(Date.now() - started < 2_000, `closing took ${Date.now() - started} ms`)
      assert.equal(t.app.live.streams.size, 0)
    })
  })
})

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) assert.fail('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
