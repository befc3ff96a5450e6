// The role × action matrix for the admin shell, accounts, users, settings and the audit log: every
// route is tried by every role (and by nobody), and the server decides, not the navigation.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp, forEachDialect, type TestApp } from '../../helper.js'
import { ALL_ROLES, adminGet, adminPost, createTestUser, loginAs, type AdminSession } from '../../admin-helper.js'
import type { Role } from '../../../src/domain/roles.js'
import { settingsToFormText } from '../../../src/domain/settings-form.js'
import { loadSettings } from '../../../src/db/repositories/settings.repository.js'

type Expect = 'ok' | 'forbidden'
interface Case {
  name: string
  method: 'GET' | 'POST'
  /** A path, or one built for the case (a fresh target user, the current settings). */
  url: (ctx: { target: number }) => string
  fields?: (ctx: { t: TestApp }) => Promise<Record<string, string>> | Record<string, string>
  allowed: readonly Role[]
  /** Status when allowed. */
  status: number
}

const EVERYONE = ALL_ROLES
const ADMIN: readonly Role[] = ['administrator']

const CASES: Case[] = [
  { name: 'dashboard', method: 'GET', url: () => '/admin/', allowed: EVERYONE, status: 200 },
  { name: 'own profile', method: 'GET', url: () => '/admin/profile/', allowed: EVERYONE, status: 200 },
  { name: 'change own name', method: 'POST', url: () => '/admin/profile/name/', fields: () => ({ display_name: 'Renamed' }), allowed: EVERYONE, status: 303 },
  { name: 'users list', method: 'GET', url: () => '/admin/users/', allowed: ADMIN, status: 200 },
  { name: 'add user form', method: 'GET', url: () => '/admin/users/new/', allowed: ADMIN, status: 200 },
  { name: 'add user', method: 'POST', url: () => '/admin/users/new/', fields: () => ({ display_name: 'Someone', email: `someone-${Math.random()}@example.org`, role: 'author' }), allowed: ADMIN, status: 200 },
  { name: 'user page', method: 'GET', url: ({ target }) => `/admin/users/${target}/`, allowed: ADMIN, status: 200 },
  { name: 'change role', method: 'POST', url: ({ target }) => `/admin/users/${target}/role/`, fields: () => ({ role: 'editor' }), allowed: ADMIN, status: 303 },
  { name: 'disable user', method: 'POST', url: ({ target }) => `/admin/users/${target}/disable/`, allowed: ADMIN, status: 303 },
  { name: 'enable user', method: 'POST', url: ({ target }) => `/admin/users/${target}/enable/`, allowed: ADMIN, status: 303 },
  { name: 'new user link', method: 'POST', url: ({ target }) => `/admin/users/${target}/link/`, allowed: ADMIN, status: 200 },
  { name: 'settings form', method: 'GET', url: () => '/admin/settings/', allowed: ADMIN, status: 200 },
  { name: 'save settings', method: 'POST', url: () => '/admin/settings/', fields: async ({ t }) => ({ ...settingsToFormText(await loadSettings(t.deps.db)), tagline: 'Changed by the matrix' }), allowed: ADMIN, status: 303 },
  { name: 'audit log', method: 'GET', url: () => '/admin/audit/', allowed: ['administrator', 'editor'], status: 200 }
]

forEachDialect((dialect) => {
  describe('role × action matrix (accounts, users, settings, audit)', () => {
    let t: TestApp
    const sessions = new Map<Role, AdminSession>()
    before(async () => {
      t = await buildTestApp(dialect)
      for (const role of ALL_ROLES) sessions.set(role, await loginAs(t, role))
    })
    after(() => t.close())

    for (const c of CASES) {
      for (const role of ALL_ROLES) {
        const expected: Expect = c.allowed.includes(role) ? 'ok' : 'forbidden'
        it(`${role}: ${c.name} → ${expected === 'ok' ? c.status : 403}`, async () => {
          const session = sessions.get(role)!
          const target = (await createTestUser(t, { role: 'author' })).id
          const before = await t.deps.db.selectFrom('users').selectAll().where('id', '=', target).executeTakeFirstOrThrow()
          const url = c.url({ target })
          const res = c.method === 'GET' ? await adminGet(t, session, url) : await adminPost(t, session, url, c.fields ? await c.fields({ t }) : {})
          assert.equal(res.statusCode, expected === 'ok' ? c.status : 403, res.body.slice(0, 300))
          assert.equal(res.headers['cache-control'], 'private, no-store')
          if (expected === 'forbidden') {
            assert.match(res.body, /Your role does not allow this/)
            // Refused means unchanged.
            const afterwards = await t.deps.db.selectFrom('users').selectAll().where('id', '=', target).executeTakeFirstOrThrow()
            assert.deepEqual(afterwards, before)
          }
        })
      }
    }

    it('anonymous visitors are sent to the login page from every route', async () => {
      for (const c of CASES) {
        const url = c.url({ target: 1 })
        const res = c.method === 'GET' ? await adminGet(t, null, url) : await adminPost(t, null, url, {})
        assert.equal(res.statusCode, 303, `${c.name}`)
        assert.match(res.headers.location!, /^\/admin\/login\//)
      }
    })

    it('the navigation shows each role only what it can use', async () => {
      const nav = async (role: Role) => {
        const body = (await adminGet(t, sessions.get(role)!, '/admin/')).body
        return [...body.matchAll(/<nav class="admin-nav"[\s\S]*?<\/nav>/g)][0]![0]
      }
      const expected: Record<Role, string[]> = {
        administrator: ['Dashboard', 'Articles', 'New article', 'Wire', 'Comments', 'Media', 'Sections &amp; tags', 'Users', 'Settings', 'Import', 'Audit log'],
        editor: ['Dashboard', 'Articles', 'New article', 'Wire', 'Comments', 'Media', 'Sections &amp; tags', 'Audit log'],
        author: ['Dashboard', 'Articles', 'New article', 'Wire', 'Media'],
        contributor: ['Dashboard', 'Articles', 'New article']
      }
      for (const role of ALL_ROLES) {
        const labels = [...(await nav(role)).matchAll(/<a href="[^"]+"(?: aria-current="page")?>([^<]+)/g)].map((m) => m[1]!.trim())
        assert.deepEqual(labels, expected[role], role)
      }
    })
  })
})
