// Sessions, login failures and one-time links. Tokens arrive here already hashed.
import { sql } from 'kysely'
import type { DbOrTrx } from '../database.js'
import { isPostgres } from '../engine.js'
import type { Role } from '../tables/users.table.js'
import type { UserTokenPurpose } from '../tables/accounts.table.js'

export interface SessionWithUser {
  id: number
  userId: number
  csrfToken: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  email: string
  displayName: string
  slug: string
  role: Role
  disabled: number
}

export async function insertSession(db: DbOrTrx, values: {
  tokenHash: string, userId: number, csrfToken: string, now: string, expiresAt: string, ip: string | null, userAgent: string | null
}): Promise<number> {
  const row = await db.insertInto('sessions').values({
    token_hash: values.tokenHash,
    user_id: values.userId,
    csrf_token: values.csrfToken,
    created_at: values.now,
    last_seen_at: values.now,
    expires_at: values.expiresAt,
    ip: values.ip,
    user_agent: values.userAgent
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function sessionByTokenHash(db: DbOrTrx, tokenHash: string): Promise<SessionWithUser | undefined> {
  return db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as id', 'sessions.user_id as userId', 'sessions.csrf_token as csrfToken',
      'sessions.created_at as createdAt', 'sessions.last_seen_at as lastSeenAt', 'sessions.expires_at as expiresAt',
      'users.email as email', 'users.display_name as displayName', 'users.slug as slug', 'users.role as role',
      'users.disabled as disabled'
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function touchSession(db: DbOrTrx, id: number, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute()
}

export async function deleteSession(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

export async function deleteSessionByTokenHash(db: DbOrTrx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
}

/** Ends every session of a user, optionally keeping one (the one changing its own password). */
export async function deleteUserSessions(db: DbOrTrx, userId: number, exceptSessionId?: number): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptSessionId !== undefined) q = q.where('id', '!=', exceptSessionId)
  const result = await q.executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Sessions past their absolute expiry or idle for longer than the idle limit. */
export async function deleteDeadSessions(db: DbOrTrx, now: string, idleBefore: string): Promise<void> {
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)])).execute()
}

/**
 * Holds, until the transaction ends, every other login attempt for this account or from this address,
 * so that checking the failures and counting this attempt are one step. SQLite needs nothing: the
 * process runs one transaction at a time. Locks are taken in one order (account, then address).
 */
export async function lockLoginAttempts(trx: DbOrTrx, email: string, ip: string): Promise<void> {
  if (!isPostgres(trx)) return
  await sql`select pg_advisory_xact_lock(hashtext(${`lede-login-account:${email}`}))`.execute(trx)
  await sql`select pg_advisory_xact_lock(hashtext(${`lede-login-ip:${ip}`}))`.execute(trx)
}

export async function recordLoginFailure(db: DbOrTrx, email: string, ip: string, now: string): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip, created_at: now }).execute()
}

/** Failures within the window: the account's newest first, the IP's oldest first. */
export async function recentLoginFailures(db: DbOrTrx, q: { email: string, ip: string, since: string }): Promise<{ account: string[], ip: string[] }> {
  const account = await db.selectFrom('login_failures').select('created_at')
    .where('email', '=', q.email).where('created_at', '>', q.since)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  const ip = await db.selectFrom('login_failures').select('created_at')
    .where('ip', '=', q.ip).where('created_at', '>', q.since)
    .orderBy('created_at', 'asc').orderBy('id', 'asc').execute()
  return { account: account.map((r) => r.created_at), ip: ip.map((r) => r.created_at) }
}

export async function clearAccountFailures(db: DbOrTrx, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute()
}

/** Keeps the table small: rows older than the window no longer count for anything. */
export async function deleteOldLoginFailures(db: DbOrTrx, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('created_at', '<=', before).execute()
}

export async function insertUserToken(db: DbOrTrx, values: { userId: number, tokenHash: string, purpose: UserTokenPurpose, now: string, expiresAt: string }): Promise<void> {
  await db.insertInto('user_tokens').values({
    user_id: values.userId, token_hash: values.tokenHash, purpose: values.purpose,
    created_at: values.now, expires_at: values.expiresAt, used_at: null
  }).execute()
}

export interface UserTokenRow { id: number, userId: number, purpose: UserTokenPurpose, expiresAt: string, usedAt: string | null }

export async function userTokenByHash(db: DbOrTrx, tokenHash: string): Promise<UserTokenRow | undefined> {
  return db.selectFrom('user_tokens')
    .select(['id', 'user_id as userId', 'purpose', 'expires_at as expiresAt', 'used_at as usedAt'])
    .where('token_hash', '=', tokenHash).executeTakeFirst()
}

/** Marks a link used; false when another request used it first (the update found nothing unused). */
export async function markUserTokenUsed(db: DbOrTrx, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('user_tokens').set({ used_at: now })
    .where('id', '=', id).where('used_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** A new link replaces the old ones: only the latest link a person was given works. */
export async function revokeUserTokens(db: DbOrTrx, userId: number, now: string): Promise<void> {
  await db.updateTable('user_tokens').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute()
}

/** Latest unused, unexpired link of a user, to show "link pending" in the user list. */
export async function pendingUserTokenExpiry(db: DbOrTrx, userId: number, now: string): Promise<string | null> {
  const row = await db.selectFrom('user_tokens').select('expires_at')
    .where('user_id', '=', userId).where('used_at', 'is', null).where('expires_at', '>', now)
    .orderBy('expires_at', 'desc').executeTakeFirst()
  return row?.expires_at ?? null
}
