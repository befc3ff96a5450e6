// `lede comments …`: operator tasks on comments. Today: erase a commenter's personal data on request.
import { parseCommandArgs, usageError } from './command-args.js'
import { withCommandDeps } from './command-database.js'
import { countCommentsByEmail } from '../db/repositories/comments.repository.js'
import { ANONYMOUS_NAME, eraseCommenter } from '../services/moderation.service.js'

export const COMMENTS_USAGE = `Usage: lede comments erase --email ADDRESS [--reason TEXT] [--dry-run]

erase   Removes a commenter's personal data from every comment written with ADDRESS (any letter case):
        the name becomes "${ANONYMOUS_NAME}", and the email, website, IP address and browser string are
        cleared. The comments' text stays. Everything happens in one transaction, recorded in the audit
        log with how many comments changed (the address itself is not recorded).

Options:
  --email ADDRESS  the commenter's email address (required)
  --reason TEXT    why, for the audit log (e.g. "erasure request of 2026-11-26")
  --dry-run        only say how many comments would change
  -h, --help       show this help

Environment:
  DATABASE_URL   postgres://… to use PostgreSQL; unset for the embedded SQLite file
  DATABASE_PATH  SQLite file (default ./data/lede.db)`

/** Runs `lede comments <args>`; returns the exit code. Output goes through `out` and `err` so tests can read it. */
export async function runCommentsCommand(args: string[], io: { out: (line: string) => void, err: (line: string) => void } = { out: console.log, err: console.error }): Promise<number> {
  const parsed = parseCommandArgs('comments', COMMENTS_USAGE, args, {
    email: { type: 'string' }, reason: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' }
  }, io)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals[0] !== 'erase' || positionals.length > 1) return usageError('comments', COMMENTS_USAGE, 'expected the subcommand "erase"', io)
  const email = values.email?.trim() ?? ''
  if (email === '' || !email.includes('@')) {
    io.err('lede comments erase: give the commenter\'s address with --email name@example.com')
    return 2
  }

  return withCommandDeps(async (deps) => {
    if (values['dry-run']) {
      io.out(`${await countCommentsByEmail(deps.db, email)} comment(s) would be anonymised.`)
      return 0
    }
    const { erased } = await eraseCommenter(deps, { id: null, name: 'command line' }, email, values.reason ?? null)
    io.out(erased === 0 ? 'No comments were written with that address.' : `Anonymised ${erased} comment(s).`)
    return 0
  })
}
