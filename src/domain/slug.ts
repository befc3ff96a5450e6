// URL slugs: transliterated to ASCII (Armenian, Cyrillic and accented Latin all become readable
// Latin), lower case, hyphen separated; unique within a day, since the day is part of the URL.
import slugify from '@sindresorhus/slugify'

/** Long enough to stay readable, short enough for a tidy URL and the column. */
export const MAX_SLUG_LENGTH = 80

export function slugFromText(text: string): string {
  const slug = slugify(text, { decamelize: false })
  if (slug.length <= MAX_SLUG_LENGTH) return slug
  // Cut at a word boundary so a slug never ends in half a word.
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '')
}

/** Is this a slug we would have produced (or an editor may type)? */
export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)
}

/** `base`, or `base-2`, `base-3`… whichever is not yet taken on that day. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'story'
  if (!taken.has(root)) return root
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = root.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix
    if (!taken.has(candidate)) return candidate
  }
}
