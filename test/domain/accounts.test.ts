import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_DELAY_MS, IP_MAX_FAILURES, LAST_SEEN_WRITE_INTERVAL_MS, PASSWORD_MIN_LENGTH,
  SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, THROTTLE_WINDOW_MS, normaliseEmail, passwordProblem, safeNextPath, sessionExpiry,
  sessionState, shouldTouchSession, throttleDecision
} from '../../src/domain/accounts.js'

const T0 = new Date('2026-11-26T10:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const iso = (ms: number) => at(ms).toISOString()

describe('session lifetimes', () => {
  const session = { createdAt: iso(0), lastSeenAt: iso(0), expiresAt: sessionExpiry(T0) }

  it('a session is alive until it has been idle for the idle limit', () => {
    assert.equal(sessionState(session, at(SESSION_IDLE_MS - 1)), 'alive')
    assert.equal(sessionState(session, at(SESSION_IDLE_MS)), 'idle-expired')
  })

  it('a session in use still ends at its absolute expiry', () => {
    const busy = { ...session, lastSeenAt: iso(SESSION_ABSOLUTE_MS - 1000) }
    assert.equal(sessionState(busy, at(SESSION_ABSOLUTE_MS - 1)), 'alive')
    assert.equal(sessionState(busy, at(SESSION_ABSOLUTE_MS)), 'expired')
  })

  it('last seen is written at most once a minute', () => {
    assert.equal(shouldTouchSession(iso(0), at(LAST_SEEN_WRITE_INTERVAL_MS - 1)), false)
    assert.equal(shouldTouchSession(iso(0), at(LAST_SEEN_WRITE_INTERVAL_MS)), true)
  })
})

describe('login throttling', () => {
  const failures = (count: number, lastAt = 0) => Array.from({ length: count }, (_, i) => iso(lastAt - i * 1000))

  it('lets a person mistype their password a few times without slowing down', () => {
    assert.deepEqual(throttleDecision({ account: failures(ACCOUNT_FREE_FAILURES - 1), ip: [] }, at(0)), { allowed: true })
  })

  it('then makes each attempt wait twice as long after the previous failure', () => {
    const five = { account: failures(ACCOUNT_FREE_FAILURES), ip: [] }
    assert.deepEqual(throttleDecision(five, at(0)), { allowed: false, retryAfterSeconds: 2, scope: 'account' })
    assert.deepEqual(throttleDecision(five, at(2000)), { allowed: true })
    const six = { account: failures(ACCOUNT_FREE_FAILURES + 1), ip: [] }
    assert.deepEqual(throttleDecision(six, at(1000)), { allowed: false, retryAfterSeconds: 3, scope: 'account' })
  })

  it('never keeps an account waiting longer than the maximum delay', () => {
    const many = { account: failures(40), ip: [] }
    assert.deepEqual(throttleDecision(many, at(0)), { allowed: false, retryAfterSeconds: ACCOUNT_MAX_DELAY_MS / 1000, scope: 'account' })
    assert.deepEqual(throttleDecision(many, at(ACCOUNT_MAX_DELAY_MS)), { allowed: true })
  })

  it('refuses an IP with too many failures until the oldest leave the window', () => {
    const ip = Array.from({ length: IP_MAX_FAILURES }, (_, i) => iso(i * 1000))
    const decision = throttleDecision({ account: [], ip }, at(IP_MAX_FAILURES * 1000))
    // The oldest failure (at 0) leaves the window at THROTTLE_WINDOW_MS.
    assert.deepEqual(decision, { allowed: false, retryAfterSeconds: (THROTTLE_WINDOW_MS - IP_MAX_FAILURES * 1000) / 1000, scope: 'ip' })
    assert.deepEqual(throttleDecision({ account: [], ip: ip.slice(1) }, at(IP_MAX_FAILURES * 1000)), { allowed: true })
  })
})

describe('passwords and emails', () => {
  it('asks for a passphrase-length password that is not the email and is typed twice alike', () => {
    assert.equal(passwordProblem('', {}), 'required')
    assert.equal(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH - 1), {}), 'tooShort')
    assert.equal(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH), {}), null)
    assert.equal(passwordProblem('Ա'.repeat(PASSWORD_MIN_LENGTH), {}), null, 'counts characters, not bytes')
    assert.equal(passwordProblem('x'.repeat(1001), {}), 'tooLong')
    assert.equal(passwordProblem('Editor@Example.org', { email: 'editor@example.org' }), 'sameAsEmail')
    assert.equal(passwordProblem('correct horse battery', { confirmation: 'correct horse battery!' }), 'mismatch')
  })

  it('compares emails without regard to case or surrounding spaces', () => {
    assert.equal(normaliseEmail('  Ani@Example.ORG '), 'ani@example.org')
  })
})

describe('the page after login', () => {
  it('is a path inside the admin, never another site or the login page', () => {
    assert.equal(safeNextPath('/admin/users/?x=1'), '/admin/users/?x=1')
    for (const bad of ['//evil.example/admin/', 'https://evil.example/admin/', '/\\evil.example', '/admin//evil', '/', '/admin/login/', '/admin/logout/', 42, undefined, '/admin/\nx']) {
      assert.equal(safeNextPath(bad), '/admin/', String(bad))
    }
  })
})
