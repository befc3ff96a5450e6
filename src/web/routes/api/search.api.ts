// /api/v1/search: the site search as JSON, through the same service as the search page.
import { escapeHtml } from '../../../domain/html-escape.js'
import { searchQueryString, type SearchForm, type SearchFieldError } from '../../../domain/search-form.js'
import { MAX_QUERY_LENGTH } from '../../../domain/search-query.js'
import { piecesToHtml, snippetText } from '../../../domain/search-snippet.js'
import { absoluteUrl } from '../../../domain/urls.js'
import { runSearch } from '../../../services/search.service.js'
import { SearchQuery, SearchResults, type SearchResultsJson } from '../../schemas/search-api.schemas.js'
import { sendApiError } from '../../../plugins/api-errors.js'
import { API_BASE } from './api-json.js'
import { apiRoute, type ApiRoute } from './api-route.js'

const FIELD_ERRORS: Record<SearchFieldError, string> = {
  invalidDate: 'is not a date like 2022-02-03',
  dateOrder: 'is before "from"',
  unknownSection: 'is not a section of this edition'
}

export const searchApi: ApiRoute[] = [
  apiRoute({
    method: 'GET', url: '/search', operationId: 'search', tag: 'search',
    summary: 'Full-text search of live articles',
    description: 'Ranked by relevance, with highlighted snippets; case and diacritics do not matter. Same rules as the site\'s /search page.',
    querystring: SearchQuery, response: { name: 'SearchResults', schema: SearchResults }, errors: [400, 404],
    handler: async (request, reply, { deps, settings }) => {
      const q = request.query
      const edition = q.edition ?? settings.defaultEdition
      if (!settings.editions.includes(edition)) return sendApiError(reply, 404, `no edition "${edition}"`)
      const form: SearchForm = { q: q.q, scope: q.scope === 'all' ? 'all' : 'edition', section: q.section ?? '', from: q.from ?? '', to: q.to ?? '', page: q.page ?? 1 }
      const outcome = await runSearch(deps, settings, edition, form)
      const base = { query: q.q.trim(), edition: form.scope === 'all' ? null : edition, page: form.page }
      switch (outcome.kind) {
        case 'empty': return sendApiError(reply, 400, 'q is empty: give one or more words to find')
        case 'too-long': return sendApiError(reply, 400, `q is too long: at most ${MAX_QUERY_LENGTH} characters`)
        case 'invalid': return sendApiError(reply, 400, Object.entries(outcome.errors).map(([field, error]) => `${field} ${FIELD_ERRORS[error]}`).join('; '))
        case 'no-words': return { ...base, total: 0, totalIsLowerBound: false, pageCount: 0, results: [], next: null } satisfies SearchResultsJson
      }
      const hasNext = outcome.page < outcome.pageCount
      const nextQuery = new URLSearchParams(searchQueryString(form, { page: outcome.page + 1 }))
      if (q.edition) nextQuery.set('edition', q.edition)
      return {
        ...base,
        total: outcome.total,
        totalIsLowerBound: outcome.totalCapped,
        pageCount: outcome.pageCount,
        results: outcome.items.map((item) => ({
          id: item.id,
          edition: item.edition,
          url: absoluteUrl(settings.siteUrl, item.path),
          headline: item.headline.map((p) => p.text).join(''),
          headlineHtml: piecesToHtml(item.headline, escapeHtml),
          snippet: snippetText(item.snippet),
          snippetHtml: `${item.snippet.before ? '… ' : ''}${piecesToHtml(item.snippet.pieces, escapeHtml)}${item.snippet.after ? ' …' : ''}`,
          publishedAt: item.publishedAt,
          section: item.sectionName
        })),
        next: hasNext ? absoluteUrl(settings.siteUrl, `${API_BASE}/search?${nextQuery.toString()}`) : null
      } satisfies SearchResultsJson
    }
  })
]
