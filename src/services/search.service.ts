// Search: read the form, check it, ask the index, and turn the hits into what a results page shows
// (links, dates, highlighted headlines and snippets). Used by the search page and the JSON API alike.
import { dayRange } from '../domain/days.js'
import { RESULTS_PER_PAGE, searchDates, type SearchForm, type SearchFormErrors } from '../domain/search-form.js'
import { MAX_QUERY_LENGTH, parseSearchQuery, type SearchTerm } from '../domain/search-query.js'
import { bestSnippet, highlightAll, openingSnippet, type Snippet, type TextPiece } from '../domain/search-snippet.js'
import { htmlToText } from '../domain/search-text.js'
import type { SiteSettings } from '../domain/settings.js'
import { articlePath, editionPrefix } from '../domain/urls.js'
import { RANK_DEPTH, searchArticles, searchableSections, type SearchHit } from '../db/repositories/search.repository.js'
import type { Deps } from './deps.js'

export { RESULTS_PER_PAGE }

export interface SectionChoice { slug: string, name: string }

export interface SearchResultItem {
  id: number
  edition: string
  /** Path on this site, with the edition's prefix. */
  path: string
  headline: TextPiece[]
  snippet: Snippet
  publishedAt: string
  sectionName: string | null
}

interface Common {
  form: SearchForm
  /** Sections of the page's edition, for the filter. */
  sections: SectionChoice[]
}

export type SearchOutcome = Common & (
  /** Nothing typed yet: the page shows the form. */
  | { kind: 'empty' }
  | { kind: 'too-long', max: number }
  /** Characters but no words (only quotes, stars, dashes…). */
  | { kind: 'no-words' }
  | { kind: 'invalid', errors: SearchFormErrors }
  | {
      kind: 'results'
      terms: SearchTerm[]
      total: number
      /** More matched than were counted; `total` is the cap. */
      totalCapped: boolean
      page: number
      pageCount: number
      items: SearchResultItem[]
    }
)

/** Runs a search for the edition whose page it is (the scope may widen it to every edition). */
export async function runSearch(deps: Deps, settings: SiteSettings, edition: string, form: SearchForm): Promise<SearchOutcome> {
  const sectionRows = await searchableSections(deps.db, edition)
  const common = { form, sections: sectionRows.map((s) => ({ slug: s.slug, name: s.name })) }
  const parsed = parseSearchQuery(form.q)
  if (parsed.kind === 'empty') return { ...common, kind: 'empty' }
  if (parsed.kind === 'too-long') return { ...common, kind: 'too-long', max: MAX_QUERY_LENGTH }
  if (parsed.kind === 'no-words') return { ...common, kind: 'no-words' }

  const { from, to, errors } = searchDates(form)
  const section = form.section === '' ? null : sectionRows.find((s) => s.slug === form.section)
  if (section === undefined) errors.section = 'unknownSection'
  if (Object.keys(errors).length > 0) return { ...common, kind: 'invalid', errors }

  const results = await searchArticles(deps.db, {
    terms: parsed.terms,
    edition: form.scope === 'all' ? null : edition,
    sectionId: section?.id ?? null,
    from: from ? dayRange(from, settings.timeZone).start : null,
    to: to ? dayRange(to, settings.timeZone).end : null,
    now: deps.clock(),
    limit: RESULTS_PER_PAGE,
    offset: (form.page - 1) * RESULTS_PER_PAGE
  })
  return {
    ...common,
    kind: 'results',
    terms: parsed.terms,
    total: results.total,
    totalCapped: results.totalCapped,
    page: form.page,
    pageCount: Math.ceil(Math.min(results.reachable, RANK_DEPTH) / RESULTS_PER_PAGE),
    items: results.hits.map((hit) => resultItem(settings, hit, parsed.terms))
  }
}

function resultItem(settings: SiteSettings, hit: SearchHit, terms: SearchTerm[]): SearchResultItem {
  const text = [hit.lead, htmlToText(hit.bodyHtml)].filter((part) => part !== '').join('\n')
  return {
    id: hit.id,
    edition: hit.edition,
    path: articlePath(editionPrefix(hit.edition, settings.defaultEdition), hit.publishedAt, hit.slug, settings.timeZone),
    headline: highlightAll(hit.headline, terms),
    // A story found by its headline or tags alone opens with its lead, unmarked.
    snippet: bestSnippet(text, terms) ?? openingSnippet(text),
    publishedAt: hit.publishedAt,
    sectionName: hit.sectionName
  }
}
