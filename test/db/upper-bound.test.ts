// The one upper bound on published_at that live-article queries carry (articles.repository.ts `tighter`).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { tighter } from '../../src/db/repositories/articles.repository.js'

const now = { op: '<=', at: '2026-12-04T10:00:00.000Z' } as const

test('the earlier instant wins; at the same instant "before" is tighter than "at or before"', () => {
  assert.deepEqual(tighter(now, { op: '<', at: '2022-02-04T20:00:00.000Z' }), { op: '<', at: '2022-02-04T20:00:00.000Z' })
  assert.deepEqual(tighter(now, { op: '<', at: '2026-12-05T20:00:00.000Z' }), now, 'today\'s end lies ahead: now bounds')
  assert.deepEqual(tighter(now, { op: '<', at: now.at }), { op: '<', at: now.at })
  assert.deepEqual(tighter({ op: '<', at: now.at }, now), { op: '<', at: now.at })
})

test('an absent bound leaves the other', () => {
  assert.deepEqual(tighter(now, undefined), now)
  assert.deepEqual(tighter(undefined, now), now)
  assert.equal(tighter(undefined, undefined), undefined)
})
