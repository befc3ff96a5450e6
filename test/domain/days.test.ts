import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  dayOf, parseDay, dayRange, zonedTimeToInstant, groupByDay, dayPath, isValidTimeZone, wallClock
} from '../../src/domain/days.js'

const HOUR = 60 * 60 * 1000
const hoursBetween = (range: { start: string, end: string }) => (Date.parse(range.end) - Date.parse(range.start)) / HOUR

describe('dayOf', () => {
  it('puts a story at 21:30 UTC on 2 February on the 3 February newsfeed in Yerevan', () => {
    assert.equal(dayOf('2022-02-02T21:30:00.000Z', 'Asia/Yerevan'), '2022-02-03')
  })

  it('keeps the same story on the 2 February newsfeed in London', () => {
    assert.equal(dayOf('2022-02-02T21:30:00.000Z', 'Europe/London'), '2022-02-02')
  })

  it('accepts a Date as well as an ISO string', () => {
    assert.equal(dayOf(new Date('2022-02-02T21:30:00.000Z'), 'Asia/Yerevan'), '2022-02-03')
  })

  it('starts the Yerevan day exactly at 20:00 UTC the evening before', () => {
    assert.equal(dayOf('2022-02-02T19:59:59.999Z', 'Asia/Yerevan'), '2022-02-02')
    assert.equal(dayOf('2022-02-02T20:00:00.000Z', 'Asia/Yerevan'), '2022-02-03')
  })

  it('uses the zone of the site, not of the server, for zones west of UTC', () => {
    assert.equal(dayOf('2022-02-03T03:00:00.000Z', 'America/New_York'), '2022-02-02')
  })
})

describe('wallClock', () => {
  it('shows midnight as hour 0, never 24', () => {
    assert.deepEqual(wallClock('2022-02-03T20:00:00.000Z', 'Asia/Yerevan'), {
      year: 2022, month: 2, day: 4, hour: 0, minute: 0, second: 0
    })
  })
})

describe('parseDay', () => {
  it('accepts a well-formed real day', () => {
    assert.equal(parseDay('2022-02-03'), '2022-02-03')
  })

  it('accepts 29 February in a leap year', () => {
    assert.equal(parseDay('2024-02-29'), '2024-02-29')
  })

  for (const text of ['2022-02-30', '2021-02-29', '2022-04-31', '2022-13-01', '2022-00-10', '2022-01-00', '0000-01-01']) {
    it(`rejects the impossible day ${text}`, () => {
      assert.equal(parseDay(text), null)
    })
  }

  for (const text of ['abc', '2022-2-3', '2022-02-3', '22-02-03', '2022/02/03', '2022-02-03T00:00', ' 2022-02-03', '2022-02-03\n', '']) {
    it(`rejects the malformed text ${JSON.stringify(text)}`, () => {
      assert.equal(parseDay(text), null)
    })
  }

  it('accepts a day in the first century', () => {
    assert.equal(parseDay('0099-01-01'), '0099-01-01')
  })
})

describe('dayRange', () => {
  it('covers 20:00 UTC to 20:00 UTC for 3 February in Yerevan', () => {
    assert.deepEqual(dayRange('2022-02-03', 'Asia/Yerevan'), {
      start: '2022-02-02T20:00:00.000Z',
      end: '2022-02-03T20:00:00.000Z'
    })
  })

  it('covers midnight to midnight UTC in UTC', () => {
    assert.deepEqual(dayRange('2022-02-03', 'UTC'), {
      start: '2022-02-03T00:00:00.000Z',
      end: '2022-02-04T00:00:00.000Z'
    })
  })

  it('makes the spring-forward day in London 23 hours long', () => {
    const range = dayRange('2022-03-27', 'Europe/London')
    assert.deepEqual(range, { start: '2022-03-27T00:00:00.000Z', end: '2022-03-27T23:00:00.000Z' })
    assert.equal(hoursBetween(range), 23)
  })

  it('makes the fall-back day in London 25 hours long', () => {
    const range = dayRange('2022-10-30', 'Europe/London')
    assert.deepEqual(range, { start: '2022-10-29T23:00:00.000Z', end: '2022-10-31T00:00:00.000Z' })
    assert.equal(hoursBetween(range), 25)
  })

  it('rolls over month and year ends', () => {
    assert.deepEqual(dayRange('2021-12-31', 'Asia/Yerevan'), {
      start: '2021-12-30T20:00:00.000Z',
      end: '2021-12-31T20:00:00.000Z'
    })
    assert.equal(dayRange('2024-02-28', 'UTC').end, '2024-02-29T00:00:00.000Z')
  })

  it('agrees with dayOf at both edges of the range', () => {
    for (const [day, zone] of [['2022-02-03', 'Asia/Yerevan'], ['2022-03-27', 'Europe/London'], ['2022-10-30', 'Europe/London'], ['2022-11-06', 'America/New_York']] as const) {
      const { start, end } = dayRange(day, zone)
      assert.equal(dayOf(start, zone), day)
      assert.equal(dayOf(new Date(Date.parse(end) - 1), zone), day)
      assert.notEqual(dayOf(end, zone), day)
    }
  })
})

describe('zonedTimeToInstant', () => {
  it('turns Yerevan wall-clock time into UTC', () => {
    assert.equal(zonedTimeToInstant({ year: 2022, month: 2, day: 3, hour: 13, minute: 33 }, 'Asia/Yerevan'), '2022-02-03T09:33:00.000Z')
  })

  it('uses seconds when given', () => {
    assert.equal(zonedTimeToInstant({ year: 2022, month: 2, day: 3, hour: 13, minute: 33, second: 7 }, 'Asia/Yerevan'), '2022-02-03T09:33:07.000Z')
  })

  it('applies summer time in London', () => {
    assert.equal(zonedTimeToInstant({ year: 2022, month: 7, day: 1, hour: 12, minute: 0 }, 'Europe/London'), '2022-07-01T11:00:00.000Z')
  })

  it('places a time skipped by the spring-forward change after the gap', () => {
    // 01:30 does not exist in London on 27 March 2022; it lands at 02:30 BST.
    const instant = zonedTimeToInstant({ year: 2022, month: 3, day: 27, hour: 1, minute: 30 }, 'Europe/London')
    assert.equal(instant, '2022-03-27T01:30:00.000Z')
    assert.deepEqual(wallClock(instant, 'Europe/London'), { year: 2022, month: 3, day: 27, hour: 2, minute: 30, second: 0 })
  })

  it('round-trips through wallClock for ordinary times', () => {
    const local = { year: 2022, month: 10, day: 30, hour: 12, minute: 15, second: 0 }
    assert.deepEqual(wallClock(zonedTimeToInstant(local, 'Europe/London'), 'Europe/London'), local)
  })
})

describe('groupByDay', () => {
  const stories = [
    { id: 4, publishedAt: '2022-02-03T09:33:00.000Z' },
    { id: 3, publishedAt: '2022-02-02T21:30:00.000Z' },
    { id: 2, publishedAt: '2022-02-02T19:59:00.000Z' },
    { id: 1, publishedAt: '2022-02-01T10:00:00.000Z' }
  ]
  const at = (s: { publishedAt: string }) => s.publishedAt

  it('splits at midnight in Yerevan, keeping the late-evening UTC story with the next day', () => {
    assert.deepEqual(groupByDay(stories, at, 'Asia/Yerevan').map((g) => ({ day: g.day, ids: g.items.map((s) => s.id) })), [
      { day: '2022-02-03', ids: [4, 3] },
      { day: '2022-02-02', ids: [2] },
      { day: '2022-02-01', ids: [1] }
    ])
  })

  it('splits the same stories differently in London', () => {
    assert.deepEqual(groupByDay(stories, at, 'Europe/London').map((g) => ({ day: g.day, ids: g.items.map((s) => s.id) })), [
      { day: '2022-02-03', ids: [4] },
      { day: '2022-02-02', ids: [3, 2] },
      { day: '2022-02-01', ids: [1] }
    ])
  })

  it('keeps the items themselves, in their original order', () => {
    const groups = groupByDay(stories, at, 'UTC')
    assert.deepEqual(groups.flatMap((g) => g.items), stories)
    assert.equal(groups[0]!.items[0], stories[0])
  })

  it('returns no groups for no items', () => {
    assert.deepEqual(groupByDay([], at, 'UTC'), [])
  })

  it('never reorders: a day that comes back later starts a new group', () => {
    const shuffled = [stories[0]!, stories[3]!, stories[1]!]
    assert.deepEqual(groupByDay(shuffled, at, 'Asia/Yerevan').map((g) => g.day), ['2022-02-03', '2022-02-01', '2022-02-03'])
  })
})

describe('dayPath', () => {
  it('turns a day into the date part of an article URL', () => {
    assert.equal(dayPath('2022-02-03'), '/2022/02/03/')
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA zones and UTC', () => {
    assert.equal(isValidTimeZone('Asia/Yerevan'), true)
    assert.equal(isValidTimeZone('Europe/London'), true)
    assert.equal(isValidTimeZone('UTC'), true)
  })

  it('rejects unknown zones and the empty string', () => {
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false)
    assert.equal(isValidTimeZone('Yerevan'), false)
    assert.equal(isValidTimeZone(''), false)
  })
})
