// Imports a WordPress export (WXR) into one edition. The file is read as a stream, never held, in passes:
//   1. check it whole (well-formed, a known WXR version) and count its items: a broken or truncated file
//      is refused before anything is written; the count drives the progress bar;
//   2. authors, categories → sections (with their hierarchy), tags, and attachments (→ media library),
//      from what pass 1 kept when that was small, else from the file read again;
//   3. posts, each with its comments, old URLs and mapping row, 100 to a transaction (200 on PostgreSQL),
//      written together (createArticles, multi-row inserts): a batch with a bad post is rolled back and
//      written again a post to a transaction (createArticle), so the bad one is reported and the rest go
//      on; a crash loses at most the batch being written, and running the import again picks up where it
//      stopped, since every finished record is matched by the export's site and WordPress id
//      (docs/decisions/012-wordpress-import.md). A post changed in WordPress since it was imported updates
//      its article, unless the newsroom has saved that article since. The posts are read, and their
//      bodies rendered, on a worker thread (wordpress-import-posts.ts) while this one writes.
// Articles go through the article service (createArticles, createArticle, updateImportedArticle), like
// every other article.
import { createHash } from 'node:crypto'
import { readFile, realpath, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { basename, resolve, sep } from 'node:path'
import { isValidEmail, normaliseEmail, DISPLAY_NAME_MAX_LENGTH } from '../domain/accounts.js'
import { queryKeyOf } from '../domain/legacy-urls.js'
import { ATTACHMENT_WITHOUT_FILE, count, emptySummary, note, skip, type ImportSummary } from '../domain/import-summary.js'
import { isValidSlug, slugFromText } from '../domain/slug.js'
import {
  articleOf, attachmentDetailOf, commentOf, exportOffsetMinutes, oldPathOf, pageDetailOf, termDescriptionOf, type MappedArticle, type MappedComment
} from '../domain/wp-mapping.js'
import { readWxr, type WxrAuthor, type WxrComment, type WxrHeader, type WxrItem, type WxrItemTerm, type WxrRecord, type WxrTerm } from '../domain/wxr-reader.js'
import type { DbOrTrx, DialectName } from '../db/database.js'
import { engineOf } from '../db/engine.js'
import { joinedTransaction } from '../db/joined-transaction.js'
import { withBackgroundCheckpoints } from '../db/wal-checkpoints.js'
import { refreshStatistics, statisticsSchedule } from '../db/planner-statistics.js'
import type { Actor } from '../db/repositories/audit.repository.js'
import { reserveIds } from '../db/reserved-ids.js'
import { insertComment, insertComments, threadPathOf } from '../db/repositories/comments.repository.js'
import { articleById } from '../db/repositories/articles.repository.js'
import {
  addRedirect, addRedirects, importedComments, importedItem, importedItems, importedItemsOfKind, insertImportRun, recordImportedItem,
  recordImportedItems, setSectionParent, updateImportRun, type ImportedItem, type ImportItemRow, type OldUrl
} from '../db/repositories/imports.repository.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { ensureSection, ensureTag, setTermDescription, termDescription } from '../db/repositories/taxonomy.repository.js'
import { userByEmail } from '../db/repositories/users.repository.js'
import type { LedeKind, WpKind } from '../db/tables/imports.table.js'
import type { EventBus, LedeEvent } from '../events/bus.js'
import { createArticle, createArticles, updateImportedArticle, type NewArticle } from './articles.service.js'
import { postHash, postReader, preparedCommentHtml, preparedOf, WORKER_FROM_ITEMS, type PostReader } from './wordpress-import-posts.js'
import { uploadMedia } from './media.service.js'
import { createUser } from './users.service.js'
import type { Deps } from './deps.js'

/** A re-readable export: each call reads it from the start. */
export type WxrSource = () => AsyncIterable<string | Buffer>

export interface WordPressImportOptions {
  source: WxrSource
  fileName: string
  edition: string
  dryRun: boolean
  /** The export's wp-content/uploads folder (or a copy of it), for the attachments' files. */
  mediaDir: string | null
  actor: Actor
  /** The run row to report into (the admin screen creates it before the upload finishes); else a new one. */
  runId?: number
  onProgress?: (progress: ImportProgress) => void
  /**
   * The plain way, for tests that compare it with the fast one (same result, slower): the second pass
   * reads the file again rather than what the first pass kept, and each post is written on its own, as
   * the posts of a failed batch are, rather than together with the others of its batch.
   */
  oneByOne?: boolean
  /** Items in the file from which the posts are prepared on a worker thread (WORKER_FROM_ITEMS); 0: always. */
  workerFromItems?: number
}

export interface ImportProgress { phase: 'check' | 'terms' | 'posts', done: number, total: number }

export type ImportResult =
  | { kind: 'done', runId: number, summary: ImportSummary, header: WxrHeader }
  /** The file is not a usable export: nothing was imported. */
  | { kind: 'refused', runId: number, message: string }

/** Attachment files are images for the media library; anything larger is not a web image. */
const MAX_MEDIA_BYTES = 40 * 1024 * 1024
/** How often the run row's progress is written (the admin screen polls it). */
const PROGRESS_EVERY_MS = 1000

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Events wait until the transaction that caused them has committed (or are dropped with it). */
function bufferedBus(): EventBus & { flush(into: EventBus): void, drop(): void } {
  let events: LedeEvent[] = []
  return {
    emit: (event) => { events.push(event) },
    on: () => () => {},
    flush(into) { for (const e of events) into.emit(e); events = [] },
    drop() { events = [] }
  }
}

interface Context {
  deps: Deps
  options: WordPressImportOptions
  runId: number
  siteUrl: string
  /** The old site's path ("" or "/blog"), for category and tag archive URLs. */
  blogPath: string
  edition: string
  summary: ImportSummary
  zone: { offsetMinutes: number | null, fallbackTimeZone: string }
  users: Map<string, number>
  usersByWpId: Map<number, number>
  sections: Map<string, number>
  media: Map<string, number | null>
  at: () => string
  /** In a dry run: the one transaction everything is written in and then rolled back. */
  dryTrx: DbOrTrx | null
  /** While a batch of posts is written: its transaction, which every write and read joins, and its events. */
  batch: { trx: DbOrTrx, bus: ReturnType<typeof bufferedBus> } | null
}

/** Where reads go: inside the open transaction when there is one (SQLite has one connection, which it holds). */
const readerOf = (ctx: Context): DbOrTrx => ctx.dryTrx ?? ctx.batch?.trx ?? ctx.deps.db

/** Runs `fn` in a transaction of its own (or, dry, in the run's), with service calls joining it. */
async function inTransaction<T>(ctx: Context, fn: (trx: DbOrTrx, deps: Deps) => Promise<T>): Promise<T> {
  const bus = bufferedBus()
  const outer = ctx.dryTrx ?? ctx.batch?.trx
  if (outer) return fn(outer, { ...ctx.deps, db: joinedTransaction(outer), events: ctx.batch?.bus ?? bus })
  try {
    const result = await ctx.deps.db.transaction().execute((trx) => fn(trx, { ...ctx.deps, db: joinedTransaction(trx), events: bus }))
    bus.flush(ctx.deps.events)
    return result
  } catch (error) {
    bus.drop()
    throw error
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300)

// ——— Authors ———

async function importAuthor(ctx: Context, author: WxrAuthor): Promise<void> {
  const login = author.login.trim()
  if (login === '') { skip(ctx.summary, 'users', 'author without a login', author.email || '?'); return }
  if (ctx.users.has(login)) return
  const key = login.slice(0, 200)
  const known = await importedItem(readerOf(ctx), { siteUrl: ctx.siteUrl, wpKind: 'author', wpKey: key })
  if (known?.lede_id) {
    ctx.users.set(login, known.lede_id)
    if (author.id !== null) ctx.usersByWpId.set(author.id, known.lede_id)
    count(ctx.summary, 'unchanged', 'users')
    return
  }
  const email = normaliseEmail(author.email)
  // Authors of old exports have no address; they get one that can never receive mail, to be replaced on invitation.
  const address = isValidEmail(email) ? email : `${slugFromText(login) || 'author'}-${sha256(login).slice(0, 8)}@wordpress-import.invalid`
  if (!isValidEmail(email)) note(ctx.summary, 'author without an email address given a placeholder address (…@wordpress-import.invalid)')
  const displayName = [...(author.displayName || [author.firstName, author.lastName].filter(Boolean).join(' ') || login)].slice(0, DISPLAY_NAME_MAX_LENGTH).join('')
  const userId = await inTransaction(ctx, async (trx, deps) => {
    const existing = await userByEmail(trx, address)
    let id: number
    if (existing) {
      id = existing.id
      count(ctx.summary, 'unchanged', 'users')
    } else {
      const created = await createUser(deps, { email: address, displayName, role: 'contributor', password: null, actor: ctx.options.actor })
      if (created.kind !== 'created') throw new Error('the email address is taken')
      id = created.userId
      count(ctx.summary, 'created', 'users')
    }
    await recordImportedItem(trx, { siteUrl: ctx.siteUrl, wpKind: 'author', wpKey: key, ledeKind: 'user', ledeId: id, hash: '', runId: ctx.runId, at: ctx.at() })
    return id
  })
  ctx.users.set(login, userId)
  if (author.id !== null) ctx.usersByWpId.set(author.id, userId)
}

/** The user for a post's dc:creator: imported already, or (WXR 1.0 names authors only in posts) now. */
async function userFor(ctx: Context, login: string): Promise<number | null> {
  if (login === '') return null
  const known = ctx.users.get(login)
  if (known !== undefined) return known
  await importAuthor(ctx, { id: null, login, email: '', displayName: '', firstName: '', lastName: '' })
  return ctx.users.get(login) ?? null
}

// ——— Categories and tags ———

function termSlug(slug: string, name: string): string {
  let decoded = slug
  try { decoded = decodeURIComponent(slug) } catch { /* as written */ }
  return isValidSlug(decoded) ? decoded : (slugFromText(decoded) || slugFromText(name) || 'section')
}

async function importTerm(ctx: Context, term: WxrTerm, pendingParents: Map<string, string[]>, categoryPaths: Map<string, string>): Promise<void> {
  if (term.taxonomy !== 'category' && term.taxonomy !== 'post_tag') {
    skip(ctx.summary, term.taxonomy === 'nav_menu' ? 'sections' : 'tags', `taxonomy "${term.taxonomy.slice(0, 40)}" has no place in Lede`, term.slug)
    return
  }
  const name = term.name.trim() || term.slug
  if (name === '') { skip(ctx.summary, term.taxonomy === 'category' ? 'sections' : 'tags', 'term without a name or slug', String(term.id ?? '?')); return }
  const kind: WpKind = term.taxonomy
  const key = (term.id !== null ? String(term.id) : `slug:${term.slug}`).slice(0, 200)
  const known = await importedItem(readerOf(ctx), { siteUrl: ctx.siteUrl, wpKind: kind, wpKey: key })
  const entity = kind === 'category' ? 'sections' : 'tags'
  const description = termDescriptionOf(term.description)
  let outcome: 'created' | 'updated' | 'unchanged' = known ? 'unchanged' : 'created'
  await inTransaction(ctx, async (trx) => {
    let id: number
    if (kind === 'category') {
      id = known?.lede_id ?? await ensureSection(trx, ctx.edition, termSlug(term.slug, name), name.slice(0, 200), description)
      ctx.sections.set(term.slug, id)
      // WordPress names the parent by slug; it usually comes first, but not always.
      if (term.parent !== '') {
        const parentId = ctx.sections.get(term.parent)
        if (parentId !== undefined) await setSectionParent(trx, id, parentId)
        else pendingParents.set(term.parent, [...(pendingParents.get(term.parent) ?? []), term.slug])
      }
      for (const child of pendingParents.get(term.slug) ?? []) {
        const childId = ctx.sections.get(child)
        if (childId !== undefined) await setSectionParent(trx, childId, id)
      }
      pendingParents.delete(term.slug)
      const path = `${term.parent !== '' && categoryPaths.has(term.parent) ? categoryPaths.get(term.parent)! : ''}/${term.slug}`
      categoryPaths.set(term.slug, path)
      await redirectTo(trx, ctx, oldPathOf(`${ctx.blogPath}/category${path}/`), 'section', id)
      if (term.id !== null) await redirectTo(trx, ctx, queryKeyOf('cat', term.id), 'section', id)
    } else {
      id = known?.lede_id ?? await ensureTag(trx, ctx.edition, slugFromText(name) || termSlug(term.slug, name), name.slice(0, 200), description)
      await redirectTo(trx, ctx, oldPathOf(`${ctx.blogPath}/tag/${term.slug}/`), 'tag', id)
      if (term.slug !== '') await redirectTo(trx, ctx, queryKeyOf('tag', term.slug), 'tag', id)
    }
    const ledeKind = kind === 'category' ? 'section' : 'tag'
    const kept = await keepTermDescription(trx, ctx, ledeKind, id, description, known)
    if (kept === 'updated' && known) outcome = 'updated'
    if (!known || kept !== 'same') {
      await recordImportedItem(trx, { siteUrl: ctx.siteUrl, wpKind: kind, wpKey: key, ledeKind, ledeId: id, hash: descriptionHash(description), runId: ctx.runId, at: ctx.at() })
    }
  })
  count(ctx.summary, outcome, entity)
}

/** What a term's mapping row remembers of its description: '' for none, else its hash. */
const descriptionHash = (description: string) => description === '' ? '' : sha256(description)

/**
 * Gives a section or tag the export's description. A new one has it already, and one that was there before
 * the import (same slug) gets it if it had none. One imported before takes the export's when that changed
 * in WordPress, unless the newsroom has changed it in Lede since (its hash no longer the one the last
 * import wrote): then theirs is kept and the summary says so, as for posts. 'same': nothing changed since
 * the last import; 'synced': Lede has the export's already.
 */
async function keepTermDescription(trx: DbOrTrx, ctx: Context, kind: 'section' | 'tag', id: number, description: string, known: ImportItemRow | undefined): Promise<'same' | 'synced' | 'updated' | 'kept'> {
  if (known && descriptionHash(description) === known.content_hash) return 'same'
  const current = await termDescription(trx, kind, id) ?? ''
  if (current === description) return 'synced'
  if (known ? descriptionHash(current) === known.content_hash : current === '') {
    await setTermDescription(trx, kind, id, description)
    return 'updated'
  }
  note(ctx.summary, `${kind} description changed in Lede since it was imported (or there before the import): the Lede version is kept`)
  return 'kept'
}

async function redirectTo(trx: DbOrTrx, ctx: Context, oldPath: string | null, targetKind: 'article' | 'section' | 'tag', targetId: number): Promise<void> {
  if (!oldPath) return
  await addRedirect(trx, { oldPath, targetKind, targetId, runId: ctx.runId, at: ctx.at() })
}

// ——— Attachments ———

/** The file inside `dir`, or null: a path from the export never leaves the folder it was given. */
async function fileInside(dir: string, relative: string): Promise<string | null> {
  const root = await realpath(dir)
  const candidate = resolve(root, relative)
  if (!candidate.startsWith(root + sep)) return null
  try {
    const real = await realpath(candidate)
    return real.startsWith(root + sep) ? real : null
  } catch {
    return null
  }
}

async function importAttachment(ctx: Context, item: WxrItem): Promise<void> {
  const key = String(item.postId)
  const known = await importedItem(readerOf(ctx), { siteUrl: ctx.siteUrl, wpKind: 'attachment', wpKey: key })
  const detail = attachmentDetailOf(item)
  const detailJson = JSON.stringify(detail)
  const record = (ledeKind: LedeKind, ledeId: number | null) => inTransaction(ctx, (trx) => recordImportedItem(trx, {
    siteUrl: ctx.siteUrl, wpKind: 'attachment', wpKey: key, ledeKind, ledeId, hash: '', detail: detailJson, runId: ctx.runId, at: ctx.at()
  }))
  if (known && (known.lede_id !== null || ctx.options.mediaDir === null)) {
    ctx.media.set(key, known.lede_id)
    if (known.detail === detailJson) {
      count(ctx.summary, 'unchanged', 'attachments')
    } else {
      // Recorded before its details were kept, or changed in WordPress since: the details follow.
      await record(known.lede_kind, known.lede_id)
      count(ctx.summary, 'updated', 'attachments')
    }
    return
  }
  let mediaId: number | null = null
  if (ctx.options.mediaDir === null) {
    note(ctx.summary, `${ATTACHMENT_WITHOUT_FILE}: its title, address, alt text and caption are kept`)
  } else if (!detail.path) {
    skip(ctx.summary, 'attachments', 'no path under wp-content/uploads', key)
    return
  } else {
    const relative = detail.path
    const file = await fileInside(ctx.options.mediaDir, relative)
    const size = file ? (await stat(file)).size : 0
    if (!file) { skip(ctx.summary, 'attachments', 'file not found in the media folder', relative.slice(0, 200)); return }
    if (size > MAX_MEDIA_BYTES) { skip(ctx.summary, 'attachments', `file larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`, relative.slice(0, 200)); return }
    if (!ctx.dryTrx) {
      const uploaderId = ctx.users.get(item.creator) ?? null
      // The uploader is the attachment's author; the import itself is allowed to add to the library.
      // (uploaded_by is null when the author is unknown: the column allows it, the Editor type does not say so.)
      const result = await uploadMedia(ctx.deps, { id: uploaderId as number, role: 'administrator', displayName: ctx.options.actor.name }, {
        bytes: await readFile(file), originalName: basename(relative), alt: detail.alt, caption: detail.caption, credit: ''
      })
      if (result.kind === 'created' || result.kind === 'duplicate') mediaId = result.id
      else { skip(ctx.summary, 'attachments', `not an image the media library takes (${result.kind})`, relative.slice(0, 200)); return }
    }
  }
  await record(mediaId === null ? 'none' : 'media', mediaId)
  ctx.media.set(key, mediaId)
  count(ctx.summary, known ? 'updated' : 'created', 'attachments')
}

// ——— Posts and comments ———

/** A comment to write: its parent when that is one of the comments planned before it (an index), and its depth. */
interface PlannedComment { c: WxrComment, m: MappedComment, parent: number | null, depth: number }

/**
 * The comments of one post not imported yet, in the order they are written: parents before replies.
 * Replies whose parent comes later in the file wait for it; a parent that never comes, or that was
 * imported by an earlier run, makes them top level. Comments that cannot be kept are reported here.
 */
function planComments(ctx: Context, comments: readonly WxrComment[], fallbackAt: string, known: ReadonlyMap<string, number | null>): PlannedComment[] {
  const plan: PlannedComment[] = []
  // WordPress id → its place in the plan, or null when an earlier run imported it.
  const written = new Map<number, number | null>()
  const waiting = [...comments]
  for (let pass = 0; pass < 2 && waiting.length > 0; pass++) {
    const later: WxrComment[] = []
    for (const c of waiting) {
      const mapped = commentOf(c, ctx.zone, fallbackAt)
      if (!mapped.ok) { skip(ctx.summary, 'comments', mapped.reason, String(c.id ?? '?')); continue }
      const m = mapped.comment
      const key = String(m.wpId)
      if (known.has(key)) {
        if (known.get(key) != null) written.set(m.wpId, null)
        count(ctx.summary, 'unchanged', 'comments')
        continue
      }
      const parent = m.wpParent !== 0 ? written.get(m.wpParent) : undefined
      if (m.wpParent !== 0 && parent === undefined && pass === 0 && comments.some((o) => o.id === m.wpParent)) { later.push(c); continue }
      const parentIndex = parent ?? null
      written.set(m.wpId, plan.length)
      plan.push({ c, m, parent: parentIndex, depth: parentIndex === null ? 0 : plan[parentIndex]!.depth + 1 })
    }
    waiting.splice(0, waiting.length, ...later)
  }
  return plan
}

/**
 * A planned comment's row, under its article and (when it is a reply) its parent's id. It carries its
 * WordPress key, which is its mapping: what a later run finds it by (importedComments).
 */
function commentRow(ctx: Context, articleId: number, p: PlannedComment, parentId: number | null) {
  const { c, m } = p
  return {
    article_id: articleId, parent_id: parentId, author_name: m.authorName.slice(0, 200), author_email: m.authorEmail.slice(0, 254),
    author_url: m.authorUrl?.slice(0, 500) ?? null, user_id: c.userId ? ctx.usersByWpId.get(c.userId) ?? null : null,
    body: m.body, status: m.status, ip: m.ip?.slice(0, 45) ?? null, user_agent: null, created_at: m.createdAt, depth: p.depth,
    wp_site: ctx.siteUrl, wp_id: m.wpId
  }
}

/** A planned comment's row with its HTML when the posts pass's worker rendered it (commentTextToHtml of the same text). */
function commentRowWithHtml(ctx: Context, articleId: number, p: PlannedComment, parentId: number | null) {
  const html = preparedCommentHtml(p.c)
  return { ...commentRow(ctx, articleId, p, parentId), ...(html !== undefined ? { body_html: html } : {}) }
}

/** Comments of one post not imported yet, parents before replies, one at a time in the caller's transaction. */
async function importComments(trx: DbOrTrx, ctx: Context, articleId: number, comments: readonly WxrComment[], fallbackAt: string, known: ReadonlyMap<string, number | null>): Promise<void> {
  const written: { id: number, path: string }[] = []
  for (const p of planComments(ctx, comments, fallbackAt, known)) {
    const parent = p.parent === null ? undefined : written[p.parent]!
    const id = await insertComment(trx, commentRow(ctx, articleId, p, parent?.id ?? null), parent?.path ?? '')
    written.push({ id, path: threadPathOf(parent?.path ?? '', id) })
    count(ctx.summary, 'created', 'comments')
  }
}

/** The section of a post's first category: imported already, or (named only in the post, WXR 1.0) now. */
async function sectionFor(ctx: Context, item: WxrItem, slug: string | null): Promise<number | null> {
  if (!slug) return null
  const known = ctx.sections.get(slug)
  if (known !== undefined) return known
  const name = item.terms.find((t) => t.domain === 'category' && t.slug === slug)?.name.trim() || slug
  const id = await inTransaction(ctx, (trx) => ensureSection(trx, ctx.edition, termSlug(slug, name), name.slice(0, 200)))
  ctx.sections.set(slug, id)
  return id
}

type ArticleFields = Omit<NewArticle, 'edition' | 'slug' | 'translationGroup'>

/** What the article service takes from a mapped post: its author, section and featured image found (or made) here. */
async function articleFields(ctx: Context, item: WxrItem, a: MappedArticle): Promise<ArticleFields> {
  const authorId = await userFor(ctx, a.authorLogin)
  const sectionId = await sectionFor(ctx, item, a.sectionSlug)
  const featuredMediaId = a.thumbnailId !== null ? ctx.media.get(String(a.thumbnailId)) ?? null : null
  return {
    headline: a.headline, lead: a.lead, bodySource: a.bodySource, authorId, sectionId, tags: a.tags,
    status: a.status, publishedAt: a.publishedAt, commentsOpen: a.commentsOpen, sticky: a.sticky, featuredMediaId,
    agencyCredit: a.agencyCredit, sourceUrl: a.sourceUrl, byline: a.byline
  }
}

/** A post imported before and changed in WordPress since: its article takes the new version, unless edited in Lede. */
async function updatePost(ctx: Context, item: WxrItem, articleId: number, importedAt: string, hash: string, label: string): Promise<void> {
  const mapped = articleOf(item, ctx.zone, ctx.at())
  if (!mapped.ok) { skip(ctx.summary, 'posts', mapped.reason, label); return }
  const fields = await articleFields(ctx, item, mapped.article)
  const result = await inTransaction(ctx, async (trx, deps) => {
    const updated = await updateImportedArticle(deps, articleId, fields, importedAt, ctx.options.actor)
    if (updated.kind === 'updated') {
      await redirectTo(trx, ctx, oldPathOf(item.link), 'article', articleId)
      await recordImportedItem(trx, { siteUrl: ctx.siteUrl, wpKind: 'post', wpKey: String(item.postId), ledeKind: 'article', ledeId: articleId, hash, runId: ctx.runId, at: ctx.at() })
    }
    return updated
  })
  if (result.kind === 'updated') count(ctx.summary, 'updated', 'posts')
  else if (result.kind === 'not-found') skip(ctx.summary, 'posts', 'changed in WordPress, but its article has been deleted in Lede', label)
  else skip(ctx.summary, 'posts', 'changed in WordPress, and edited in Lede since it was imported; the Lede version is kept', label)
}

/** What a batch looked up for a post before writing it: its mapping row and its comments' (see importItemsTogether). */
interface LookedUp { known: ImportItemRow | undefined, comments: ReadonlyMap<string, number | null> | null }

/** The post's content hash, worked out by the posts pass's worker when it read the post. */
const hashOf = (item: WxrItem) => preparedOf(item)?.hash ?? postHash(item)
const postLabel = (item: WxrItem) => `${String(item.postId)} ${item.title.slice(0, 60)}`.trim()

async function importPost(ctx: Context, item: WxrItem, lookedUp?: LookedUp): Promise<void> {
  const key = String(item.postId)
  const label = postLabel(item)
  const hash = hashOf(item)
  const known = lookedUp ? lookedUp.known : await importedItem(readerOf(ctx), { siteUrl: ctx.siteUrl, wpKind: 'post', wpKey: key })
  // A comment id imported before (even under another post of a malformed export) is not imported again.
  const commentKeys = item.comments.length > 0 ? lookedUp?.comments ?? await knownComments(ctx, item.comments) : new Map<string, number | null>()
  if (known) {
    const added = known.lede_id !== null && item.comments.some((c) => c.id !== null && !commentKeys.has(String(c.id)))
    // New comments on a post imported before are added to it, unless its article was deleted (with its comments) in Lede.
    if (added && await articleById(readerOf(ctx), known.lede_id!)) {
      await inTransaction(ctx, (trx) => importComments(trx, ctx, known.lede_id!, item.comments, ctx.at(), commentKeys))
    } else {
      count(ctx.summary, 'unchanged', 'comments', item.comments.length)
    }
    if (known.content_hash === hash) count(ctx.summary, 'unchanged', 'posts')
    else if (known.lede_id === null) skip(ctx.summary, 'posts', 'changed in WordPress, but its article was not created', label)
    else await updatePost(ctx, item, known.lede_id, known.updated_at, hash, label)
    return
  }
  const mapped = articleOf(item, ctx.zone, ctx.at())
  if (!mapped.ok) { skip(ctx.summary, 'posts', mapped.reason, label); return }
  const a = mapped.article
  const fields = await articleFields(ctx, item, a)
  if (a.extraCategories.length > 0) note(ctx.summary, 'post in several categories filed under its first one only')
  for (const n of a.notes) note(ctx.summary, n)
  try {
    await inTransaction(ctx, async (trx, deps) => {
      const { id } = await createArticle(deps, { ...fields, edition: ctx.edition, slug: a.slug }, ctx.options.actor)
      await importComments(trx, ctx, id, item.comments, a.publishedAt ?? ctx.at(), commentKeys)
      await redirectTo(trx, ctx, oldPathOf(item.link), 'article', id)
      await redirectTo(trx, ctx, queryKeyOf('p', key), 'article', id)
      await recordImportedItem(trx, { siteUrl: ctx.siteUrl, wpKind: 'post', wpKey: key, ledeKind: 'article', ledeId: id, hash, runId: ctx.runId, at: ctx.at() })
    })
  } catch (error) {
    // In a shared transaction the failure is the whole batch's (PostgreSQL refuses every later statement).
    if (ctx.dryTrx || ctx.batch) throw error
    skip(ctx.summary, 'posts', `could not be saved: ${errorText(error)}`, label)
    return
  }
  count(ctx.summary, 'created', 'posts')
  ctx.summary.postsByStatus[a.status] = (ctx.summary.postsByStatus[a.status] ?? 0) + 1
}

/** Which of these comments earlier runs imported: WordPress id → comment id (null when it is no longer there). */
async function knownComments(ctx: Context, comments: readonly WxrComment[]): Promise<Map<string, number | null>> {
  const found = await importedComments(readerOf(ctx), ctx.siteUrl, comments.flatMap((c) => c.id === null ? [] : [c.id]))
  return new Map([...found].map(([wpId, id]) => [String(wpId), id]))
}

const SKIPPED_TYPES: Record<string, string> = {
  page: 'page (Lede has no static pages yet; its old addresses answer 410 Gone)',
  revision: 'revision (WordPress keeps old versions as posts)',
  nav_menu_item: 'menu item',
  wp_block: 'reusable block',
  wp_navigation: 'navigation menu',
  wp_template: 'theme template',
  wp_template_part: 'theme template part',
  wp_global_styles: 'theme styles',
  custom_css: 'theme CSS'
}

const isPost = (item: WxrItem) => item.postId !== null && (item.postType === 'post' || item.postType === '')

async function importItem(ctx: Context, item: WxrItem, lookedUp?: LookedUp): Promise<void> {
  if (item.postId === null) { skip(ctx.summary, 'posts', 'item without a post id', item.title.slice(0, 60) || '?'); return }
  if (isPost(item)) { await importPost(ctx, item, lookedUp); return }
  if (item.postType === 'attachment') return
  if (item.postType === 'page') await keepPageAddress(ctx, item)
  const reason = SKIPPED_TYPES[item.postType] ?? `post type "${item.postType.slice(0, 40)}" has no place in Lede`
  skip(ctx.summary, item.postType === 'page' ? 'pages' : 'posts', reason, `${item.postId} ${item.title.slice(0, 60)}`.trim())
}

/**
 * A page has no place in Lede, but its old addresses are kept: a published page's permalink, `?page_id=`
 * and `?p=` answer 410 Gone (it is not coming back here) rather than a 404 or the front page.
 */
async function keepPageAddress(ctx: Context, item: WxrItem): Promise<void> {
  const key = String(item.postId)
  const detail = JSON.stringify(pageDetailOf(item))
  const known = await importedItem(readerOf(ctx), { siteUrl: ctx.siteUrl, wpKind: 'page', wpKey: key })
  if (known?.detail === detail) return
  await inTransaction(ctx, async (trx) => {
    await recordImportedItem(trx, { siteUrl: ctx.siteUrl, wpKind: 'page', wpKey: key, ledeKind: 'none', ledeId: null, hash: '', detail, runId: ctx.runId, at: ctx.at() })
    if (item.status !== 'publish') return
    const paths = new Set([oldPathOf(item.link), queryKeyOf('page_id', key), queryKeyOf('p', key)])
    const urls = [...paths].flatMap((oldPath) => oldPath ? [{ oldPath, targetKind: 'gone' as const, targetId: 0, runId: ctx.runId, at: ctx.at() }] : [])
    await addRedirects(trx, urls)
  })
}

/**
 * Posts written per transaction: fewer commits and round trips. On SQLite a batch holds the write lock
 * (and, in a server process, the process's one connection, which the site's own requests wait for), so it
 * stays short: 100 small posts written together hold it about 27 ms (50: 16 ms, 200: 50 ms), and import
 * 1.15–1.25× faster than 50 at 100,000 posts (the writing thread's CPU a fifth lower), where 200 gained less
 * (the worker's lead, AHEAD_ITEMS, is then only two batches). PostgreSQL locks only the rows written, and
 * 200 posts a batch import 1.1–1.25× faster there than 50 (bench/README.md).
 */
const POSTS_PER_BATCH: Record<DialectName, number> = { sqlite: 100, postgres: 200 }
/** …and no more text than this held for one batch, however long the posts and their comment threads. */
const BATCH_TEXT_CHARS = 8 * 1024 * 1024

/**
 * The tables the posts pass reads back by lists of keys (its mappings, its new articles' tags), whose
 * statistics PostgreSQL needs to plan those reads on their indexes as the tables grow
 * (planner-statistics.ts), and the posts after which they are first refreshed, then at each doubling.
 * Both tables are narrow: analysing them costs a few tens of milliseconds, where the wide ones (articles,
 * revisions, search documents) cost most of a second and their reads here plan well without.
 */
const IMPORTED_TABLES = ['import_items', 'article_tags']
const STATISTICS_AFTER_POSTS = 1000

/** Roughly how much text an item holds (its body and its comments), to bound a batch's memory. */
const itemChars = (item: WxrItem) => item.content.length + item.excerpt.length + item.comments.reduce((n, c) => n + c.content.length, 0)

/** A post seen for the first time, ready to be written with the others of its batch. */
interface NewPost { item: WxrItem, key: string, hash: string, article: MappedArticle, fields: ArticleFields }

/**
 * The items of a batch, in the caller's transaction, written as importItem writes them one by one but
 * with a few statements per batch: its posts' and comments' mappings are looked up in one query each,
 * and runs of posts seen for the first time go through createArticles, their comments, old URLs and
 * mapping rows in multi-row inserts. Anything else (a post imported before, an item that is not a post,
 * a post the mapping refuses, a WordPress id twice in the batch) is imported on its own, in file order,
 * the run before it written first, so ids, counts and reports come out as they would one by one.
 */
async function importItemsTogether(ctx: Context, items: readonly WxrItem[]): Promise<void> {
  const db = readerOf(ctx)
  const posts = items.filter(isPost)
  const seen = new Map<string, number>()
  for (const key of posts.flatMap((item) => [`p${item.postId}`, ...item.comments.flatMap((c) => c.id === null ? [] : [`c${c.id}`])])) {
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  // An id the batch holds twice is imported on its own: its second time must see its first.
  const alone = (item: WxrItem) => seen.get(`p${item.postId}`)! > 1 || item.comments.some((c) => c.id !== null && seen.get(`c${c.id}`)! > 1)
  const known = await importedItems(db, { siteUrl: ctx.siteUrl, wpKind: 'post', wpKeys: posts.map((item) => String(item.postId)) })
  const knownCommentIds = await knownComments(ctx, posts.filter((item) => !alone(item)).flatMap((item) => item.comments))

  let run: NewPost[] = []
  const writeRun = async () => {
    const written = run
    run = []
    await writeNewPosts(ctx, written, knownCommentIds)
  }
  for (const item of items) {
    const key = String(item.postId)
    const mapped = isPost(item) && !alone(item) && !known.has(key) ? articleOf(item, ctx.zone, ctx.at(), preparedOf(item)?.bodySource) : null
    if (!mapped?.ok) {
      await writeRun()
      await importItem(ctx, item, isPost(item) && !alone(item) ? { known: known.get(key), comments: knownCommentIds } : undefined)
      continue
    }
    const a = mapped.article
    // An author or a section seen for the first time is created now: what comes before it is written first.
    if ((a.authorLogin !== '' && !ctx.users.has(a.authorLogin)) || (a.sectionSlug && !ctx.sections.has(a.sectionSlug))) await writeRun()
    const fields = await articleFields(ctx, item, a)
    if (a.extraCategories.length > 0) note(ctx.summary, 'post in several categories filed under its first one only')
    for (const n of a.notes) note(ctx.summary, n)
    run.push({ item, key, hash: hashOf(item), article: a, fields })
  }
  await writeRun()
}

/** New posts with their comments, old URLs and mapping rows, written together in the caller's transaction. */
async function writeNewPosts(ctx: Context, posts: readonly NewPost[], knownCommentIds: ReadonlyMap<string, number | null>): Promise<void> {
  if (posts.length === 0) return
  await inTransaction(ctx, async (trx, deps) => {
    const created = await createArticles(deps, posts.map((p) => {
      const body = preparedOf(p.item)?.body
      return { ...p.fields, edition: ctx.edition, slug: p.article.slug, ...(body ? { renderedBody: body } : {}) }
    }), ctx.options.actor)
    const plans = posts.map((p) => planComments(ctx, p.item.comments, p.article.publishedAt ?? ctx.at(), knownCommentIds))
    const commentIds = await reserveIds(trx, 'comments', plans.reduce((n, plan) => n + plan.length, 0))
    const comments: Parameters<typeof insertComments>[1][number][] = []
    const urls: OldUrl[] = []
    const mappings: ImportedItem[] = []
    posts.forEach((p, i) => {
      const articleId = created[i]!.id
      const written: { id: number, path: string }[] = []
      for (const planned of plans[i]!) {
        const parent = planned.parent === null ? undefined : written[planned.parent]!
        const id = commentIds[comments.length]!
        const path = threadPathOf(parent?.path ?? '', id)
        comments.push({ ...commentRowWithHtml(ctx, articleId, planned, parent?.id ?? null), id, thread_path: path })
        written.push({ id, path })
      }
      for (const oldPath of [oldPathOf(p.item.link), queryKeyOf('p', p.key)]) {
        if (oldPath) urls.push({ oldPath, targetKind: 'article', targetId: articleId, runId: ctx.runId, at: ctx.at() })
      }
      mappings.push({ siteUrl: ctx.siteUrl, wpKind: 'post', wpKey: p.key, ledeKind: 'article', ledeId: articleId, hash: p.hash, runId: ctx.runId, at: ctx.at() })
    })
    await insertComments(trx, comments)
    await addRedirects(trx, urls)
    await recordImportedItems(trx, mappings)
    count(ctx.summary, 'created', 'comments', comments.length)
  })
  for (const p of posts) {
    count(ctx.summary, 'created', 'posts')
    ctx.summary.postsByStatus[p.article.status] = (ctx.summary.postsByStatus[p.article.status] ?? 0) + 1
  }
}

/**
 * Imports the items in one transaction. If any fails, the batch is rolled back (with the counts and the
 * authors and sections it had learned) and its items are imported again one transaction each, so the bad
 * one is reported alone and the others are kept.
 */
async function importBatch(ctx: Context, items: readonly WxrItem[]): Promise<void> {
  const importAll = async () => {
    if (ctx.options.oneByOne) for (const item of items) await importItem(ctx, item)
    else await importItemsTogether(ctx, items)
  }
  if (ctx.dryTrx) { await importAll(); return }
  if (items.length === 1) { await importItem(ctx, items[0]!); return }
  const before = { summary: structuredClone(ctx.summary), users: new Map(ctx.users), usersByWpId: new Map(ctx.usersByWpId), sections: new Map(ctx.sections) }
  const bus = bufferedBus()
  try {
    await ctx.deps.db.transaction().execute(async (trx) => {
      ctx.batch = { trx, bus }
      try {
        await importAll()
      } finally {
        ctx.batch = null
      }
    })
  } catch {
    bus.drop()
    Object.assign(ctx.summary, before.summary)
    ctx.users = before.users
    ctx.usersByWpId = before.usersByWpId
    ctx.sections = before.sections
    for (const item of items) await importItem(ctx, item)
    return
  }
  bus.flush(ctx.deps.events)
}

/** What the second pass (authors, terms, attachments) needs of a record. */
type TermsPassRecord =
  | { kind: 'author', author: WxrAuthor }
  | { kind: 'term', term: WxrTerm }
  /** The item's categories not named by an item before it, and the item itself when it is an attachment; `index` counts items from 1. */
  | { kind: 'item', index: number, categories: WxrItemTerm[], attachment: WxrItem | null }

/** The second pass keeps the first pass's records in memory up to this much text (else it reads the file again). */
const REMEMBERED_CHARS = 8 * 1024 * 1024

/**
 * A record as the second pass needs it, or null. Only an item's first naming of a category can create
 * its section (every later one finds it made), so `named` remembers the slugs items have named.
 */
function termsPassRecordOf(r: WxrRecord, named: Set<string>, index: number): TermsPassRecord | null {
  if (r.kind === 'author') return { kind: 'author', author: r.author }
  if (r.kind === 'term') return { kind: 'term', term: r.term }
  if (r.kind !== 'item') return null
  const categories: WxrItemTerm[] = []
  for (const t of r.item.terms) {
    if (t.domain !== 'category' || t.slug === '' || named.has(t.slug)) continue
    named.add(t.slug)
    categories.push(t)
  }
  return { kind: 'item', index, categories, attachment: r.item.postType === 'attachment' && r.item.postId !== null ? r.item : null }
}

async function * termsPassRecords(source: AsyncIterable<string | Buffer>): AsyncGenerator<TermsPassRecord> {
  const named = new Set<string>()
  let index = 0
  for await (const r of readWxr(source)) {
    if (r.kind === 'item') index++
    const kept = termsPassRecordOf(r, named, index)
    if (kept) yield kept
  }
}

/** Roughly how much memory a kept record takes, in characters. */
function recordChars(r: TermsPassRecord): number {
  if (r.kind !== 'item') return 500
  const attachment = r.attachment ? itemChars(r.attachment) + r.attachment.meta.reduce((n, m) => n + m.key.length + m.value.length, 0) + 2000 : 0
  return 100 + r.categories.reduce((n, t) => n + t.name.length + t.slug.length + 50, 0) + attachment
}

/** The export's site, which with each record's WordPress id identifies it across runs. */
function siteOf(header: WxrHeader): string {
  return (header.baseBlogUrl || header.link || header.baseSiteUrl || 'unknown').replace(/\/+$/, '').slice(0, 500)
}

async function progressReporter(ctx: Context): Promise<(progress: ImportProgress) => void> {
  let last = 0
  return (progress) => {
    ctx.options.onProgress?.(progress)
    // A monotonic clock: this only spaces out the writes, it never decides anything by the time of day.
    const now = performance.now()
    if (now - last < PROGRESS_EVERY_MS && progress.done !== progress.total) return
    last = now
    void updateImportRun(ctx.deps.db, ctx.runId, { done: progress.done, total: progress.total, summary: JSON.stringify(ctx.summary), heartbeat_at: ctx.at() }).catch(() => {})
  }
}

/** Imports the export; a file that is not one is refused with what is wrong and where, and nothing is written. */
export async function importWordPress(deps: Deps, options: WordPressImportOptions): Promise<ImportResult> {
  // The posts pass's worker starts while the first pass checks the file, once it has seen enough items
  // to repay it (importWith). With one core it would only add its messages' cost: the posts are then
  // prepared in place.
  const reader = options.oneByOne ? null : postReader({ inPlace: availableParallelism() < 2 })
  try {
    return await withBackgroundCheckpoints(deps.db, () => importWith(deps, options, reader))
  } finally {
    await reader?.close()
  }
}

/** Posts as the third pass reads them: prepared on the worker, or (one by one) plainly. */
async function * postsOf(options: WordPressImportOptions, reader: PostReader | null): AsyncGenerator<WxrItem> {
  if (reader) { yield * reader.items(options.source); return }
  for await (const r of readWxr(options.source())) if (r.kind === 'item') yield r.item
}

async function importWith(deps: Deps, options: WordPressImportOptions, reader: PostReader | null): Promise<ImportResult> {
  const startedAt = deps.clock().toISOString()
  const runId = options.runId ?? await insertImportRun(deps.db, {
    source: 'wordpress', file_name: options.fileName.slice(0, 255), edition: options.edition, status: 'running',
    dry_run: options.dryRun ? 1 : 0, message: null, started_by: options.actor.id, started_at: startedAt, finished_at: null
  })
  await updateImportRun(deps.db, runId, { status: 'running', heartbeat_at: startedAt })
  const finish = (values: Parameters<typeof updateImportRun>[2]) => updateImportRun(deps.db, runId, { ...values, finished_at: deps.clock().toISOString() })

  // 1. The whole file is checked before anything is written. What the second pass needs is kept on the
  // way while it is small, and that pass then reads it from memory instead of the file.
  let header: WxrHeader | null = null
  let items = 0
  const workerFromItems = options.workerFromItems ?? WORKER_FROM_ITEMS
  let offsetMinutes: number | null = null
  let remembered: TermsPassRecord[] | null = []
  let rememberedChars = 0
  const named = new Set<string>()
  try {
    for await (const r of readWxr(options.source())) {
      if (r.kind === 'header') header = r.header
      else if (r.kind === 'item') {
        items++
        if (items >= workerFromItems) reader?.start()
        offsetMinutes ??= exportOffsetMinutes(r.item.postDate, r.item.postDateGmt)
        if (items % 1000 === 0) {
          options.onProgress?.({ phase: 'check', done: items, total: 0 })
          void updateImportRun(deps.db, runId, { heartbeat_at: deps.clock().toISOString() }).catch(() => {})
        }
      }
      const kept = remembered && !options.oneByOne && termsPassRecordOf(r, named, items)
      if (kept && (kept.kind !== 'item' || kept.categories.length > 0 || kept.attachment)) {
        remembered!.push(kept)
        rememberedChars += recordChars(kept)
        if (rememberedChars > REMEMBERED_CHARS) remembered = null
      }
    }
  } catch (error) {
    const message = errorText(error)
    await finish({ status: 'refused', message })
    return { kind: 'refused', runId, message }
  }
  if (!header) {
    await finish({ status: 'refused', message: 'empty export' })
    return { kind: 'refused', runId, message: 'empty export' }
  }
  const settings = await loadSettings(deps.db)
  if (!settings.editions.includes(options.edition)) {
    const message = `unknown edition "${options.edition}" (this site has ${settings.editions.join(', ')})`
    await finish({ status: 'refused', message })
    return { kind: 'refused', runId, message }
  }
  const siteUrl = siteOf(header)
  await updateImportRun(deps.db, runId, { site_url: siteUrl, total: items })

  const summary = emptySummary()
  const blog = oldPathOf(header.baseBlogUrl || header.link)
  const dry = options.dryRun ? await deps.db.startTransaction().execute() : null
  const ctx: Context = {
    deps, options, runId, siteUrl, blogPath: blog ? blog.replace(/\/$/, '') : '', edition: options.edition, summary,
    zone: { offsetMinutes, fallbackTimeZone: settings.timeZone },
    users: new Map(), usersByWpId: new Map(), sections: new Map(), media: new Map(),
    at: () => deps.clock().toISOString(), dryTrx: dry, batch: null
  }
  const report = await progressReporter(ctx)
  let writing: Promise<void> = Promise.resolve()
  try {
    // Mappings from earlier runs of the same site, so re-runs and later posts find what exists.
    for (const [slugOrKey, id] of await importedItemsOfKind(dry ?? deps.db, siteUrl, 'attachment')) ctx.media.set(slugOrKey, id)

    // 2. Authors, terms and attachments, which posts refer to.
    const pendingParents = new Map<string, string[]>()
    const categoryPaths = new Map<string, string>()
    for await (const r of options.oneByOne || !remembered ? termsPassRecords(options.source()) : remembered) {
      if (r.kind === 'author') await importAuthor(ctx, r.author)
      else if (r.kind === 'term') await importTerm(ctx, r.term, pendingParents, categoryPaths)
      else {
        for (const t of r.categories) {
          // Categories named only in posts (WXR 1.0 exports list few up front) get their section and old URL here.
          if (!ctx.sections.has(t.slug)) {
            await importTerm(ctx, { id: null, taxonomy: 'category', slug: t.slug, name: t.name, parent: '', description: '', meta: [] }, pendingParents, categoryPaths)
          }
        }
        if (r.attachment) {
          try {
            await importAttachment(ctx, r.attachment)
          } catch (error) {
            if (dry) throw error
            skip(summary, 'attachments', `could not be saved: ${errorText(error)}`, String(r.attachment.postId))
          }
        }
        report({ phase: 'terms', done: r.index, total: items })
      }
    }
    report({ phase: 'terms', done: items, total: items })
    for (const [parent, children] of pendingParents) note(summary, `${children.length} categor${children.length === 1 ? 'y' : 'ies'} under a missing parent "${parent.slice(0, 40)}" kept at the top level`)

    // 3. Posts, a batch per transaction. The phase is announced before the first batch, so its rate and
    // time left count from its start, not from the first batch's end. The next batch is read while one
    // is being written (PostgreSQL works on it meanwhile); batches are still written one after another.
    let done = 0
    report({ phase: 'posts', done: 0, total: items })
    let batch: WxrItem[] = []
    let batchChars = 0
    const postsPerBatch = POSTS_PER_BATCH[engineOf(deps.db)]
    const statistics = statisticsSchedule(STATISTICS_AFTER_POSTS)
    const writeBatch = async () => {
      const next = batch
      batch = []
      batchChars = 0
      await writing
      writing = importBatch(ctx, next).then(async () => {
        done += next.length
        if (!dry && statistics.due(done)) await refreshStatistics(deps.db, IMPORTED_TABLES)
        report({ phase: 'posts', done, total: items })
      })
      // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
      writing.catch(() => {})
    }
    for await (const item of postsOf(options, reader)) {
      batch.push(item)
      batchChars += itemChars(item)
      if (batch.length >= postsPerBatch || batchChars >= BATCH_TEXT_CHARS) await writeBatch()
    }
    if (batch.length > 0) await writeBatch()
    await writing
  } catch (error) {
    // A file that breaks off while a batch is being written: the batch ends first.
    await writing.catch(() => {})
    if (dry) await dry.rollback().execute()
    const message = errorText(error)
    await finish({ status: 'failed', message, summary: JSON.stringify(summary) })
    throw error
  }
  if (dry) await dry.rollback().execute()
  await finish({ status: 'done', done: items, summary: JSON.stringify(summary) })
  return { kind: 'done', runId, summary, header }
}
