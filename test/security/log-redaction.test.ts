// One-time links (invitations, password resets) carry their token in the path: request logging at the
// default level must not write it.
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildApp } from '../../src/app.js'
import { openTestDatabase, fixedClock, DEMO_NOW, forEachDialect } from '../helper.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { inProcessBus } from '../../src/events/bus.js'
import { redactUrl } from '../../src/plugins/log-redaction.js'
import { createUser, COMMAND_LINE_ACTOR, userLinkPath } from '../../src/services/users.service.js'

describe('redactUrl', () => {
  it('hides the token of a one-time link and leaves other URLs alone', () => {
    assert.equal(redactUrl('/admin/welcome/AbC-123_xyz/'), '/admin/welcome/[redacted]/')
    assert.equal(redactUrl('/admin/welcome/AbC-123_xyz'), '/admin/welcome/[redacted]')
    assert.equal(redactUrl('/admin/welcome/AbC?x=1'), '/admin/welcome/[redacted]?x=1')
    assert.equal(redactUrl('/search?q=welcome'), '/search?q=welcome')
    assert.equal(redactUrl('/admin/users/'), '/admin/users/')
  })
})

forEachDialect((dialect) => {
  describe(`request logging (${dialect.name})`, () => {
    it('writes no invitation token at the default level', async (tc) => {
      const database = await openTestDatabase(dialect.name)
      const lines: string[] = []
      const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done() } })
      const deps = { db: database.db, dialect: database.dialect, clock: fixedClock(DEMO_NOW), events: inProcessBus(), siteUrlOverride: null }
      await migrateToLatest(deps.db)
      const app = await buildApp({ deps, logger: { level: 'info', stream } })
      tc.after(async () => { await app.close(); await database.close(); await database.dropSchema() })
      const created = await createUser(deps, { email: 'new@example.org', displayName: 'New Editor', role: 'editor', actor: COMMAND_LINE_ACTOR })
      assert.ok(created.kind === 'created' && created.link !== null, 'an invitation link')
      const token = created.link.token
      const link = userLinkPath(token)
      assert.equal((await app.inject(link)).statusCode, 200)
      await app.inject({ method: 'POST', url: link, payload: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      const log = lines.join('')
      assert.match(log, /\/admin\/welcome\/\[redacted\]\//)
      assert.ok(!log.includes(token), 'the token is not in the log')
    })
  })
})
