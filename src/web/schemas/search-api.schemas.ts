// TypeBox schemas of /api/v1/search (see api-v1.schemas.ts for the conventions).
import { Type, type Static } from '@sinclair/typebox'

export const SearchQuery = Type.Object({
  // No length or pattern limit here: an over-long or odd query gets the same explanation as on the page.
  q: Type.String({ description: 'What to find. Words must all appear; "quoted phrases" must appear as written; the last word also matches longer words it starts (unless followed by a space). At most 200 characters.' }),
  edition: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$', description: 'Edition to search; the default edition when omitted.' })),
  scope: Type.Optional(Type.Union([Type.Literal('edition'), Type.Literal('all')], { description: '"all" searches every edition.' })),
  section: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only this section of the edition (its slug).' })),
  from: Type.Optional(Type.String({ maxLength: 40, description: 'Published on or after this day (YYYY-MM-DD, site time zone).' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: 'Published on or before this day (YYYY-MM-DD, site time zone).' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1, description: 'Result page, 10 results each.' }))
}, { additionalProperties: false })

export const SearchResult = Type.Object({
  id: Type.Integer(),
  edition: Type.String(),
  url: Type.String({ format: 'uri', description: 'The article page.' }),
  headline: Type.String({ description: 'Plain text.' }),
  headlineHtml: Type.String({ description: 'The headline as HTML: text escaped, matching words in <mark>.' }),
  snippet: Type.String({ description: 'The passage that matched, plain text; "…" where it was cut.' }),
  snippetHtml: Type.String({ description: 'The snippet as HTML: text escaped, matching words in <mark>.' }),
  publishedAt: Type.String({ format: 'date-time' }),
  section: Type.Union([Type.String(), Type.Null()], { description: 'Section name.' })
}, { additionalProperties: false })

export const SearchResults = Type.Object({
  query: Type.String(),
  edition: Type.Union([Type.String(), Type.Null()], { description: 'The edition searched, or null for all editions.' }),
  total: Type.Integer({ description: 'Matching articles, counted up to 1000.' }),
  totalIsLowerBound: Type.Boolean({ description: 'True when more than `total` matched.' }),
  page: Type.Integer(),
  pageCount: Type.Integer({ description: 'Pages of ranked results (the newest 200 matches are ranked).' }),
  results: Type.Array(SearchResult, { description: 'Most relevant first.' }),
  next: Type.Union([Type.String({ format: 'uri' }), Type.Null()], { description: 'The next page, if any.' })
}, { additionalProperties: false })

export type SearchResultsJson = Static<typeof SearchResults>
