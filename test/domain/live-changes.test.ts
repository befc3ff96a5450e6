import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { assumedBefore, liveChanges, parseLastEventId, replayFrom, UNSEEN, type LiveSnapshot } from '../../src/domain/live-changes.js'

const story: LiveSnapshot = { visible: true, headline: 'Storm reaches the coast', lead: 'Winds of 120 km/h.', breaking: false, commentCount: 2 }

describe('live changes', () => {
  it('a story readers could not see and now can is published, once, with everything in it', () => {
    assert.deepEqual(liveChanges(UNSEEN, { ...story, breaking: true, commentCount: 5 }), ['published'])
  })

  it('a story that goes away is withdrawn, whatever else changed', () => {
    assert.deepEqual(liveChanges(story, { ...story, visible: false, headline: 'Other' }), ['withdrawn'])
  })

  it('changes to a story nobody can see tell nobody', () => {
    assert.deepEqual(liveChanges(UNSEEN, { ...story, visible: false }), [])
    assert.deepEqual(liveChanges({ ...story, visible: false }, { ...story, visible: false, headline: 'New' }), [])
  })

  it('a new headline or lead is an update; the flag set is breaking; a new count is comments', () => {
    assert.deepEqual(liveChanges(story, { ...story, headline: 'Storm hits the coast' }), ['updated'])
    assert.deepEqual(liveChanges(story, { ...story, lead: 'Winds of 150 km/h.' }), ['updated'])
    assert.deepEqual(liveChanges(story, { ...story, breaking: true }), ['breaking'])
    assert.deepEqual(liveChanges(story, { ...story, commentCount: 3 }), ['comments'])
    assert.deepEqual(liveChanges(story, { ...story, lead: 'x', breaking: true, commentCount: 1 }), ['updated', 'breaking', 'comments'])
  })

  it('the same state twice, or the breaking flag cleared, tells nothing', () => {
    assert.deepEqual(liveChanges(story, { ...story }), [])
    assert.deepEqual(liveChanges({ ...story, breaking: true }, story), [])
  })
})

describe('an article the log has never seen', () => {
  const now = new Date('2026-11-26T10:00:00.000Z')
  it('is news when it went live just now', () => {
    assert.deepEqual(assumedBefore(story, '2026-11-26T09:55:00.000Z', now), UNSEEN)
  })
  it('is taken as already told when it is older (an import, a command): only later changes are news', () => {
    assert.deepEqual(assumedBefore(story, '2026-11-26T09:00:00.000Z', now), story)
    assert.deepEqual(liveChanges(assumedBefore(story, '2026-11-26T09:00:00.000Z', now), story), [])
  })
  it('tells nothing of a story nobody can see', () => {
    assert.deepEqual(assumedBefore({ ...story, visible: false }, null, now), UNSEEN)
  })
})

describe('replay from a Last-Event-ID', () => {
  it('replays when the log holds everything after the id', () => {
    assert.equal(replayFrom(4, 5, 9), 'replay')
    assert.equal(replayFrom(7, 5, 9), 'replay')
  })

  it('reloads when rows after the id were pruned, or the id is ahead of the log', () => {
    assert.equal(replayFrom(3, 5, 9), 'reload')
    assert.equal(replayFrom(10, 5, 9), 'reload')
    assert.equal(replayFrom(3, null, null), 'reload')
  })

  it('is current at the newest id, and on an empty log from 0', () => {
    assert.equal(replayFrom(9, 5, 9), 'current')
    assert.equal(replayFrom(0, null, null), 'current')
  })

  it('accepts only plain positions as ids', () => {
    assert.equal(parseLastEventId('42'), 42)
    assert.equal(parseLastEventId('0'), 0)
    for (const bad of ['', '-1', '1e3', ' 4', '4 ', '0x10', '1234567890123456', undefined, 42]) assert.equal(parseLastEventId(bad), null, String(bad))
  })
})
