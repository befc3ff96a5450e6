// Accounts over HTTP: first-run setup, login and logout, throttling, sessions, CSRF, cookies, one-time links.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, form, FORM_HEADERS, type TestApp } from '../../helper.js'
import { adminGet, adminPost, cookiesFrom, createTestUser, csrfFrom, login, loginAs, TEST_PASSWORD } from '../../admin-helper.js'
import { ACCOUNT_FREE_FAILURES, IP_MAX_FAILURES, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../src/domain/accounts.js'
import { loadSettings, saveSettings } from '../../../src/db/repositories/settings.repository.js'
import { COMMAND_LINE_ACTOR, createUser } from '../../../src/services/users.service.js'
import { currentArgon2Options, PRODUCTION_ARGON2_OPTIONS, useArgon2OptionsForTest } from '../../../src/services/password.service.js'

const HOUR = 60 * 60 * 1000

/** GETs a public admin form and returns what posting it needs: the form cookie and its token. */
async function openForm(t: TestApp, url: string, cookie = '') {
  const page = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })
  assert.equal(page.statusCode, 200, `${url}: ${page.statusCode}`)
  return { cookie: cookiesFrom(page, cookie), csrf: csrfFrom(page.body), page }
}

async function postLogin(t: TestApp, email: string, password: string, extra: { ip?: string, cookie?: string } = {}) {
  const opened = await openForm(t, '/admin/login/', extra.cookie ?? '')
  return t.app.inject({
    method: 'POST', url: '/admin/login/', remoteAddress: extra.ip ?? '127.0.0.1',
    headers: { ...FORM_HEADERS, cookie: opened.cookie }, payload: form({ _csrf: opened.csrf, email, password })
  })
}

const SETUP = { site_name: 'Yerevan Daily', display_name: 'Ani Admin', email: 'Ani@Example.org', password: TEST_PASSWORD, password_confirm: TEST_PASSWORD }

forEachDialect((dialect) => {
  describe('first-run setup', () => {
    it('leads an empty site from /admin/ to setup, creates the administrator, and then refuses to run again', async (t) => {
      const app = await build(t, dialect)
      const admin = await app.app.inject('/admin/')
      assert.equal(admin.statusCode, 303)
      assert.equal(admin.headers.location, '/admin/setup/')
      assert.equal((await app.app.inject('/admin/login/')).headers.location, '/admin/setup/')

      const opened = await openForm(app, '/admin/setup/')
      assert.match(opened.page.body, /Welcome to Lede/)
      const done = await app.app.inject({ method: 'POST', url: '/admin/setup/', headers: { ...FORM_HEADERS, cookie: opened.cookie }, payload: form({ ...SETUP, _csrf: opened.csrf }) })
      assert.equal(done.statusCode, 303)
      assert.equal(done.headers.location, '/admin/?notice=welcome')
      const cookie = cookiesFrom(done).split('; ').filter((c) => c.startsWith('lede_session=')).join('')
      const dashboard = await app.app.inject({ url: '/admin/?notice=welcome', headers: { cookie } })
      assert.equal(dashboard.statusCode, 200)
      assert.match(dashboard.body, /Your site is ready/)
      assert.match(dashboard.body, /Ani Admin/)

      const users = await app.deps.db.selectFrom('users').selectAll().execute()
      assert.equal(users.length, 1)
      assert.equal(users[0]!.email, 'ani@example.org')
      assert.equal(users[0]!.role, 'administrator')
      // argon2id with the parameters this process uses (the suite's small ones: see argon2Options).
      const argon2 = currentArgon2Options()
      assert.ok(users[0]!.password_hash!.startsWith(`$argon2id$v=19$m=${argon2.memoryCost},t=${argon2.timeCost},p=${argon2.parallelism}$`))
      assert.equal((await loadSettings(app.deps.db)).siteName, 'Yerevan Daily')
      const audit = await app.deps.db.selectFrom('audit_log').select('action').orderBy('id').execute()
      assert.deepEqual(audit.map((a) => a.action).slice(0, 2), ['setup.complete', 'user.create'])

      assert.equal((await app.app.inject('/admin/setup/')).headers.location, '/admin/')
      const again = await app.app.inject({ method: 'POST', url: '/admin/setup/', headers: { ...FORM_HEADERS, cookie: opened.cookie }, payload: form({ ...SETUP, email: 'mallory@example.org', _csrf: opened.csrf }) })
      assert.equal(again.statusCode, 403)
      assert.match(again.body, /already set up/)
      assert.equal((await app.deps.db.selectFrom('users').selectAll().execute()).length, 1)
    })

    it('re-renders setup with 400, a message next to each wrong field and what was typed, and saves nothing', async (t) => {
      const app = await build(t, dialect)
      const opened = await openForm(app, '/admin/setup/')
      const res = await app.app.inject({
        method: 'POST', url: '/admin/setup/', headers: { ...FORM_HEADERS, cookie: opened.cookie },
        payload: form({ _csrf: opened.csrf, site_name: '', display_name: 'Ani <b>Admin</b>', email: 'not-an-email', password: 'short', password_confirm: 'short' })
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /<p class="field-error" id="site_name-error">Please fill in this field\.<\/p>/)
      assert.match(res.body, /<p class="field-error" id="email-error">Please enter a valid email address/)
      assert.match(res.body, /<p class="field-error" id="password-error">Please use at least 12 characters/)
      assert.match(res.body, /value="Ani &lt;b>Admin&lt;\/b>"/)
      assert.match(res.body, /value="not-an-email"/)
      assert.doesNotMatch(res.body, /value="short"/, 'a password is never sent back')
      assert.equal((await app.deps.db.selectFrom('users').selectAll().execute()).length, 0)

      const mismatch = await app.app.inject({
        method: 'POST', url: '/admin/setup/', headers: { ...FORM_HEADERS, cookie: opened.cookie },
        payload: form({ ...SETUP, _csrf: opened.csrf, password_confirm: 'something else entirely' })
      })
      assert.equal(mismatch.statusCode, 400)
      assert.match(mismatch.body, /id="password_confirm-error">The two passwords do not match/)
    })

    it('refuses a setup form posted without the form token', async (t) => {
      const app = await build(t, dialect)
      const res = await app.app.inject({ method: 'POST', url: '/admin/setup/', headers: FORM_HEADERS, payload: form(SETUP) })
      assert.equal(res.statusCode, 403)
      assert.equal((await app.deps.db.selectFrom('users').selectAll().execute()).length, 0)
    })
  })

  describe('login and logout', () => {
    it('sends anonymous visitors to the login page, remembering where they were going', async (t) => {
      const app = await build(t, dialect)
      await createTestUser(app, { role: 'editor' })
      const res = await app.app.inject('/admin/users/?x=1')
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/login/?next=%2Fadmin%2Fusers%2F%3Fx%3D1')
      assert.equal(res.headers['cache-control'], 'private, no-store')
      const page = await app.app.inject(res.headers.location!)
      assert.match(page.body, /name="next" value="\/admin\/users\/\?x=1"/)
    })

    it('logs in with the right password, goes to the page asked for, and logs out for good', async (t) => {
      const app = await build(t, dialect)
      const user = await createTestUser(app, { role: 'author', email: 'author@example.org' })
      const opened = await openForm(app, '/admin/login/?next=%2Fadmin%2Fprofile%2F')
      const res = await app.app.inject({
        method: 'POST', url: '/admin/login/', headers: { ...FORM_HEADERS, cookie: opened.cookie },
        payload: form({ _csrf: opened.csrf, email: ' Author@Example.org ', password: TEST_PASSWORD, next: '/admin/profile/' })
      })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/profile/')
      const session = { cookie: cookiesFrom(res).split('; ').find((c) => c.startsWith('lede_session='))! }
      const profile = await adminGet(app, session, '/admin/profile/')
      assert.equal(profile.statusCode, 200)
      assert.match(profile.body, new RegExp(user.displayName))
      assert.equal(profile.headers['cache-control'], 'private, no-store')

      const out = await adminPost(app, { ...session, csrf: csrfFrom(profile.body) }, '/admin/logout/')
      assert.equal(out.statusCode, 303)
      assert.equal(out.headers.location, '/admin/login/?notice=loggedOut')
      assert.match(String(out.headers['set-cookie']), /lede_session=;/)
      // The server forgot the session: the old cookie no longer opens anything.
      assert.equal((await adminGet(app, session, '/admin/profile/')).statusCode, 303)
      assert.equal(await app.deps.db.selectFrom('sessions').selectAll().execute().then((r) => r.length), 0)
      assert.match((await app.app.inject('/admin/login/?notice=loggedOut')).body, /You have logged out/)
    })

    it('answers a wrong password and an unknown email with the same page, status and message', async (t) => {
      const app = await build(t, dialect)
      await createTestUser(app, { role: 'editor', email: 'known@example.org' })
      const wrong = await postLogin(app, 'known@example.org', 'not the password at all')
      const unknown = await postLogin(app, 'nobody@example.org', 'not the password at all')
      assert.equal(wrong.statusCode, 400)
      assert.equal(unknown.statusCode, 400)
      const normalise = (body: string) => body.replace(/known@example\.org|nobody@example\.org/g, 'EMAIL').replace(/name="_csrf" value="[^"]+"/, '')
      assert.equal(normalise(wrong.body), normalise(unknown.body))
      assert.match(wrong.body, /The email address or password is wrong\./)
      assert.doesNotMatch(String(wrong.headers['set-cookie'] ?? ''), /lede_session/)
    })

    it('takes about as long for an unknown email as for a wrong password, since a dummy hash is verified', async (t) => {
      // The suite hashes cheaply (argon2Options); timing only means something at the production cost.
      t.after(useArgon2OptionsForTest(PRODUCTION_ARGON2_OPTIONS))
      const app = await build(t, dialect)
      await createTestUser(app, { role: 'editor', email: 'known@example.org' })
      // The CPU this process spends on the request (argon2 runs on libuv's threads, which process.cpuUsage
      // counts), not the time it takes: other processes on a busy machine stretch the time of some requests
      // fivefold (least of five once read 105 ms against 22 ms during a CI run), but not their CPU.
      const time = async (email: string, ip: string) => {
        const started = process.cpuUsage()
        await postLogin(app, email, 'not the password at all', { ip })
        const used = process.cpuUsage(started)
        return (used.user + used.system) / 1e3
      }
      const known: number[] = []
      const unknown: number[] = []
      for (let i = 0; i < 5; i++) {
        known.push(await time('known@example.org', `10.0.0.${i}`))
        unknown.push(await time(`nobody${i}@example.org`, `10.0.1.${i}`))
      }
      // The least of several: the first unknown email also makes the dummy hash.
      const least = (xs: number[]) => Math.min(...xs)
      const ratio = least(unknown) / least(known)
      // Without the dummy hash the ratio is about 0.2 (the request's own work, throttling rows included), with it about 1.
      assert.ok(ratio > 0.5 && ratio < 2, `unknown/known CPU ratio ${ratio.toFixed(2)} (${least(unknown).toFixed(1)} ms vs ${least(known).toFixed(1)} ms; all: ${unknown.map((x) => x.toFixed(0))} vs ${known.map((x) => x.toFixed(0))})`)
    })

    it('refuses a disabled account with the same message as a wrong password', async (t) => {
      const app = await build(t, dialect)
      const user = await createTestUser(app, { role: 'editor', email: 'gone@example.org' })
      await app.deps.db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute()
      const res = await postLogin(app, 'gone@example.org', TEST_PASSWORD)
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /The email address or password is wrong\./)
    })

    it('rotates the session at login: a new token each time, and the one presented before stops working', async (t) => {
      const app = await build(t, dialect)
      const user = await createTestUser(app, { role: 'editor' })
      const first = await login(app, user.email)
      // A signed-in user who opens /admin/login/ is sent on; the form (from another tab) still posts.
      assert.equal((await app.app.inject({ url: '/admin/login/', headers: { cookie: first.cookie } })).statusCode, 303)
      const opened = await openForm(app, '/admin/login/')
      const res = await app.app.inject({
        method: 'POST', url: '/admin/login/', headers: { ...FORM_HEADERS, cookie: `${opened.cookie}; ${first.cookie}` },
        payload: form({ _csrf: opened.csrf, email: user.email, password: TEST_PASSWORD })
      })
      assert.equal(res.statusCode, 303)
      const second = cookiesFrom(res).split('; ').find((c) => c.startsWith('lede_session='))!
      assert.notEqual(second, first.cookie)
      assert.equal((await adminGet(app, { cookie: first.cookie }, '/admin/')).statusCode, 303, 'old session is gone')
      assert.equal((await adminGet(app, { cookie: second }, '/admin/')).statusCode, 200)
      // A token someone planted before login is never adopted: the stored hash is of the new token only.
      const rows = await app.deps.db.selectFrom('sessions').select('token_hash').execute()
      assert.equal(rows.length, 1)
      assert.equal(rows[0]!.token_hash.length, 64)
    })

    it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, a Max-Age rather than a date, and Secure only when the site is https', async (t) => {
      const app = await build(t, dialect)
      const user = await createTestUser(app, { role: 'editor' })
      const plain = String((await postLogin(app, user.email, TEST_PASSWORD)).headers['set-cookie'])
      // Max-Age, never Expires: the lifetime counts from the browser's clock, whatever the server's reads.
      assert.match(plain, /lede_session=[A-Za-z0-9_-]{43}; Max-Age=(\d+); Path=\/; HttpOnly; SameSite=Lax/)
      assert.equal(Number(/Max-Age=(\d+)/.exec(plain)![1]) * 1000, SESSION_ABSOLUTE_MS)
      assert.doesNotMatch(plain, /Expires=|Secure/)

      await saveSettings(app.deps.db, { siteUrl: 'https://news.example.org' })
      const stored = String((await postLogin(app, user.email, TEST_PASSWORD)).headers['set-cookie'])
      assert.match(stored, /__Host-lede_session=[^;]+; Max-Age=\d+; Path=\/;.*; Secure/)

      await saveSettings(app.deps.db, { siteUrl: 'http://localhost:3000' })
      app.deps.siteUrlOverride = 'https://news.example.org'
      const overridden = await postLogin(app, user.email, TEST_PASSWORD)
      assert.match(String(overridden.headers['set-cookie']), /__Host-lede_session=[^;]+;.*; Secure/)
    })

    it('over https, signs in with the __Host- cookie only: a plain one (which a subdomain could plant) is ignored', async (t) => {
      const app = await build(t, dialect, { siteUrl: 'https://news.example.org' })
      const user = await createTestUser(app, { role: 'editor' })
      const res = await postLogin(app, user.email, TEST_PASSWORD)
      const secure = cookiesFrom(res).split('; ').find((c) => c.startsWith('__Host-lede_session='))!
      assert.ok(secure, 'a __Host- session cookie')
      assert.equal((await app.app.inject({ url: '/admin/', headers: { cookie: secure } })).statusCode, 200)
      const plain = secure.replace('__Host-lede_session=', 'lede_session=')
      assert.equal((await app.app.inject({ url: '/admin/', headers: { cookie: plain } })).statusCode, 303)
    })
  })

  describe('login throttling', () => {
    it('slows down repeated failures on one account, answers 429 with Retry-After, and gives no hint the email exists', async (t) => {
      const app = await build(t, dialect)
      await createTestUser(app, { role: 'editor', email: 'target@example.org' })
      for (const email of ['target@example.org', 'ghost@example.org']) {
        for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) {
          assert.equal((await postLogin(app, email, `wrong guess ${i}`)).statusCode, 400)
        }
        const throttled = await postLogin(app, email, TEST_PASSWORD)
        assert.equal(throttled.statusCode, 429, email)
        assert.equal(throttled.headers['retry-after'], '2')
        assert.match(throttled.body, /Too many failed attempts\. Please wait 2 seconds/)
      }
      // Even the right password waits: throttling is decided before the password is checked.
      app.clock.advance(2000)
      assert.equal((await postLogin(app, 'target@example.org', 'still wrong')).statusCode, 400)
      const longer = await postLogin(app, 'target@example.org', TEST_PASSWORD)
      assert.equal(longer.statusCode, 429)
      assert.equal(longer.headers['retry-after'], '4')
      app.clock.advance(4000)
      assert.equal((await postLogin(app, 'target@example.org', TEST_PASSWORD)).statusCode, 303)
      // Success clears the account's failures.
      assert.equal((await postLogin(app, 'target@example.org', 'a new typo here')).statusCode, 400)
    })

    it('counts guesses sent in parallel: only the free ones reach the password check', async (t) => {
      const app = await build(t, dialect)
      await createTestUser(app, { role: 'editor', email: 'target@example.org' })
      const forms = await Promise.all(Array.from({ length: 20 }, () => openForm(app, '/admin/login/')))
      const answers = await Promise.all(forms.map((opened, i) => app.app.inject({
        method: 'POST', url: '/admin/login/', remoteAddress: '127.0.0.1',
        headers: { ...FORM_HEADERS, cookie: opened.cookie }, payload: form({ _csrf: opened.csrf, email: 'target@example.org', password: `parallel guess ${i}` })
      })))
      const statuses = answers.map((r) => r.statusCode).sort()
      assert.deepEqual(statuses, [...Array(ACCOUNT_FREE_FAILURES).fill(400), ...Array(20 - ACCOUNT_FREE_FAILURES).fill(429)])
    })

    it('refuses an IP that fails across many accounts, and the state lives in the database', async (t) => {
      const app = await build(t, dialect)
      const user = await createTestUser(app, { role: 'editor' })
      for (let i = 0; i < IP_MAX_FAILURES; i++) {
        assert.equal((await postLogin(app, `guess${i}@example.org`, 'password123456', { ip: '203.0.113.9' })).statusCode, 400)
      }
      const refused = await postLogin(app, user.email, TEST_PASSWORD, { ip: '203.0.113.9' })
      assert.equal(refused.statusCode, 429)
      assert.equal(refused.headers['retry-after'], String(15 * 60))
      assert.match(refused.body, /Please wait 15 minutes/)
      // Another IP is not affected.
      assert.equal((await postLogin(app, user.email, TEST_PASSWORD, { ip: '198.51.100.7' })).statusCode, 303)
      const rows = await app.deps.db.selectFrom('login_failures').selectAll().where('ip', '=', '203.0.113.9').execute()
      assert.equal(rows.length, IP_MAX_FAILURES)
      app.clock.advance(15 * 60 * 1000)
      assert.equal((await postLogin(app, user.email, TEST_PASSWORD, { ip: '203.0.113.9' })).statusCode, 303)
    })
  })

  describe('session expiry', () => {
    it('follows the session settings: idle and absolute limits in hours, for sessions already open too', async (t) => {
      const app = await build(t, dialect)
      const session = await loginAs(app, 'editor')
      await saveSettings(app.deps.db, { sessionIdleHours: 1 })
      app.clock.advance(HOUR - 60_000)
      assert.equal((await adminGet(app, session, '/admin/')).statusCode, 200)
      app.clock.advance(HOUR)
      assert.equal((await adminGet(app, session, '/admin/')).statusCode, 303, 'an hour idle')

      await saveSettings(app.deps.db, { sessionIdleHours: 2, sessionAbsoluteHours: 3 })
      const busy = await loginAs(app, 'editor')
      app.clock.advance(90 * 60_000)
      assert.equal((await adminGet(app, busy, '/admin/')).statusCode, 200)
      app.clock.advance(90 * 60_000)
      assert.equal((await adminGet(app, busy, '/admin/')).statusCode, 303, 'three hours after login')
    })

    it('ends a session left idle for the idle limit, and keeps one in use alive', async (t) => {
      const app = await build(t, dialect)
      const session = await loginAs(app, 'editor')
      app.clock.advance(SESSION_IDLE_MS - 60_000)
      assert.equal((await adminGet(app, session, '/admin/')).statusCode, 200, 'just within the idle limit')
      app.clock.advance(SESSION_IDLE_MS - 60_000)
      assert.equal((await adminGet(app, session, '/admin/')).statusCode, 200, 'the last request restarted the idle clock')
      app.clock.advance(SESSION_IDLE_MS)
      const expired = await adminGet(app, session, '/admin/')
      assert.equal(expired.statusCode, 303)
      assert.equal(expired.headers.location, '/admin/login/')
      assert.equal((await app.deps.db.selectFrom('sessions').selectAll().execute()).length, 0, 'the dead session is deleted')
    })

    it('ends even a busy session at its absolute expiry', async (t) => {
      const app = await build(t, dialect)
      const session = await loginAs(app, 'editor')
      let elapsed = 0
      while (elapsed + HOUR < SESSION_ABSOLUTE_MS) {
        app.clock.advance(HOUR)
        elapsed += HOUR
        assert.equal((await adminGet(app, session, '/admin/')).statusCode, 200, `after ${elapsed / HOUR} h`)
      }
      app.clock.advance(SESSION_ABSOLUTE_MS - elapsed)
      assert.equal((await adminGet(app, session, '/admin/')).statusCode, 303)
    })

    it('writes last seen at most once a minute', async (t) => {
      const app = await build(t, dialect)
      const session = await loginAs(app, 'editor')
      const lastSeen = async () => (await app.deps.db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at
      const start = await lastSeen()
      app.clock.advance(59_000)
      await adminGet(app, session, '/admin/')
      assert.equal(await lastSeen(), start)
      app.clock.advance(1_000)
      await adminGet(app, session, '/admin/')
      assert.equal(await lastSeen(), app.clock().toISOString())
    })
  })

  describe('CSRF protection', () => {
    it('refuses an admin POST without the token or with a wrong one, changing nothing', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      for (const token of [undefined, 'wrong', admin.csrf.slice(0, -1) + (admin.csrf.endsWith('A') ? 'B' : 'A')]) {
        const res = await app.app.inject({
          method: 'POST', url: '/admin/profile/name/', headers: { ...FORM_HEADERS, cookie: admin.cookie },
          payload: form({ ...(token === undefined ? {} : { _csrf: token }), display_name: 'Hijacked' })
        })
        assert.equal(res.statusCode, 403, String(token))
        assert.match(res.body, /This form has expired or did not come from this site/)
        assert.equal(res.headers['cache-control'], 'private, no-store')
      }
      const logout = await app.app.inject({ method: 'POST', url: '/admin/logout/', headers: { ...FORM_HEADERS, cookie: admin.cookie }, payload: form({}) })
      assert.equal(logout.statusCode, 403)
      const name = await app.deps.db.selectFrom('users').select('display_name').where('id', '=', admin.user.id).executeTakeFirstOrThrow()
      assert.equal(name.display_name, admin.user.displayName)
      // Another session's token is not this session's token.
      const other = await loginAs(app, 'administrator')
      const crossed = await adminPost(app, { cookie: admin.cookie, csrf: other.csrf }, '/admin/profile/name/', { display_name: 'Hijacked' })
      assert.equal(crossed.statusCode, 403)
      // The header works for scripts.
      const viaHeader = await app.app.inject({
        method: 'POST', url: '/admin/profile/name/', headers: { ...FORM_HEADERS, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        payload: form({ display_name: 'Renamed' })
      })
      assert.equal(viaHeader.statusCode, 303)
    })

    it('refuses a login form posted without its form cookie', async (t) => {
      const app = await build(t, dialect)
      const user = await createTestUser(app, { role: 'editor' })
      const opened = await openForm(app, '/admin/login/')
      const res = await app.app.inject({ method: 'POST', url: '/admin/login/', headers: FORM_HEADERS, payload: form({ _csrf: opened.csrf, email: user.email, password: TEST_PASSWORD }) })
      assert.equal(res.statusCode, 403)
    })
  })

  describe('one-time links', () => {
    it('lets an invited person choose a password once, signs them in, and then the link is dead', async (t) => {
      const app = await build(t, dialect)
      const created = await createUser(app.deps, { email: 'new@example.org', displayName: 'Nina New', role: 'author', actor: COMMAND_LINE_ACTOR })
      assert.equal(created.kind, 'created')
      const link = new URL((created as { link: { url: string } }).link.url)
      assert.equal(link.origin, 'http://localhost:3000')
      const opened = await openForm(app, link.pathname)
      assert.match(opened.page.body, /Hello, Nina New/)
      const short = await app.app.inject({ method: 'POST', url: link.pathname, headers: { ...FORM_HEADERS, cookie: opened.cookie }, payload: form({ _csrf: opened.csrf, password: 'short', password_confirm: 'short' }) })
      assert.equal(short.statusCode, 400)
      const res = await app.app.inject({ method: 'POST', url: link.pathname, headers: { ...FORM_HEADERS, cookie: opened.cookie }, payload: form({ _csrf: opened.csrf, password: TEST_PASSWORD, password_confirm: TEST_PASSWORD }) })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/?notice=passwordSet')
      const cookie = cookiesFrom(res).split('; ').find((c) => c.startsWith('lede_session='))!
      assert.equal((await adminGet(app, { cookie }, '/admin/')).statusCode, 200)
      assert.equal((await app.app.inject(link.pathname)).statusCode, 404)
      await login(app, 'new@example.org')
      // Only the hash of the link is stored.
      const stored = await app.deps.db.selectFrom('user_tokens').select('token_hash').execute()
      assert.ok(stored.every((r) => !link.pathname.includes(r.token_hash)))
    })

    it('expires an invitation after a week', async (t) => {
      const app = await build(t, dialect)
      const created = await createUser(app.deps, { email: 'late@example.org', displayName: 'Late', role: 'author', actor: COMMAND_LINE_ACTOR })
      const path = new URL((created as { link: { url: string } }).link.url).pathname
      app.clock.advance(7 * 24 * HOUR - 1000)
      assert.equal((await app.app.inject(path)).statusCode, 200)
      app.clock.advance(1000)
      const expired = await app.app.inject(path)
      assert.equal(expired.statusCode, 404)
      assert.match(expired.body, /expired or has already been used/)
    })
  })
})
