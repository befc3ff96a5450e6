// Loads the synthetic corpus into a migrated database: sections, then articles in large batches. The
// search index is built afterwards, separately timed (rebuildSearchIndex), as an import would do it.
import { sql } from 'kysely'
import type { Db } from '../../src/db/database.js'
import { escapeHtml } from '../../src/domain/html-escape.js'
import { buildLanguages, generateArticle, rng, type Language } from './corpus.js'

export const SECTIONS = ['politics', 'economy', 'society', 'culture', 'sport', 'world']
/** Three years of news ending at this instant. */
export const CORPUS_END = Date.parse('2026-11-01T00:00:00.000Z')
const SPAN_MS = 3 * 365 * 86_400_000

export async function seedCorpus(db: Db, count: number, log: (line: string) => void): Promise<Language[]> {
  const languages = buildLanguages()
  const sectionIds = new Map<string, number[]>()
  for (const language of languages) {
    const ids: number[] = []
    for (const slug of SECTIONS) {
      const row = await db.insertInto('sections').values({ edition: language.edition, slug, name: slug, parent_id: null })
        .returning('id').executeTakeFirstOrThrow()
      ids.push(row.id)
    }
    sectionIds.set(language.edition, ids)
  }
  const random = rng(42)
  // Big statements, few round trips; PostgreSQL allows 65,535 parameters per statement.
  const batchSize = 1000
  for (let start = 0; start < count; start += batchSize) {
    const rows = []
    for (let n = start; n < Math.min(count, start + batchSize); n++) {
      const a = generateArticle(languages, n)
      // Spread evenly over the span, oldest first, with jitter.
      const publishedAt = new Date(CORPUS_END - SPAN_MS + Math.floor((n + random()) * (SPAN_MS / count))).toISOString()
      const ids = sectionIds.get(a.edition)!
      rows.push({
        edition: a.edition,
        translation_group: null,
        slug: `story-${n}`,
        headline: a.headline,
        lead: a.lead,
        body_source: a.body,
        body_html: a.body.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
        agency_credit: null,
        source_url: null,
        byline: null,
        author_id: null,
        section_id: ids[n % ids.length]!,
        status: 'published' as const,
        published_at: publishedAt,
        created_at: publishedAt,
        updated_at: publishedAt
      })
    }
    await db.insertInto('articles').values(rows).execute()
    if ((start / batchSize) % 20 === 0) log(`  articles: ${start + rows.length}/${count}`)
  }
  await sql`analyze`.execute(db).catch(() => {})
  return languages
}
