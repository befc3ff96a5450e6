import type { Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import type { SectionsTable, TagsTable } from '../tables/taxonomy.table.js'

export type SectionRow = Selectable<SectionsTable>
export type TagRow = Selectable<TagsTable>

export async function sectionById(db: DbOrTrx, id: number): Promise<SectionRow | undefined> {
  return db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function tagsOfArticle(db: DbOrTrx, articleId: number): Promise<TagRow[]> {
  return db.selectFrom('tags').innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .selectAll('tags').where('article_tags.article_id', '=', articleId).orderBy('tags.name').execute()
}

/** Finds a section by slug in an edition, creating it if absent. */
export async function ensureSection(db: DbOrTrx, edition: string, slug: string, name: string): Promise<number> {
  const found = await db.selectFrom('sections').select('id').where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst()
  if (found) return found.id
  const row = await db.insertInto('sections').values({ edition, slug, name, parent_id: null }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Finds a tag by slug in an edition, creating it if absent. */
export async function ensureTag(db: DbOrTrx, edition: string, slug: string, name: string): Promise<number> {
  const found = await db.selectFrom('tags').select('id').where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst()
  if (found) return found.id
  const row = await db.insertInto('tags').values({ edition, slug, name }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function setArticleTags(db: DbOrTrx, articleId: number, tagIds: number[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute()
  if (tagIds.length === 0) return
  await db.insertInto('article_tags').values([...new Set(tagIds)].map((tag_id) => ({ article_id: articleId, tag_id }))).execute()
}
