import type { Insertable, Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import type { CommentsTable } from '../tables/comments.table.js'

export type CommentRow = Selectable<CommentsTable>

/** What a reader may see of a comment: never the email, IP or user agent. */
export interface PublicComment {
  id: number
  parentId: number | null
  authorName: string
  authorUrl: string | null
  body: string
  createdAt: string
}

export async function approvedComments(db: DbOrTrx, articleId: number): Promise<PublicComment[]> {
  const rows = await db.selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_url', 'body', 'created_at'])
    .where('article_id', '=', articleId).where('status', '=', 'approved')
    .orderBy('created_at', 'asc').orderBy('id', 'asc')
    .execute()
  return rows.map((r) => ({
    id: r.id, parentId: r.parent_id, authorName: r.author_name, authorUrl: r.author_url, body: r.body, createdAt: r.created_at
  }))
}

export async function insertComment(db: DbOrTrx, values: Insertable<CommentsTable>): Promise<number> {
  const row = await db.insertInto('comments').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function commentById(db: DbOrTrx, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst()
}
