import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { formatDate, formatTime, formatDateTime, formatDayHeading, formatDay, isoWithOffset, siteDates } from '../../src/i18n/format.js'

const instant = '2022-02-03T09:33:00.000Z'

describe('formatDateTime', () => {
  it('writes the article dateline in the site’s time zone', () => {
    assert.equal(formatDateTime(instant, 'en', 'Asia/Yerevan'), 'February 3, 2022 13:33')
  })

  it('uses the site’s date, not the UTC date, late in the UTC evening', () => {
    assert.equal(formatDateTime('2022-02-02T21:30:00.000Z', 'en', 'Asia/Yerevan'), 'February 3, 2022 01:30')
    assert.equal(formatDateTime('2022-02-02T21:30:00.000Z', 'en', 'Europe/London'), 'February 2, 2022 21:30')
  })
})

describe('formatDate', () => {
  it('writes the date in the site’s time zone', () => {
    assert.equal(formatDate('2022-02-02T21:30:00.000Z', 'en', 'Asia/Yerevan'), 'February 3, 2022')
  })
})

describe('formatTime', () => {
  it('gives 24-hour time in the site’s time zone', () => {
    assert.equal(formatTime(instant, 'en', 'Asia/Yerevan'), '13:33')
  })

  it('pads the hour to two digits', () => {
    assert.equal(formatTime('2022-02-03T05:03:00.000Z', 'en', 'UTC'), '05:03')
  })

  it('shows midnight as 00:00, not 24:00', () => {
    assert.equal(formatTime('2022-02-03T20:00:00.000Z', 'en', 'Asia/Yerevan'), '00:00')
  })
})

describe('formatDayHeading and formatDay', () => {
  it('names the weekday for a newsfeed day heading', () => {
    assert.equal(formatDayHeading('2022-02-03', 'en'), 'Thursday, February 3, 2022')
  })

  it('writes a bare day without a weekday', () => {
    assert.equal(formatDay('2022-02-03', 'en'), 'February 3, 2022')
  })

  it('does not shift the day at the year end', () => {
    assert.equal(formatDayHeading('2021-12-31', 'en'), 'Friday, December 31, 2021')
    assert.equal(formatDay('2022-01-01', 'en'), 'January 1, 2022')
  })
})

describe('isoWithOffset', () => {
  it('writes Yerevan time with its +04:00 offset', () => {
    assert.equal(isoWithOffset(instant, 'Asia/Yerevan'), '2022-02-03T13:33:00+04:00')
  })

  it('writes UTC with +00:00', () => {
    assert.equal(isoWithOffset(instant, 'UTC'), '2022-02-03T09:33:00+00:00')
  })

  it('writes London with +00:00 in winter and +01:00 in summer', () => {
    assert.equal(isoWithOffset(instant, 'Europe/London'), '2022-02-03T09:33:00+00:00')
    assert.equal(isoWithOffset('2022-07-03T09:33:00.000Z', 'Europe/London'), '2022-07-03T10:33:00+01:00')
  })

  it('writes negative and half-hour offsets', () => {
    assert.equal(isoWithOffset(instant, 'America/New_York'), '2022-02-03T04:33:00-05:00')
    assert.equal(isoWithOffset(instant, 'Asia/Kolkata'), '2022-02-03T15:03:00+05:30')
  })

  it('writes midnight as 00, not 24', () => {
    assert.equal(isoWithOffset('2022-02-03T20:00:00.000Z', 'Asia/Yerevan'), '2022-02-04T00:00:00+04:00')
  })

  it('names the same instant it was given', () => {
    for (const zone of ['UTC', 'Asia/Yerevan', 'Europe/London', 'America/New_York', 'Asia/Kolkata']) {
      assert.equal(Date.parse(isoWithOffset('2022-02-02T21:30:45.000Z', zone)), Date.parse('2022-02-02T21:30:45.000Z'), zone)
    }
  })
})

describe('siteDates: the site’s date and time formats', () => {
  const settings = { timeZone: 'Asia/Yerevan', dateFormat: { en: 'F d, Y', ru: 'j F Y', hy: 'j F, Y' }, timeFormat: 'H:i' }

  it('prints the model page’s dateline with the demo’s English format', () => {
    assert.equal(siteDates(settings, 'en').dateTime(instant), 'February 03, 2022 13:33')
  })

  it('declines month names in Russian and Armenian next to a day', () => {
    assert.equal(siteDates(settings, 'ru').date(instant), '3 февраля 2022')
    assert.equal(siteDates(settings, 'hy').date(instant), '3 փետրվարի, 2022')
    assert.equal(siteDates({ ...settings, dateFormat: { ru: 'F Y' } }, 'ru').date(instant), 'февраль 2022')
  })

  it('reads the date and the time in the site’s zone, not UTC', () => {
    const lateUtc = '2022-02-02T21:30:00.000Z'
    assert.equal(siteDates(settings, 'en').dateTime(lateUtc), 'February 03, 2022 01:30')
    assert.equal(siteDates({ ...settings, timeZone: 'Europe/London', timeFormat: 'g:i a' }, 'en').dateTime(lateUtc), 'February 02, 2022 9:30 pm')
  })

  it('uses the format for day headings and days, which have no zone', () => {
    const dates = siteDates({ ...settings, timeZone: 'Pacific/Kiritimati' }, 'en')
    assert.equal(dates.dayHeading('2022-02-03'), 'February 03, 2022')
    assert.equal(dates.day('2021-12-31'), 'December 31, 2021')
  })

  it('falls back to the language’s own long format where an edition has none', () => {
    const dates = siteDates({ ...settings, dateFormat: {} }, 'ru')
    assert.equal(dates.date(instant), formatDate(instant, 'ru', 'Asia/Yerevan'))
    assert.equal(dates.dayHeading('2022-02-03'), formatDayHeading('2022-02-03', 'ru'))
    assert.equal(dates.day('2022-02-03'), formatDay('2022-02-03', 'ru'))
    assert.equal(siteDates({ ...settings, timeFormat: '' }, 'ru').time(instant), '13:33')
  })

  it('gives <time datetime> the site offset', () => {
    assert.equal(siteDates(settings, 'en').iso(instant), '2022-02-03T13:33:00+04:00')
  })
})
