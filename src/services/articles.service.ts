// Writing and publishing articles. Each function is one transaction that reads top to bottom:
// check the role and the transition → write (article-write.service.ts keeps the revision, the old URL,
// the search index and the audit row in step) → commit → the write's event tells the rest of the app
// what readers can now see.
import { renderArticleBody, storedArticleBody } from '../domain/article-body.js'
import { htmlToDocument } from '../domain/body-document.js'
import type { ArticleFormErrors, ArticleInput } from '../domain/article-form.js'
import { dayOf, dayRange, type Day, type IsoInstant } from '../domain/days.js'
import { isPubliclyVisible, type ArticleStatus } from '../domain/publishing.js'
import { mayChooseFeaturedImage, type Role } from '../domain/roles.js'
import { slugFromText, uniqueSlug } from '../domain/slug.js'
import {
  checkEdit, mayCreate, publicationStatus, transition, type BulkAction, type WorkflowAction, type WorkflowArticle
} from '../domain/workflow.js'
import type { DbOrTrx } from '../db/database.js'
import { slugsPublishedBetween, slugTimesPublishedBetween, type ArticleRow, articleById } from '../db/repositories/articles.repository.js'
import type { Actor } from '../db/repositories/audit.repository.js'
import { deleteAutosave } from '../db/repositories/autosaves.repository.js'
import { mediaById } from '../db/repositories/media.repository.js'
import { revisionById } from '../db/repositories/revisions.repository.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { sectionById, tagsOfArticle } from '../db/repositories/taxonomy.repository.js'
import { wireItemForArticle } from '../db/repositories/wire.repository.js'
import { breaksEmbargo } from '../domain/wire/versions.js'
import { articleTransaction, type NewArticleWrite } from './article-write.service.js'
import type { Deps } from './deps.js'

export interface NewArticle {
  edition: string
  headline: string
  lead: string
  bodySource: string
  agencyCredit?: string | null
  sourceUrl?: string | null
  byline?: string | null
  authorId?: number | null
  sectionId?: number | null
  tags?: string[]
  status: ArticleStatus
  publishedAt?: IsoInstant | null
  breaking?: boolean
  /** Pinned to the top of the edition's front page (WordPress's sticky posts). */
  sticky?: boolean
  commentsOpen?: boolean
  slug?: string
  translationGroup?: string | null
  featuredMediaId?: number | null
  featuredAlt?: string | null
  featuredCaption?: string | null
  featuredCredit?: string | null
  /**
   * storedArticleBody(bodySource), when the caller rendered it already (an import renders its bodies on a
   * worker thread while the batch before is written); createArticles takes it instead of rendering again.
   */
  renderedBody?: { source: string, html: string }
}

/** Who is acting in the newsroom: the signed-in user (request.user fits). */
export interface Editor { id: number, role: Role, displayName: string }

const actorOf = (editor: Editor): Actor => ({ id: editor.id, name: editor.displayName })
/** Imports, the demo and the command line act as the system. */
const SYSTEM_ACTOR: Actor = { id: null, name: 'Lede' }

const visibility = (row: Pick<ArticleRow, 'status' | 'published_at'>) => ({ status: row.status, publishedAt: row.published_at })

/** A slug's unique form within the day of `publishedAt` (site zone), or the slug as it is for undated drafts. */
async function slugForDay(trx: DbOrTrx, q: { edition: string, slug: string, publishedAt: IsoInstant | null, timeZone: string, exceptId?: number }): Promise<{ slug: string, taken: Set<string> }> {
  const base = q.slug || 'story'
  if (!q.publishedAt) return { slug: base, taken: new Set() }
  const range = dayRange(dayOf(q.publishedAt, q.timeZone), q.timeZone)
  const taken = await slugsPublishedBetween(trx, { edition: q.edition, ...range, ...(q.exceptId !== undefined ? { exceptId: q.exceptId } : {}) })
  return { slug: uniqueSlug(base, taken), taken }
}

/**
 * slugForDay for several new articles in turn, each unique among those before it too. The taken slugs of
 * the days they fall on are read a run of consecutive days at a time (an export's batch usually covers a
 * few days in a row), one query per run rather than one per day: on PostgreSQL each query is a round trip.
 */
async function slugsForDays(trx: DbOrTrx, wanted: readonly { edition: string, slug: string, publishedAt: IsoInstant | null }[], timeZone: string): Promise<string[]> {
  const days = wanted.map((w) => w.publishedAt ? dayOf(w.publishedAt, timeZone) : null)
  const takenByDay = await takenSlugsOfDays(trx, wanted.flatMap((w, i) => days[i] ? [{ edition: w.edition, day: days[i]! }] : []), timeZone)
  return wanted.map((w, i) => {
    const base = w.slug || 'story'
    const day = days[i]
    if (!day) return base
    const taken = takenByDay.get(`${w.edition} ${day}`)!
    const slug = uniqueSlug(base, taken)
    taken.add(slug)
    return slug
  })
}

/** The slugs taken on each of these editions' days, keyed "edition day"; consecutive days are read together. */
async function takenSlugsOfDays(trx: DbOrTrx, wanted: readonly { edition: string, day: Day }[], timeZone: string): Promise<Map<string, Set<string>>> {
  const taken = new Map<string, Set<string>>()
  const byEdition = new Map<string, Set<Day>>()
  for (const w of wanted) {
    if (!byEdition.has(w.edition)) byEdition.set(w.edition, new Set())
    byEdition.get(w.edition)!.add(w.day)
  }
  for (const [edition, daySet] of byEdition) {
    const ranges = [...daySet].sort().map((day) => ({ day, ...dayRange(day, timeZone) }))
    for (const { day } of ranges) taken.set(`${edition} ${day}`, new Set())
    for (let i = 0; i < ranges.length;) {
      let j = i
      while (j + 1 < ranges.length && ranges[j + 1]!.start === ranges[j]!.end) j++
      for (const row of await slugTimesPublishedBetween(trx, { edition, start: ranges[i]!.start, end: ranges[j]!.end })) {
        taken.get(`${edition} ${dayOf(row.published_at, timeZone)}`)?.add(row.slug)
      }
      i = j + 1
    }
  }
  return taken
}

/**
 * A body as it is stored: whatever a write path receives (the editor's document, or Markdown from the
 * WordPress import, the wire desk and the demo) becomes the body document, and readers' HTML is rendered from it
 * once, here, never on a reader's request.
 */
export function storedBody(source: string): { body_source: string, body_html: string } {
  const body = storedArticleBody(source)
  return { body_source: body.source, body_html: body.html }
}

type StoredBody = ReturnType<typeof storedBody>

/** The columns an import or the demo sets from a NewArticle, as a new article or an imported update. */
function contentColumns(input: Omit<NewArticle, 'edition' | 'slug' | 'translationGroup'>, body: StoredBody) {
  return {
    headline: input.headline,
    lead: input.lead,
    ...body,
    agency_credit: input.agencyCredit ?? null,
    source_url: input.sourceUrl ?? null,
    byline: input.byline ?? null,
    author_id: input.authorId ?? null,
    section_id: input.sectionId ?? null,
    status: input.status,
    published_at: input.publishedAt ?? null,
    sticky: input.sticky ? 1 : 0
  }
}

/**
 * Saves a new article with its tags in one transaction; its slug is made unique within its day.
 * Used by imports and the demo (the editor's form goes through saveArticle): no role check, and the
 * audit row names `actor` or the system.
 */
export async function createArticle(deps: Deps, input: NewArticle, actor: Actor = SYSTEM_ACTOR): Promise<{ id: number, slug: string }> {
  const at = deps.clock()
  const body = storedBody(input.bodySource)
  return articleTransaction(deps, async ({ trx, write }) => {
    const { timeZone } = await loadSettings(trx)
    const { slug } = await slugForDay(trx, { edition: input.edition, slug: input.slug || slugFromText(input.headline), publishedAt: input.publishedAt ?? null, timeZone })
    const after = (await write(newArticleWrite(input, slug, body, { at, timeZone, actor })))!
    return { id: after.id, slug }
  })
}

/**
 * createArticle for several articles in one transaction, written together (writeNewArticles): the same
 * rows as creating them one after the other, each slug unique within its day among those before it.
 */
export async function createArticles(deps: Deps, inputs: readonly NewArticle[], actor: Actor = SYSTEM_ACTOR): Promise<{ id: number, slug: string }[]> {
  const at = deps.clock()
  const bodies = inputs.map((input) => input.renderedBody ? { body_source: input.renderedBody.source, body_html: input.renderedBody.html } : storedBody(input.bodySource))
  return articleTransaction(deps, async ({ trx, writeNew }) => {
    const { timeZone } = await loadSettings(trx)
    const slugs = await slugsForDays(trx, inputs.map((input) => ({ edition: input.edition, slug: input.slug || slugFromText(input.headline), publishedAt: input.publishedAt ?? null })), timeZone)
    const rows = await writeNew(inputs.map((input, i) => newArticleWrite(input, slugs[i]!, bodies[i]!, { at, timeZone, actor })))
    return rows.map((row) => ({ id: row.id, slug: row.slug }))
  })
}

function newArticleWrite(input: NewArticle, slug: string, body: StoredBody, p: { at: Date, timeZone: string, actor: Actor }): NewArticleWrite {
  const now = p.at.toISOString()
  return {
    before: null,
    values: {
      edition: input.edition,
      translation_group: input.translationGroup ?? null,
      slug,
      ...contentColumns(input, body),
      created_at: now,
      updated_at: now,
      breaking: input.breaking ? 1 : 0,
      comments_open: input.commentsOpen === false ? 0 : 1,
      featured_media_id: input.featuredMediaId ?? null,
      featured_alt: input.featuredAlt ?? null,
      featured_caption: input.featuredCaption ?? null,
      featured_credit: input.featuredCredit ?? null
    },
    tags: input.tags ?? [], actor: p.actor, action: 'article.create', at: p.at, timeZone: p.timeZone, details: { created: true }
  }
}

export type ImportedUpdateResult = { kind: 'updated' } | { kind: 'not-found' } | { kind: 'edited-since', version: number }

/**
 * Brings an imported article up to date with a newer export of its source, unless the newsroom has
 * saved it in Lede since (`importedAt`): their edit wins and is reported, never overwritten. The slug
 * stays (readers and other sites hold links to it); everything the export carries is replaced, as a
 * new revision.
 */
export async function updateImportedArticle(deps: Deps, id: number, input: Omit<NewArticle, 'edition' | 'slug' | 'translationGroup'>, importedAt: IsoInstant, actor: Actor = SYSTEM_ACTOR): Promise<ImportedUpdateResult> {
  const at = deps.clock()
  const body = storedBody(input.bodySource)
  return articleTransaction(deps, async ({ trx, write }) => {
    const before = await articleById(trx, id)
    if (!before) return { kind: 'not-found' }
    if (before.updated_at > importedAt) return { kind: 'edited-since', version: before.version }
    const { timeZone } = await loadSettings(trx)
    const after = await write({
      before,
      values: {
        ...contentColumns(input, body),
        updated_at: at.toISOString(),
        comments_open: input.commentsOpen === false ? 0 : 1,
        featured_media_id: input.featuredMediaId ?? null
      },
      tags: input.tags ?? [], actor, action: 'article.update', at, timeZone, details: { imported: true }
    })
    return after ? { kind: 'updated' } : { kind: 'edited-since', version: before.version }
  })
}

/** An article as the editor form shows it. */
export interface EditableArticle { article: ArticleRow, tags: string[] }

export async function articleForEditing(deps: Deps, id: number): Promise<EditableArticle | null> {
  const article = await articleById(deps.db, id)
  if (!article) return null
  return { article, tags: (await tagsOfArticle(deps.db, id)).map((t) => t.name) }
}

export type OpenResult =
  /** `editable` is false for a story in the bin: it opens read-only, to be restored first. */
  | { kind: 'found', article: ArticleRow, tags: string[], editable: boolean }
  | { kind: 'not-found' }
  /** Not this editor's to see in the newsroom. */
  | { kind: 'forbidden' }

/** An article as `editor` may open it in the editor form. */
export async function openForEditing(deps: Deps, editor: Editor, id: number): Promise<OpenResult> {
  const found = await articleForEditing(deps, id)
  if (!found) return { kind: 'not-found' }
  const { article } = found
  const allowed = checkEdit({ status: article.status, authorId: article.author_id, publishedAt: article.published_at }, editor)
  if (!allowed.ok && allowed.refusal === 'forbidden') return { kind: 'forbidden' }
  return { kind: 'found', ...found, editable: allowed.ok }
}

/** The buttons of the editor form: keep the status, ask for review, publish (or schedule), take off the site. */
export const SAVE_INTENTS = ['save', 'submit', 'publish', 'unpublish'] as const
export type SaveIntent = typeof SAVE_INTENTS[number]

export interface SaveRequest {
  /** null for a new article. */
  id: number | null
  /** The version the editor's form was loaded at (existing articles). */
  expectedVersion: number | null
  /** For a new article; an existing one keeps its edition. */
  edition: string
  input: ArticleInput
  intent: SaveIntent
}

/** A story made from a wire item still under embargo may be scheduled for the embargo's end, not earlier. */
async function breaksWireEmbargo(trx: DbOrTrx, articleId: number, next: { status: ArticleStatus, publishedAt: IsoInstant | null }, now: Date): Promise<boolean> {
  if (next.status !== 'published' && next.status !== 'scheduled') return false
  const item = await wireItemForArticle(trx, articleId)
  return !!item && breaksEmbargo(next, item.embargo_until, now)
}

export type SaveResult =
  | { kind: 'saved', id: number, slug: string, status: ArticleStatus, version: number, action: string }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  /** The intent is not possible from the article's status (publishing from the bin). */
  | { kind: 'refused' }
  | { kind: 'invalid', errors: ArticleFormErrors }
  /** Someone saved since the form was loaded: here is their version; nothing was written. */
  | { kind: 'conflict', current: EditableArticle }

type Refusal = { kind: 'forbidden' } | { kind: 'refused' }
const refusalOf = (refusal: 'forbidden' | 'invalid-transition'): Refusal => refusal === 'forbidden' ? { kind: 'forbidden' } : { kind: 'refused' }

/** Status and time after saving with `intent`, or why not. */
function statusAfterSave(base: WorkflowArticle, intent: SaveIntent, editor: Editor, input: ArticleInput, now: Date):
{ ok: true, status: ArticleStatus, publishedAt: IsoInstant | null } | { ok: false, refusal: Refusal } {
  switch (intent) {
    case 'save': {
      if (base.status === 'published' || base.status === 'scheduled') {
        // A time moved into the future takes a live story off until then; moved into the past, it goes live.
        const at = input.publishedAt ?? base.publishedAt ?? now.toISOString()
        return { ok: true, status: publicationStatus(at, now), publishedAt: at }
      }
      // For drafts the time is a plan, used when the story is published.
      return { ok: true, status: base.status, publishedAt: input.publishedAt }
    }
    case 'submit': case 'unpublish': {
      const t = transition(base, intent, editor, { now })
      return t.ok ? { ok: true, status: t.status, publishedAt: input.publishedAt ?? (intent === 'unpublish' ? base.publishedAt : null) } : { ok: false, refusal: refusalOf(t.refusal) }
    }
    case 'publish': {
      // From the form an empty time means now, whatever time the story had before.
      const t = transition(base, 'publish', editor, { now, at: input.publishedAt ?? now.toISOString() })
      return t.ok ? { ok: true, status: t.status, publishedAt: t.publishedAt } : { ok: false, refusal: refusalOf(t.refusal) }
    }
  }
}

function auditActionFor(intent: SaveIntent, status: ArticleStatus, isNew: boolean): string {
  if (intent === 'publish') return status === 'scheduled' ? 'article.schedule' : 'article.publish'
  if (intent === 'submit') return 'article.submit'
  if (intent === 'unpublish') return 'article.unpublish'
  return isNew ? 'article.create' : 'article.update'
}

/**
 * The editor form's save: new or existing article, content plus the button's intent, in one transaction.
 * Existing articles save only at the version the form was loaded at (optimistic locking): otherwise the
 * other version comes back and nothing is written, so the editor can compare and decide.
 */
export async function saveArticle(deps: Deps, editor: Editor, request: SaveRequest): Promise<SaveResult> {
  const at = deps.clock()
  const { input, intent } = request
  return articleTransaction(deps, async ({ trx, write }): Promise<SaveResult> => {
    const settings = await loadSettings(trx)
    const before = request.id === null ? null : (await articleById(trx, request.id)) ?? null
    if (request.id !== null && !before) return { kind: 'not-found' }
    const base: WorkflowArticle = before
      ? { status: before.status, authorId: before.author_id, publishedAt: before.published_at }
      : { status: 'draft', authorId: editor.id, publishedAt: null }
    // The role before the version: someone who may not touch the story learns nothing of its state.
    if (before) {
      const allowed = checkEdit(base, editor)
      if (!allowed.ok && allowed.refusal === 'forbidden') return { kind: 'forbidden' }
      if (before.version !== request.expectedVersion) {
        return { kind: 'conflict', current: { article: before, tags: (await tagsOfArticle(trx, before.id)).map((t) => t.name) } }
      }
      if (!allowed.ok) return refusalOf(allowed.refusal)
    } else if (!mayCreate(editor.role)) {
      return { kind: 'forbidden' }
    }
    const next = statusAfterSave(base, intent, editor, input, at)
    if (!next.ok) return next.refusal

    const edition = before?.edition ?? request.edition
    const errors: ArticleFormErrors = {}
    if (!settings.editions.includes(edition)) return { kind: 'refused' }
    if (input.sectionId !== null) {
      const section = await sectionById(trx, input.sectionId)
      if (!section || section.edition !== edition) errors.section_id = { key: 'editor.error.section' }
    }
    if (input.featuredMediaId !== (before?.featured_media_id ?? null) && !mayChooseFeaturedImage(editor)) {
      // Setting, replacing or removing the image someone else chose: refused with the reason, never ignored.
      errors.featured_media_id = { key: 'editor.error.mediaNotAllowed' }
    } else if (input.featuredMediaId !== null && !(await mediaById(trx, input.featuredMediaId))) {
      errors.featured_media_id = { key: 'editor.error.media' }
    }
    const wanted = input.slug ?? slugFromText(input.headline)
    const { slug, taken } = await slugForDay(trx, {
      edition, slug: wanted, publishedAt: next.publishedAt, timeZone: settings.timeZone, ...(before ? { exceptId: before.id } : {})
    })
    // A slug the editor typed is theirs: if the day already has it, say so rather than change it.
    if (input.slug !== null && taken.has(input.slug)) errors.slug = { key: 'editor.error.slugTaken' }
    if (before && await breaksWireEmbargo(trx, before.id, { status: next.status, publishedAt: next.publishedAt }, at)) {
      errors.publish_date = { key: 'editor.error.embargo' }
    }
    if (Object.keys(errors).length > 0) return { kind: 'invalid', errors }

    const values = {
      slug,
      headline: input.headline,
      lead: input.lead,
      ...storedBody(input.bodySource),
      agency_credit: input.agencyCredit,
      source_url: input.sourceUrl,
      byline: input.byline,
      section_id: input.sectionId,
      status: next.status,
      published_at: next.publishedAt,
      updated_at: at.toISOString(),
      breaking: input.breaking ? 1 : 0,
      // Left out of the form (an API client, an older page), a story keeps its pin.
      ...(input.sticky !== undefined ? { sticky: input.sticky ? 1 : 0 } : {}),
      comments_open: input.commentsOpen ? 1 : 0,
      featured_media_id: input.featuredMediaId,
      featured_alt: input.featuredAlt,
      featured_caption: input.featuredCaption,
      featured_credit: input.featuredCredit
    }
    const action = auditActionFor(intent, next.status, before === null)
    const common = { tags: input.tags, actor: actorOf(editor), action, at, timeZone: settings.timeZone }
    const after = before
      ? await write({ ...common, before, values })
      : await write({
        ...common, before: null, details: { created: true },
        values: { ...values, edition, translation_group: null, author_id: editor.id, created_at: at.toISOString() }
      })
    if (!after) {
      // Saved by someone else between our read and our write.
      const current = (await articleById(trx, before!.id))!
      return { kind: 'conflict', current: { article: current, tags: (await tagsOfArticle(trx, current.id)).map((t) => t.name) } }
    }
    // What this editor had autosaved is now either saved or deliberately replaced by what they saved.
    if (before) await deleteAutosave(trx, after.id, editor.id)
    return { kind: 'saved', id: after.id, slug: after.slug, status: after.status, version: after.version, action }
  })
}

export type ChangeResult =
  | { kind: 'done', status: ArticleStatus | 'deleted' }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'refused' }
  | { kind: 'conflict' }

/**
 * One workflow step on one article (the list's buttons, bulk actions, the editor's side buttons):
 * publish keeps the story's time, or publishes it now if it never had one. `expectedVersion` makes it
 * refuse when the article changed since the page was shown.
 */
export async function changeArticleStatus(deps: Deps, editor: Editor, id: number, action: WorkflowAction, options: { expectedVersion?: number | null } = {}): Promise<ChangeResult> {
  const at = deps.clock()
  return articleTransaction(deps, async ({ trx, write, remove }): Promise<ChangeResult> => {
    const before = await articleById(trx, id)
    if (!before) return { kind: 'not-found' }
    // "Publish" on a story still waiting for its time means now; otherwise the story keeps its time.
    const waiting = before.status === 'scheduled' && !isPubliclyVisible(visibility(before), at)
    const t = transition({ status: before.status, authorId: before.author_id, publishedAt: before.published_at, trashedFrom: before.trashed_from }, action, editor,
      { now: at, ...(action === 'publish' && waiting ? { at: at.toISOString() } : {}) })
    // The role before the version: someone who may not touch the story learns nothing of its state.
    if (!t.ok && t.refusal === 'forbidden') return refusalOf(t.refusal)
    if (options.expectedVersion != null && before.version !== options.expectedVersion) return { kind: 'conflict' }
    if (!t.ok) return refusalOf(t.refusal)
    if (await breaksWireEmbargo(trx, id, { status: t.status, publishedAt: t.publishedAt }, at)) return { kind: 'refused' }
    const actor = actorOf(editor)

    if (action === 'delete') {
      await remove(before, { actor, at })
      return { kind: 'done', status: 'deleted' }
    }

    const { timeZone } = await loadSettings(trx)
    // Publishing an undated draft fixes its day now, so its slug must be unique within that day.
    const slug = t.publishedAt && t.publishedAt !== before.published_at
      ? (await slugForDay(trx, { edition: before.edition, slug: before.slug, publishedAt: t.publishedAt, timeZone, exceptId: id })).slug
      : before.slug
    const auditAction = action === 'publish' ? (t.status === 'scheduled' ? 'article.schedule' : 'article.publish') : `article.${action}`
    const after = await write({
      before, actor, action: auditAction, at, timeZone,
      values: { status: t.status, published_at: t.publishedAt, trashed_from: t.trashedFrom, slug, updated_at: at.toISOString() }
    })
    return after ? { kind: 'done', status: after.status } : { kind: 'conflict' }
  })
}

export interface BulkResult { done: number, forbidden: number, refused: number, missing: number }

/**
 * The list's bulk actions. Each article is its own transaction and its own role check, so one the
 * user may not touch is counted and skipped rather than spoiling the rest.
 */
export async function bulkChangeStatus(deps: Deps, editor: Editor, ids: readonly number[], action: BulkAction): Promise<BulkResult> {
  const result: BulkResult = { done: 0, forbidden: 0, refused: 0, missing: 0 }
  for (const id of new Set(ids)) {
    const outcome = await changeArticleStatus(deps, editor, id, action)
    if (outcome.kind === 'done') result.done++
    else if (outcome.kind === 'forbidden') result.forbidden++
    else if (outcome.kind === 'not-found') result.missing++
    else result.refused++
  }
  return result
}

export type RestoreRevisionResult =
  | { kind: 'restored', version: number }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'refused' }
  | { kind: 'conflict' }

/**
 * Brings back a revision's content (text, credit, section, tags, image) as a new save. The URL, status
 * and publication time stay as they are now: restoring wording never moves or unpublishes a story.
 */
export async function restoreRevision(deps: Deps, editor: Editor, articleId: number, revisionId: number, expectedVersion: number | null): Promise<RestoreRevisionResult> {
  const at = deps.clock()
  return articleTransaction(deps, async ({ trx, write }): Promise<RestoreRevisionResult> => {
    const before = await articleById(trx, articleId)
    const revision = before ? await revisionById(trx, articleId, revisionId) : undefined
    if (!before || !revision) return { kind: 'not-found' }
    const allowed = checkEdit({ status: before.status, authorId: before.author_id, publishedAt: before.published_at }, editor)
    if (!allowed.ok && allowed.refusal === 'forbidden') return refusalOf(allowed.refusal)
    if (expectedVersion !== null && before.version !== expectedVersion) return { kind: 'conflict' }
    if (!allowed.ok) return refusalOf(allowed.refusal)
    const { timeZone } = await loadSettings(trx)
    const f = revision.fields
    // A section or image deleted since is left out rather than pointed at.
    const section = f.sectionId !== null ? await sectionById(trx, f.sectionId) : undefined
    const media = f.featuredMediaId !== null ? await mediaById(trx, f.featuredMediaId) : undefined
    // Whoever may not choose featured images (see mayChooseFeaturedImage) may bring back the image a revision
    // had, since someone allowed chose it for this article, but not take away the one the article has now:
    // restoring a revision from before an editor added the image keeps that image (and its alt text,
    // caption and credit), as saving the form without it would be refused.
    const image = !media && before.featured_media_id !== null && !mayChooseFeaturedImage(editor)
      ? { featured_media_id: before.featured_media_id, featured_alt: before.featured_alt, featured_caption: before.featured_caption, featured_credit: before.featured_credit }
      : {
          featured_media_id: media ? media.id : null,
          featured_alt: media ? f.featuredAlt : null, featured_caption: media ? f.featuredCaption : null, featured_credit: media ? f.featuredCredit : null
        }
    const after = await write({
      before, tags: f.tags, actor: actorOf(editor), action: 'article.restore-revision', at, timeZone,
      details: { revisionId, revisionVersion: revision.version },
      values: {
      headline: revision.headline, lead: revision.lead, ...storedBody(revision.bodySource),
      agency_credit: f.agencyCredit, source_url: f.sourceUrl, byline: f.byline,
      section_id: section && section.edition === before.edition ? section.id : null,
      breaking: f.breaking ? 1 : 0, comments_open: f.commentsOpen ? 1 : 0,
      // A revision from before stories could be pinned leaves the pin as it is.
      ...(f.sticky === undefined ? {} : { sticky: f.sticky ? 1 : 0 }),
      ...image,
      updated_at: at.toISOString()
      }
    })
    return after ? { kind: 'restored', version: after.version } : { kind: 'conflict' }
  })
}

/** The body as readers will see it, from the form's body (the editor's HTML): the live preview and the form's Preview button. */
export function previewArticleBody(editorHtml: string): string {
  return renderArticleBody(JSON.stringify(htmlToDocument(editorHtml)))
}
