// Logging in and out, and finding the session behind a cookie.
import {
  THROTTLE_WINDOW_MS, normaliseEmail, sessionExpiry, sessionLimits, sessionState, shouldTouchSession, throttleDecision,
  type ThrottleDecision
} from '../domain/accounts.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { currentSettings } from './site-settings.service.js'
import {
  clearAccountFailures, deleteDeadSessions, deleteOldLoginFailures, deleteSession, deleteSessionByTokenHash, insertSession,
  lockLoginAttempts, recentLoginFailures, recordLoginFailure, sessionByTokenHash, touchSession
} from '../db/repositories/accounts.repository.js'
import { updateUser, userByEmail } from '../db/repositories/users.repository.js'
import { writeAudit } from '../db/repositories/audit.repository.js'
import type { DbOrTrx } from '../db/database.js'
import type { SessionUser } from '../domain/accounts.js'
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password.service.js'
import { hashToken, randomToken } from './token.service.js'
import type { Deps } from './deps.js'

export interface ActiveSession {
  id: number
  csrfToken: string
  user: SessionUser
}

export interface ClientInfo { ip: string, userAgent: string | null }

/** The session behind a cookie token, or null when there is none, it has expired or the user is disabled. */
export async function sessionForToken(deps: Deps, token: string): Promise<ActiveSession | null> {
  const now = deps.clock()
  const row = await sessionByTokenHash(deps.db, hashToken(token))
  if (!row) return null
  if (sessionState(row, now, sessionLimits(await currentSettings(deps))) !== 'alive') {
    await deleteSession(deps.db, row.id)
    return null
  }
  if (row.disabled === 1) return null
  if (shouldTouchSession(row.lastSeenAt, now)) await touchSession(deps.db, row.id, now.toISOString())
  return {
    id: row.id,
    csrfToken: row.csrfToken,
    user: { id: row.userId, email: row.email, displayName: row.displayName, slug: row.slug, role: row.role }
  }
}

/**
 * Starts a session for a user: always a new random token (the id is rotated at every login, so a token
 * planted before login is worthless after it) and a new CSRF token. Returns the cookie token.
 */
export async function startSession(db: DbOrTrx, now: Date, userId: number, client: ClientInfo, previousToken?: string): Promise<{ token: string, expiresAt: string }> {
  if (previousToken) await deleteSessionByTokenHash(db, hashToken(previousToken))
  // Housekeeping on a rare event rather than a timer: each login sweeps sessions that can no longer be used.
  const limits = sessionLimits(await loadSettings(db))
  await deleteDeadSessions(db, now.toISOString(), new Date(now.getTime() - limits.idleMs).toISOString())
  const token = randomToken()
  const expiresAt = sessionExpiry(now, limits)
  await insertSession(db, {
    tokenHash: hashToken(token), userId, csrfToken: randomToken(), now: now.toISOString(), expiresAt,
    ip: client.ip, userAgent: client.userAgent?.slice(0, 500) ?? null
  })
  return { token, expiresAt }
}

export async function endSession(deps: Deps, token: string): Promise<void> {
  await deleteSessionByTokenHash(deps.db, hashToken(token))
}

export type LoginResult =
  | { kind: 'ok', token: string, expiresAt: string, user: SessionUser }
  | { kind: 'invalid' }
  | { kind: 'throttled', retryAfterSeconds: number }

/**
 * Lets a password guess for this account from this address through, or not, and counts it as a failure
 * before the password is checked, in the same step as the look at past failures: otherwise guesses sent
 * in parallel all pass while the slow hash runs (found in review). A success clears the account's
 * failures (clearAccountFailures) in its own transaction.
 */
export async function admitPasswordAttempt(deps: Deps, email: string, ip: string): Promise<ThrottleDecision> {
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx): Promise<ThrottleDecision> => {
    await lockLoginAttempts(trx, email, ip)
    const history = await recentLoginFailures(trx, { email, ip, since: new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString() })
    const decision = throttleDecision(history, now)
    if (!decision.allowed) return decision
    await recordLoginFailure(trx, email.slice(0, 254), ip, now.toISOString())
    await deleteOldLoginFailures(trx, new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString())
    return decision
  })
}

/**
 * Checks a login. Unknown email, disabled account, account without a password and wrong password all
 * get the same answer after the same amount of work, and all count towards throttling.
 */
export async function login(deps: Deps, input: { email: string, password: string, client: ClientInfo, previousToken?: string }): Promise<LoginResult> {
  const email = normaliseEmail(input.email)
  const throttle = await admitPasswordAttempt(deps, email, input.client.ip)
  if (!throttle.allowed) return { kind: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds }

  const user = email ? await userByEmail(deps.db, email) : undefined
  const ok = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstDummy(input.password)
  const now = deps.clock()
  if (!ok || !user || user.disabled === 1) return { kind: 'invalid' }

  const rehashed = needsRehash(user.password_hash!) ? await hashPassword(input.password) : null
  const session = await deps.db.transaction().execute(async (trx) => {
    await clearAccountFailures(trx, email)
    if (rehashed) await updateUser(trx, user.id, { password_hash: rehashed })
    const started = await startSession(trx, now, user.id, input.client, input.previousToken)
    await writeAudit(trx, {
      actor: { id: user.id, name: user.display_name }, action: 'user.login', subjectType: 'user', subjectId: user.id,
      details: { ip: input.client.ip }, at: now
    })
    return started
  })
  return {
    kind: 'ok', ...session,
    user: { id: user.id, email: user.email, displayName: user.display_name, slug: user.slug, role: user.role }
  }
}
