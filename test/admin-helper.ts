// Signing in for admin tests: create an account of a role, start its session, and send requests with
// its cookie and CSRF token. loginAs() starts the session directly (as a successful login does, through
// the same service); login() goes through the real login form, for the tests of the form itself.
//   const admin = await loginAs(t, 'administrator')
//   const page = await adminGet(t, admin, '/admin/users/')
//   const res = await adminPost(t, admin, '/admin/users/new/', { email: 'x@example.org', … })   // adds _csrf
import assert from 'node:assert/strict'
import type { LightMyRequestResponse } from 'fastify'
import type { Role } from '../src/domain/roles.js'
import { COMMAND_LINE_ACTOR, createUser } from '../src/services/users.service.js'
import { sessionForToken, startSession } from '../src/services/auth.service.js'
import { SESSION_COOKIE } from '../src/plugins/auth.js'
import { form, FORM_HEADERS, type TestApp } from './helper.js'

/** Long enough for the password rules. */
export const TEST_PASSWORD = 'correct horse battery staple'

export interface AdminSession {
  /** The Cookie header to send: the session cookie. */
  cookie: string
  /** The session's CSRF token, for "_csrf" fields or the X-CSRF-Token header. */
  csrf: string
  user: { id: number, email: string, displayName: string, role: Role }
}

/** The "_csrf" value of the first form in a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  assert.ok(match, 'the page has no _csrf field')
  return match[1]!
}

/** "name=value" pairs from a response's Set-Cookie headers, merged over an earlier Cookie header. */
export function cookiesFrom(res: LightMyRequestResponse, previous = ''): string {
  const jar = new Map<string, string>()
  for (const pair of previous.split(/;\s*/).filter(Boolean)) {
    const i = pair.indexOf('=')
    jar.set(pair.slice(0, i), pair.slice(i + 1))
  }
  for (const c of res.cookies as { name: string, value: string, expires?: Date, maxAge?: number }[]) {
    const cleared = c.value === '' || (c.expires !== undefined && c.expires.getTime() <= Date.now() && c.expires.getUTCFullYear() < 2000) || c.maxAge === 0
    if (cleared) jar.delete(c.name)
    else jar.set(c.name, c.value)
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
}

let counter = 0

/** Creates an account with a password; returns its id. */
export async function createTestUser(t: TestApp, options: { role: Role, email?: string, displayName?: string, password?: string }): Promise<{ id: number, email: string, displayName: string }> {
  counter += 1
  const email = options.email ?? `${options.role}-${counter}@example.org`
  const displayName = options.displayName ?? `Test ${options.role} ${counter}`
  const created = await createUser(t.deps, { email, displayName, role: options.role, password: options.password ?? TEST_PASSWORD, actor: COMMAND_LINE_ACTOR })
  assert.equal(created.kind, 'created', `could not create ${email}`)
  return { id: (created as { userId: number }).userId, email, displayName }
}

/** Logs in through GET and POST /admin/login/; fails the test if it does not work. */
export async function login(t: TestApp, email: string, password = TEST_PASSWORD, headers: Record<string, string> = {}): Promise<{ cookie: string, csrf: string }> {
  const page = await t.app.inject({ method: 'GET', url: '/admin/login/', headers })
  assert.equal(page.statusCode, 200, `login page: ${page.statusCode}`)
  const formCookie = cookiesFrom(page, headers.cookie ?? '')
  const res = await t.app.inject({
    method: 'POST', url: '/admin/login/', headers: { ...FORM_HEADERS, ...headers, cookie: formCookie },
    payload: form({ _csrf: csrfFrom(page.body), email, password })
  })
  assert.equal(res.statusCode, 303, `login failed with ${res.statusCode}`)
  const cookie = cookiesFrom(res, formCookie).split('; ').filter((c) => c.startsWith('lede_session=')).join('; ')
  const dashboard = await t.app.inject({ method: 'GET', url: '/admin/', headers: { cookie } })
  assert.equal(dashboard.statusCode, 200, `dashboard after login: ${dashboard.statusCode}`)
  return { cookie, csrf: csrfFrom(dashboard.body) }
}

/** A session for the user, started as a successful login starts one (no password check, no form). */
export async function signIn(t: TestApp, userId: number): Promise<{ cookie: string, csrf: string }> {
  const { token } = await startSession(t.deps.db, t.deps.clock(), userId, { ip: '127.0.0.1', userAgent: 'lightMyRequest' })
  const session = await sessionForToken(t.deps, token)
  assert.ok(session, 'the new session is not alive')
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf: session.csrfToken }
}

/** A new account of the role, signed in. */
export async function loginAs(t: TestApp, role: Role, options: { email?: string, displayName?: string } = {}): Promise<AdminSession> {
  const user = await createTestUser(t, { role, ...options })
  const session = await signIn(t, user.id)
  return { ...session, user: { ...user, role } }
}

export function adminGet(t: TestApp, session: Pick<AdminSession, 'cookie'> | null, url: string) {
  return t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} })
}

/** POSTs a form with the session's CSRF token added (pass `_csrf` yourself to override it). */
export function adminPost(t: TestApp, session: Pick<AdminSession, 'cookie' | 'csrf'> | null, url: string, fields: Record<string, string | string[]> = {}) {
  return t.app.inject({
    method: 'POST', url,
    headers: { ...FORM_HEADERS, ...(session ? { cookie: session.cookie } : {}) },
    payload: form({ ...(session ? { _csrf: session.csrf } : {}), ...fields })
  })
}

export const ALL_ROLES: readonly Role[] = ['administrator', 'editor', 'author', 'contributor']
