// Small text rules shared by the wire parsers: whitespace, lengths, dates.

import { WIRE_LIMITS } from './wire-item.js'

/** Collapses runs of whitespace (line breaks of hard-wrapped copy included) and trims. */
export function cleanText(text: string | null | undefined, max: number = WIRE_LIMITS.shortFieldChars): string | null {
  if (text == null) return null
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) return null
  return clean.length > max ? clean.slice(0, max - 1) + '…' : clean
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 }
const RFC822_ZONES: Record<string, number> = { UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 }

// ISO 8601 extended or basic ("2016-10-21T16:25:32-05:00", "20240710T125902Z", "2017-10-11T10:41:00+0100").
const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
// RFC 822/1123 as RSS uses it, with or without the weekday ("Wed, 03 Jan 2018 14:11:52 GMT").
const RFC822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{4})?$/

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0
  if (/^[+-]/.test(zone)) {
    const digits = zone.slice(1).replace(':', '')
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')
    return zone.startsWith('-') ? -minutes : minutes
  }
  return RFC822_ZONES[zone.toUpperCase()] ?? 0
}

/**
 * An agency's date as a UTC ISO instant, or null when it is empty or unreadable. A time without a zone
 * (STT, the BBC, NITF date.issue from NTB) is read as UTC: the formats say "local time of the provider",
 * which the document never names, and UTC at least keeps the order of an agency's own items.
 */
export function parseWireDate(value: string | null | undefined): string | null {
  if (value == null) return null
  const text = value.trim()
  if (!text || text.length > 64) return null
  const iso = ISO.exec(text)
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = iso
    if (!inRange(Number(mo), Number(d), Number(h), Number(mi), Number(s))) return null
    const ms = Number((frac + '00').slice(0, 3))
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - offsetMinutes(zone) * 60_000
    return valid(utc)
  }
  const rfc = RFC822.exec(text)
  if (rfc) {
    const [, d, mon, y, h, mi, s = '0', zone] = rfc
    const month = MONTHS[mon!.slice(0, 3).toLowerCase()]
    if (month === undefined || !inRange(month + 1, Number(d), Number(h), Number(mi), Number(s))) return null
    let year = Number(y)
    if (year < 100) year += year < 50 ? 2000 : 1900
    const utc = Date.UTC(year, month, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes(zone) * 60_000
    return valid(utc)
  }
  return null
}

/** Date.UTC rolls 45 March over into April; a wire date with out-of-range parts is unreadable, not rolled. */
function inRange(month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute <= 59 && second <= 60
}

function valid(ms: number): string | null {
  if (!Number.isFinite(ms)) return null
  const date = new Date(ms)
  const year = date.getUTCFullYear()
  return year >= 1900 && year <= 9999 ? date.toISOString() : null
}

/** An urgency or priority as the IPTC 1–9 scale, or null. */
export function parseUrgency(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d\s*$/.test(value) ? Number(value) : NaN
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null
}

/** A version number (G2 and ninjs carry them as strings too), or null. */
export function parseVersion(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : NaN
  return Number.isSafeInteger(n) && n >= 0 ? n : null
}

/** Only absolute http(s) links leave the parser: anything else in an agency's link is noise or a trap. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  const text = value.trim()
  if (text.length > 2000 || !/^https?:\/\//i.test(text)) return null
  try {
    return new URL(text).href
  } catch {
    return null
  }
}
