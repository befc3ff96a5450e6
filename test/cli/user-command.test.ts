import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { login, TEST_PASSWORD } from '../admin-helper.js'
import { runUserCommand, USER_USAGE, type CommandIo } from '../../src/cli/user.command.js'
import { main } from '../../src/cli/main.js'

function io(password: string | null = null) {
  const out: string[] = []
  const err: string[] = []
  const value: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), readPassword: async () => password }
  return { io: value, out, err }
}

forEachDialect((dialect) => {
  describe('lede user', () => {
    it('creates an account with a password, which can then log in', async (t) => {
      const app = await build(t, dialect)
      const run = io()
      const code = await runUserCommand(['create', '--email', 'Chief@Example.org', '--name', 'Chief Editor', '--role', 'administrator', '--password', TEST_PASSWORD], run.io, app.deps)
      assert.equal(code, 0, run.err.join('\n'))
      assert.match(run.out.join('\n'), /Created administrator chief@example.org/)
      await login(app, 'chief@example.org')
      const audit = await app.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').executeTakeFirstOrThrow()
      assert.equal(audit.actor_name, 'command line')
      assert.equal(audit.actor_id, null)
    })

    it('prints a one-time setup link when no password is given', async (t) => {
      const app = await build(t, dialect)
      const run = io(null)
      assert.equal(await runUserCommand(['create', '--email', 'new@example.org', '--name', 'New Person', '--role', 'author'], run.io, app.deps), 0)
      const link = /http:\/\/localhost:3000(\/admin\/welcome\/[A-Za-z0-9_-]{43}\/)/.exec(run.out.join('\n'))
      assert.ok(link, run.out.join('\n'))
      assert.equal((await app.app.inject(link[1]!)).statusCode, 200)
    })

    it('reads the password from stdin or the prompt when asked', async (t) => {
      const app = await build(t, dialect)
      const run = io(TEST_PASSWORD)
      assert.equal(await runUserCommand(['create', '--email', 'piped@example.org', '--name', 'Piped', '--role', 'editor', '--password-stdin'], run.io, app.deps), 0)
      await login(app, 'piped@example.org')
    })

    it('refuses bad input with exit code 2 and a message, changing nothing', async (t) => {
      const app = await build(t, dialect)
      for (const args of [
        ['create', '--email', 'nope', '--name', 'X', '--role', 'author'],
        ['create', '--email', 'x@example.org', '--name', '', '--role', 'author'],
        ['create', '--email', 'x@example.org', '--name', 'X', '--role', 'overlord'],
        ['create', '--email', 'x@example.org', '--name', 'X', '--role', 'author', '--password', 'short'],
        ['create', '--email', 'x@example.org', '--name', 'X', '--role', 'author', '--bogus'],
        ['explode']
      ]) {
        const run = io()
        assert.equal(await runUserCommand(args, run.io, app.deps), 2, args.join(' '))
        assert.ok(run.err.length > 0)
      }
      assert.equal((await app.deps.db.selectFrom('users').selectAll().execute()).length, 0)
      const dup = io()
      await runUserCommand(['create', '--email', 'x@example.org', '--name', 'X', '--role', 'author', '--password', TEST_PASSWORD], dup.io, app.deps)
      assert.equal(await runUserCommand(['create', '--email', 'X@example.org', '--name', 'X', '--role', 'author', '--password', TEST_PASSWORD], dup.io, app.deps), 1)
      assert.match(dup.err.join('\n'), /already exists/)
    })

    it('resets a password, ending the account\'s sessions, or prints a reset link', async (t) => {
      const app = await build(t, dialect)
      await runUserCommand(['create', '--email', 'ed@example.org', '--name', 'Ed', '--role', 'editor', '--password', TEST_PASSWORD], io().io, app.deps)
      const before = await login(app, 'ed@example.org')
      const run = io()
      assert.equal(await runUserCommand(['reset-password', '--email', 'ED@example.org', '--password', 'another long passphrase'], run.io, app.deps), 0)
      assert.equal((await app.app.inject({ url: '/admin/', headers: { cookie: before.cookie } })).statusCode, 303)
      await login(app, 'ed@example.org', 'another long passphrase')

      const linkRun = io(null)
      assert.equal(await runUserCommand(['reset-password', '--email', 'ed@example.org'], linkRun.io, app.deps), 0)
      const path = /\/admin\/welcome\/[A-Za-z0-9_-]{43}\//.exec(linkRun.out.join('\n'))![0]
      assert.match((await app.app.inject(path)).body, /Reset your password/)

      const missing = io()
      assert.equal(await runUserCommand(['reset-password', '--email', 'ghost@example.org', '--password', TEST_PASSWORD], missing.io, app.deps), 1)
      assert.match(missing.err.join('\n'), /no account with ghost@example.org/)
    })

    it('lists accounts', async (t) => {
      const app = await build(t, dialect)
      await runUserCommand(['create', '--email', 'a@example.org', '--name', 'A', '--role', 'author'], io(null).io, app.deps)
      const run = io()
      assert.equal(await runUserCommand(['list'], run.io, app.deps), 0)
      assert.deepEqual(run.out, ['a@example.org\tauthor\tinvited\tA'])
    })
  })
})

describe('lede user --help', () => {
  it('is listed in the main help and explains every subcommand', async () => {
    const lines: string[] = []
    const original = console.log
    console.log = (line: string) => { lines.push(line) }
    try {
      assert.equal(await main(['--help']), 0)
      assert.equal(await main(['user', 'create', '--help']), 0)
    } finally {
      console.log = original
    }
    assert.match(lines[0]!, /user\s+Create accounts, reset passwords/)
    assert.equal(lines[1], USER_USAGE)
    for (const sub of ['create', 'reset-password', 'list', '--password-stdin']) assert.ok(USER_USAGE.includes(sub))
  })
})
