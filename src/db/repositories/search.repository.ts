// Full-text search: one store function (searchArticles) over SQLite FTS5 and PostgreSQL tsvector + GIN.
// Every write path that changes an article calls indexArticle / unindexArticle inside its own transaction,
// so the index never disagrees with the articles table. Both engines index the tokens Lede makes
// (src/domain/search-text.ts), so "what is a word" and diacritic folding are the same on both.
//
// How a search runs, the same way on both engines (docs/decisions/007-search-tokens-windows-and-counts.md):
// 1. Candidates: the newest RANK_DEPTH matching stories. To find them without touching every match of a
//    common word, matches are looked up in widening recency windows (the last week … half a year, a
//    year, two, then all time); each document carries week, month and year tokens, so a window is an
//    index lookup. The first window holding RANK_DEPTH matches is enough; how many the last one held
//    tells how far to jump.
// 2. Ranking: candidates are ordered by relevance (FTS5 bm25, PostgreSQL ts_rank), headline above lead
//    and tags above body. A rare word's matches are all candidates, so they are all ranked.
// 3. Count: when the windows reached all time, the matches found are all there are. Otherwise the
//    matches are counted up to COUNT_CAP ("more than 1,000"); for phrases, whose every candidate must be
//    checked word by word, counting stops at what the windows found ("more than 200").
// Visibility: the index holds articles whose status can be public (published, scheduled); stories whose
// time has not come yet are excluded when searching, and the page's rows are read back from articles
// with the public-visibility rule, so nothing unpublished, trashed or early can ever appear.
import type { PublishedArticle } from '../../domain/published-article.js'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { chunksFor } from '../chunks.js'
import { insertRows } from '../insert-rows.js'
import type { Database, DbOrTrx } from '../database.js'
import { isPostgres } from '../engine.js'
import { LIVE_STATUSES, type ArticleStatus } from '../../domain/publishing.js'
import type { SearchTerm } from '../../domain/search-query.js'
import { searchTokens } from '../../domain/search-text.js'
import {
  editionFacet, facetsOf, FIELDS, ftsMatchText, recencyWindows, searchableText, sectionFacet, tsqueryText, tsvectorText
} from '../../domain/search-index.js'
import type { IsoInstant } from '../../domain/days.js'
import { isLive } from './articles.repository.js'

/** How many of the newest matches are ranked by relevance: 20 pages of 10, more than readers page through. */
export const RANK_DEPTH = 200
/** Counting stops here: counting every story that mentions a common word costs more than the number is worth. */
export const COUNT_CAP = 1000

/** bm25 column weights in table order (facets, headline, lead, keywords, body); ts_rank uses the same ratios. */
const BM25_WEIGHTS = [0, 10, 4, 4, 1] as const
/** ts_rank weights for D, C, B, A: headline A, lead and keywords B, body C. */
const TS_RANK_WEIGHTS = '{0, 0.1, 0.4, 1.0}'

const LIVE = LIVE_STATUSES as readonly ArticleStatus[]

interface IndexSource {
  id: number
  edition: string
  status: ArticleStatus
  published_at: string | null
  section_id: number | null
  headline: string
  lead: string
  body_html: string
  byline: string | null
}

const SOURCE_COLUMNS = ['id', 'edition', 'status', 'published_at', 'section_id', 'headline', 'lead', 'body_html', 'byline'] as const

// ---------------------------------------------------------------------------------------------------
// Writing the index

async function tagNames(db: DbOrTrx, articleIds: readonly number[]): Promise<Map<number, readonly string[]>> {
  const byArticle = new Map<number, string[]>()
  if (articleIds.length === 0) return byArticle
  const rows = await db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.name']).where('article_tags.article_id', 'in', [...articleIds])
    // One order whatever the plan (one article or a batch): the keywords' word positions depend on it.
    .orderBy('article_tags.article_id').orderBy('article_tags.tag_id').execute()
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? []
    list.push(row.name)
    byArticle.set(row.article_id, list)
  }
  return byArticle
}

const DOCUMENT_COLUMNS = ['article_id', 'edition', 'section_id', 'published_at', 'document'] as const

/**
 * Writes index entries; `fresh` when the index is known not to hold them (a rebuild, new articles), which
 * saves a delete each; `tags` when the caller has just read or written the articles' tag names.
 */
async function writeDocuments(db: DbOrTrx, sources: readonly IndexSource[], options: { fresh?: boolean, tags?: ReadonlyMap<number, readonly string[]> } = {}): Promise<void> {
  if (sources.length === 0) return
  const tags = options.tags ?? await tagNames(db, sources.map((s) => s.id))
  if (isPostgres(db)) {
    const rows = sources.map((source) => ({
      article_id: source.id,
      edition: source.edition,
      section_id: source.section_id,
      published_at: source.published_at!,
      document: tsvectorText(searchableText(source, tags.get(source.id) ?? []), facetsOf(source))
    }))
    // insert-rows.ts: an import's batch writes hundreds of entries, which PostgreSQL takes faster as one JSON value.
    await insertRows(db, 'search_documents', DOCUMENT_COLUMNS, rows.map((row) => DOCUMENT_COLUMNS.map((c) => row[c])),
      'on conflict ("article_id") do update set "edition" = excluded."edition", "section_id" = excluded."section_id", ' +
      '"published_at" = excluded."published_at", "document" = excluded."document"')
    return
  }
  if (!options.fresh) {
    for (const chunk of chunksFor(sources, 1)) await sql`delete from search_fts where rowid in (${sql.join(chunk.map((s) => s.id))})`.execute(db)
  }
  for (const chunk of chunksFor(sources, 6)) {
    const rows = chunk.map((source) => {
      const text = searchableText(source, tags.get(source.id) ?? [])
      const [headline, lead, keywords, body] = FIELDS.map((field) => searchTokens(text[field]).join(' '))
      return sql`(${source.id}, ${facetsOf(source).join(' ')}, ${headline}, ${lead}, ${keywords}, ${body})`
    })
    await sql`insert into search_fts (rowid, facets, headline, lead, keywords, body) values ${sql.join(rows)}`.execute(db)
  }
}

/**
 * (Re)indexes one article from its current row: articles that can be public (published, scheduled) are
 * indexed, any other status is taken out. Whether the publication time has come is checked at query time.
 */
export async function indexArticle(db: DbOrTrx, articleId: number): Promise<void> {
  const source = await db.selectFrom('articles').select(SOURCE_COLUMNS).where('id', '=', articleId).executeTakeFirst()
  if (!source || !LIVE.includes(source.status) || source.published_at === null) {
    await unindexArticle(db, articleId)
    return
  }
  await writeDocuments(db, [source])
}

/**
 * Indexes articles just inserted in this transaction, from their rows and tag names as written: nothing
 * is read back, and nothing is deleted first, since no entry can exist for an id never used before
 * (ids only grow: AUTOINCREMENT on SQLite, a sequence on PostgreSQL).
 */
export async function indexNewArticles(db: DbOrTrx, rows: readonly IndexSource[], tags: ReadonlyMap<number, readonly string[]>): Promise<void> {
  await writeDocuments(db, rows.filter((row) => LIVE.includes(row.status) && row.published_at !== null), { fresh: true, tags })
}

/** Removes an article from the index (before it is deleted, or when it stops being public). */
export async function unindexArticle(db: DbOrTrx, articleId: number): Promise<void> {
  if (isPostgres(db)) await db.deleteFrom('search_documents').where('article_id', '=', articleId).execute()
  else await sql`delete from search_fts where rowid = ${articleId}`.execute(db)
}

/**
 * Rebuilds the whole index from the articles table, in batches, in one transaction (readers keep the old
 * index until it commits). For upgrades, bulk imports and the benchmark.
 */
export async function rebuildSearchIndex(db: DbOrTrx, options: { batchSize?: number } = {}): Promise<number> {
  if (!db.isTransaction) return (db as Kysely<Database>).transaction().execute((trx) => rebuildSearchIndex(trx, options))
  const batchSize = options.batchSize ?? 500
  const pg = isPostgres(db)
  if (pg) {
    // Loading into a table without the GIN index and building it once is several times faster.
    await sql`truncate search_documents`.execute(db)
    await sql`drop index if exists search_documents_document_idx`.execute(db)
  } else {
    await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db)
  }
  // FTS5 merges its segments as they grow; with SQLite's default 2 MB page cache each merge rereads the
  // index from the file. 256 MB for the rebuild cut it from about 270 s to 100 s for 200,000 articles.
  const cacheSize = pg ? null : (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size ?? -2000
  if (cacheSize !== null) await sql.raw('pragma cache_size = -262144').execute(db)
  let after = 0
  let indexed = 0
  for (;;) {
    const batch = await db.selectFrom('articles').select(SOURCE_COLUMNS)
      .where('id', '>', after).where('status', 'in', LIVE).where('published_at', 'is not', null)
      .orderBy('id').limit(batchSize).execute()
    if (batch.length === 0) break
    await writeDocuments(db, batch, { fresh: true })
    indexed += batch.length
    after = batch[batch.length - 1]!.id
  }
  if (pg) {
    await sql`set local maintenance_work_mem = '256MB'`.execute(db)
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db)
    await sql`analyze search_documents`.execute(db)
  } else {
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db)
    await sql.raw(`pragma cache_size = ${Number(cacheSize)}`).execute(db)
  }
  return indexed
}

// ---------------------------------------------------------------------------------------------------
// Querying

export interface SearchFilters {
  /** One edition, or null for every edition. */
  edition: string | null
  sectionId?: number | null
  /** Published at or after this instant. */
  from?: IsoInstant | null
  /** Published before this instant. */
  to?: IsoInstant | null
}

export interface SearchRequest extends SearchFilters {
  terms: readonly SearchTerm[]
  now: Date
  limit: number
  offset: number
}

/** A search result: a live article's fields as listings show them, with its section's name. */
export type SearchHit = Pick<PublishedArticle, 'id' | 'edition' | 'slug' | 'headline' | 'lead' | 'bodyHtml' | 'publishedAt'> & { sectionName: string | null }

export interface SearchResults {
  /** Every visible match, counted up to COUNT_CAP (for phrases, up to what the recency windows found). */
  total: number
  /** More than `total` matched. */
  totalCapped: boolean
  /** How many results can be paged through: the ranked candidates. */
  reachable: number
  hits: SearchHit[]
}

interface Candidate { id: number, publishedAt: string, score: number }

/** The engine-specific steps of a search; both implementations answer the same questions the same way. */
interface SearchEngine {
  /** Every visible match within a window (null: all time), with a relevance score when it comes free. */
  windowMatches(window: string[] | null): Promise<Candidate[]>
  /** Relevance of the chosen candidates (found in `window`), higher is better. */
  score(candidates: Candidate[], window: string[] | null): Promise<void>
  /** Visible matches, counted up to COUNT_CAP + 1; not asked for phrases (see the top of this file). */
  count(): Promise<number>
}

/**
 * The terms a ranking function is given. Every candidate already matched the query, phrases included;
 * ranking by a phrase's words costs a fraction of ranking by the phrase (whose weight needs every document
 * holding it found, position by position) and orders the same documents sensibly.
 */
function rankingTerms(terms: readonly SearchTerm[], options: { keepPrefix: boolean }): SearchTerm[] {
  return terms.flatMap((term) => term.tokens.length > 1
    ? term.tokens.map((token) => ({ tokens: [token], prefix: false }))
    : [{ ...term, prefix: options.keepPrefix && term.prefix }])
}

function filterFacets(request: SearchRequest): string[] {
  const facets: string[] = []
  if (request.edition !== null) facets.push(editionFacet(request.edition))
  if (request.sectionId != null) facets.push(sectionFacet(request.sectionId))
  return facets
}

function postgresEngine(db: DbOrTrx, request: SearchRequest): SearchEngine {
  const now = request.now.toISOString()
  const all = filterFacets(request)
  const conditions = (tsquery: string): RawBuilder<unknown> => {
    const list: RawBuilder<unknown>[] = [sql`document @@ ${tsquery}::tsquery`, sql`published_at <= ${now}`]
    if (request.from != null) list.push(sql`published_at >= ${request.from}`)
    if (request.to != null) list.push(sql`published_at < ${request.to}`)
    return sql.join(list, sql` and `)
  }
  return {
    async windowMatches(window) {
      const where = conditions(tsqueryText(request.terms, { all, anyOf: window }))
      const { rows } = await sql<{ id: number, published_at: string }>`select article_id as id, published_at from search_documents where ${where}`.execute(db)
      return rows.map((r) => ({ id: r.id, publishedAt: r.published_at, score: 0 }))
    },
    async score(candidates) {
      if (candidates.length === 0) return
      // Ranking looks at the reader's terms only (facet lexemes would add the same to every candidate), and
      // at the last word as typed: ts_rank counts "war" and "war":* as one item, so the whole word must be
      // asked for alone for "war" to rank above "warm".
      const rankQuery = tsqueryText(rankingTerms(request.terms, { keepPrefix: false }))
      const { rows } = await sql<{ id: number, score: number }>`select article_id as id,
        ts_rank(${TS_RANK_WEIGHTS}::float4[], document, ${rankQuery}::tsquery, 1) as score
        from search_documents where article_id = any(${candidates.map((c) => c.id)}::int[])`.execute(db)
      const scores = new Map(rows.map((r) => [r.id, Number(r.score)]))
      for (const c of candidates) c.score = scores.get(c.id) ?? 0
    },
    async count() {
      const where = conditions(tsqueryText(request.terms, { all }))
      const query = sql<{ n: number }>`select count(*) as n from (select 1 from search_documents where ${where} limit ${COUNT_CAP + 1}) matches`
      if (db.isTransaction) return Number((await query.execute(db)).rows[0]?.n ?? 0)
      // With LIMIT, the planner reads "1,001 of 60,000 rows" as cheap by sequential scan, then unpacks a
      // document per row to test @@; the GIN bitmap finds them in a few milliseconds instead.
      return (db as Kysely<Database>).transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx)
        return Number((await query.execute(trx)).rows[0]?.n ?? 0)
      })
    }
  }
}

function sqliteEngine(db: DbOrTrx, request: SearchRequest): SearchEngine {
  const now = request.now.toISOString()
  const all = filterFacets(request)
  // Live articles whose publication time is still ahead: a handful at most, excluded as a small set.
  const conditions = (match: string): RawBuilder<unknown> => {
    const list: RawBuilder<unknown>[] = [
      sql`search_fts match ${match}`,
      sql`search_fts.rowid not in (select id from articles where status in (${sql.join(LIVE)}) and published_at > ${now})`
    ]
    if (request.from != null) list.push(sql`a.published_at >= ${request.from}`)
    if (request.to != null) list.push(sql`a.published_at < ${request.to}`)
    return sql.join(list, sql` and `)
  }
  const [wFacets, wHeadline, wLead, wKeywords, wBody] = BM25_WEIGHTS
  return {
    async windowMatches(window) {
      const where = conditions(ftsMatchText(request.terms, { all, anyOf: window }))
      const { rows } = await sql<{ id: number, published_at: string }>`select search_fts.rowid as id, a.published_at
        from search_fts join articles a on a.id = search_fts.rowid where ${where}`.execute(db)
      return rows.map((r) => ({ id: r.id, publishedAt: r.published_at, score: 0 }))
    },
    async score(candidates, window) {
      if (candidates.length === 0) return
      // bm25 first counts, for every phrase of the query, the documents holding it (for its weight): for a
      // common word or the edition facet, tens of thousands. So it runs once, on the candidates, with the
      // window's small facets and without the edition's. "+rowid" keeps SQLite from running the MATCH once
      // per id. bm25 is lower for better matches; negated so that higher is better on both engines.
      const match = ftsMatchText(rankingTerms(request.terms, { keepPrefix: true }), { all: [], anyOf: window })
      const { rows } = await sql<{ id: number, score: number }>`select rowid as id,
        -bm25(search_fts, ${wFacets}, ${wHeadline}, ${wLead}, ${wKeywords}, ${wBody}) as score
        from search_fts where search_fts match ${match} and +rowid in (${sql.join(candidates.map((c) => c.id))})`.execute(db)
      const scores = new Map(rows.map((r) => [r.id, r.score]))
      for (const c of candidates) c.score = scores.get(c.id) ?? 0
    },
    async count() {
      const where = conditions(ftsMatchText(request.terms, { all }))
      const dated = request.from != null || request.to != null
      const from = dated ? sql`search_fts join articles a on a.id = search_fts.rowid` : sql`search_fts`
      const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1 from ${from} where ${where} limit ${COUNT_CAP + 1})`.execute(db)
      return Number(rows[0]?.n ?? 0)
    }
  }
}

const newestFirst = (a: Candidate, b: Candidate) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : b.id - a.id)

/**
 * Articles matching every term, best first, visible now: published or scheduled with their time passed.
 * The page's rows are read back from articles with the same visibility rule.
 */
export async function searchArticles(db: DbOrTrx, request: SearchRequest): Promise<SearchResults> {
  if (request.terms.length === 0) return { total: 0, totalCapped: false, reachable: 0, hits: [] }
  const engine = isPostgres(db) ? postgresEngine(db, request) : sqliteEngine(db, request)

  const phrase = request.terms.some((term) => term.tokens.length > 1)
  const pg = isPostgres(db)
  // PostgreSQL runs the count on another connection while the windows are searched; SQLite counts only if needed.
  const counting = pg && !phrase ? engine.count() : null
  counting?.catch(() => {})
  let matches: Candidate[] = []
  let complete = false
  let found: string[] | null = null
  // Windows reach back from the end of the date filter, if there is one: an old date range starts there.
  const anchor = request.to != null && request.to < request.now.toISOString() ? new Date(request.to) : request.now
  const windows = recencyWindows(anchor)
  for (let i = 0; i < windows.length;) {
    const window = windows[i]!
    matches = await engine.windowMatches(window.facets)
    found = window.facets
    complete = window.facets === null
    if (matches.length >= RANK_DEPTH || complete) break
    // Skip to the window likely to hold enough, judging by how many this one held (with some margin).
    const wanted = matches.length > 0 ? window.days * (RANK_DEPTH / matches.length) * 1.25 : window.days * 8
    const next = windows.findIndex((w, j) => j > i && w.days >= wanted)
    i = next === -1 ? windows.length - 1 : next
  }
  const candidates = matches.sort(newestFirst).slice(0, RANK_DEPTH)
  await engine.score(candidates, found)
  // Scores keep nine significant digits, so float noise never decides an order; ties go to the newer story.
  // (bm25 can be tiny: FTS5 floors the weight of a word most documents contain at 1e-6.)
  for (const c of candidates) c.score = Number(c.score.toPrecision(9))
  const ranked = candidates.sort((a, b) => b.score - a.score || newestFirst(a, b))
  let counted: number
  if (complete) counted = matches.length
  else if (phrase) return { ...await page(), total: matches.length, totalCapped: true }
  else counted = await (counting ?? engine.count())
  return { ...await page(), total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP }

  async function page() {
    const pageIds = ranked.slice(request.offset, request.offset + request.limit).map((c) => c.id)
    return { reachable: ranked.length, hits: await hitsById(db, pageIds, request.now) }
  }
}

/** The sections of an edition a search can be narrowed to, by name. */
export async function searchableSections(db: DbOrTrx, edition: string): Promise<{ id: number, slug: string, name: string }[]> {
  return db.selectFrom('sections').select(['id', 'slug', 'name']).where('edition', '=', edition).orderBy('name').orderBy('id').execute()
}

async function hitsById(db: DbOrTrx, ids: number[], now: Date): Promise<SearchHit[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id', 'articles.edition', 'articles.slug', 'articles.headline', 'articles.lead', 'articles.body_html',
      'articles.published_at', 'sections.name as section_name'
    ])
    .where('articles.id', 'in', ids)
    .where(isLive(now))
    .execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    return row
      ? [{
          id: row.id, edition: row.edition, slug: row.slug, headline: row.headline, lead: row.lead, bodyHtml: row.body_html,
          publishedAt: row.published_at!, sectionName: row.section_name
        }]
      : []
  })
}
