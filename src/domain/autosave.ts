// The editor's autosave: what may be kept of work in progress, and whether the editor offers it back.
// An autosave is the form as typed by one user, kept apart from the article; it never changes the
// story (docs/decisions/008-editor-autosave.md). Pure: storing and loading are the service's.
import {
  EMPTY_ARTICLE_VALUES, parseTags, type ArticleFormErrorKey, type ArticleFormErrors, type ArticleFormValues
} from './article-form.js'
import { slugFromText } from './slug.js'

/** An autosave as the editor needs it: the form's values and the version they were typed on. */
export interface AutosaveFacts {
  baseVersion: number
  values: ArticleFormValues
}

/**
 * What an autosave refuses. Work in progress may be incomplete or wrong (no headline yet, a date
 * without its time, a slug half typed): the real save checks that, and the text is kept meanwhile.
 * What no editor form sends — a field twice, control characters, more than a field holds — is refused.
 */
const REFUSED_IN_AUTOSAVE: ReadonlySet<ArticleFormErrorKey> = new Set<ArticleFormErrorKey>([
  'form.singleValue', 'form.invalidCharacters', 'form.tooLong', 'editor.error.tooManyTags', 'editor.error.tagTooLong'
])

/** The form's errors that stop an autosave (an empty object: it may be kept). */
export function autosaveProblems(errors: ArticleFormErrors): ArticleFormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, error]) => error && REFUSED_IN_AUTOSAVE.has(error.key)))
}

const STRING_FIELDS = (Object.keys(EMPTY_ARTICLE_VALUES) as (keyof ArticleFormValues)[])
  .filter((key) => typeof EMPTY_ARTICLE_VALUES[key] === 'string')

/** The tags a form names, as the save finds them (by slug: "budget" is the tag "Budget"). */
const tagKeys = (text: string) => parseTags(text).map((name) => slugFromText(name) || name.toLowerCase()).join('\n')

/** Do two forms say the same thing? Tags compare as the tags they name ("budget,Parliament" is "Budget, Parliament"). */
export function sameFormValues(a: ArticleFormValues, b: ArticleFormValues): boolean {
  if (a.breaking !== b.breaking || a.sticky !== b.sticky || a.comments_open !== b.comments_open) return false
  return STRING_FIELDS.every((key) => key === 'tags' ? tagKeys(a.tags) === tagKeys(b.tags) : a[key] === b[key])
}

/**
 * What the editor says about a user's autosave when opening the article:
 * - none: it says what the saved article says; nothing to offer.
 * - newer: typed on the version shown, so it is newer than it ("An autosave from 13:45 is newer…").
 * - outdated: typed on an earlier version; the article was saved since. Still offered, so no typing
 *   is lost, and restoring it saves against that earlier version, which shows the conflict.
 * Versions, not clocks, decide: app instances' clocks may differ, versions cannot.
 */
export type AutosaveOffer = 'none' | 'newer' | 'outdated'

export function autosaveOffer(autosave: AutosaveFacts, article: { version: number, values: ArticleFormValues }): AutosaveOffer {
  if (sameFormValues(autosave.values, article.values)) return 'none'
  return autosave.baseVersion === article.version ? 'newer' : 'outdated'
}

/**
 * The form values of a stored autosave (JSON), or null when the row is damaged: a broken autosave is
 * not offered rather than filling the form with half of it.
 */
export function parseStoredFormValues(json: string): ArticleFormValues | null {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null
  const record = data as Record<string, unknown>
  const values: Record<string, string | boolean> = { ...EMPTY_ARTICLE_VALUES }
  for (const [key, empty] of Object.entries(EMPTY_ARTICLE_VALUES)) {
    const value = record[key]
    if (value === undefined) continue
    if (typeof value !== typeof empty) return null
    values[key] = value as string | boolean
  }
  return values as unknown as ArticleFormValues
}
