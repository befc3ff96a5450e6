import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { issueTimingToken, readTimingToken } from '../../src/domain/comment-token.js'

const SECRET = 'x'.repeat(43)
const NOW = new Date('2026-11-26T10:00:01.200Z')

describe('timing token', () => {
  it('reads back the issue time, rounded up to 5 seconds', () => {
    const token = issueTimingToken(SECRET, 12, NOW)
    assert.match(token, /^\d+\.[A-Za-z0-9_-]{22}$/)
    assert.deepEqual(readTimingToken(SECRET, 12, token), new Date('2026-11-26T10:00:05.000Z'))
  })
  it('is the same for every reader in the same 5-second window (coarse, not per visitor)', () => {
    assert.equal(issueTimingToken(SECRET, 12, NOW), issueTimingToken(SECRET, 12, new Date('2026-11-26T10:00:04.900Z')))
  })
  it('is "missing" when empty and "forged" when tampered with, for another article, or under another key', () => {
    const token = issueTimingToken(SECRET, 12, NOW)
    assert.equal(readTimingToken(SECRET, 12, ''), 'missing')
    assert.equal(readTimingToken(SECRET, 13, token), 'forged')
    assert.equal(readTimingToken('y'.repeat(43), 12, token), 'forged')
    const [seconds, mac] = token.split('.') as [string, string]
    assert.equal(readTimingToken(SECRET, 12, `${Number(seconds) - 60}.${mac}`), 'forged')
    assert.equal(readTimingToken(SECRET, 12, 'garbage'), 'forged')
    assert.equal(readTimingToken(SECRET, 12, `${seconds}.${mac}x`), 'forged')
  })
})
