// Desk checks before publishing (issue 17, item 6): what a copy desk looks at before a story goes out,
// worked out from the article's fields alone. The editor shows them beside the form, rendered on the
// server at every save or preview; /assets/article-editor.js repeats the same rules as you type (keep the
// two in step). Which internal links point to unpublished stories needs the database: the caller passes
// that in (services/desk-checks.service.ts).
import { parseDay, type Day } from './days.js'

/** Search results show about this many characters of a title; social cards cut headlines near 70. */
export const HEADLINE_WARN_LENGTH = 70
export const SEARCH_TITLE_LENGTH = 60
/** Search results show about this much of the description (the lead). */
export const SEARCH_DESCRIPTION_LENGTH = 160
export const CARD_DESCRIPTION_LENGTH = 200

/**
 * Silent reading speed, words a minute (Trauzettel-Klosinski & Dietz, 2012: English 228, Russian 184).
 * Armenian was not measured; its words are as long as Russian ones, so it reads at the Russian pace.
 */
const WORDS_PER_MINUTE: Record<string, number> = { en: 230, ru: 185, hy: 185 }
const DEFAULT_WORDS_PER_MINUTE = 200

export type DeskLevel = 'ok' | 'warning' | 'problem'

export type DeskCheckId = 'length' | 'headline' | 'lead' | 'section' | 'featuredAlt' | 'bodyAlt' | 'httpLinks' | 'unpublishedLinks'

export interface DeskCheck {
  id: DeskCheckId
  level: DeskLevel
  /** The message: `admin.desk.<id>.<level>` (the view adds the prefix). */
  numbers: Record<string, number>
  /** The addresses a link check found, to list under it. */
  urls?: string[]
}

export interface DeskInput {
  headline: string
  lead: string
  /** The body as typed (Markdown until the rich editor lands): for the word count. */
  bodySource: string
  /** The body rendered and sanitised as readers get it: for its links and images. */
  bodyHtml: string
  hasSection: boolean
  /** The featured image's alt text, or null without a featured image. */
  featuredAlt: string | null
  /** The edition's language, for the reading speed and word boundaries. */
  language: string
  /** Internal links found to point to unpublished articles; null when not looked up (the check is skipped). */
  unpublishedLinks: string[] | null
}

export interface DeskReport {
  checks: DeskCheck[]
  words: number
  minutes: number
}

/** Text of Markdown as a reader sees it: link and image addresses and HTML tags left out. */
export function markdownText(source: string): string {
  return source
    // [text](address) and ![alt](address): the address is not read.
    .replace(/\]\([^()\s]*(?:\s+"[^"]*")?\)/g, '] ')
    .replace(/<[^<>]*>/g, ' ')
}

/**
 * A word: letters, digits and combining marks, joined by an apostrophe ("don’t") or, between digits, by a
 * decimal or time separator ("3.5", "13:30"). Hyphens split words, as Intl.Segmenter does.
 */
const WORD_RUN = /[\p{L}\p{N}\p{M}]+(?:(?:['’]|(?<=\p{N})[.,:](?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu
/** Scripts written without spaces between words: only Intl.Segmenter's dictionaries can count those. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

const segmenters = new Map<string, Intl.Segmenter | null>()

function segmenterFor(language: string): Intl.Segmenter | null {
  if (!segmenters.has(language)) {
    let made: Intl.Segmenter | null = null
    try {
      made = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(language, { granularity: 'word' }) : null
    } catch {
      made = null
    }
    // Languages come from the settings: a handful.
    if (segmenters.size > 50) segmenters.clear()
    segmenters.set(language, made)
  }
  return segmenters.get(language) ?? null
}

/**
 * Words in the text. Spaces and punctuation separate words in English, Russian and Armenian, and a
 * regular expression finds them at a fraction of Intl.Segmenter's cost (it builds an object per segment:
 * half a second for 20,000 punctuation marks); runs in Chinese, Japanese, Thai and the like go to the
 * segmenter, where the runtime has one.
 */
export function countWords(text: string, language: string): number {
  let count = 0
  for (const m of text.matchAll(WORD_RUN)) {
    const run = m[0]
    const segmenter = UNSPACED.test(run) ? segmenterFor(language) : null
    if (!segmenter) {
      count++
      continue
    }
    for (const segment of segmenter.segment(run)) if (segment.isWordLike) count++
  }
  return count
}

/** Minutes to read, rounded, at least one for any text at all. */
export function readingMinutes(words: number, language: string): number {
  if (words === 0) return 0
  const pace = WORDS_PER_MINUTE[language.toLowerCase().split('-')[0]!] ?? DEFAULT_WORDS_PER_MINUTE
  return Math.max(1, Math.round(words / pace))
}

/** Characters as a reader counts them (code points: an Armenian letter or an emoji is one). */
export function characterCount(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** Cut to `max` characters at a word boundary when there is one near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** The href of every link in sanitised HTML (double-quoted, as the sanitiser writes them). */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/<a\s[^<>]*?href="([^"]*)"/g)].map((m) => decodeAttribute(m[1]!))
}

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!)
}

/** Images in sanitised HTML that have no alt text (or only space). */
export function imagesWithoutAlt(html: string): number {
  let n = 0
  for (const m of html.matchAll(/<img\b([^<>]*)>/g)) {
    const alt = /\salt="([^"]*)"/.exec(m[1]!)
    if (!alt || alt[1]!.trim() === '') n++
  }
  return n
}

/** An article of this site that a link points to, by its public URL (DESIGN §4). */
export interface ArticleTarget { href: string, edition: string, day: Day, slug: string }

const ARTICLE_PATH = /^(?:\/([a-z]{2,3}(?:-[a-z0-9]{1,8})?))?\/(\d{4})\/(\d{2})\/(\d{2})\/([^/?#]+)\/?(?:[?#].*)?$/i

/**
 * The links that point to this site's own articles (relative, or absolute on the site's address), with
 * the edition, day and slug their URL names. Other links, and paths that are not article URLs, are left out.
 */
export function articleTargets(hrefs: readonly string[], site: { siteUrl: string, editions: readonly string[], defaultEdition: string }): ArticleTarget[] {
  let origin: string | null = null
  try {
    origin = new URL(site.siteUrl).origin
  } catch {
    origin = null
  }
  const targets: ArticleTarget[] = []
  for (const href of hrefs) {
    let path: string | null = null
    if (href.startsWith('/') && !href.startsWith('//')) path = href
    else if (origin && /^https?:\/\//i.test(href)) {
      try {
        const url = new URL(href)
        if (url.origin === origin || url.host === new URL(origin).host) path = url.pathname
      } catch {
        path = null
      }
    }
    if (path === null) continue
    const m = ARTICLE_PATH.exec(path)
    if (!m) continue
    const edition = m[1] ? m[1].toLowerCase() : site.defaultEdition
    if (m[1] && (edition === site.defaultEdition || !site.editions.includes(edition))) continue
    const day = parseDay(`${m[2]}-${m[3]}-${m[4]}`)
    if (!day) continue
    let slug: string
    try {
      slug = decodeURIComponent(m[5]!)
    } catch {
      continue
    }
    targets.push({ href, edition, day, slug })
  }
  return targets
}

/** Every check, in the order the panel lists them. */
export function deskChecks(input: DeskInput): DeskReport {
  const words = countWords(markdownText(input.bodySource), input.language)
  const minutes = readingMinutes(words, input.language)
  const headlineLength = characterCount(input.headline.trim())
  const links = linksOf(input.bodyHtml)
  const http = [...new Set(links.filter((href) => /^http:/i.test(href.trim())))]
  const bodyAlt = imagesWithoutAlt(input.bodyHtml)
  const checks: DeskCheck[] = [
    { id: 'length', level: words === 0 ? 'warning' : 'ok', numbers: { words, minutes } },
    {
      id: 'headline',
      level: headlineLength === 0 ? 'problem' : headlineLength > HEADLINE_WARN_LENGTH ? 'warning' : 'ok',
      numbers: { length: headlineLength, max: HEADLINE_WARN_LENGTH }
    },
    { id: 'lead', level: input.lead.trim() === '' ? 'warning' : 'ok', numbers: {} },
    { id: 'section', level: input.hasSection ? 'ok' : 'warning', numbers: {} },
    { id: 'featuredAlt', level: input.featuredAlt !== null && input.featuredAlt.trim() === '' ? 'problem' : 'ok', numbers: {} },
    { id: 'bodyAlt', level: bodyAlt > 0 ? 'problem' : 'ok', numbers: { count: bodyAlt } },
    { id: 'httpLinks', level: http.length > 0 ? 'warning' : 'ok', numbers: { count: http.length }, urls: http }
  ]
  if (input.unpublishedLinks !== null) {
    const unpublished = [...new Set(input.unpublishedLinks)]
    checks.push({ id: 'unpublishedLinks', level: unpublished.length > 0 ? 'problem' : 'ok', numbers: { count: unpublished.length }, urls: unpublished })
  }
  return { checks, words, minutes }
}

/** What a search engine shows for the article: the page's <title> and meta description (views/layout.tsx). */
export function searchPreview(a: { headline: string, lead: string, siteName: string, url: string }): { title: string, url: string, description: string } {
  const headline = a.headline.trim()
  const title = headline === '' ? a.siteName : `${headline} — ${a.siteName}`
  return {
    title: truncate(title, SEARCH_TITLE_LENGTH),
    url: a.url,
    description: truncate((a.lead.trim() || headline).replace(/\s+/g, ' '), SEARCH_DESCRIPTION_LENGTH)
  }
}

/** What a social network's card shows: og:title, og:description (the lead, or the headline), the site. */
export function socialPreview(a: { headline: string, lead: string, siteName: string, siteUrl: string }): { title: string, description: string, site: string } {
  let host = a.siteName
  try {
    host = new URL(a.siteUrl).host
  } catch {
    host = a.siteName
  }
  return {
    title: a.headline.trim(),
    description: truncate((a.lead.trim() || a.headline.trim()).replace(/\s+/g, ' '), CARD_DESCRIPTION_LENGTH),
    site: host.toUpperCase()
  }
}
