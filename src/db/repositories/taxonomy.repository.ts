// Sections and tags: what articles are filed under, and how editors manage them.
import type { Selectable } from 'kysely'
import { chunksFor } from '../chunks.js'
import type { DbOrTrx } from '../database.js'
import type { SectionsTable, TagsTable } from '../tables/taxonomy.table.js'
import type { TermRef } from '../../domain/published-article.js'
import { reusableQuery } from '../reusable-query.js'

export type SectionRow = Selectable<SectionsTable>
export type TagRow = Selectable<TagsTable>

export async function sectionById(db: DbOrTrx, id: number): Promise<SectionRow | undefined> {
  return db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst()
}

// Read by every uncached article page: compiled once (src/db/reusable-query.ts).
const tagsOfArticleQuery = reusableQuery((db: DbOrTrx, articleId: number) =>
  db.selectFrom('tags').innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .selectAll('tags').where('article_tags.article_id', '=', articleId).orderBy('tags.name'))

export async function tagsOfArticle(db: DbOrTrx, articleId: number): Promise<TagRow[]> {
  return tagsOfArticleQuery(db, articleId)
}

/** Finds a section by slug in an edition, creating it if absent. */
export async function ensureSection(db: DbOrTrx, edition: string, slug: string, name: string, description = ''): Promise<number> {
  const found = await db.selectFrom('sections').select('id').where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst()
  if (found) return found.id
  const row = await db.insertInto('sections').values({ edition, slug, name, parent_id: null, description }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Finds a tag by slug in an edition, creating it if absent. */
export async function ensureTag(db: DbOrTrx, edition: string, slug: string, name: string, description = ''): Promise<number> {
  const found = await db.selectFrom('tags').select('id').where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst()
  if (found) return found.id
  const row = await db.insertInto('tags').values({ edition, slug, name, description }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** A section's or tag's description, as it is now. */
export async function termDescription(db: DbOrTrx, kind: TaxonomyKind, id: number): Promise<string | undefined> {
  const row = await db.selectFrom(kind === 'section' ? 'sections' : 'tags').select('description').where('id', '=', id).executeTakeFirst()
  return row?.description
}

/** Replaces a section's or tag's description. */
export async function setTermDescription(db: DbOrTrx, kind: TaxonomyKind, id: number, description: string): Promise<void> {
  if (kind === 'section') await db.updateTable('sections').set({ description }).where('id', '=', id).execute()
  else await db.updateTable('tags').set({ description }).where('id', '=', id).execute()
}

export async function setArticleTags(db: DbOrTrx, articleId: number, tagIds: number[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute()
  if (tagIds.length === 0) return
  await db.insertInto('article_tags').values([...new Set(tagIds)].map((tag_id) => ({ article_id: articleId, tag_id }))).execute()
}

/**
 * ensureTag for many tags of one edition at once: the id of each slug, found or created. A slug given
 * twice is created under the name it comes with first; new tags are created in the order given.
 */
export async function ensureTags(db: DbOrTrx, edition: string, wanted: readonly { slug: string, name: string }[]): Promise<Map<string, number>> {
  const names = new Map<string, string>()
  for (const { slug, name } of wanted) if (!names.has(slug)) names.set(slug, name)
  const ids = new Map<string, number>()
  for (const chunk of chunksFor([...names.keys()], 1)) {
    const rows = await db.selectFrom('tags').select(['id', 'slug']).where('edition', '=', edition).where('slug', 'in', chunk).execute()
    for (const row of rows) ids.set(row.slug, row.id)
  }
  const missing = [...names].filter(([slug]) => !ids.has(slug)).map(([slug, name]) => ({ edition, slug, name }))
  for (const chunk of chunksFor(missing, 3)) {
    for (const row of await db.insertInto('tags').values(chunk).returning(['id', 'slug']).execute()) ids.set(row.slug, row.id)
  }
  return ids
}

/** Tags of articles that have none yet (new ones), several rows to a statement. */
export async function addArticleTags(db: DbOrTrx, links: readonly { article_id: number, tag_id: number }[]): Promise<void> {
  for (const chunk of chunksFor(links, 2)) await db.insertInto('article_tags').values(chunk).execute()
}

export async function sectionsByIds(db: DbOrTrx, ids: readonly number[]): Promise<Map<number, SectionRow>> {
  const found = new Map<number, SectionRow>()
  for (const chunk of chunksFor([...new Set(ids)], 1)) {
    for (const row of await db.selectFrom('sections').selectAll().where('id', 'in', chunk).execute()) found.set(row.id, row)
  }
  return found
}

// ---------------------------------------------------------------------------------------------------
// Sections and tags as editors manage them: lists with article counts, create, rename, delete.
// Deleting one never touches articles: the foreign keys unset the section and drop the tag links.

export type TaxonomyKind = 'section' | 'tag'

export interface TaxonomyItem { id: number, edition: string, slug: string, name: string, articleCount: number }

export async function sectionsWithCounts(db: DbOrTrx, edition: string): Promise<TaxonomyItem[]> {
  const rows = await db.selectFrom('sections')
    .select((eb) => [
      'sections.id', 'sections.edition', 'sections.slug', 'sections.name',
      eb.selectFrom('articles').whereRef('articles.section_id', '=', 'sections.id').select(eb.fn.countAll<number>().as('n')).as('article_count')
    ])
    .where('sections.edition', '=', edition).orderBy('sections.name').orderBy('sections.id').execute()
  return rows.map((r) => ({ id: r.id, edition: r.edition, slug: r.slug, name: r.name, articleCount: Number(r.article_count ?? 0) }))
}

export async function tagsWithCounts(db: DbOrTrx, edition: string): Promise<TaxonomyItem[]> {
  const rows = await db.selectFrom('tags')
    .select((eb) => [
      'tags.id', 'tags.edition', 'tags.slug', 'tags.name',
      eb.selectFrom('article_tags').whereRef('article_tags.tag_id', '=', 'tags.id').select(eb.fn.countAll<number>().as('n')).as('article_count')
    ])
    .where('tags.edition', '=', edition).orderBy('tags.name').orderBy('tags.id').execute()
  return rows.map((r) => ({ id: r.id, edition: r.edition, slug: r.slug, name: r.name, articleCount: Number(r.article_count ?? 0) }))
}

/** Sections of an edition for the editor's drop-down. */
export async function sectionChoices(db: DbOrTrx, edition?: string): Promise<SectionRow[]> {
  let q = db.selectFrom('sections').selectAll()
  if (edition !== undefined) q = q.where('edition', '=', edition)
  return q.orderBy('edition').orderBy('name').orderBy('id').execute()
}

/** Tag names of an edition, most used first, for the editor's suggestions. */
export async function tagSuggestions(db: DbOrTrx, edition: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('tags').leftJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .select((eb) => ['tags.name', eb.fn.count<number>('article_tags.article_id').as('n')])
    .where('tags.edition', '=', edition).groupBy(['tags.id', 'tags.name'])
    .orderBy('n', 'desc').orderBy('tags.name').limit(limit).execute()
  return rows.map((r) => r.name)
}

export async function taxonomyItemById(db: DbOrTrx, kind: TaxonomyKind, id: number): Promise<SectionRow | TagRow | undefined> {
  return kind === 'section'
    ? db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst()
    : db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Is this slug used by another section (or tag) of the edition? */
export async function taxonomySlugTaken(db: DbOrTrx, kind: TaxonomyKind, edition: string, slug: string, exceptId?: number): Promise<boolean> {
  const table = kind === 'section' ? 'sections' : 'tags'
  let q = db.selectFrom(table).select('id').where('edition', '=', edition).where('slug', '=', slug)
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
  return (await q.executeTakeFirst()) !== undefined
}

export async function insertTaxonomyItem(db: DbOrTrx, kind: TaxonomyKind, values: { edition: string, slug: string, name: string, description?: string }): Promise<number> {
  const row = kind === 'section'
    ? await db.insertInto('sections').values({ ...values, parent_id: null }).returning('id').executeTakeFirstOrThrow()
    : await db.insertInto('tags').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateTaxonomyItem(db: DbOrTrx, kind: TaxonomyKind, id: number, values: { slug: string, name: string, description?: string }): Promise<void> {
  if (kind === 'section') await db.updateTable('sections').set(values).where('id', '=', id).execute()
  else await db.updateTable('tags').set(values).where('id', '=', id).execute()
}

export async function deleteTaxonomyItem(db: DbOrTrx, kind: TaxonomyKind, id: number): Promise<void> {
  if (kind === 'section') {
    // Child sections move up to the top level rather than disappear with their parent.
    await db.updateTable('sections').set({ parent_id: null }).where('parent_id', '=', id).execute()
    await db.deleteFrom('sections').where('id', '=', id).execute()
  } else {
    await db.deleteFrom('tags').where('id', '=', id).execute()
  }
}

/** Ids of the articles in a section or carrying a tag (to reindex and report them after a change). */
export async function articleIdsUsing(db: DbOrTrx, kind: TaxonomyKind, id: number): Promise<number[]> {
  const rows = kind === 'section'
    ? await db.selectFrom('articles').select('id').where('section_id', '=', id).execute()
    : await db.selectFrom('article_tags').select('article_id as id').where('tag_id', '=', id).execute()
  return rows.map((r) => r.id)
}

// ---------------------------------------------------------------------------------------------------
// As readers' pages list them.

export interface SectionNode { id: number, slug: string, name: string, parentId: number | null }

/**
 * An edition's sections (a section's page covers its subsections) and the description of the one whose
 * slug is `describe`, in the same query: the page shows only its own, and descriptions can be long.
 */
export async function sectionsOfEdition(db: DbOrTrx, edition: string, describe: string): Promise<{ sections: SectionNode[], description: string | null }> {
  const rows = await db.selectFrom('sections')
    .select((eb) => ['id', 'slug', 'name', 'parent_id', eb.case().when('slug', '=', describe).then(eb.ref('description')).else(eb.val('')).end().as('description')])
    .where('edition', '=', edition).orderBy('name').orderBy('id').execute()
  const sections = rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, parentId: r.parent_id }))
  return { sections, description: rows.find((r) => r.slug === describe)?.description ?? null }
}

export async function tagBySlug(db: DbOrTrx, edition: string, slug: string): Promise<(TermRef & { description: string }) | undefined> {
  return db.selectFrom('tags').select(['id', 'slug', 'name', 'description']).where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst()
}


export async function tagsOfArticles(db: DbOrTrx, articleIds: number[]): Promise<Map<number, TermRef[]>> {
  const result = new Map<number, TermRef[]>()
  if (articleIds.length === 0) return result
  const rows = await db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds).orderBy('tags.name').orderBy('tags.id').execute()
  for (const r of rows) {
    const list = result.get(r.article_id) ?? []
    list.push({ id: r.id, slug: r.slug, name: r.name })
    result.set(r.article_id, list)
  }
  return result
}
