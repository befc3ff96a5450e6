// Newsfeed days are calendar days in the site's time zone, never the server's.
// Instants are UTC ISO strings ("2022-02-02T21:30:00.000Z") everywhere in Lede.

export type IsoInstant = string
/** A calendar day, "YYYY-MM-DD". */
export type Day = string

import { boundedMemo } from './memo.js'

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** A zone's formatter, and whether its text can be read by WALL_CLOCK_TEXT (see readWallClock). */
interface ZoneFormatter { format: Intl.DateTimeFormat, textReadable: boolean }

const partsFormatters = new Map<string, ZoneFormatter>()
function partsFormatter(timeZone: string): ZoneFormatter {
  let f = partsFormatters.get(timeZone)
  if (!f) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit'
    })
    f = { format, textReadable: formatToPartsOrder(format) === TEXT_ORDER }
    partsFormatters.set(timeZone, f)
  }
  return f
}

/**
 * format() is formatToParts() joined (ECMA-402 builds both from the same parts) and costs a third as much,
 * which matters where every instant is new (an import's posts). Its text is read by this pattern when the
 * formatter writes its parts in this order with these separators, as en-US does; otherwise, and for any
 * text the pattern does not match (a year past 9999), the parts are read as before.
 */
const WALL_CLOCK_TEXT = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/
const TEXT_ORDER = 'month / day / year , hour : minute : second'
const formatToPartsOrder = (format: Intl.DateTimeFormat): string =>
  format.formatToParts(new Date(0)).map((p) => p.type === 'literal' ? p.value.trim() : p.type).join(' ')

export interface WallClock { year: number, month: number, day: number, hour: number, minute: number, second: number }

/**
 * Pages print the same few hundred instants again and again, and Intl's formatToParts is the costly
 * step; a day's worth of stories in three zones fits many times over.
 */
const wallClocks = boundedMemo<Readonly<WallClock>>(20_000)

/** What a wall clock in `timeZone` shows at `instant`. */
export function wallClock(instant: IsoInstant | Date, timeZone: string): Readonly<WallClock> {
  const key = `${timeZone} ${typeof instant === 'string' ? instant : instant.getTime()}`
  return wallClocks.get(key, () => readWallClock(typeof instant === 'string' ? new Date(instant) : instant, timeZone))
}

function readWallClock(date: Date, timeZone: string): Readonly<WallClock> {
  const formatter = partsFormatter(timeZone)
  const text = formatter.textReadable ? WALL_CLOCK_TEXT.exec(formatter.format.format(date)) : null
  if (text) {
    return Object.freeze({
      year: Number(text[3]), month: Number(text[1]), day: Number(text[2]),
      hour: Number(text[4]) % 24, minute: Number(text[5]), second: Number(text[6])
    })
  }
  const out: Record<string, number> = {}
  for (const p of formatter.format.formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value)
  }
  return Object.freeze({
    year: out.year!, month: out.month!, day: out.day!,
    hour: out.hour! % 24, minute: out.minute!, second: out.second!
  })
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The newsfeed day an instant belongs to in the site's time zone. */
export function dayOf(instant: IsoInstant | Date, timeZone: string): Day {
  const w = wallClock(instant, timeZone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`
}

/** Parses "YYYY-MM-DD"; null for anything malformed or impossible (2022-02-30). */
export function parseDay(text: string): Day | null {
  const m = DAY_PATTERN.exec(text)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 1 || month < 1 || month > 12 || day < 1) return null
  const check = new Date(0)
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  check.setUTCFullYear(year, month - 1, day)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return text
}

/** Offset of `timeZone` from UTC at `utcMillis`, in milliseconds (Yerevan: +4h). */
function offsetAt(utcMillis: number, timeZone: string): number {
  const w = wallClock(new Date(utcMillis), timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(utcMillis / 1000) * 1000
}

/** The UTC instant at which the wall clock in `timeZone` shows the given local time. */
export function zonedTimeToInstant(local: Omit<WallClock, 'second'> & { second?: number }, timeZone: string): IsoInstant {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0)
  // Two passes settle the offset across a DST change; a time skipped by the change lands after the gap.
  const first = guess - offsetAt(guess, timeZone)
  const second = guess - offsetAt(first, timeZone)
  return new Date(second).toISOString()
}

/** The half-open UTC range [start, end) covered by a day in the site's time zone. */
export function dayRange(day: Day, timeZone: string): { start: IsoInstant, end: IsoInstant } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + 1))
  return {
    start: zonedTimeToInstant({ year: y, month: m, day: d, hour: 0, minute: 0 }, timeZone),
    end: zonedTimeToInstant({
      year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0
    }, timeZone)
  }
}

/** Splits a newest-first list into day groups, keeping order. */
export function groupByDay<T>(items: readonly T[], instantOf: (item: T) => IsoInstant, timeZone: string): { day: Day, items: T[] }[] {
  const groups: { day: Day, items: T[] }[] = []
  for (const item of items) {
    const day = dayOf(instantOf(item), timeZone)
    const last = groups.at(-1)
    if (last && last.day === day) last.items.push(item)
    else groups.push({ day, items: [item] })
  }
  return groups
}

/** "/2022/02/03/" part of an article URL. */
export function dayPath(day: Day): string {
  return `/${day.replaceAll('-', '/')}/`
}

/** Is `timeZone` an IANA zone this runtime knows? */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}
