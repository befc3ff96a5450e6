// The publishing workflow as a state machine: draft → pending review → scheduled or published →
// unpublished (back to draft); trash and restore. Pure: the clock and the acting user are parameters.
// Who may do what follows WordPress (src/domain/roles.ts); what may happen from which status is here.
import type { IsoInstant } from './days.js'
import { isPubliclyVisible, LIVE_STATUSES, type ArticleStatus } from './publishing.js'
import { can, mayActOnArticle, type Role } from './roles.js'

export const WORKFLOW_ACTIONS = ['submit', 'publish', 'unpublish', 'to-draft', 'trash', 'restore', 'delete'] as const
/**
 * submit: ask an editor to review (draft → pending). publish: now or at a given time; a future time
 * schedules. unpublish: take a published or scheduled story off the site (→ draft). to-draft: take
 * a story back from review. trash / restore: the bin, restored stories come back as drafts (as in
 * WordPress, so nothing goes live again by accident). delete: permanently, only from the bin.
 */
export type WorkflowAction = typeof WORKFLOW_ACTIONS[number]

/** The actions the article list offers in bulk. */
export const BULK_ACTIONS = ['publish', 'unpublish', 'trash'] as const satisfies readonly WorkflowAction[]
export type BulkAction = typeof BULK_ACTIONS[number]

export interface WorkflowArticle {
  status: ArticleStatus
  authorId: number | null
  publishedAt: IsoInstant | null
  /**
   * For a trashed story, the status it had before (WordPress's _wp_trash_meta_status): whether it was live
   * decides who may restore or delete it. Absent or null when not known; see wasLive.
   */
  trashedFrom?: ArticleStatus | null
}

export interface WorkflowUser { id: number, role: Role }

export type WorkflowRefusal =
  /** The user's role does not allow it on this article. */
  | 'forbidden'
  /** Nobody may do this from the article's current status (publishing a trashed story). */
  | 'invalid-transition'

export type TransitionResult =
  /** trashedFrom: what to keep as the story's status before the trash (null outside the trash). */
  | { ok: true, status: ArticleStatus, publishedAt: IsoInstant | null, trashedFrom: ArticleStatus | null }
  | { ok: false, refusal: WorkflowRefusal }

/** From which statuses each action may start. */
const FROM: Record<WorkflowAction, readonly ArticleStatus[]> = {
  submit: ['draft', 'pending'],
  publish: ['draft', 'pending', 'scheduled', 'published'],
  unpublish: ['scheduled', 'published'],
  'to-draft': ['pending'],
  trash: ['draft', 'pending', 'scheduled', 'published'],
  restore: ['trashed'],
  delete: ['trashed']
}

/** Which permission (see mayActOnArticle) each action needs; a live story's 'delete' needs more (see transition). */
const NEEDS: Record<WorkflowAction, 'edit' | 'publish' | 'delete'> = {
  submit: 'edit',
  publish: 'publish',
  unpublish: 'publish',
  'to-draft': 'edit',
  trash: 'delete',
  restore: 'delete',
  delete: 'delete'
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value)
}

export function isBulkAction(value: unknown): value is BulkAction {
  return typeof value === 'string' && (BULK_ACTIONS as readonly string[]).includes(value)
}

/** What a scheduled story is once its time has passed: published, though its row still says scheduled. */
export function effectiveStatus(article: { status: ArticleStatus, publishedAt: IsoInstant | null }, now: Date): ArticleStatus {
  if (article.status === 'scheduled' && isPubliclyVisible(article, now)) return 'published'
  return article.status
}

/**
 * Is the story published or scheduled, or was it when it went to the trash? A trashed story whose earlier
 * status is not known (binned before Lede kept it, or imported into the bin) counts as live when it has a
 * publication time. That errs towards asking an editor: drafts may carry a planned time too.
 */
export function wasLive(article: WorkflowArticle): boolean {
  const status = article.status === 'trashed'
    ? article.trashedFrom ?? (article.publishedAt !== null ? 'published' : 'draft')
    : article.status
  return (LIVE_STATUSES as readonly ArticleStatus[]).includes(status)
}

/** Publishing at `at`: in the future it is a schedule, otherwise (including back-dating) published now. */
export function publicationStatus(at: IsoInstant, now: Date): 'scheduled' | 'published' {
  return at > now.toISOString() ? 'scheduled' : 'published'
}

/**
 * May this user change the article's content? Drafts and stories in review need the edit right; once a
 * story is scheduled or published, changing it is publishing, so it needs the publish right too (a
 * contributor's published story is the editors' to change). Trashed stories are restored first.
 */
export function checkEdit(article: WorkflowArticle, user: WorkflowUser): { ok: true } | { ok: false, refusal: WorkflowRefusal } {
  if (!mayActOnArticle(user, 'edit', article.authorId)) return { ok: false, refusal: 'forbidden' }
  if (article.status === 'trashed') return { ok: false, refusal: 'invalid-transition' }
  if ((article.status === 'published' || article.status === 'scheduled') && !mayActOnArticle(user, 'publish', article.authorId)) {
    return { ok: false, refusal: 'forbidden' }
  }
  return { ok: true }
}

/** May this user write new articles, and publish the ones they write? */
export function mayCreate(role: Role): boolean {
  return can(role, 'articles.create')
}

/**
 * Applies `action` to `article` for `user`. For publish, `at` is the requested publication time; when
 * absent a story keeps the time it already had (re-publishing an unpublished story puts it back where
 * it was) or, never having had one, is published now.
 */
export function transition(
  article: WorkflowArticle,
  action: WorkflowAction,
  user: WorkflowUser,
  options: { now: Date, at?: IsoInstant | null }
): TransitionResult {
  // Role first: a user who may not touch the story learns nothing about its state.
  if (!mayActOnArticle(user, NEEDS[action], article.authorId)) return { ok: false, refusal: 'forbidden' }
  // Binning a live story takes it off the site: a publishing decision. In the bin the story keeps the rights
  // it had before, so restoring or deleting one that was live needs the same (WordPress's map_meta_cap).
  if (NEEDS[action] === 'delete' && wasLive(article) && !mayActOnArticle(user, 'delete_published', article.authorId)) {
    return { ok: false, refusal: 'forbidden' }
  }
  // Submitting or withdrawing is also an edit of a story the user may no longer change.
  if (NEEDS[action] === 'edit') {
    const edit = checkEdit(article, user)
    if (!edit.ok) return edit
  }
  if (!FROM[action].includes(article.status)) return { ok: false, refusal: 'invalid-transition' }

  switch (action) {
    case 'submit':
      return { ok: true, status: 'pending', publishedAt: article.publishedAt, trashedFrom: null }
    case 'publish': {
      const at = options.at ?? article.publishedAt ?? options.now.toISOString()
      return { ok: true, status: publicationStatus(at, options.now), publishedAt: at, trashedFrom: null }
    }
    case 'unpublish':
    case 'to-draft':
    case 'restore':
      return { ok: true, status: 'draft', publishedAt: article.publishedAt, trashedFrom: null }
    case 'trash':
      return { ok: true, status: 'trashed', publishedAt: article.publishedAt, trashedFrom: article.status }
    case 'delete':
      // The row goes; the status is what it was until then.
      return { ok: true, status: article.status, publishedAt: article.publishedAt, trashedFrom: article.trashedFrom ?? null }
  }
}

/** The actions this user may take on this article now, for the buttons an editor sees. */
export function availableActions(article: WorkflowArticle, user: WorkflowUser, now: Date): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => transition(article, action, user, { now }).ok)
}

export type VisibilityEvent = 'article.published' | 'article.updated' | 'article.unpublished'

/**
 * The event a change is worth, judged by what readers see: a story that became visible was published,
 * one that stopped being visible was unpublished, a visible one that changed was updated. A change to
 * a story readers cannot see yet is still reported as an update when it is scheduled, so that whatever
 * keeps timers for scheduled stories hears about it; other invisible changes are nobody's business.
 */
export function visibilityEvent(
  before: { status: ArticleStatus, publishedAt: IsoInstant | null } | null,
  after: { status: ArticleStatus, publishedAt: IsoInstant | null } | null,
  now: Date
): VisibilityEvent | null {
  const was = before !== null && isPubliclyVisible(before, now)
  const is = after !== null && isPubliclyVisible(after, now)
  if (!was && is) return 'article.published'
  if (was && !is) return 'article.unpublished'
  if (was && is) return 'article.updated'
  if (after?.status === 'scheduled') return 'article.updated'
  return null
}
