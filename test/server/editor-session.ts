// For tests that run the real server as a process: a database prepared as a first start would leave it,
// with an editor who has a password, and that editor's session obtained through the real login form.
import assert from 'node:assert/strict'
import { openDatabase } from '../../src/db/dialect.js'
import { inProcessBus } from '../../src/events/bus.js'
import { prepareDatabase } from '../../src/services/install.service.js'
import { COMMAND_LINE_ACTOR, createUser } from '../../src/services/users.service.js'

export const EDITOR = { email: 'crash-editor@example.org', password: 'a long enough crash-test passphrase' }

/**
 * Prepares the fresh database as the server's first start would (migrations, demo content, install
 * mark), then adds an editor with a password, so the server starts on it like on any later start.
 */
export async function prepareWithEditor(engine: 'sqlite' | 'postgres', db: { sqlitePath?: string, pgSchema?: string }): Promise<void> {
  const opened = engine === 'sqlite'
    ? openDatabase({ kind: 'sqlite', path: db.sqlitePath! })
    : openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: db.pgSchema!, poolSize: 2 })
  try {
    const deps = { db: opened.db, dialect: opened.dialect, clock: () => new Date(), events: inProcessBus(), siteUrlOverride: null }
    await prepareDatabase(deps, { seedDemo: true })
    const created = await createUser(deps, { email: EDITOR.email, displayName: 'Crash Editor', role: 'editor', password: EDITOR.password, actor: COMMAND_LINE_ACTOR })
    assert.equal(created.kind, 'created')
  } finally {
    await opened.close()
  }
}

/** "name=value" pairs of a fetch response's Set-Cookie headers, merged over a Cookie header. */
function mergeCookies(res: Response, previous = ''): string {
  const jar = new Map(previous.split(/;\s*/).filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]))
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0]!
    const name = pair.slice(0, pair.indexOf('='))
    const value = pair.slice(pair.indexOf('=') + 1)
    if (value === '') jar.delete(name)
    else jar.set(name, value)
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
}

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!

/** Logs in through the real form over HTTP: the pre-login double-submit token, then the session's. */
export async function logIn(baseUrl: string): Promise<{ cookie: string, csrf: string }> {
  const form = await fetch(`${baseUrl}/admin/login/`, { redirect: 'manual' })
  assert.equal(form.status, 200)
  const formCookie = mergeCookies(form)
  const res = await fetch(`${baseUrl}/admin/login/`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie },
    body: new URLSearchParams({ _csrf: csrfIn(await form.text()), email: EDITOR.email, password: EDITOR.password }).toString()
  })
  assert.equal(res.status, 303, `login answered ${res.status}`)
  const cookie = mergeCookies(res, formCookie).split('; ').filter((c) => c.startsWith('lede_session=')).join('; ')
  const editor = await fetch(`${baseUrl}/admin/articles/new/`, { headers: { cookie } })
  assert.equal(editor.status, 200)
  return { cookie, csrf: csrfIn(await editor.text()) }
}

/** Publishes a story through the article editor form, as an editor does; resolves to the redirect's Location. */
export async function publishThroughForm(baseUrl: string, session: { cookie: string, csrf: string }, story: { headline: string, lead: string, body: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/admin/articles/new/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
    body: new URLSearchParams({ _csrf: session.csrf, ...story, comments_open: 'on', intent: 'publish' }).toString()
  })
  await res.arrayBuffer()
  assert.equal(res.status, 303, `publishing answered ${res.status}`)
  return res.headers.get('location') ?? ''
}
