// Keeps the live log (issue 16) in step with the articles: after anything that may have changed what
// readers see of an article, compare it with what they were last told and log the difference. Every
// process may do this for every event it hears; the lock and the stored state make it happen once.
import { assumedBefore, liveChanges, UNSEEN, type LiveKind, type LiveSnapshot } from '../domain/live-changes.js'
import { isPubliclyVisible, type ArticleStatus } from '../domain/publishing.js'
import { articlePath, editionPrefix } from '../domain/urls.js'
import type { SiteSettings } from '../domain/settings.js'
import { siteDates } from '../i18n/format.js'
import {
  appendLiveEvent, baselineLiveStates, deleteLiveState, dueScheduledArticles, liveArticle, liveState, newestArticleId,
  pruneLiveEvents, saveLiveState, withLiveLogLock, type LiveArticleRow, type LiveStateRow
} from '../db/repositories/live.repository.js'
import { currentSettings } from './site-settings.service.js'
import type { DbOrTrx } from '../db/database.js'
import type { Deps } from './deps.js'

export interface LoggedChange { id: number, kind: LiveKind, edition: string, articleId: number }

/** What a page needs to show each kind of change; sent to readers as the event's data. */
function eventData(kind: LiveKind, article: LiveArticleRow, settings: SiteSettings): Record<string, unknown> {
  const id = article.id
  switch (kind) {
    case 'withdrawn': return { id }
    case 'comments': return { id, commentCount: article.commentCount }
    case 'updated': return { id, headline: article.headline, lead: article.lead }
    case 'breaking':
    case 'published': return {
      id, headline: article.headline, lead: article.lead,
      url: articlePath(editionPrefix(article.edition, settings.defaultEdition), article.publishedAt!, article.slug, settings.timeZone),
      publishedAt: article.publishedAt, breaking: article.breaking, section: article.sectionSlug, commentCount: article.commentCount,
      // As the newsfeed prints it (the edition is the page's language), so the page's script formats nothing.
      time: siteDates(settings, article.edition).time(article.publishedAt!),
      datetime: siteDates(settings, article.edition).iso(article.publishedAt!)
    }
  }
}

function snapshotOf(article: LiveArticleRow | null, now: Date): LiveSnapshot {
  if (!article) return UNSEEN
  const visible = isPubliclyVisible({ status: article.status as ArticleStatus, publishedAt: article.publishedAt }, now)
  return { visible, headline: article.headline, lead: article.lead, breaking: article.breaking, commentCount: article.commentCount }
}

function snapshotOfState(state: LiveStateRow | undefined): LiveSnapshot {
  if (!state) return UNSEEN
  return { visible: state.visible === 1, headline: state.headline, lead: state.lead, breaking: state.breaking === 1, commentCount: state.comment_count }
}

/** The article's last logged state and the article itself, with what readers have not been told. */
async function pendingChanges(db: DbOrTrx, articleId: number, now: Date) {
  const [state, article] = await Promise.all([liveState(db, articleId), liveArticle(db, articleId)])
  const after = snapshotOf(article, now)
  const before = state ? snapshotOfState(state) : assumedBefore(after, article?.publishedAt ?? null, now)
  const next: LiveStateRow | null = article && {
    article_id: articleId, edition: article.edition, visible: after.visible ? 1 : 0, headline: after.headline,
    lead: after.lead, breaking: after.breaking ? 1 : 0, comment_count: after.commentCount
  }
  const stateChanged = next ? !state || (Object.keys(next) as (keyof LiveStateRow)[]).some((key) => next[key] !== state[key]) : !!state
  return { state, article, kinds: liveChanges(before, after), next, stateChanged }
}

/**
 * Logs what readers have not been told yet about one article; returns the rows it appended. Every process
 * hears every event and syncs (each of N workers, for each approved comment): a look without the lock
 * first, so only a process that finds something to log or store takes it (on SQLite the lock is the
 * database's one write lock), and the others, finding it done, write nothing.
 */
export async function syncLiveArticle(deps: Deps, articleId: number, settings?: SiteSettings): Promise<LoggedChange[]> {
  const look = await pendingChanges(deps.db, articleId, deps.clock())
  if (look.kinds.length === 0 && !look.stateChanged) return []
  const site = settings ?? await currentSettings(deps)
  return withLiveLogLock(deps.db, async (trx) => {
    const now = deps.clock()
    // Again under the lock: another process may have logged it since the look.
    const { state, article, kinds, next, stateChanged } = await pendingChanges(trx, articleId, now)
    const logged: LoggedChange[] = []
    // A vanished article was withdrawn: the last state read still names its edition.
    const edition = article?.edition ?? state?.edition
    for (const kind of kinds) {
      const data = article ? eventData(kind, article, site) : { id: articleId }
      const id = await appendLiveEvent(trx, { edition: edition!, articleId, kind, data: JSON.stringify(data), createdAt: now.toISOString() })
      logged.push({ id, kind, edition: edition!, articleId })
    }
    if (!next) {
      if (state) await deleteLiveState(trx, articleId)
    } else if (stateChanged) {
      await saveLiveState(trx, next)
    }
    return logged
  })
}

/** Claims the scheduled stories whose time has come: each is logged as published by exactly one caller. */
export async function announceDueScheduled(deps: Deps, limit = 100): Promise<LoggedChange[]> {
  const due = await dueScheduledArticles(deps.db, { now: deps.clock().toISOString(), limit })
  if (due.length === 0) return []
  const settings = await currentSettings(deps)
  const logged: LoggedChange[] = []
  for (const id of due) logged.push(...await syncLiveArticle(deps, id, settings))
  return logged
}

/**
 * Articles baselined per transaction. Each process baselines as it starts; on SQLite a transaction holds
 * the one write lock, and a site's first start on a large archive baselined it all in one, for seconds,
 * while a sibling worker's writes waited past busy_timeout and failed ("database is locked").
 */
export const BASELINE_IDS_PER_TRANSACTION = 2000

/** Baselines every article the log has not heard of (baselineLiveStates), a range of ids per transaction. */
export async function baselineLiveLog(deps: Deps, idsPerTransaction = BASELINE_IDS_PER_TRANSACTION): Promise<void> {
  const newest = await newestArticleId(deps.db)
  for (let after = 0; after < newest; after += idsPerTransaction) {
    const now = deps.clock()
    await withLiveLogLock(deps.db, (trx) => baselineLiveStates(trx, now, { after, upTo: after + idsPerTransaction }))
  }
}

export async function pruneLiveLog(deps: Deps, keepMs: number): Promise<number> {
  const before = new Date(deps.clock().getTime() - keepMs).toISOString()
  return withLiveLogLock(deps.db, (trx) => pruneLiveEvents(trx, before))
}
