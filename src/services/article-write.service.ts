// The one way an article row changes. Whatever the reason (the editor's form, a workflow button, a
// restored revision, a new translation, an import or the demo), a write keeps the same things in step
// inside the caller's transaction: the row, its tags, the URL it was public under, a revision, the
// search index and the audit row. What readers can now see is announced only once the transaction has
// committed, so no process drops its cached pages for a change that was rolled back. New articles in
// bulk (an import's batch) go through writeNewArticles, which keeps the same things in step for each.
import type { Insertable, Transaction, Updateable } from 'kysely'
import { dayOf } from '../domain/days.js'
import { isPubliclyVisible } from '../domain/publishing.js'
import { slugFromText } from '../domain/slug.js'
import { visibilityEvent } from '../domain/workflow.js'
import type { Database, DbOrTrx } from '../db/database.js'
import type { ArticlesTable } from '../db/tables/articles.table.js'
import { chunksFor } from '../db/chunks.js'
import { reserveIds } from '../db/reserved-ids.js'
import {
  insertArticle, insertArticles, type ArticleRow, articleById, deleteArticleRow, updateArticleIfVersion
} from '../db/repositories/articles.repository.js'
import { writeAudit, writeAudits, type Actor, type AuditEntry } from '../db/repositories/audit.repository.js'
import { insertRevision, insertRevisions, type RevisionFields } from '../db/repositories/revisions.repository.js'
import { indexArticle, indexNewArticles, unindexArticle } from '../db/repositories/search.repository.js'
import { rememberOldUrl } from '../db/repositories/slug-history.repository.js'
import {
  addArticleTags, ensureTag, ensureTags, sectionById, sectionsByIds, setArticleTags, tagsOfArticle, tagsOfArticles
} from '../db/repositories/taxonomy.repository.js'
import type { TermRef } from '../domain/published-article.js'
import type { LedeEvent } from '../events/bus.js'
import type { Deps } from './deps.js'

interface WriteCommon {
  /** Tag names the article carries from now on; left out, its tags stay as they are. */
  tags?: readonly string[]
  actor: Actor
  /** The audit action, e.g. 'article.publish'; the revision records it without the 'article.' prefix. */
  action: string
  at: Date
  /** The site's zone: an article's old URL carries the day it was published on there. */
  timeZone: string
  /** More for the audit row, next to the headline, the statuses and the version. */
  details?: Record<string, unknown>
}

/** A new article's write (writeNewArticles takes several). */
export type NewArticleWrite = WriteCommon & { before: null, values: Insertable<ArticlesTable> }

export type ArticleWrite =
  | NewArticleWrite
  /** Saved only at `before.version` (optimistic locking); the version goes up by one. */
  | WriteCommon & { before: ArticleRow, values: Updateable<ArticlesTable> }

/** A transaction in which articles are written. */
export interface ArticleTransaction {
  trx: Transaction<Database>
  /** The row as saved, or null when someone saved `before` since it was read (nothing was written). */
  write(change: ArticleWrite): Promise<ArticleRow | null>
  /** New articles written together, as `write` would write them one by one: the rows as saved, in order. */
  writeNew(changes: readonly NewArticleWrite[]): Promise<ArticleRow[]>
  /** Deletes an article for good (from the bin): the row goes, its search entry with it; an audit row stays. */
  remove(before: ArticleRow, p: { actor: Actor, at: Date }): Promise<void>
}

/**
 * Runs `work` in one transaction; the events of the article writes in it are published after it commits
 * (nothing when it throws and rolls back).
 */
export async function articleTransaction<T>(deps: Deps, work: (t: ArticleTransaction) => Promise<T>): Promise<T> {
  const events: LedeEvent[] = []
  const result = await deps.db.transaction().execute((trx) => work({
    trx,
    write: (change) => writeArticle(trx, change, events),
    writeNew: (changes) => writeNewArticles(trx, changes, events),
    remove: (before, p) => removeArticle(trx, before, p, events)
  }))
  for (const event of events) deps.events.emit(event)
  return result
}

const visibility = (row: Pick<ArticleRow, 'status' | 'published_at'>) => ({ status: row.status, publishedAt: row.published_at })

/** Writes one article and everything kept in step with it; `events` receives what to announce after commit. */
export async function writeArticle(trx: DbOrTrx, change: ArticleWrite, events: LedeEvent[]): Promise<ArticleRow | null> {
  const { before } = change
  let id: number
  if (before === null) {
    id = await insertArticle(trx, change.values)
  } else {
    id = before.id
    if (!(await updateArticleIfVersion(trx, id, before.version, change.values))) return null
  }
  if (change.tags) await saveTags(trx, id, before?.edition ?? (change.values as Insertable<ArticlesTable>).edition, change.tags)
  const after = (await articleById(trx, id))!
  if (before?.published_at && isPubliclyVisible(visibility(before), change.at)) {
    const oldDay = dayOf(before.published_at, change.timeZone)
    const sameUrl = isPubliclyVisible(visibility(after), change.at) && after.slug === before.slug &&
      after.edition === before.edition && dayOf(after.published_at!, change.timeZone) === oldDay
    if (!sameUrl) await rememberOldUrl(trx, { edition: before.edition, day: oldDay, slug: before.slug, articleId: after.id, at: change.at })
  }
  await insertRevision(trx, { ...revisionOf(after, change), fields: await revisionFieldsOf(trx, after) })
  await indexArticle(trx, after.id)
  await writeAudit(trx, auditOf(after, change, before))
  const type = visibilityEvent(before ? visibility(before) : null, visibility(after), change.at)
  if (type) events.push({ type, articleId: after.id })
  return after
}

/**
 * New articles, written together: the same rows, tags, revisions, search entries, audit rows and events
 * as writeArticle writes for each in turn (ids in the order given), in a few multi-row statements
 * instead of a dozen statements per article. For imports, whose posts come in batches.
 */
export async function writeNewArticles(trx: DbOrTrx, changes: readonly NewArticleWrite[], events: LedeEvent[]): Promise<ArticleRow[]> {
  if (changes.length === 0) return []
  const ids = await reserveIds(trx, 'articles', changes.length)
  const rows = await insertArticles(trx, changes.map((change, i) => ({ ...change.values, id: ids[i]! })))
  await saveNewTags(trx, changes.map((change, i) => ({ articleId: ids[i]!, edition: change.values.edition, names: change.tags ?? [] })))
  const after = ids.map((id) => rows.get(id)!)
  const tags = new Map<number, TermRef[]>()
  for (const chunk of chunksFor(ids, 1)) for (const [id, list] of await tagsOfArticles(trx, chunk)) tags.set(id, list)
  const sections = await sectionsByIds(trx, after.flatMap((row) => row.section_id ? [row.section_id] : []))
  await insertRevisions(trx, after.map((row, i) => ({
    ...revisionOf(row, changes[i]!),
    fields: revisionFieldsFrom(row, (tags.get(row.id) ?? []).map((t) => t.name), row.section_id ? sections.get(row.section_id)?.name ?? null : null)
  })))
  // Tag names in the order indexArticle reads them (by tag id), so either way writes the same entry.
  await indexNewArticles(trx, after, new Map(ids.map((id) => [id, (tags.get(id) ?? []).toSorted((a, b) => a.id - b.id).map((t) => t.name)])))
  await writeAudits(trx, after.map((row, i) => auditOf(row, changes[i]!, null)))
  after.forEach((row, i) => {
    const type = visibilityEvent(null, visibility(row), changes[i]!.at)
    if (type) events.push({ type, articleId: row.id })
  })
  return after
}

async function removeArticle(trx: DbOrTrx, before: ArticleRow, p: { actor: Actor, at: Date }, events: LedeEvent[]): Promise<void> {
  await unindexArticle(trx, before.id)
  await writeAudit(trx, {
    actor: p.actor, action: 'article.delete', subjectType: 'article', subjectId: before.id, at: p.at,
    details: { headline: before.headline, slug: before.slug, edition: before.edition, from: before.status }
  })
  await deleteArticleRow(trx, before.id)
  const type = visibilityEvent(visibility(before), null, p.at)
  if (type) events.push({ type, articleId: before.id })
}

/** The revision a write keeps, but for its fields (revisionFieldsOf). */
const revisionOf = (after: ArticleRow, change: WriteCommon) => ({
  articleId: after.id, version: after.version, action: change.action.replace(/^article\./, ''), actorId: change.actor.id,
  actorName: change.actor.name, headline: after.headline, lead: after.lead, bodySource: after.body_source, createdAt: change.at.toISOString()
})

const auditOf = (after: ArticleRow, change: WriteCommon, before: ArticleRow | null): AuditEntry => ({
  actor: change.actor, action: change.action, subjectType: 'article', subjectId: after.id, at: change.at,
  details: { headline: after.headline, from: before?.status ?? null, to: after.status, version: after.version, ...change.details }
})

async function saveTags(trx: DbOrTrx, articleId: number, edition: string, names: readonly string[]): Promise<void> {
  const ids: number[] = []
  for (const name of names) ids.push(await ensureTag(trx, edition, slugFromText(name), name))
  await setArticleTags(trx, articleId, ids)
}

/** saveTags for new articles (no tags yet): each tag found or created once, the links in a few statements. */
async function saveNewTags(trx: DbOrTrx, articles: readonly { articleId: number, edition: string, names: readonly string[] }[]): Promise<void> {
  const slugs = new Map<string, string>()
  const slugOf = (name: string) => {
    let slug = slugs.get(name)
    if (slug === undefined) slugs.set(name, slug = slugFromText(name))
    return slug
  }
  const links: { article_id: number, tag_id: number }[] = []
  for (const edition of new Set(articles.map((a) => a.edition))) {
    const ofEdition = articles.filter((a) => a.edition === edition)
    const ids = await ensureTags(trx, edition, ofEdition.flatMap((a) => a.names.map((name) => ({ slug: slugOf(name), name }))))
    for (const a of ofEdition) {
      for (const tagId of new Set(a.names.map((name) => ids.get(slugOf(name))!))) links.push({ article_id: a.articleId, tag_id: tagId })
    }
  }
  await addArticleTags(trx, links)
}

async function revisionFieldsOf(trx: DbOrTrx, row: ArticleRow): Promise<RevisionFields> {
  const [tags, section] = await Promise.all([
    tagsOfArticle(trx, row.id),
    row.section_id ? sectionById(trx, row.section_id) : Promise.resolve(undefined)
  ])
  return revisionFieldsFrom(row, tags.map((t) => t.name), section?.name ?? null)
}

function revisionFieldsFrom(row: ArticleRow, tags: string[], sectionName: string | null): RevisionFields {
  return {
    slug: row.slug, agencyCredit: row.agency_credit, sourceUrl: row.source_url, byline: row.byline,
    sectionId: row.section_id, sectionName, tags,
    breaking: row.breaking === 1, sticky: row.sticky === 1, commentsOpen: row.comments_open === 1,
    featuredMediaId: row.featured_media_id, featuredAlt: row.featured_alt, featuredCaption: row.featured_caption,
    featuredCredit: row.featured_credit, status: row.status, publishedAt: row.published_at
  }
}
