// Accounts: the first administrator, invitations with one-time links, roles, disabling, profiles and
// passwords. Each action is one transaction with its audit row.
import { TOKEN_LIFETIME_MS, normaliseEmail } from '../domain/accounts.js'
import type { Role } from '../domain/roles.js'
import { slugFromText, uniqueSlug } from '../domain/slug.js'
import { absoluteUrl } from '../domain/urls.js'
import type { UserTokenPurpose } from '../db/tables/accounts.table.js'
import type { DbOrTrx } from '../db/database.js'
import { writeAudit, type Actor } from '../db/repositories/audit.repository.js'
import {
  clearAccountFailures, deleteUserSessions, insertUserToken, markUserTokenUsed, revokeUserTokens, userTokenByHash
} from '../db/repositories/accounts.repository.js'
import {
  activeAdministratorIds, countUsers, insertUser, updateUser, userByEmail, userById, userSlugsStartingWith, type UserRow
} from '../db/repositories/users.repository.js'
import { saveSettings, insertSettingsValue } from '../db/repositories/settings.repository.js'
import { admitPasswordAttempt, startSession, type ClientInfo } from './auth.service.js'
import { hashPassword, verifyPassword } from './password.service.js'
import { currentSettings } from './site-settings.service.js'
import { hashToken, randomToken } from './token.service.js'
import type { Deps } from './deps.js'

/** The command line acts as nobody in particular. */
export const COMMAND_LINE_ACTOR: Actor = { id: null, name: 'command line' }

export function actorOf(user: { id: number, displayName: string }): Actor {
  return { id: user.id, name: user.displayName }
}

export async function isFirstRun(deps: Deps): Promise<boolean> {
  return await countUsers(deps.db) === 0
}

/** Unique-constraint violations on either engine: a concurrent insert won the race. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

async function freeUserSlug(db: DbOrTrx, displayName: string): Promise<string> {
  const base = slugFromText(displayName) || 'user'
  return uniqueSlug(base, await userSlugsStartingWith(db, base))
}

/** Path of the page where a one-time link's holder chooses a password. */
export function userLinkPath(token: string): string {
  return `/admin/welcome/${token}/`
}

async function newUserLink(db: DbOrTrx, now: Date, userId: number, purpose: UserTokenPurpose): Promise<{ token: string, expiresAt: string }> {
  await revokeUserTokens(db, userId, now.toISOString())
  const token = randomToken()
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString()
  await insertUserToken(db, { userId, tokenHash: hashToken(token), purpose, now: now.toISOString(), expiresAt })
  return { token, expiresAt }
}

export type SetupResult = { kind: 'done', token: string, expiresAt: string, userId: number } | { kind: 'refused' }

/**
 * First run: the first administrator and the site name, and a session for them. Refused once any
 * account exists. Two browsers finishing setup at the same moment: the "setupCompletedAt" settings row is
 * inserted (not upserted), so the second transaction fails on its primary key and changes nothing.
 */
export async function completeSetup(deps: Deps, values: { siteName: string, email: string, displayName: string, password: string }, client: ClientInfo): Promise<SetupResult> {
  const passwordHash = await hashPassword(values.password)
  const now = deps.clock()
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (await countUsers(trx) > 0) return { kind: 'refused' } as const
      await insertSettingsValue(trx, 'setupCompletedAt', now.toISOString())
      const email = normaliseEmail(values.email)
      const userId = await insertUser(trx, {
        email, display_name: values.displayName, slug: await freeUserSlug(trx, values.displayName),
        password_hash: passwordHash, role: 'administrator', created_at: now.toISOString()
      })
      await saveSettings(trx, { siteName: values.siteName })
      const actor = { id: userId, name: values.displayName }
      await writeAudit(trx, { actor, action: 'setup.complete', subjectType: 'settings', subjectId: null, details: { siteName: values.siteName }, at: now })
      await writeAudit(trx, { actor, action: 'user.create', subjectType: 'user', subjectId: userId, details: { email, role: 'administrator' }, at: now })
      const session = await startSession(trx, now, userId, client)
      return { kind: 'done', userId, ...session } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'refused' }
    throw error
  }
}

export type CreateUserResult =
  | { kind: 'created', userId: number, link: { token: string, url: string, expiresAt: string } | null }
  | { kind: 'email-taken' }

/**
 * A new account. Without a password (an invitation) it gets a one-time link to choose one; the link is
 * shown once to whoever created the account and only its hash is kept.
 */
export async function createUser(deps: Deps, input: { email: string, displayName: string, role: Role, password?: string | null, actor: Actor }): Promise<CreateUserResult> {
  const passwordHash = input.password ? await hashPassword(input.password) : null
  const now = deps.clock()
  const email = normaliseEmail(input.email)
  try {
    const created = await deps.db.transaction().execute(async (trx) => {
      if (await userByEmail(trx, email)) return null
      const userId = await insertUser(trx, {
        email, display_name: input.displayName, slug: await freeUserSlug(trx, input.displayName),
        password_hash: passwordHash, role: input.role, created_at: now.toISOString()
      })
      const link = passwordHash ? null : await newUserLink(trx, now, userId, 'setup')
      await writeAudit(trx, {
        actor: input.actor, action: 'user.create', subjectType: 'user', subjectId: userId,
        details: { email, role: input.role, invited: passwordHash === null }, at: now
      })
      return { userId, link }
    })
    if (!created) return { kind: 'email-taken' }
    const { siteUrl } = await currentSettings(deps)
    return {
      kind: 'created', userId: created.userId,
      link: created.link ? { ...created.link, url: absoluteUrl(siteUrl, userLinkPath(created.link.token)) } : null
    }
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'email-taken' }
    throw error
  }
}

/** A fresh one-time link (the old ones stop working): for an invitation that expired, or a reset. */
export async function issueUserLink(deps: Deps, userId: number, purpose: UserTokenPurpose, actor: Actor): Promise<{ token: string, url: string, expiresAt: string } | null> {
  const now = deps.clock()
  const link = await deps.db.transaction().execute(async (trx) => {
    const user = await userById(trx, userId)
    if (!user) return null
    const issued = await newUserLink(trx, now, userId, purpose)
    await writeAudit(trx, { actor, action: purpose === 'setup' ? 'user.invite_link' : 'user.reset_link', subjectType: 'user', subjectId: userId, at: now })
    return issued
  })
  if (!link) return null
  const { siteUrl } = await currentSettings(deps)
  return { ...link, url: absoluteUrl(siteUrl, userLinkPath(link.token)) }
}

/** The account a one-time link is for, while the link is unused, unexpired and the account enabled. */
export async function userForLink(deps: Deps, token: string): Promise<{ user: UserRow, purpose: UserTokenPurpose, tokenId: number } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
  const row = await userTokenByHash(deps.db, hashToken(token))
  if (!row || row.usedAt !== null || Date.parse(row.expiresAt) <= deps.clock().getTime()) return null
  const user = await userById(deps.db, row.userId)
  if (!user || user.disabled === 1) return null
  return { user, purpose: row.purpose, tokenId: row.id }
}

export type LinkPasswordResult = { kind: 'done', token: string, expiresAt: string } | { kind: 'invalid-link' }

/** Sets the password through a one-time link, ends any other sessions, and signs the person in. */
export async function setPasswordWithLink(deps: Deps, linkToken: string, password: string, client: ClientInfo, previousToken?: string): Promise<LinkPasswordResult> {
  const found = await userForLink(deps, linkToken)
  if (!found) return { kind: 'invalid-link' }
  const passwordHash = await hashPassword(password)
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    // Only one request may use the link: the conditional update decides the race.
    if (!await markUserTokenUsed(trx, found.tokenId, now.toISOString())) return { kind: 'invalid-link' } as const
    await updateUser(trx, found.user.id, { password_hash: passwordHash })
    await deleteUserSessions(trx, found.user.id)
    await writeAudit(trx, {
      actor: { id: found.user.id, name: found.user.display_name }, action: found.purpose === 'setup' ? 'user.accept_invite' : 'user.password_reset',
      subjectType: 'user', subjectId: found.user.id, at: now
    })
    const session = await startSession(trx, now, found.user.id, client, previousToken)
    return { kind: 'done', ...session } as const
  })
}

export type AdminChangeResult = { kind: 'done' } | { kind: 'not-found' } | { kind: 'last-administrator' } | { kind: 'self' } | { kind: 'unchanged' }

/**
 * Would this change leave the site without an enabled administrator? Locks the administrator rows on
 * PostgreSQL for the rest of the transaction (see activeAdministratorIds).
 */
async function removesLastAdministrator(deps: Deps, trx: DbOrTrx, user: UserRow): Promise<boolean> {
  if (user.role !== 'administrator' || user.disabled === 1) return false
  const ids = await activeAdministratorIds(trx)
  return ids.filter((id) => id !== user.id).length === 0
}

export async function changeRole(deps: Deps, actor: Actor, userId: number, role: Role): Promise<AdminChangeResult> {
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const user = await userById(trx, userId)
    if (!user) return { kind: 'not-found' } as const
    if (user.role === role) return { kind: 'unchanged' } as const
    if (role !== 'administrator' && await removesLastAdministrator(deps, trx, user)) return { kind: 'last-administrator' } as const
    await updateUser(trx, userId, { role })
    await writeAudit(trx, { actor, action: 'user.role_change', subjectType: 'user', subjectId: userId, details: { from: user.role, to: role }, at: now })
    return { kind: 'done' } as const
  })
}

/** Disabling ends the person's sessions and one-time links at once; their work and bylines stay. */
export async function setDisabled(deps: Deps, actor: Actor, userId: number, disabled: boolean): Promise<AdminChangeResult> {
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const user = await userById(trx, userId)
    if (!user) return { kind: 'not-found' } as const
    if ((user.disabled === 1) === disabled) return { kind: 'unchanged' } as const
    if (disabled && actor.id === userId) return { kind: 'self' } as const
    if (disabled && await removesLastAdministrator(deps, trx, user)) return { kind: 'last-administrator' } as const
    await updateUser(trx, userId, { disabled: disabled ? 1 : 0 })
    if (disabled) {
      await deleteUserSessions(trx, userId)
      await revokeUserTokens(trx, userId, now.toISOString())
    }
    await writeAudit(trx, { actor, action: disabled ? 'user.disable' : 'user.enable', subjectType: 'user', subjectId: userId, at: now })
    return { kind: 'done' } as const
  })
}

export async function updateDisplayName(deps: Deps, actor: { id: number, displayName: string }, displayName: string): Promise<void> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.id, { display_name: displayName })
    await writeAudit(trx, {
      actor: { id: actor.id, name: displayName }, action: 'user.profile_update', subjectType: 'user', subjectId: actor.id,
      details: { from: actor.displayName, to: displayName }, at: now
    })
  })
}

/**
 * A signed-in user changes their own password: the current one is required (a borrowed unlocked
 * laptop is not enough), wrong guesses count towards login throttling like failed logins, and every
 * other session of theirs ends.
 */
export async function changeOwnPassword(deps: Deps, actor: { id: number, email: string, displayName: string }, sessionId: number, current: string, next: string, client: ClientInfo): Promise<{ kind: 'done' } | { kind: 'wrong-current' } | { kind: 'throttled', retryAfterSeconds: number }> {
  // Counted before the check, like a login (admitPasswordAttempt): parallel guesses cannot slip through.
  const throttle = await admitPasswordAttempt(deps, actor.email, client.ip)
  if (!throttle.allowed) return { kind: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds }
  const user = await userById(deps.db, actor.id)
  if (!user?.password_hash || !await verifyPassword(user.password_hash, current)) return { kind: 'wrong-current' }
  const passwordHash = await hashPassword(next)
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await clearAccountFailures(trx, actor.email)
    await updateUser(trx, actor.id, { password_hash: passwordHash })
    await deleteUserSessions(trx, actor.id, sessionId)
    await revokeUserTokens(trx, actor.id, now.toISOString())
    await writeAudit(trx, { actor: actorOf(actor), action: 'user.password_change', subjectType: 'user', subjectId: actor.id, at: now })
  })
  return { kind: 'done' }
}

/** `lede user reset-password`: a new password, or a one-time link when none is given. Ends all sessions. */
export async function resetPassword(deps: Deps, email: string, password: string | null): Promise<{ kind: 'done', link: { url: string, expiresAt: string } | null } | { kind: 'not-found' }> {
  const user = await userByEmail(deps.db, normaliseEmail(email))
  if (!user) return { kind: 'not-found' }
  if (password === null) {
    await deps.db.transaction().execute(async (trx) => { await deleteUserSessions(trx, user.id) })
    const link = await issueUserLink(deps, user.id, 'reset', COMMAND_LINE_ACTOR)
    return { kind: 'done', link: link && { url: link.url, expiresAt: link.expiresAt } }
  }
  const passwordHash = await hashPassword(password)
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash })
    await deleteUserSessions(trx, user.id)
    await revokeUserTokens(trx, user.id, now.toISOString())
    await writeAudit(trx, { actor: COMMAND_LINE_ACTOR, action: 'user.password_reset', subjectType: 'user', subjectId: user.id, at: now })
  })
  return { kind: 'done', link: null }
}
