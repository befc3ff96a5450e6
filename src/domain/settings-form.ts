// The settings screen: which field edits which setting, and how each is checked. Every key of
// SiteSettings appears: those listed in FIELD_SPECS with their own rules, any other (a setting added
// later) with a generic rule chosen from its default's type, so nothing is ever missing from the screen.
import { DEFAULT_SETTINGS, type SiteSettings } from './settings.js'
import { isValidTimeZone } from './days.js'
import { formValue } from './account-forms.js'
import { formatProblem } from './date-format.js'

export type SettingsKey = keyof SiteSettings

export type FieldSpec =
  /** `format`: the text is a date or time format in WordPress's letters, checked by formatProblem. */
  | { kind: 'line', max: number, required: boolean, format?: 'time' }
  | { kind: 'siteUrl' }
  | { kind: 'logo' }
  | { kind: 'timeZone' }
  | { kind: 'editions' }
  | { kind: 'defaultEdition' }
  | { kind: 'int', min: number, max: number }
  | { kind: 'bool' }
  | { kind: 'wordList' }
  | { kind: 'perEdition', max: number, format?: 'date' }

export type SettingsGroup = 'site' | 'reading' | 'feeds' | 'discussion' | 'misc'

/** Limits chosen so a slip of the finger cannot take the site down (a 10,000-story front page). */
export const FIELD_SPECS: Partial<Record<SettingsKey, { group: SettingsGroup, spec: FieldSpec }>> = {
  siteName: { group: 'site', spec: { kind: 'line', max: 200, required: true } },
  tagline: { group: 'site', spec: { kind: 'line', max: 300, required: false } },
  siteUrl: { group: 'site', spec: { kind: 'siteUrl' } },
  logoUrl: { group: 'site', spec: { kind: 'logo' } },
  timeZone: { group: 'site', spec: { kind: 'timeZone' } },
  // Empty per edition: the language's own long format.
  dateFormat: { group: 'site', spec: { kind: 'perEdition', max: 50, format: 'date' } },
  timeFormat: { group: 'site', spec: { kind: 'line', max: 50, required: true, format: 'time' } },
  editions: { group: 'site', spec: { kind: 'editions' } },
  defaultEdition: { group: 'site', spec: { kind: 'defaultEdition' } },
  newsfeedPageSize: { group: 'reading', spec: { kind: 'int', min: 1, max: 200 } },
  newsfeedStripSize: { group: 'reading', spec: { kind: 'int', min: 0, max: 50 } },
  reprintNotice: { group: 'reading', spec: { kind: 'perEdition', max: 2000 } },
  feedFullText: { group: 'feeds', spec: { kind: 'bool' } },
  feedItemCount: { group: 'feeds', spec: { kind: 'int', min: 1, max: 500 } },
  commentModeration: { group: 'discussion', spec: { kind: 'bool' } },
  commentPreviouslyApproved: { group: 'discussion', spec: { kind: 'bool' } },
  commentMaxLinks: { group: 'discussion', spec: { kind: 'int', min: 0, max: 100 } },
  commentModerationWords: { group: 'discussion', spec: { kind: 'wordList' } },
  commentDisallowedWords: { group: 'discussion', spec: { kind: 'wordList' } },
  closeCommentsForOldArticles: { group: 'discussion', spec: { kind: 'bool' } },
  closeCommentsDaysOld: { group: 'discussion', spec: { kind: 'int', min: 1, max: 3650 } },
  requireNameEmail: { group: 'discussion', spec: { kind: 'bool' } },
  // WordPress allows replies nested up to ten levels.
  threadCommentsDepth: { group: 'discussion', spec: { kind: 'int', min: 1, max: 10 } },
  // Up to a week of idleness and a month per login: longer is a standing door, not a session.
  sessionIdleHours: { group: 'misc', spec: { kind: 'int', min: 1, max: 168 } },
  sessionAbsoluteHours: { group: 'misc', spec: { kind: 'int', min: 1, max: 720 } },
  // A day is the least an editor can have missed over a weekend; ten years is an archive, not an inbox.
  wireKeepDays: { group: 'misc', spec: { kind: 'int', min: 1, max: 3650 } }
}

/** A list setting holds at most this many entries of this length: moderation lists, not dictionaries. */
export const WORD_LIST_MAX_ENTRIES = 2000
export const WORD_LIST_ENTRY_MAX = 200
export const MAX_EDITIONS = 20

function genericSpec(key: SettingsKey): FieldSpec {
  const fallback = DEFAULT_SETTINGS[key] as unknown
  if (typeof fallback === 'boolean') return { kind: 'bool' }
  if (typeof fallback === 'number') return { kind: 'int', min: 0, max: 1_000_000 }
  if (Array.isArray(fallback)) return { kind: 'wordList' }
  if (typeof fallback === 'object' && fallback !== null) return { kind: 'perEdition', max: 2000 }
  return { kind: 'line', max: 1000, required: false }
}

export interface SettingsField { key: SettingsKey, group: SettingsGroup, spec: FieldSpec }

/** Every setting in screen order: the listed ones first, then any others. */
export function settingsFields(): SettingsField[] {
  const keys = Object.keys(DEFAULT_SETTINGS) as SettingsKey[]
  const listed = (Object.keys(FIELD_SPECS) as SettingsKey[]).filter((k) => keys.includes(k))
  const others = keys.filter((k) => !(k in FIELD_SPECS))
  return [
    ...listed.map((key) => ({ key, ...FIELD_SPECS[key]! })),
    ...others.map((key) => ({ key, group: 'misc' as const, spec: genericSpec(key) }))
  ]
}

/** Form field name of one edition's value of a per-edition setting. */
export function perEditionName(key: string, edition: string): string {
  return `${key}.${edition}`
}

export type SettingsError =
  | { key: 'admin.form.required' | 'admin.form.invalidUrl' | 'admin.form.invalidTimeZone' | 'admin.form.invalidChoice' | 'admin.form.invalidCharacters' | 'admin.form.singleValue' | 'admin.settings.invalidEditions' | 'admin.settings.invalidLogo' }
  | { key: 'admin.form.tooLong', max: number }
  | { key: 'admin.form.numberRange', min: number, max: number }
  | { key: 'admin.settings.tooManyEntries', max: number }
  | { key: 'admin.settings.unsupportedFormatLetter', letter: string }
  | { key: 'admin.settings.noDateLetter' | 'admin.settings.noTimeLetter' }

/** What the form shows: each field's text as typed (or as stored), by form field name. */
export type SettingsFormText = Record<string, string>

// eslint-disable-next-line no-control-regex -- control characters (other than line breaks in text areas) never belong in a setting
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// eslint-disable-next-line no-control-regex -- single-line fields take no line breaks either
const CONTROL_LINE = /[\u0000-\u001F\u007F]/
const EDITION_CODE = /^[a-z]{2,3}$/

/** The stored settings as form text, to fill the form the first time. */
export function settingsToFormText(settings: SiteSettings): SettingsFormText {
  const text: SettingsFormText = {}
  for (const { key, spec } of settingsFields()) {
    const value = settings[key] as unknown
    if (spec.kind === 'bool') text[key] = value ? '1' : ''
    else if (spec.kind === 'wordList') text[key] = (value as string[]).join('\n')
    else if (spec.kind === 'editions') text[key] = (value as string[]).join(', ')
    else if (spec.kind === 'perEdition') {
      for (const edition of settings.editions) text[perEditionName(key, edition)] = (value as Record<string, string>)[edition] ?? ''
    } else text[key] = String(value)
  }
  return text
}

function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
}

function parseSiteUrl(text: string): string | null {
  if (/\s/.test(text)) return null
  try {
    const url = new URL(text)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    if (url.username || url.password || url.search || url.hash) return null
    return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '')
  } catch {
    return null
  }
}

/** A path on this site ("/assets/logo.png") or an absolute http(s) URL. */
function isLogo(text: string): boolean {
  if (/\s/.test(text) || text.includes('\\')) return false
  if (text.startsWith('/')) return !text.startsWith('//')
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
  } catch {
    return false
  }
}

function formatError(pattern: string, kind: 'date' | 'time'): SettingsError | null {
  const problem = formatProblem(pattern, kind)
  if (!problem) return null
  if (problem.problem === 'unsupported') return { key: 'admin.settings.unsupportedFormatLetter', letter: problem.letter }
  return { key: problem.problem === 'no-date' ? 'admin.settings.noDateLetter' : 'admin.settings.noTimeLetter' }
}

export type SettingsParseResult =
  | { ok: true, values: Partial<SiteSettings>, text: SettingsFormText }
  | { ok: false, text: SettingsFormText, errors: Record<string, SettingsError> }

/**
 * Reads the settings form. `current` supplies the editions the per-edition fields were shown for and
 * the values of per-edition entries not on the form. Returns every setting's new value, or the errors
 * by form field name with the text as typed.
 */
export function parseSettingsForm(body: unknown, current: SiteSettings): SettingsParseResult {
  const values: Record<string, unknown> = {}
  const errors: Record<string, SettingsError> = {}
  const text: SettingsFormText = {}
  const fields = settingsFields()

  // Editions first: the default edition and the per-edition fields depend on them.
  let editions = current.editions
  for (const { key, spec } of fields) {
    if (spec.kind !== 'editions') continue
    const raw = formValue(body, key)
    text[key] = raw.text
    const codes = [...new Set(raw.text.split(/[\s,]+/).map((c) => c.trim().toLowerCase()).filter(Boolean))]
    if (!raw.single) errors[key] = { key: 'admin.form.singleValue' }
    else if (codes.length === 0) errors[key] = { key: 'admin.form.required' }
    else if (codes.length > MAX_EDITIONS || !codes.every((c) => EDITION_CODE.test(c))) errors[key] = { key: 'admin.settings.invalidEditions' }
    else {
      editions = codes
      values[key] = codes
    }
  }

  for (const { key, spec } of fields) {
    if (spec.kind === 'editions') continue
    if (spec.kind === 'perEdition') {
      const map: Record<string, string> = { ...(current[key] as unknown as Record<string, string>) }
      for (const edition of new Set([...current.editions, ...editions])) {
        const name = perEditionName(key, edition)
        const raw = formValue(body, name)
        // An edition added in this same save has no field on the form yet: keep what it has.
        if (!(body && typeof body === 'object' && name in (body as object))) continue
        const value = raw.text.replace(/\r\n?/g, '\n').trim()
        text[name] = raw.text
        if (!raw.single) errors[name] = { key: 'admin.form.singleValue' }
        else if ([...value].length > spec.max) errors[name] = { key: 'admin.form.tooLong', max: spec.max }
        else if (CONTROL.test(value) || (spec.format && /\n/.test(value))) errors[name] = { key: 'admin.form.invalidCharacters' }
        else if (spec.format && value !== '' && formatError(value, spec.format)) errors[name] = formatError(value, spec.format)!
        // An empty format means "the language's own": stored as no entry, like an edition never set.
        else if (spec.format && value === '') delete map[edition]
        else map[edition] = value
      }
      values[key] = map
      continue
    }

    const raw = formValue(body, key)
    text[key] = spec.kind === 'bool' ? (raw.text ? '1' : '') : raw.text
    if (!raw.single) {
      errors[key] = { key: 'admin.form.singleValue' }
      continue
    }
    const trimmed = raw.text.trim()
    switch (spec.kind) {
      case 'bool':
        // An unticked checkbox sends nothing.
        values[key] = raw.text !== ''
        break
      case 'line':
        if (spec.required && trimmed === '') errors[key] = { key: 'admin.form.required' }
        else if ([...trimmed].length > spec.max) errors[key] = { key: 'admin.form.tooLong', max: spec.max }
        else if (CONTROL_LINE.test(trimmed)) errors[key] = { key: 'admin.form.invalidCharacters' }
        else if (spec.format && trimmed !== '' && formatError(trimmed, spec.format)) errors[key] = formatError(trimmed, spec.format)!
        else values[key] = trimmed
        break
      case 'siteUrl': {
        const url = trimmed === '' ? null : parseSiteUrl(trimmed)
        if (trimmed === '') errors[key] = { key: 'admin.form.required' }
        else if (!url || trimmed.length > 500) errors[key] = { key: 'admin.form.invalidUrl' }
        else values[key] = url
        break
      }
      case 'logo':
        if (trimmed === '') errors[key] = { key: 'admin.form.required' }
        else if (trimmed.length > 500 || !isLogo(trimmed)) errors[key] = { key: 'admin.settings.invalidLogo' }
        else values[key] = trimmed
        break
      case 'timeZone':
        if (trimmed === '') errors[key] = { key: 'admin.form.required' }
        else if (trimmed.length > 64 || !isValidTimeZone(trimmed)) errors[key] = { key: 'admin.form.invalidTimeZone' }
        else values[key] = canonicalTimeZone(trimmed)
        break
      case 'defaultEdition':
        if (!editions.includes(trimmed.toLowerCase())) errors[key] = { key: 'admin.form.invalidChoice' }
        else values[key] = trimmed.toLowerCase()
        break
      case 'int': {
        const n = /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : NaN
        if (!Number.isInteger(n) || n < spec.min || n > spec.max) errors[key] = { key: 'admin.form.numberRange', min: spec.min, max: spec.max }
        else values[key] = n
        break
      }
      case 'wordList': {
        const entries = [...new Set(raw.text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean))]
        if (entries.length > WORD_LIST_MAX_ENTRIES) errors[key] = { key: 'admin.settings.tooManyEntries', max: WORD_LIST_MAX_ENTRIES }
        else if (entries.some((e) => [...e].length > WORD_LIST_ENTRY_MAX)) errors[key] = { key: 'admin.form.tooLong', max: WORD_LIST_ENTRY_MAX }
        else if (entries.some((e) => CONTROL.test(e))) errors[key] = { key: 'admin.form.invalidCharacters' }
        else values[key] = entries
        break
      }
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, text, errors }
  return { ok: true, values: values as Partial<SiteSettings>, text }
}

/** The settings that differ, for the audit row: scalars with old and new value, lists by name only. */
export function changedSettings(before: SiteSettings, after: Partial<SiteSettings>): Record<string, unknown> {
  const changes: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(after)) {
    const old = (before as unknown as Record<string, unknown>)[key]
    if (JSON.stringify(old) === JSON.stringify(value)) continue
    changes[key] = typeof value === 'object' ? 'changed' : { from: old, to: value }
  }
  return changes
}
