// Every save of an article keeps a revision: the text fields in columns, the rest as one JSON object.
import type { Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import { insertRows } from '../insert-rows.js'
import type { ArticleRevisionsTable } from '../tables/editorial.table.js'
import type { ArticleStatus } from '../../domain/publishing.js'

/** What a revision keeps besides headline, lead and body. */
export interface RevisionFields {
  slug: string
  agencyCredit: string | null
  sourceUrl: string | null
  byline: string | null
  sectionId: number | null
  /** The section's name when saved, so a later rename or deletion does not rewrite history. */
  sectionName: string | null
  tags: string[]
  breaking: boolean
  /** Pinned to the top of the front page; absent in revisions saved before stories could be pinned (none was). */
  sticky?: boolean
  commentsOpen: boolean
  featuredMediaId: number | null
  featuredAlt: string | null
  featuredCaption: string | null
  featuredCredit: string | null
  status: ArticleStatus
  publishedAt: string | null
}

export interface Revision {
  id: number
  articleId: number
  version: number
  action: string
  actorId: number | null
  actorName: string
  headline: string
  lead: string
  bodySource: string
  fields: RevisionFields
  createdAt: string
}

export type NewRevision = Omit<Revision, 'id'>

const EMPTY_FIELDS: RevisionFields = {
  slug: '', agencyCredit: null, sourceUrl: null, byline: null, sectionId: null, sectionName: null, tags: [],
  breaking: false, commentsOpen: true, featuredMediaId: null, featuredAlt: null, featuredCaption: null,
  featuredCredit: null, status: 'draft', publishedAt: null
}

function toRevision(row: Selectable<ArticleRevisionsTable>): Revision {
  let fields: RevisionFields = EMPTY_FIELDS
  try {
    fields = { ...EMPTY_FIELDS, ...JSON.parse(row.fields) as Partial<RevisionFields> }
  } catch {
    // A damaged row still shows its text; the other fields read as empty.
  }
  return {
    id: row.id, articleId: row.article_id, version: row.version, action: row.action, actorId: row.actor_id,
    actorName: row.actor_name, headline: row.headline, lead: row.lead, bodySource: row.body_source, fields, createdAt: row.created_at
  }
}

const rowOf = (revision: NewRevision) => ({
  article_id: revision.articleId,
  version: revision.version,
  action: revision.action,
  actor_id: revision.actorId,
  actor_name: revision.actorName,
  headline: revision.headline,
  lead: revision.lead,
  body_source: revision.bodySource,
  fields: JSON.stringify(revision.fields),
  created_at: revision.createdAt
})

export async function insertRevision(db: DbOrTrx, revision: NewRevision): Promise<number> {
  const row = await db.insertInto('article_revisions').values(rowOf(revision)).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Several revisions, several rows to a statement, in the order given. */
export async function insertRevisions(db: DbOrTrx, revisions: readonly NewRevision[]): Promise<void> {
  // The statement is compiled once (insert-rows.ts): an import's batch writes 50 to 200.
  await insertRows(db, 'article_revisions', REVISION_COLUMNS, revisions.map((revision) => {
    const row = rowOf(revision)
    return REVISION_COLUMNS.map((column) => row[column])
  }))
}

const REVISION_COLUMNS = ['article_id', 'version', 'action', 'actor_id', 'actor_name', 'headline', 'lead', 'body_source', 'fields', 'created_at'] as const

/** An article's revisions, newest first. */
export async function revisionsOf(db: DbOrTrx, articleId: number): Promise<Revision[]> {
  const rows = await db.selectFrom('article_revisions').selectAll()
    .where('article_id', '=', articleId).orderBy('id', 'desc').execute()
  return rows.map(toRevision)
}

export async function revisionById(db: DbOrTrx, articleId: number, revisionId: number): Promise<Revision | undefined> {
  const row = await db.selectFrom('article_revisions').selectAll()
    .where('article_id', '=', articleId).where('id', '=', revisionId).executeTakeFirst()
  return row ? toRevision(row) : undefined
}

/** The revision saved just before `revisionId`, if any. */
export async function revisionBefore(db: DbOrTrx, articleId: number, revisionId: number): Promise<Revision | undefined> {
  const row = await db.selectFrom('article_revisions').selectAll()
    .where('article_id', '=', articleId).where('id', '<', revisionId)
    .orderBy('id', 'desc').limit(1).executeTakeFirst()
  return row ? toRevision(row) : undefined
}
