// `lede user …`: accounts from the command line, for the first administrator on a server without a
// browser, and for the administrator who forgot their password.
import { parseCommandArgs, usageError } from './command-args.js'
import { withCommandDeps } from './command-database.js'
import { createInterface } from 'node:readline'
import { listUsers } from '../db/repositories/users.repository.js'
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH, isValidEmail, normaliseEmail, passwordProblem } from '../domain/accounts.js'
import { ROLES, isRole } from '../domain/roles.js'
import { COMMAND_LINE_ACTOR, createUser, resetPassword } from '../services/users.service.js'
import type { Deps } from '../services/deps.js'

export const USER_USAGE = `Usage: lede user <subcommand> [options]

Subcommands:
  create          Create an account
                  lede user create --email ADDRESS --name "Full Name" --role ROLE [--password … | --password-stdin]
  reset-password  Set a new password, or print a one-time reset link; ends the user's sessions
                  lede user reset-password --email ADDRESS [--password … | --password-stdin]
  list            List the accounts (email, role, status)

Options:
  --email ADDRESS     the account's email address
  --name NAME         display name, shown in bylines (create)
  --role ROLE         ${ROLES.join(', ')} (create)
  --password TEXT     the password (at least ${PASSWORD_MIN_LENGTH} characters). Visible in the process list and
                      shell history: prefer --password-stdin or the prompt
  --password-stdin    read the password from the first line of standard input
  -h, --help          show this help

Without a password option, a terminal is asked for one (leave it empty to get a link instead); otherwise
the command prints a one-time link where the person chooses their own password (valid 7 days for a new
account, 24 hours for a reset). The link uses the site URL from settings or SITE_URL.

Environment:
  DATABASE_URL   postgres://… to use PostgreSQL; unset for the embedded SQLite file
  DATABASE_PATH  SQLite file (default ./data/lede.db)
  SITE_URL       the public URL used in printed links`

export interface CommandIo {
  out(line: string): void
  err(line: string): void
  /** Reads a password: from stdin with --password-stdin, or a hidden prompt on a terminal; null if neither. */
  readPassword(mode: 'stdin' | 'prompt'): Promise<string | null>
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

/** Asks on the terminal without echoing what is typed. */
async function promptHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
  process.stdout.write(question)
  // readline echoes through _writeToOutput; silencing it hides the password as it is typed.
  ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {}
  const answer = await new Promise<string>((resolve) => rl.question('', resolve))
  rl.close()
  process.stdout.write('\n')
  return answer
}

export const PROCESS_IO: CommandIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  async readPassword(mode) {
    if (mode === 'stdin') return readStdinLine()
    if (!process.stdin.isTTY) return null
    const first = await promptHidden('Password (leave empty to print a one-time link instead): ')
    if (first === '') return ''
    const second = await promptHidden('Repeat the password: ')
    return first === second ? first : '\u0000mismatch'
  }
}

/** Runs `lede user <args>`. `deps` is for tests; the command opens the configured database otherwise. */
export async function runUserCommand(args: string[], io: CommandIo = PROCESS_IO, deps?: Deps): Promise<number> {
  const parsed = parseCommandArgs('user', USER_USAGE, args, {
    email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' },
    password: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' }
  }, io)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const sub = positionals[0]
  if (!sub || !['create', 'reset-password', 'list'].includes(sub) || positionals.length > 1) {
    return usageError('user', USER_USAGE, 'expected one of the subcommands create, reset-password, list', io)
  }

  const email = normaliseEmail(values.email ?? '')
  if (sub !== 'list' && !isValidEmail(email)) {
    io.err(`lede user ${sub}: give the account's address with --email name@example.com`)
    return 2
  }
  const name = (values.name ?? '').trim()
  if (sub === 'create') {
    if (name === '' || [...name].length > DISPLAY_NAME_MAX_LENGTH) {
      io.err(`lede user create: give the person's name with --name "Full Name" (at most ${DISPLAY_NAME_MAX_LENGTH} characters)`)
      return 2
    }
    if (!isRole(values.role)) {
      io.err(`lede user create: --role must be one of ${ROLES.join(', ')}`)
      return 2
    }
  }

  let password: string | null = null
  if (sub !== 'list') {
    if (values.password !== undefined && values['password-stdin']) {
      io.err(`lede user ${sub}: use either --password or --password-stdin, not both`)
      return 2
    }
    const given = values.password ?? (values['password-stdin'] ? await io.readPassword('stdin') : await io.readPassword('prompt'))
    if (given === '\u0000mismatch') {
      io.err(`lede user ${sub}: the two passwords did not match; nothing was changed`)
      return 1
    }
    if (given) {
      const problem = passwordProblem(given, { email })
      if (problem) {
        const why = problem === 'tooShort' ? `at least ${PASSWORD_MIN_LENGTH} characters` : problem === 'sameAsEmail' ? 'not the email address' : 'at most 1000 characters'
        io.err(`lede user ${sub}: the password must be ${why}; nothing was changed`)
        return 2
      }
      password = given
    }
  }

  const run = async (d: Deps): Promise<number> => {
    if (sub === 'list') {
      for (const u of await listUsers(d.db)) {
        io.out(`${u.email}\t${u.role}\t${u.disabled ? 'disabled' : u.hasPassword ? 'active' : 'invited'}\t${u.displayName}`)
      }
      return 0
    }
    if (sub === 'create') {
      const result = await createUser(d, { email, displayName: name, role: values.role as typeof ROLES[number], password, actor: COMMAND_LINE_ACTOR })
      if (result.kind === 'email-taken') {
        io.err(`lede user create: an account with ${email} already exists; use "lede user reset-password" to give it a new password`)
        return 1
      }
      io.out(`Created ${values.role} ${email} (id ${result.userId}).`)
      if (result.link) io.out(`One-time link to choose a password (valid until ${result.link.expiresAt}):\n${result.link.url}`)
      return 0
    }
    const result = await resetPassword(d, email, password)
    if (result.kind === 'not-found') {
      io.err(`lede user reset-password: no account with ${email}`)
      return 1
    }
    if (result.link) io.out(`One-time link to choose a new password (valid until ${result.link.expiresAt}):\n${result.link.url}`)
    else io.out(`The password of ${email} is changed; their sessions have ended.`)
    return 0
  }

  return deps ? run(deps) : withCommandDeps(run)
}
