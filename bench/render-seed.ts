// Grows the demo archive for bench/render.ts: `count` extra published stories spread over the three years
// before the demo week, in every demo edition, each in a demo section with one of its edition's tags,
// and two approved comments each. Big batched statements, as an import would write them; SQLite only.
import { sql } from 'kysely'
import type { Db } from '../src/db/database.js'

const SPAN_MS = 3 * 365 * 86_400_000
const BATCH = 1000

export async function seedArchive(db: Db, count: number, before: Date, log: (line: string) => void): Promise<void> {
  const sections = await db.selectFrom('sections').select(['id', 'edition']).orderBy('id').execute()
  const tags = await db.selectFrom('tags').select(['id', 'edition']).orderBy('id').execute()
  const editions = [...new Set(sections.map((s) => s.edition))].sort()
  const byEdition = <T extends { edition: string }>(rows: T[], edition: string) => rows.filter((r) => r.edition === edition)
  const end = before.getTime() - 8 * 86_400_000
  for (let start = 0; start < count; start += BATCH) {
    const rows = []
    for (let n = start; n < Math.min(count, start + BATCH); n++) {
      const edition = editions[n % editions.length]!
      const editionSections = byEdition(sections, edition)
      const publishedAt = new Date(end - SPAN_MS + Math.floor(n * (SPAN_MS / count))).toISOString()
      const lead = `Archive story ${n}: what happened, where, and why it matters to readers of the ${edition} edition.`
      rows.push({
        edition, translation_group: null, slug: `archive-story-${n}`, headline: `Archive story number ${n} in the ${edition} edition`,
        lead, body_source: `${lead}\n\nA second paragraph.`, body_html: `<p>${lead}</p>\n<p>A second paragraph.</p>`,
        agency_credit: null, source_url: null, byline: null, author_id: null,
        section_id: editionSections[n % editionSections.length]?.id ?? null,
        status: 'published' as const, published_at: publishedAt, created_at: publishedAt, updated_at: publishedAt
      })
    }
    const inserted = await db.insertInto('articles').values(rows).returning(['id', 'edition', 'published_at']).execute()
    const links = inserted.flatMap((a) => {
      const editionTags = byEdition(tags, a.edition)
      const tag = editionTags[a.id % Math.max(1, editionTags.length)]
      return tag ? [{ article_id: a.id, tag_id: tag.id }] : []
    })
    if (links.length) await db.insertInto('article_tags').values(links).execute()
    const comments = inserted.flatMap((a) => [1, 2].map((k) => ({
      article_id: a.id, parent_id: null, author_name: `Reader ${k}`, author_email: `reader${k}@example.org`, author_url: null,
      user_id: null, body: `Comment ${k} on story ${a.id}.`, body_html: `<p>Comment ${k} on story ${a.id}.</p>`, status: 'approved' as const, ip: null, user_agent: null,
      created_at: new Date(Date.parse(a.published_at!) + k * 60_000).toISOString()
    })))
    await db.insertInto('comments').values(comments).execute()
    if ((start / BATCH) % 20 === 0) log(`  archive: ${start + rows.length}/${count} stories`)
  }
  // A comment's thread path ends with its own id (src/db/repositories/comments.repository.ts insertComment).
  await sql`update comments set thread_path = printf('%010d', id) where thread_path = ''`.execute(db)
  await sql`analyze`.execute(db)
}
