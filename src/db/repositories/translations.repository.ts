// Articles that translate one another share a translation_group. These queries answer "which versions of
// this story exist": for readers and sitemaps only the public ones, for the newsroom every one.
import type { DbOrTrx } from '../database.js'
import type { ArticleStatus } from '../../domain/publishing.js'
import { LIVE_STATUSES } from '../../domain/publishing.js'
import { isLive } from './articles.repository.js'
import { reusableQuery } from '../reusable-query.js'

/** One public version of a story: enough to build its URL. */
export interface TranslationLink {
  id: number
  edition: string
  slug: string
  publishedAt: string
}

function liveMembers(db: DbOrTrx, now: Date) {
  return db.selectFrom('articles as t')
    .where(isLive(now, 't'))
    .where('t.translation_group', 'is not', null)
}

/**
 * The public translations of an article (same group, other articles), one per edition: if an edition
 * somehow holds two, the earlier-published one stands for it. Empty when the article has no group.
 */
// Read by every uncached article page in a group: compiled once (src/db/reusable-query.ts), so the time
// goes in as an ISO instant, as isLive would write it.
const translationsQuery = reusableQuery((db: DbOrTrx, articleId: number, nowIso: string) =>
  db.selectFrom('articles as t')
    .where((eb) => eb.and([eb('t.status', 'in', LIVE_STATUSES), eb('t.published_at', '<=', nowIso)]))
    .where('t.translation_group', 'is not', null)
    .innerJoin('articles as a', 'a.translation_group', 't.translation_group')
    .where('a.id', '=', articleId)
    .where('t.id', '!=', articleId)
    .whereRef('t.edition', '!=', 'a.edition')
    .select(['t.id', 't.edition', 't.slug', 't.published_at'])
    .orderBy('t.published_at').orderBy('t.id'))

export async function translationsOf(db: DbOrTrx, q: { articleId: number, now: Date }): Promise<TranslationLink[]> {
  const rows = await translationsQuery(db, q.articleId, q.now.toISOString())
  return firstPerEdition(rows.map((r) => ({ id: r.id, edition: r.edition, slug: r.slug, publishedAt: r.published_at! })))
}

/**
 * For many articles at once (sitemaps): each article id → every public version of its story, the article
 * itself included, one per edition. Articles without public translations are left out of the map.
 */
export async function translationSetsOf(db: DbOrTrx, q: { articleIds: readonly number[], now: Date }): Promise<Map<number, TranslationLink[]>> {
  const result = new Map<number, TranslationLink[]>()
  const rows = []
  // A sitemap lists up to 50,000 articles; SQLite takes at most 32,766 parameters in one statement.
  for (let i = 0; i < q.articleIds.length; i += 5000) {
    rows.push(...await liveMembers(db, q.now)
      .innerJoin('articles as a', 'a.translation_group', 't.translation_group')
      .where('a.id', 'in', q.articleIds.slice(i, i + 5000))
      .select(['a.id as of', 'a.edition as of_edition', 't.id', 't.edition', 't.slug', 't.published_at'])
      .orderBy('t.published_at').orderBy('t.id')
      .execute())
  }
  const byArticle = new Map<number, TranslationLink[]>()
  for (const row of rows) {
    // The article itself stands for its own edition, even if an earlier story shares group and edition.
    if (row.edition === row.of_edition && row.id !== row.of) continue
    const list = byArticle.get(row.of) ?? []
    list.push({ id: row.id, edition: row.edition, slug: row.slug, publishedAt: row.published_at! })
    byArticle.set(row.of, list)
  }
  for (const [id, list] of byArticle) {
    const members = firstPerEdition(list)
    if (members.length > 1) result.set(id, members)
  }
  return result
}

function firstPerEdition(links: TranslationLink[]): TranslationLink[] {
  const seen = new Set<string>()
  return links.filter((link) => !seen.has(link.edition) && seen.add(link.edition))
}

/** Every version of the story in the newsroom's view: drafts and trashed ones too, with their status. */
export interface TranslationVersion {
  id: number
  edition: string
  headline: string
  status: ArticleStatus
  publishedAt: string | null
}

export async function allVersionsOf(db: DbOrTrx, articleId: number): Promise<TranslationVersion[]> {
  const rows = await db.selectFrom('articles as t')
    .innerJoin('articles as a', 'a.translation_group', 't.translation_group')
    .where('a.id', '=', articleId)
    .where('t.id', '!=', articleId)
    .select(['t.id', 't.edition', 't.headline', 't.status', 't.published_at'])
    .orderBy('t.edition').orderBy('t.id')
    .execute()
  return rows.map((r) => ({ id: r.id, edition: r.edition, headline: r.headline, status: r.status, publishedAt: r.published_at }))
}

/** Puts an article into a translation group (only if it has none, so a concurrent link is not undone). */
export async function joinTranslationGroup(db: DbOrTrx, articleId: number, group: string): Promise<string> {
  await db.updateTable('articles').set({ translation_group: group })
    .where('id', '=', articleId).where('translation_group', 'is', null).execute()
  const row = await db.selectFrom('articles').select('translation_group').where('id', '=', articleId).executeTakeFirstOrThrow()
  return row.translation_group ?? group
}

/** Sections of the target edition with the same slug, to carry a story's section over to its translation. */
export async function matchingSectionId(db: DbOrTrx, q: { sectionId: number, edition: string }): Promise<number | null> {
  const row = await db.selectFrom('sections as target')
    .innerJoin('sections as source', 'source.slug', 'target.slug')
    .where('source.id', '=', q.sectionId).where('target.edition', '=', q.edition)
    .select('target.id').executeTakeFirst()
  return row?.id ?? null
}
