// The search form as it arrives in a URL: every field optional, any of them repeated or odd. Reading it
// never fails; what cannot be used is reported per field, next to the field, as any form does.
import { parseDay, type Day } from './days.js'

export interface SearchForm {
  q: string
  /** "edition": this edition only (the default); "all": every edition. */
  scope: 'edition' | 'all'
  /** A section slug of this edition, or "" for any. */
  section: string
  /** YYYY-MM-DD as typed, or "". */
  from: string
  to: string
  page: number
}

export type SearchFieldError = 'invalidDate' | 'dateOrder' | 'unknownSection'
export type SearchFormErrors = Partial<Record<'section' | 'from' | 'to', SearchFieldError>>

/** Far past anything a reader pages to; stops "?page=99999999" from meaning anything. */
const MAX_PAGE_PARAM = 10_000

/** The first value of a query parameter (a repeated one arrives as an array), as text. */
function text(value: unknown, max: number): string {
  const first = Array.isArray(value) ? value[0] : value
  // Anything over `max` is cut here only for fields with short valid values; the query keeps its length
  // so that "too long" can be told to the reader rather than silently applied.
  return typeof first === 'string' ? first.slice(0, max) : ''
}

export function searchFormFrom(query: unknown): SearchForm {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>
  const pageText = text(q.page, 12)
  const page = /^\d{1,12}$/.test(pageText) ? Number(pageText) : 1
  return {
    q: text(q.q, 10_000),
    scope: text(q.scope, 10) === 'all' ? 'all' : 'edition',
    section: text(q.section, 200).trim(),
    from: text(q.from, 40).trim(),
    to: text(q.to, 40).trim(),
    page: Math.min(Math.max(page, 1), MAX_PAGE_PARAM)
  }
}

/** A real day within the years news can have (time-zone arithmetic before year 1000 is not worth trusting). */
function plausibleDay(text: string): Day | null {
  const day = parseDay(text)
  return day !== null && day >= '1000-01-01' ? day : null
}

/** The date filters as days, with an error per field that cannot be used. */
export function searchDates(form: Pick<SearchForm, 'from' | 'to'>): { from: Day | null, to: Day | null, errors: SearchFormErrors } {
  const errors: SearchFormErrors = {}
  const from = form.from === '' ? null : plausibleDay(form.from)
  const to = form.to === '' ? null : plausibleDay(form.to)
  if (form.from !== '' && from === null) errors.from = 'invalidDate'
  if (form.to !== '' && to === null) errors.to = 'invalidDate'
  if (from !== null && to !== null && to < from) errors.to = 'dateOrder'
  return { from, to, errors }
}

/** The query string for a search, leaving out what is empty or default, for links between result pages. */
export function searchQueryString(form: SearchForm, overrides: Partial<SearchForm> = {}): string {
  const f = { ...form, ...overrides }
  const params = new URLSearchParams()
  params.set('q', f.q)
  if (f.scope === 'all') params.set('scope', 'all')
  if (f.section) params.set('section', f.section)
  if (f.from) params.set('from', f.from)
  if (f.to) params.set('to', f.to)
  if (f.page > 1) params.set('page', String(f.page))
  return params.toString()
}

/** Results on one search page. */
export const RESULTS_PER_PAGE = 10
