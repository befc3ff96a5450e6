// The "Leave a Reply" form: what a reader may send, checked without any I/O.
// Errors are message keys, so the page can say them in the edition's language.
import { formField, type FormField } from './form-field.js'

export const COMMENT_LIMITS = {
  // WordPress's own column sizes, so imported comments fit and readers meet familiar limits.
  name: 245,
  email: 100,
  url: 200,
  // Long enough for a considered reply; longer is almost always a paste of something else.
  body: 10_000
} as const

export const COMMENT_FIELDS = ['author', 'email', 'url', 'comment'] as const
export type CommentField = typeof COMMENT_FIELDS[number]

export type CommentFormErrorKey =
  | 'form.required' | 'form.tooLong' | 'form.invalidEmail' | 'form.invalidUrl'
  | 'form.singleValue' | 'form.invalidCharacters'

export interface CommentFormValues { author: string, email: string, url: string, comment: string }

export type CommentFormResult =
  | { ok: true, values: CommentFormValues }
  | { ok: false, values: CommentFormValues, errors: Partial<Record<CommentField, { key: CommentFormErrorKey, max?: number }>> }

// Deliberately plain: one "@", something before it, a dotted domain after it, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/
// NUL and other C0 controls except tab and line breaks have no business in a comment.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/

function isHttpUrl(text: string): boolean {
  if (/\s/.test(text)) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') &&
      url.username === '' && url.password === ''
  } catch {
    return false
  }
}

/** Adds "https://" to a bare "example.com", as readers often type it. */
export function normaliseUrl(text: string): string {
  // "mailto:…" has a scheme; "example.com:8080" is a host and port (schemes have no dots).
  if (text === '' || /^[a-z][a-z0-9+-]*:/i.test(text)) return text
  return `https://${text}`
}

export function validateCommentForm(body: Record<string, unknown>, rules: { requireNameEmail: boolean } = { requireNameEmail: true }): CommentFormResult {
  const raw = Object.fromEntries(COMMENT_FIELDS.map((name) => [name, formField(body, name)])) as Record<CommentField, FormField>
  const values: CommentFormValues = {
    author: raw.author.text.trim(),
    email: raw.email.text.trim(),
    url: raw.url.text.trim(),
    // Keep the comment's own line breaks; only the ends are trimmed.
    comment: raw.comment.text.replace(/\r\n?/g, '\n').trim()
  }
  const errors: Extract<CommentFormResult, { ok: false }>['errors'] = {}

  for (const name of COMMENT_FIELDS) {
    if (!raw[name].single) errors[name] = { key: 'form.singleValue' }
    else if (CONTROL_CHARACTERS.test(values[name])) errors[name] = { key: 'form.invalidCharacters' }
  }
  const check = (name: CommentField, test: () => CommentFormErrorKey | null, max?: number) => {
    if (errors[name]) return
    const key = test()
    if (key) errors[name] = max === undefined ? { key } : { key, max }
  }
  check('author', () => values.author === '' && rules.requireNameEmail ? 'form.required' : values.author.length > COMMENT_LIMITS.name ? 'form.tooLong' : null, COMMENT_LIMITS.name)
  check('email', () => {
    if (values.email === '') return rules.requireNameEmail ? 'form.required' : null
    if (values.email.length > COMMENT_LIMITS.email) return 'form.tooLong'
    return EMAIL_PATTERN.test(values.email) ? null : 'form.invalidEmail'
  }, COMMENT_LIMITS.email)
  check('url', () => {
    if (values.url === '') return null
    if (values.url.length > COMMENT_LIMITS.url) return 'form.tooLong'
    return isHttpUrl(normaliseUrl(values.url)) ? null : 'form.invalidUrl'
  }, COMMENT_LIMITS.url)
  check('comment', () => values.comment === '' ? 'form.required' : [...values.comment].length > COMMENT_LIMITS.body ? 'form.tooLong' : null, COMMENT_LIMITS.body)

  // Error entries without a max are fine; strip undefined max for the length-free keys.
  for (const name of COMMENT_FIELDS) {
    const e = errors[name]
    if (e && e.key !== 'form.tooLong') delete e.max
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors }
  return { ok: true, values: { ...values, url: normaliseUrl(values.url) } }
}

export interface CommentEdit { authorName: string, authorUrl: string | null, body: string }
export type CommentEditField = keyof CommentEdit
export type CommentEditResult =
  | { ok: true, values: CommentEdit }
  | { ok: false, errors: Partial<Record<CommentEditField, { key: CommentFormErrorKey, max?: number }>> }

/** A moderator's correction of a comment: the same limits as the reader's form; the name is always required. */
export function validateCommentEdit(changes: CommentEdit): CommentEditResult {
  const authorName = changes.authorName.trim()
  const authorUrl = (changes.authorUrl ?? '').trim()
  const body = changes.body.replace(/\r\n?/g, '\n').trim()
  const errors: Extract<CommentEditResult, { ok: false }>['errors'] = {}
  if (CONTROL_CHARACTERS.test(authorName)) errors.authorName = { key: 'form.invalidCharacters' }
  else if (authorName === '') errors.authorName = { key: 'form.required' }
  else if (authorName.length > COMMENT_LIMITS.name) errors.authorName = { key: 'form.tooLong', max: COMMENT_LIMITS.name }
  if (authorUrl !== '') {
    if (authorUrl.length > COMMENT_LIMITS.url) errors.authorUrl = { key: 'form.tooLong', max: COMMENT_LIMITS.url }
    else if (!isHttpUrl(normaliseUrl(authorUrl))) errors.authorUrl = { key: 'form.invalidUrl' }
  }
  if (CONTROL_CHARACTERS.test(body)) errors.body = { key: 'form.invalidCharacters' }
  else if (body === '') errors.body = { key: 'form.required' }
  else if ([...body].length > COMMENT_LIMITS.body) errors.body = { key: 'form.tooLong', max: COMMENT_LIMITS.body }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, values: { authorName, authorUrl: authorUrl === '' ? null : normaliseUrl(authorUrl), body } }
}
