// Date and time formats as WordPress writes them (Settings → General: "F j, Y", "H:i"), so a newsroom
// coming from WordPress types what it knows. PHP's date() letters; a backslash prints the next
// character as it is. Pure: the calendar fields and the language's names come in as parameters
// (src/i18n/format.ts reads them from Intl in the site's time zone).

/** One instant's calendar fields in the site's zone, with the names in the page's language. */
export interface CalendarFields {
  year: number
  /** 1–12 */
  month: number
  day: number
  /** 0 = Sunday … 6 = Saturday, as PHP's "w". */
  weekday: number
  hour: number
  minute: number
  second: number
  names: {
    /** "February"; in languages that decline it, the form used next to a day ("февраля"). */
    month: string
    /** The form used on its own ("февраль"). */
    monthStandalone: string
    monthShort: string
    weekday: string
    weekdayShort: string
    /** "AM" / "PM" as the language writes them. */
    dayPeriod: string
  }
  /** Only English has ordinal suffixes ("S"); elsewhere they are left out. */
  lang: string
}

export const DATE_LETTERS = ['d', 'j', 'D', 'l', 'N', 'S', 'w', 'F', 'M', 'm', 'n', 'Y', 'y'] as const
export const TIME_LETTERS = ['a', 'A', 'g', 'G', 'h', 'H', 'i', 's'] as const
const SUPPORTED = new Set<string>([...DATE_LETTERS, ...TIME_LETTERS])
/** Letters PHP's date() reads that Lede does not: refused, so a format never prints half-formatted. */
const UNSUPPORTED = new Set('zWtLoXxBuveIOPpTZcrU'.split(''))
/** Letters that put the day of the month next to the month name, which declines it in Russian and Armenian. */
const DAY_LETTERS = new Set(['d', 'j'])

type Token = { letter: string } | { text: string }

function tokens(pattern: string): Token[] {
  const out: Token[] = []
  const chars = [...pattern]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (c === '\\') {
      // A trailing backslash prints itself, as in PHP.
      out.push({ text: chars[i + 1] ?? '\\' })
      i++
    } else if (SUPPORTED.has(c) || UNSUPPORTED.has(c)) out.push({ letter: c })
    else out.push({ text: c })
  }
  return out
}

export type FormatProblem =
  | { problem: 'unsupported', letter: string }
  | { problem: 'no-date' }
  | { problem: 'no-time' }

/** What is wrong with a date (kind 'date') or time (kind 'time') format, or null when it can be used. */
export function formatProblem(pattern: string, kind: 'date' | 'time'): FormatProblem | null {
  const letters = tokens(pattern).flatMap((t) => ('letter' in t ? [t.letter] : []))
  const unsupported = letters.find((l) => UNSUPPORTED.has(l))
  if (unsupported) return { problem: 'unsupported', letter: unsupported }
  const needed: readonly string[] = kind === 'date' ? ['d', 'j', 'F', 'M', 'm', 'n'] : ['g', 'G', 'h', 'H']
  if (!letters.some((l) => needed.includes(l))) return { problem: kind === 'date' ? 'no-date' : 'no-time' }
  return null
}

const pad = (n: number): string => String(n).padStart(2, '0')

function englishOrdinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th'
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th'
}

/** Renders `pattern` for these fields. Letters that are not supported print as typed. */
export function formatWithPattern(pattern: string, f: CalendarFields): string {
  const parts = tokens(pattern)
  const nextToDay = parts.some((t) => 'letter' in t && DAY_LETTERS.has(t.letter))
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12
  return parts.map((t) => {
    if ('text' in t) return t.text
    switch (t.letter) {
      case 'd': return pad(f.day)
      case 'j': return String(f.day)
      case 'D': return f.names.weekdayShort
      case 'l': return f.names.weekday
      case 'N': return String(f.weekday === 0 ? 7 : f.weekday)
      case 'S': return f.lang === 'en' ? englishOrdinal(f.day) : ''
      case 'w': return String(f.weekday)
      case 'F': return nextToDay ? f.names.month : f.names.monthStandalone
      case 'M': return f.names.monthShort
      case 'm': return pad(f.month)
      case 'n': return String(f.month)
      case 'Y': return String(f.year).padStart(4, '0')
      case 'y': return pad(f.year % 100)
      case 'a': return f.names.dayPeriod.toLowerCase()
      case 'A': return f.names.dayPeriod.toUpperCase()
      case 'g': return String(hour12)
      case 'G': return String(f.hour)
      case 'h': return pad(hour12)
      case 'H': return pad(f.hour)
      case 'i': return pad(f.minute)
      case 's': return pad(f.second)
      default: return t.letter
    }
  }).join('')
}
