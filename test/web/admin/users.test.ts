// Users management (administrators): invite with a one-time link, change role, disable, and the rule
// that the site always keeps an active administrator.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../../helper.js'
import { adminGet, adminPost, createTestUser, login, loginAs, TEST_PASSWORD } from '../../admin-helper.js'
import { FORM_HEADERS, form } from '../../helper.js'

forEachDialect((dialect) => {
  describe('users management', () => {
    it('lists every account with its role and status', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator', { displayName: 'Ani Admin' })
      await createTestUser(app, { role: 'contributor', displayName: 'Carl Contributor' })
      const page = await adminGet(app, admin, '/admin/users/')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Ani Admin<\/a> \(you\)/)
      assert.match(page.body, /Carl Contributor<\/a><\/td><td data-label="Email">[^<]+<\/td><td data-label="Role">Contributor<\/td><td data-label="Status"><span>Active<\/span>/)
    })

    it('invites a user: the one-time link is shown once, only its hash is stored, and it lets them in', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const res = await adminPost(app, admin, '/admin/users/new/', { display_name: 'Eva Editor', email: 'Eva@Example.org', role: 'editor' })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['cache-control'], 'private, no-store')
      const url = /value="(http:\/\/localhost:3000\/admin\/welcome\/[A-Za-z0-9_-]{43}\/)"/.exec(res.body)?.[1]
      assert.ok(url, 'the page shows the link')
      const user = await app.deps.db.selectFrom('users').selectAll().where('email', '=', 'eva@example.org').executeTakeFirstOrThrow()
      assert.equal(user.role, 'editor')
      assert.equal(user.password_hash, null)
      const tokens = await app.deps.db.selectFrom('user_tokens').selectAll().where('user_id', '=', user.id).execute()
      assert.equal(tokens.length, 1)
      assert.ok(!url.includes(tokens[0]!.token_hash))
      assert.equal(tokens[0]!.purpose, 'setup')
      const list = await adminGet(app, admin, '/admin/users/')
      assert.match(list.body, /Invited, no password yet/)
      assert.doesNotMatch(list.body, /welcome\//, 'the link is not shown again')
      const audit = await app.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').where('subject_id', '=', user.id).executeTakeFirstOrThrow()
      assert.equal(audit.actor_id, admin.user.id)
    })

    it('re-renders the invitation with 400 and messages, keeping what was typed, for bad input or a taken email', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator', { email: 'taken@example.org' })
      const bad = await adminPost(app, admin, '/admin/users/new/', { display_name: '', email: 'nope', role: 'overlord' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /id="display_name-error">Please fill in this field/)
      assert.match(bad.body, /id="email-error">Please enter a valid email address/)
      assert.match(bad.body, /id="role-error">Please choose one of the roles/)
      assert.match(bad.body, /value="nope"/)
      const taken = await adminPost(app, admin, '/admin/users/new/', { display_name: 'Copy', email: 'TAKEN@example.org', role: 'author' })
      assert.equal(taken.statusCode, 400)
      assert.match(taken.body, /id="email-error">Another account already uses this email address/)
      assert.match(taken.body, /value="Copy"/)
      assert.equal((await app.deps.db.selectFrom('users').selectAll().execute()).length, 1)
    })

    it('changes a role and records it in the audit log', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const author = await createTestUser(app, { role: 'author' })
      const res = await adminPost(app, admin, `/admin/users/${author.id}/role/`, { role: 'editor' })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, `/admin/users/${author.id}/?notice=roleChanged`)
      assert.equal((await app.deps.db.selectFrom('users').select('role').where('id', '=', author.id).executeTakeFirstOrThrow()).role, 'editor')
      const audit = await app.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.role_change').executeTakeFirstOrThrow()
      assert.deepEqual(JSON.parse(audit.details), { from: 'author', to: 'editor' })
      assert.equal((await adminPost(app, admin, `/admin/users/${author.id}/role/`, { role: 'king' })).statusCode, 400)
      assert.equal((await adminPost(app, admin, '/admin/users/9999/role/', { role: 'editor' })).statusCode, 404)
      assert.equal((await adminGet(app, admin, '/admin/users/abc/')).statusCode, 404)
    })

    it('disabling ends the user\'s sessions at once and stops them logging in; enabling lets them back', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const editor = await loginAs(app, 'editor')
      assert.equal((await adminGet(app, editor, '/admin/')).statusCode, 200)
      const res = await adminPost(app, admin, `/admin/users/${editor.user.id}/disable/`)
      assert.equal(res.statusCode, 303)
      assert.equal((await adminGet(app, editor, '/admin/')).statusCode, 303, 'their session ended')
      assert.equal((await app.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', editor.user.id).execute()).length, 0)
      const page = await app.app.inject('/admin/login/')
      const cookie = String(page.headers['set-cookie']).split(';')[0]!
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!
      const refused = await app.app.inject({ method: 'POST', url: '/admin/login/', headers: { ...FORM_HEADERS, cookie }, payload: form({ _csrf: csrf, email: editor.user.email, password: TEST_PASSWORD }) })
      assert.equal(refused.statusCode, 400)
      assert.match((await adminGet(app, admin, '/admin/users/')).body, /Disabled/)
      assert.equal((await adminPost(app, admin, `/admin/users/${editor.user.id}/enable/`)).statusCode, 303)
      await login(app, editor.user.email)
    })

    it('never lets the last administrator disable or demote themselves', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const demote = await adminPost(app, admin, `/admin/users/${admin.user.id}/role/`, { role: 'editor' })
      assert.equal(demote.statusCode, 409)
      assert.match(demote.body, /must keep at least one active administrator/)
      const disable = await adminPost(app, admin, `/admin/users/${admin.user.id}/disable/`)
      assert.equal(disable.statusCode, 409)
      assert.match(disable.body, /You cannot disable your own account/)
      const row = await app.deps.db.selectFrom('users').selectAll().where('id', '=', admin.user.id).executeTakeFirstOrThrow()
      assert.equal(row.role, 'administrator')
      assert.equal(row.disabled, 0)

      // With a second administrator, stepping down is fine; the second one then cannot step down.
      const second = await loginAs(app, 'administrator')
      assert.equal((await adminPost(app, admin, `/admin/users/${admin.user.id}/role/`, { role: 'editor' })).statusCode, 303)
      assert.equal((await adminPost(app, second, `/admin/users/${second.user.id}/role/`, { role: 'author' })).statusCode, 409)
      // A disabled administrator does not count as one.
      const third = await createTestUser(app, { role: 'administrator' })
      assert.equal((await adminPost(app, second, `/admin/users/${third.id}/disable/`)).statusCode, 303)
      assert.equal((await adminPost(app, second, `/admin/users/${second.user.id}/role/`, { role: 'author' })).statusCode, 409)
    })

    it('creates a fresh link that replaces the old one: a setup link before a password, a reset link after', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const invited = await adminPost(app, admin, '/admin/users/new/', { display_name: 'Ivan', email: 'ivan@example.org', role: 'author' })
      const firstLink = /\/admin\/welcome\/[A-Za-z0-9_-]{43}\//.exec(invited.body)![0]
      const user = await app.deps.db.selectFrom('users').select('id').where('email', '=', 'ivan@example.org').executeTakeFirstOrThrow()
      assert.match((await adminGet(app, admin, `/admin/users/${user.id}/`)).body, /Create a new setup link/)
      const again = await adminPost(app, admin, `/admin/users/${user.id}/link/`)
      assert.equal(again.statusCode, 200)
      const secondLink = /\/admin\/welcome\/[A-Za-z0-9_-]{43}\//.exec(again.body)![0]
      assert.notEqual(secondLink, firstLink)
      assert.equal((await app.app.inject(firstLink)).statusCode, 404, 'the old link stopped working')
      assert.equal((await app.app.inject(secondLink)).statusCode, 200)
      const withPassword = await createTestUser(app, { role: 'editor' })
      const reset = await adminPost(app, admin, `/admin/users/${withPassword.id}/link/`)
      assert.match(reset.body, /welcome\//)
      const resetPath = /\/admin\/welcome\/[A-Za-z0-9_-]{43}\//.exec(reset.body)![0]
      assert.match((await app.app.inject(resetPath)).body, /Reset your password/)
    })
  })
})
