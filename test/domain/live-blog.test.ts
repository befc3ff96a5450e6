import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { keyEvents, mayRunLiveBlog, orderUpdates, validateUpdateText, MAX_UPDATE_LENGTH } from '../../src/domain/live-blog.js'

const u = (id: number, createdAt: string, flags: { pinned?: boolean, keyEvent?: boolean } = {}) => ({ id, createdAt, pinned: flags.pinned ?? false, keyEvent: flags.keyEvent ?? false })

describe('live blog rules', () => {
  it('an update is trimmed text of at most 5,000 characters', () => {
    assert.deepEqual(validateUpdateText('  Polls close.\r\n'), { ok: true, text: 'Polls close.' })
    assert.deepEqual(validateUpdateText('   '), { ok: false, problem: 'empty' })
    assert.deepEqual(validateUpdateText(undefined), { ok: false, problem: 'empty' })
    assert.deepEqual(validateUpdateText(['a']), { ok: false, problem: 'empty' })
    assert.deepEqual(validateUpdateText('x'.repeat(MAX_UPDATE_LENGTH + 1)), { ok: false, problem: 'too-long' })
  })

  it('editors run any live blog, authors their own, contributors none', () => {
    assert.equal(mayRunLiveBlog({ id: 1, role: 'editor' }, 2), true)
    assert.equal(mayRunLiveBlog({ id: 1, role: 'author' }, 1), true)
    assert.equal(mayRunLiveBlog({ id: 1, role: 'author' }, 2), false)
    assert.equal(mayRunLiveBlog({ id: 1, role: 'contributor' }, 1), false)
  })

  it('readers see pinned updates first, then newest first; key events read as a timeline', () => {
    const updates = [u(1, '2026-11-26T10:00:00.000Z', { keyEvent: true }), u(2, '2026-11-26T10:05:00.000Z', { pinned: true }), u(3, '2026-11-26T10:10:00.000Z'), u(4, '2026-11-26T10:10:00.000Z', { keyEvent: true })]
    assert.deepEqual(orderUpdates(updates).map((x) => x.id), [2, 4, 3, 1])
    assert.deepEqual(keyEvents(updates).map((x) => x.id), [1, 4])
  })
})
