// Account rules without I/O: session lifetimes, login throttling, passwords, one-time links, the
// "next" page after login. The clock is always a parameter.
import type { Role } from './roles.js'

/** The signed-in user as the app carries it through a request: never the password hash. */
export interface SessionUser {
  id: number
  email: string
  displayName: string
  slug: string
  role: Role
}

const HOUR_MS = 60 * 60 * 1000

/**
 * By default a session ends after this long without a request (the sessionIdleHours setting): a meeting
 * or a lunch fits; a laptop left open in the newsroom does not stay signed in for the next shift.
 */
export const SESSION_IDLE_MS = 2 * HOUR_MS

/**
 * By default a session ends this long after login however busy it is (sessionAbsoluteHours): one long
 * working day, so a stolen cookie stops working the same day even if the thief keeps it warm.
 */
export const SESSION_ABSOLUTE_MS = 12 * HOUR_MS

export interface SessionLimits { idleMs: number, absoluteMs: number }

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS }

/** The limits a site's settings choose. */
export function sessionLimits(settings: { sessionIdleHours: number, sessionAbsoluteHours: number }): SessionLimits {
  return { idleMs: settings.sessionIdleHours * HOUR_MS, absoluteMs: settings.sessionAbsoluteHours * HOUR_MS }
}

/**
 * last_seen_at is written at most this often: a page with many requests (list, then each action)
 * costs one write a minute, while the idle limit (hours) stays accurate to the minute.
 */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60 * 1000

export interface SessionTimes { createdAt: string, lastSeenAt: string, expiresAt: string }

export type SessionState = 'alive' | 'idle-expired' | 'expired'

export function sessionState(session: SessionTimes, now: Date, limits: SessionLimits = DEFAULT_SESSION_LIMITS): SessionState {
  const t = now.getTime()
  if (t >= Date.parse(session.expiresAt)) return 'expired'
  // A session started under a longer absolute limit ends at the current one too.
  if (t >= Date.parse(session.createdAt) + limits.absoluteMs) return 'expired'
  if (t - Date.parse(session.lastSeenAt) >= limits.idleMs) return 'idle-expired'
  return 'alive'
}

export function sessionExpiry(now: Date, limits: SessionLimits = DEFAULT_SESSION_LIMITS): string {
  return new Date(now.getTime() + limits.absoluteMs).toISOString()
}

export function shouldTouchSession(lastSeenAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(lastSeenAt) >= LAST_SEEN_WRITE_INTERVAL_MS
}

/**
 * Login throttling. Failures are counted per account (the email as typed, whether or not it exists,
 * so the answer never hints at which emails are registered) and per IP over a sliding window.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000
/** A person mistyping their password a few times is never slowed down. */
export const ACCOUNT_FREE_FAILURES = 5
/**
 * After that, each further attempt on the account must wait 2 s, 4 s, 8 s … up to a minute after the
 * previous failure: guessing slows to about one try a minute, while the real owner (or someone locking
 * them out on purpose) is never kept out for longer than a minute.
 */
export const ACCOUNT_BASE_DELAY_MS = 2000
export const ACCOUNT_MAX_DELAY_MS = 60 * 1000
/**
 * One IP may fail this often in the window across all accounts before it is refused outright until the
 * window slides on. Higher than the per-account budget because a newsroom shares one office IP.
 */
export const IP_MAX_FAILURES = 30

export interface FailureHistory {
  /** Failures for the account in the window, newest first (ISO instants). */
  account: string[]
  /** Failures from the IP in the window, oldest first (ISO instants). */
  ip: string[]
}

export type ThrottleDecision = { allowed: true } | { allowed: false, retryAfterSeconds: number, scope: 'account' | 'ip' }

export function throttleDecision(history: FailureHistory, now: Date): ThrottleDecision {
  const t = now.getTime()
  let wait = 0
  let scope: 'account' | 'ip' = 'account'
  const accountCount = history.account.length
  if (accountCount >= ACCOUNT_FREE_FAILURES && history.account[0]) {
    const delay = Math.min(ACCOUNT_MAX_DELAY_MS, ACCOUNT_BASE_DELAY_MS * 2 ** (accountCount - ACCOUNT_FREE_FAILURES))
    wait = Math.max(wait, Date.parse(history.account[0]) + delay - t)
  }
  if (history.ip.length >= IP_MAX_FAILURES) {
    // Allowed again when enough of the oldest failures have left the window to go below the limit.
    const freeing = history.ip[history.ip.length - IP_MAX_FAILURES]!
    const ipWait = Date.parse(freeing) + THROTTLE_WINDOW_MS - t
    if (ipWait > wait) {
      wait = ipWait
      scope = 'ip'
    }
  }
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000), scope } : { allowed: true }
}

/** Emails are compared case-insensitively: "Ani@Example.org" and "ani@example.org" are one account. */
export function normaliseEmail(text: string): string {
  return text.trim().toLowerCase()
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/
export const EMAIL_MAX_LENGTH = 254
export const DISPLAY_NAME_MAX_LENGTH = 200

export function isValidEmail(text: string): boolean {
  return text.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(text)
}

/**
 * Staff passwords guard the paper's name. Twelve characters is a short passphrase ("four random
 * words"), which resists offline guessing against argon2id far better than complexity rules do.
 */
export const PASSWORD_MIN_LENGTH = 12
/** argon2 accepts any length; this only stops a megabyte "password" from being hashed on every try. */
export const PASSWORD_MAX_LENGTH = 1000

export type PasswordProblem = 'required' | 'tooShort' | 'tooLong' | 'sameAsEmail' | 'mismatch'

export function passwordProblem(password: string, context: { email?: string, confirmation?: string }): PasswordProblem | null {
  if (password === '') return 'required'
  // Length in characters a person typed, not UTF-16 units: "Ա" counts once.
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort'
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong'
  if (context.email && normaliseEmail(password) === normaliseEmail(context.email)) return 'sameAsEmail'
  if (context.confirmation !== undefined && context.confirmation !== password) return 'mismatch'
  return null
}

/**
 * One-time links. An invitation waits a week (people read work mail after a weekend); a password
 * reset link is for now, so it lasts a day.
 */
export const TOKEN_LIFETIME_MS = { setup: 7 * 24 * 60 * 60 * 1000, reset: 24 * 60 * 60 * 1000 } as const

/**
 * Where to go after login: only a path inside /admin/ on this site. "//evil.example" and "/\evil"
 * would leave the site, and the login page itself would loop.
 */
export function safeNextPath(next: unknown): string {
  const fallback = '/admin/'
  if (typeof next !== 'string' || next.length > 2000) return fallback
  if (!next.startsWith('/admin/') || next.includes('\\') || next.includes('//')) return fallback
  // eslint-disable-next-line no-control-regex -- control characters never belong in a redirect
  if (/[\u0000-\u001F\u007F]/.test(next)) return fallback
  if (next.startsWith('/admin/login/') || next.startsWith('/admin/logout/') || next.startsWith('/admin/setup/')) return fallback
  return next
}
