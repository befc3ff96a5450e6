// Dates as readers see them, always in the site's time zone and the page's language.
import { wallClock, type Day, type IsoInstant } from '../domain/days.js'
import { formatWithPattern, type CalendarFields } from '../domain/date-format.js'
import { boundedMemo } from '../domain/memo.js'
import type { SiteSettings } from '../domain/settings.js'

const cache = new Map<string, Intl.DateTimeFormat>()
function formatter(lang: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone, ...options })
    cache.set(key, f)
  }
  return f
}

/** "February 3, 2022" */
export function formatDate(instant: IsoInstant, lang: string, timeZone: string): string {
  return formatter(lang, timeZone, { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(instant))
}

/** "13:33" — 24-hour, as newsrooms write it. */
export function formatTime(instant: IsoInstant, lang: string, timeZone: string): string {
  return formatter(lang, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant))
}

/** "February 3, 2022 13:33", the article page's dateline. */
export function formatDateTime(instant: IsoInstant, lang: string, timeZone: string): string {
  return `${formatDate(instant, lang, timeZone)} ${formatTime(instant, lang, timeZone)}`
}

/** "Thursday, February 3, 2022" for a newsfeed day heading; a Day has no zone of its own. */
export function formatDayHeading(day: Day, lang: string): string {
  return formatter(lang, 'UTC', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(`${day}T12:00:00Z`))
}

/** "February 3, 2022" for a Day. */
export function formatDay(day: Day, lang: string): string {
  return formatter(lang, 'UTC', { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(`${day}T12:00:00Z`))
}

const isoStrings = boundedMemo<string>(20_000)

/** ISO 8601 with the site's offset, e.g. "2022-02-03T13:33:00+04:00", for <time datetime>. */
export function isoWithOffset(instant: IsoInstant, timeZone: string): string {
  return isoStrings.get(`${timeZone} ${instant}`, () => readIsoWithOffset(instant, timeZone))
}

function readIsoWithOffset(instant: IsoInstant, timeZone: string): string {
  const parts: Record<string, string> = {}
  for (const p of formatter('en-US', timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'longOffset'
  }).formatToParts(new Date(instant))) parts[p.type] = p.value
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00'
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

/** An instant's calendar fields in `timeZone`, with month and weekday names in `lang`. */
export function calendarFields(instant: IsoInstant | Date, lang: string, timeZone: string): CalendarFields {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  const wall = wallClock(date, timeZone)
  // The weekday of that wall-clock date; setUTCFullYear, as Date.UTC would move years 0–99.
  const civil = new Date(0)
  civil.setUTCFullYear(wall.year, wall.month - 1, wall.day)
  const part = (options: Intl.DateTimeFormatOptions, type: Intl.DateTimeFormatPartTypes): string =>
    formatter(lang, timeZone, options).formatToParts(date).find((p) => p.type === type)?.value ?? ''
  return {
    ...wall,
    weekday: civil.getUTCDay(),
    // Read only when a format asks for them: "H:i" on every newsfeed line needs no names.
    names: {
      get month() { return part({ day: 'numeric', month: 'long' }, 'month') },
      get monthStandalone() { return part({ month: 'long' }, 'month') },
      get monthShort() { return part({ month: 'short' }, 'month') },
      get weekday() { return part({ weekday: 'long' }, 'weekday') },
      get weekdayShort() { return part({ weekday: 'short' }, 'weekday') },
      get dayPeriod() { return part({ hour: 'numeric', hour12: true }, 'dayPeriod') }
    },
    lang
  }
}

/** Dates as one page shows them: the site's zone and formats, the page's language. */
export interface SiteDates {
  date(instant: IsoInstant): string
  time(instant: IsoInstant): string
  /** The article dateline, "February 03, 2022 13:33". */
  dateTime(instant: IsoInstant): string
  day(day: Day): string
  /** A newsfeed day's heading; the automatic format adds the weekday. */
  dayHeading(day: Day): string
  /** For <time datetime>. */
  iso(instant: IsoInstant): string
}

export type DateSettings = Pick<SiteSettings, 'timeZone' | 'dateFormat' | 'timeFormat'>

/** Built per settings object (they stay the same object until they change) and language. */
const siteDatesBySettings = new WeakMap<DateSettings, Map<string, SiteDates>>()
/** Each SiteDates remembers what it printed: the same stories' times appear on page after page. */
const PRINTED_PER_LANGUAGE = 5_000

/**
 * The formatter for one language: the site's date format for that edition, or, where none is set,
 * the language's own long format through Intl ("3 февраля 2022 г.").
 */
export function siteDates(settings: DateSettings, lang: string): SiteDates {
  let byLang = siteDatesBySettings.get(settings)
  if (!byLang) {
    byLang = new Map()
    siteDatesBySettings.set(settings, byLang)
  }
  let dates = byLang.get(lang)
  if (!dates) {
    dates = rememberingDates(buildSiteDates(settings, lang))
    byLang.set(lang, dates)
  }
  return dates
}

function rememberingDates(dates: SiteDates): SiteDates {
  const remember = (fn: (value: string) => string): ((value: string) => string) => {
    const memo = boundedMemo<string>(PRINTED_PER_LANGUAGE)
    return (value) => memo.get(value, () => fn(value))
  }
  return {
    date: remember(dates.date),
    time: remember(dates.time),
    dateTime: remember(dates.dateTime),
    day: remember(dates.day),
    dayHeading: remember(dates.dayHeading),
    iso: dates.iso
  }
}

function buildSiteDates(settings: DateSettings, lang: string): SiteDates {
  const { timeZone } = settings
  const pattern = settings.dateFormat[lang] ?? ''
  const noon = (day: Day): string => `${day}T12:00:00Z`
  const date = (instant: IsoInstant): string =>
    pattern ? formatWithPattern(pattern, calendarFields(instant, lang, timeZone)) : formatDate(instant, lang, timeZone)
  const time = (instant: IsoInstant): string =>
    settings.timeFormat ? formatWithPattern(settings.timeFormat, calendarFields(instant, lang, timeZone)) : formatTime(instant, lang, timeZone)
  return {
    date,
    time,
    dateTime: (instant) => `${date(instant)} ${time(instant)}`,
    // A Day has no zone of its own: read it at noon UTC so no zone moves it.
    day: (day) => pattern ? formatWithPattern(pattern, calendarFields(noon(day), lang, 'UTC')) : formatDay(day, lang),
    dayHeading: (day) => pattern ? formatWithPattern(pattern, calendarFields(noon(day), lang, 'UTC')) : formatDayHeading(day, lang),
    iso: (instant) => isoWithOffset(instant, timeZone)
  }
}
