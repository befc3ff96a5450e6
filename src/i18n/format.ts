// Dates as readers see them, always in the site's time zone and the page's language.
import type { Day, IsoInstant } from '../domain/days.js'

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

/** ISO 8601 with the site's offset, e.g. "2022-02-03T13:33:00+04:00", for <time datetime>. */
export function isoWithOffset(instant: IsoInstant, timeZone: string): string {
  const parts: Record<string, string> = {}
  for (const p of formatter('en-US', timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'longOffset'
  }).formatToParts(new Date(instant))) parts[p.type] = p.value
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00'
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}
