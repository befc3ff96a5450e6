import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { formatProblem, formatWithPattern, type CalendarFields } from '../../src/domain/date-format.js'

// Thursday 3 February 2022, 13:33:07 — the model article's dateline.
const model: CalendarFields = {
  year: 2022, month: 2, day: 3, weekday: 4, hour: 13, minute: 33, second: 7,
  names: { month: 'February', monthStandalone: 'February', monthShort: 'Feb', weekday: 'Thursday', weekdayShort: 'Thu', dayPeriod: 'PM' },
  lang: 'en'
}
const russian: CalendarFields = {
  ...model,
  names: { month: 'февраля', monthStandalone: 'февраль', monthShort: 'февр.', weekday: 'четверг', weekdayShort: 'чт', dayPeriod: 'PM' },
  lang: 'ru'
}

describe('date formats in WordPress letters', () => {
  it('prints the model page dateline and WordPress’s preset formats', () => {
    assert.equal(formatWithPattern('F d, Y H:i', model), 'February 03, 2022 13:33')
    assert.equal(formatWithPattern('F j, Y', model), 'February 3, 2022')
    assert.equal(formatWithPattern('Y-m-d', model), '2022-02-03')
    assert.equal(formatWithPattern('m/d/Y', model), '02/03/2022')
    assert.equal(formatWithPattern('d/m/Y', model), '03/02/2022')
    assert.equal(formatWithPattern('g:i a', model), '1:33 pm')
    assert.equal(formatWithPattern('g:i A', model), '1:33 PM')
    assert.equal(formatWithPattern('H:i:s', model), '13:33:07')
    assert.equal(formatWithPattern('l, jS M y', model), 'Thursday, 3rd Feb 22')
    assert.equal(formatWithPattern('D N w n G h', model), 'Thu 4 4 2 13 01')
  })

  it('declines the month next to a day and leaves it alone without one', () => {
    assert.equal(formatWithPattern('j F Y', russian), '3 февраля 2022')
    assert.equal(formatWithPattern('F Y', russian), 'февраль 2022')
    assert.equal(formatWithPattern('jS F', russian), '3 февраля', 'only English has ordinal suffixes')
  })

  it('prints a backslashed letter as typed, and unknown characters as they are', () => {
    assert.equal(formatWithPattern('j \\d\\e F', model), '3 de February')
    assert.equal(formatWithPattern('Y г.', russian), '2022 г.')
    assert.equal(formatWithPattern('H\\', model), '13\\')
  })

  it('gives ordinal suffixes for the teens and the twenties', () => {
    const suffix = (day: number) => formatWithPattern('jS', { ...model, day })
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(suffix), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st'])
  })

  it('writes midnight and noon in 12-hour formats as 12', () => {
    assert.equal(formatWithPattern('g a', { ...model, hour: 0 }), '12 pm', 'the day period comes from the names given')
    assert.equal(formatWithPattern('h', { ...model, hour: 12 }), '12')
  })

  it('refuses formats that would print nothing useful or half-formatted', () => {
    assert.equal(formatProblem('F d, Y', 'date'), null)
    assert.equal(formatProblem('H:i', 'time'), null)
    assert.deepEqual(formatProblem('c', 'date'), { problem: 'unsupported', letter: 'c' })
    assert.deepEqual(formatProblem('F d, Y T', 'date'), { problem: 'unsupported', letter: 'T' })
    assert.equal(formatProblem('F d, Y \\T', 'date'), null, 'a backslash makes it text')
    assert.deepEqual(formatProblem('Y', 'date'), { problem: 'no-date' })
    assert.deepEqual(formatProblem('Y (y)', 'date'), { problem: 'no-date' })
    assert.deepEqual(formatProblem('i:s', 'time'), { problem: 'no-time' })
  })
})
