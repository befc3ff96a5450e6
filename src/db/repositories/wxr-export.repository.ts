// What a WordPress export reads: an edition's articles page by page, with their section, tags, author and
// comments, and the edition's sections, tags and the staff who wrote in it.
import type { DbOrTrx } from '../database.js'
import type { ArticleRow } from './articles.repository.js'
import type { CommentRow } from './comments.repository.js'

export async function exportAuthors(db: DbOrTrx, edition: string): Promise<{ id: number, slug: string, email: string, display_name: string }[]> {
  return db.selectFrom('users').select(['id', 'slug', 'email', 'display_name'])
    .where('id', 'in', db.selectFrom('articles').select('author_id').where('edition', '=', edition).where('author_id', 'is not', null).$narrowType<{ author_id: number }>())
    .orderBy('id').execute()
}

export async function exportSections(db: DbOrTrx, edition: string): Promise<{ id: number, slug: string, name: string, parent_id: number | null, description: string }[]> {
  return db.selectFrom('sections').select(['id', 'slug', 'name', 'parent_id', 'description']).where('edition', '=', edition).orderBy('id').execute()
}

export async function exportTags(db: DbOrTrx, edition: string): Promise<{ id: number, slug: string, name: string, description: string }[]> {
  return db.selectFrom('tags').select(['id', 'slug', 'name', 'description']).where('edition', '=', edition).orderBy('id').execute()
}

/** The next `limit` articles of the edition after `afterId`, in id order (keyset pages, any size of archive). */
export async function exportArticlesAfter(db: DbOrTrx, edition: string, afterId: number, limit: number): Promise<ArticleRow[]> {
  return db.selectFrom('articles').selectAll().where('edition', '=', edition).where('id', '>', afterId).orderBy('id').limit(limit).execute()
}

export async function exportTagsOf(db: DbOrTrx, articleIds: readonly number[]): Promise<Map<number, { slug: string, name: string }[]>> {
  const out = new Map<number, { slug: string, name: string }[]>()
  if (articleIds.length === 0) return out
  const rows = await db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.slug', 'tags.name']).where('article_tags.article_id', 'in', [...articleIds]).orderBy('tags.name').execute()
  for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), { slug: r.slug, name: r.name }])
  return out
}

/** Comments of the articles, parents before their replies. */
export async function exportCommentsOf(db: DbOrTrx, articleIds: readonly number[]): Promise<Map<number, CommentRow[]>> {
  const out = new Map<number, CommentRow[]>()
  if (articleIds.length === 0) return out
  const rows = await db.selectFrom('comments').selectAll().where('article_id', 'in', [...articleIds]).orderBy('article_id').orderBy('thread_path').execute()
  for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r])
  return out
}
