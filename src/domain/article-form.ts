// The article editor's form: what an editor may send, checked without I/O. Values are kept as typed so
// an invalid form re-renders with everything in place; errors are message keys next to their fields.
import { bodySourceFromEditorHtml } from './body-source.js'
import { isValidTimeZone, parseDay, zonedTimeToInstant, type IsoInstant } from './days.js'
import { isValidSlug, MAX_SLUG_LENGTH, slugFromText } from './slug.js'
import { parseId } from './ids.js'
import { formField, type FormField } from './form-field.js'

/**
 * Request size for the editor's posts: a body at its limit, percent-encoded by the browser at up to nine
 * bytes a character (three for each UTF-8 byte), with the other fields. The site's general form limit
 * is far smaller, and a long Armenian or Russian article would hit it before its own "too long" message.
 */
export const ARTICLE_FORM_BYTES = 3 * 1024 * 1024

export const ARTICLE_LIMITS = {
  headline: 300,
  lead: 2_000,
  // A long feature is 10,000 words; a quarter of a million characters leaves room for tables and links.
  body: 250_000,
  // These three match their columns.
  agencyCredit: 100,
  byline: 200,
  credit: 200,
  sourceUrl: 2_000,
  alt: 1_000,
  caption: 2_000,
  tag: 100,
  // More tags than this stop helping readers find anything.
  tags: 30
} as const

export const ARTICLE_FIELDS = [
  'headline', 'slug', 'lead', 'body', 'agency_credit', 'source_url', 'byline', 'section_id', 'tags',
  'featured_media_id', 'featured_alt', 'featured_caption', 'featured_credit', 'publish_date', 'publish_time'
] as const
export type ArticleField = typeof ARTICLE_FIELDS[number]

export type ArticleFormErrorKey =
  | 'form.required' | 'form.tooLong' | 'form.singleValue' | 'form.invalidCharacters' | 'form.invalidUrl'
  | 'editor.error.slug' | 'editor.error.slugTaken' | 'editor.error.section' | 'editor.error.tagTooLong'
  | 'editor.error.tooManyTags' | 'editor.error.tagInvalid' | 'editor.error.media' | 'editor.error.mediaNotAllowed' | 'editor.error.altRequired' | 'editor.error.date'
  | 'editor.error.time' | 'editor.error.dateWithoutTime' | 'editor.error.timeWithoutDate' | 'editor.error.embargo'

export interface ArticleFieldError { key: ArticleFormErrorKey, max?: number }
export type ArticleFormErrors = Partial<Record<ArticleField, ArticleFieldError>>

/** The form as typed (strings), for re-rendering. Checkboxes are booleans. */
export interface ArticleFormValues {
  headline: string
  slug: string
  lead: string
  body: string
  agency_credit: string
  source_url: string
  byline: string
  section_id: string
  tags: string
  featured_media_id: string
  featured_alt: string
  featured_caption: string
  featured_credit: string
  publish_date: string
  publish_time: string
  breaking: boolean
  sticky: boolean
  comments_open: boolean
}

/** The form as the services take it. */
export interface ArticleInput {
  headline: string
  /** null: propose one from the headline. */
  slug: string | null
  lead: string
  bodySource: string
  agencyCredit: string | null
  sourceUrl: string | null
  byline: string | null
  sectionId: number | null
  tags: string[]
  featuredMediaId: number | null
  featuredAlt: string | null
  featuredCaption: string | null
  featuredCredit: string | null
  /** The publication time the editor entered, converted from the site zone; null when left empty. */
  publishedAt: IsoInstant | null
  breaking: boolean
  /** Pinned to the top of the front page; left out, the story keeps what it had. */
  sticky?: boolean
  commentsOpen: boolean
}

export type ArticleFormResult =
  | { ok: true, values: ArticleFormValues, input: ArticleInput }
  | { ok: false, values: ArticleFormValues, errors: ArticleFormErrors }

export const EMPTY_ARTICLE_VALUES: ArticleFormValues = {
  headline: '', slug: '', lead: '', body: '', agency_credit: '', source_url: '', byline: '', section_id: '', tags: '',
  featured_media_id: '', featured_alt: '', featured_caption: '', featured_credit: '', publish_date: '', publish_time: '',
  breaking: false, sticky: false, comments_open: true
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/

/** A checkbox is on when sent with any value; browsers send "on". */
function checkbox(body: Record<string, unknown>, name: string): boolean {
  const value = body[name]
  return typeof value === 'string' ? value !== '' && value !== '0' : Array.isArray(value) && value.length > 0
}

function isHttpUrl(text: string): boolean {
  if (/\s/.test(text)) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** "Armenia, Economy ,armenia" → ["Armenia", "Economy"]: trimmed, empty ones dropped, one per slug. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of text.split(',')) {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (name === '') continue
    const key = slugFromText(name) || name.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(name)
  }
  return out
}

export type PublicationTimeResult =
  | { ok: true, instant: IsoInstant | null }
  | { ok: false, field: 'publish_date' | 'publish_time', key: ArticleFormErrorKey }

/**
 * The publication time as the editor enters it: a date and a time on the site's wall clock. Both empty
 * means "not set" (publish now). A wall-clock time skipped by a daylight-saving change lands just after it.
 */
export function parsePublicationTime(date: string, time: string, timeZone: string): PublicationTimeResult {
  if (date === '' && time === '') return { ok: true, instant: null }
  if (date === '') return { ok: false, field: 'publish_date', key: 'editor.error.timeWithoutDate' }
  const day = parseDay(date)
  if (!day) return { ok: false, field: 'publish_date', key: 'editor.error.date' }
  if (time === '') return { ok: false, field: 'publish_time', key: 'editor.error.dateWithoutTime' }
  const m = TIME.exec(time)
  if (!m) return { ok: false, field: 'publish_time', key: 'editor.error.time' }
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number]
  // Years outside 1000–9999 do not fit the stored ISO form; nobody publishes there.
  if (year < 1000 || year > 9999) return { ok: false, field: 'publish_date', key: 'editor.error.date' }
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC'
  return {
    ok: true,
    instant: zonedTimeToInstant({ year, month, day: dayOfMonth, hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3] ?? 0) }, zone)
  }
}

/** Normalises what an editor typed as a slug: trimmed and lower-cased; anything else must be valid. */
export function normaliseSlugInput(text: string): string {
  return text.trim().toLowerCase()
}

export function validateArticleForm(body: Record<string, unknown>, timeZone: string): ArticleFormResult {
  const raw = Object.fromEntries(ARTICLE_FIELDS.map((name) => [name, formField(body, name)])) as Record<ArticleField, FormField>
  const multiline = (text: string) => text.replace(/\r\n?/g, '\n')
  const values: ArticleFormValues = {
    headline: raw.headline.text.trim().replace(/\s+/g, ' '),
    slug: normaliseSlugInput(raw.slug.text),
    lead: multiline(raw.lead.text).trim(),
    // The body is the editor's HTML (or, without JavaScript, HTML typed in the textarea): read as a document on save.
    body: multiline(raw.body.text).replace(/\s+$/, ''),
    agency_credit: raw.agency_credit.text.trim(),
    source_url: raw.source_url.text.trim(),
    byline: raw.byline.text.trim(),
    section_id: raw.section_id.text.trim(),
    tags: raw.tags.text.trim(),
    featured_media_id: raw.featured_media_id.text.trim(),
    featured_alt: raw.featured_alt.text.trim(),
    featured_caption: multiline(raw.featured_caption.text).trim(),
    featured_credit: raw.featured_credit.text.trim(),
    publish_date: raw.publish_date.text.trim(),
    publish_time: raw.publish_time.text.trim(),
    breaking: checkbox(body, 'breaking'),
    sticky: checkbox(body, 'sticky'),
    comments_open: checkbox(body, 'comments_open')
  }

  const errors: ArticleFormErrors = {}
  for (const name of ARTICLE_FIELDS) {
    if (!raw[name].single) errors[name] = { key: 'form.singleValue' }
    else if (CONTROL_CHARACTERS.test(values[name])) errors[name] = { key: 'form.invalidCharacters' }
  }
  const check = (name: ArticleField, test: () => ArticleFieldError | ArticleFormErrorKey | null) => {
    if (errors[name]) return
    const result = test()
    if (result) errors[name] = typeof result === 'string' ? { key: result } : result
  }
  const tooLong = (text: string, max: number): ArticleFieldError | null =>
    [...text].length > max ? { key: 'form.tooLong', max } : null

  check('headline', () => values.headline === '' ? 'form.required' : tooLong(values.headline, ARTICLE_LIMITS.headline))
  check('slug', () => values.slug === '' ? null : values.slug.length > MAX_SLUG_LENGTH ? { key: 'form.tooLong', max: MAX_SLUG_LENGTH } : isValidSlug(values.slug) ? null : 'editor.error.slug')
  check('lead', () => tooLong(values.lead, ARTICLE_LIMITS.lead))
  check('body', () => tooLong(values.body, ARTICLE_LIMITS.body))
  check('agency_credit', () => tooLong(values.agency_credit, ARTICLE_LIMITS.agencyCredit))
  check('source_url', () => values.source_url === '' ? null : values.source_url.length > ARTICLE_LIMITS.sourceUrl ? { key: 'form.tooLong', max: ARTICLE_LIMITS.sourceUrl } : isHttpUrl(values.source_url) ? null : 'form.invalidUrl')
  check('byline', () => tooLong(values.byline, ARTICLE_LIMITS.byline))
  check('section_id', () => values.section_id === '' || parseId(values.section_id) !== null ? null : 'editor.error.section')
  const tags = parseTags(values.tags)
  check('tags', () => tags.length > ARTICLE_LIMITS.tags
    ? { key: 'editor.error.tooManyTags', max: ARTICLE_LIMITS.tags }
    : tags.some((tag) => [...tag].length > ARTICLE_LIMITS.tag) ? { key: 'editor.error.tagTooLong', max: ARTICLE_LIMITS.tag }
    // A tag needs letters or digits to have a page of its own (/tag/<slug>/).
    : tags.some((tag) => slugFromText(tag) === '') ? 'editor.error.tagInvalid' : null)
  check('featured_media_id', () => values.featured_media_id === '' || parseId(values.featured_media_id) !== null ? null : 'editor.error.media')
  const hasImage = values.featured_media_id !== '' && !errors.featured_media_id
  // Alt text is what a blind reader and a search engine get instead of the picture: required with one.
  check('featured_alt', () => hasImage && values.featured_alt === '' ? 'editor.error.altRequired' : tooLong(values.featured_alt, ARTICLE_LIMITS.alt))
  check('featured_caption', () => tooLong(values.featured_caption, ARTICLE_LIMITS.caption))
  check('featured_credit', () => tooLong(values.featured_credit, ARTICLE_LIMITS.credit))

  let publishedAt: IsoInstant | null = null
  if (!errors.publish_date && !errors.publish_time) {
    const time = parsePublicationTime(values.publish_date, values.publish_time, timeZone)
    if (time.ok) publishedAt = time.instant
    else errors[time.field] = { key: time.key }
  }

  if (Object.keys(errors).length > 0) return { ok: false, values, errors }
  const orNull = (text: string) => text === '' ? null : text
  return {
    ok: true,
    values,
    input: {
      headline: values.headline,
      slug: orNull(values.slug),
      lead: values.lead,
      bodySource: bodySourceFromEditorHtml(values.body),
      agencyCredit: orNull(values.agency_credit),
      sourceUrl: orNull(values.source_url),
      byline: orNull(values.byline),
      sectionId: values.section_id === '' ? null : Number(values.section_id),
      tags,
      featuredMediaId: hasImage ? Number(values.featured_media_id) : null,
      featuredAlt: hasImage ? values.featured_alt : null,
      featuredCaption: hasImage ? orNull(values.featured_caption) : null,
      featuredCredit: hasImage ? orNull(values.featured_credit) : null,
      publishedAt,
      breaking: values.breaking,
      sticky: values.sticky,
      commentsOpen: values.comments_open
    }
  }
}
