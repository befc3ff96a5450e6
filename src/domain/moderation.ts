// Comment moderation as WordPress defines it (Settings → Discussion), plus Lede's built-in spam defence:
// what happens to a new comment, and which moderator actions are allowed from which status.
// Pure: the caller gathers the commenter's history and the time.
import type { SiteSettings } from './settings.js'
import { countLinks, spamSignals, type ModerationReason } from './spam.js'

export type { ModerationReason, ReasonCode } from './spam.js'

/** Where a comment stands: waiting for a moderator, on the page, or set aside. */
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash'
export const COMMENT_STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'spam', 'trash']

export type Verdict = 'approve' | 'hold' | 'spam' | 'trash'

/** Verdict → the status a comment is stored with. */
export const VERDICT_STATUS: Record<Verdict, CommentStatus> = { approve: 'approved', hold: 'pending', spam: 'spam', trash: 'trash' }

/**
 * Nobody reads an article and writes a reply in under five seconds; form-filling bots do. Measured from
 * the signed timing token (see comment-token.ts), whose issue time is rounded up, so this is a lower bound.
 */
export const MIN_SECONDS_TO_COMMENT = 5
/** A token older than this comes from a page left open overnight: not spam, but worth a moderator's look. */
export const TIMING_TOKEN_MAX_AGE_SECONDS = 24 * 60 * 60

export type ModerationRules = Pick<SiteSettings,
  'commentModeration' | 'commentPreviouslyApproved' | 'commentMaxLinks' | 'commentModerationWords' | 'commentDisallowedWords'>

export interface CommentCandidate {
  authorName: string
  authorEmail: string
  authorUrl: string
  body: string
  ip: string
  userAgent: string
  /** The honeypot field as submitted ('' when left empty, as people do). */
  honeypot: string
  /** When the form was shown, from the signed timing token; 'missing' without JavaScript, 'forged' for a bad signature. */
  renderedAt: Date | 'missing' | 'forged'
}

export interface CommenterHistory {
  /** An approved comment exists with the same name and email. */
  hasApprovedComment: boolean
}

export interface ModerationOutcome { verdict: Verdict, reasons: ModerationReason[] }

type WordField = 'content' | 'name' | 'url' | 'email' | 'ip' | 'user agent'

/**
 * The text with anything tag-like removed. "<[^<>]*>" rather than "<[^>]*>": the latter rescans to the end
 * from every "<" of a long run without ">", which is quadratic in what a reader sent.
 */
function withoutTags(text: string): string {
  return text.replace(/<[^<>]*>/g, '')
}

/**
 * The first word of the list found in any field, WordPress style: each line trimmed, blank lines skipped,
 * matched case-insensitively anywhere (so "press" also matches "pressure"); the content is checked as typed
 * and with tags stripped, so "<b>ca</b>sino" does not slip past "casino".
 */
export function findListedWord(words: readonly string[], candidate: CommentCandidate): { word: string, field: WordField } | null {
  const fields: [WordField, string][] = [
    ['content', candidate.body], ['content', withoutTags(candidate.body)],
    ['name', candidate.authorName], ['url', candidate.authorUrl], ['email', candidate.authorEmail],
    ['ip', candidate.ip], ['user agent', candidate.userAgent]
  ]
  for (const raw of words) {
    const word = raw.trim()
    if (word === '') continue
    // Escape every character a pattern could read as syntax (the "u" flag forbids escaping anything else).
    const pattern = new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu')
    for (const [field, text] of fields) if (pattern.test(text)) return { word, field }
  }
  return null
}

/**
 * What happens to a reader's comment. Severity wins: disallowed words send it to the trash (WordPress 5.5+),
 * then any spam signal marks it spam, then any of WordPress's hold rules holds it; otherwise it is approved.
 * Every rule that fired is listed, so a moderator sees the whole picture.
 */
export function moderationVerdict(candidate: CommentCandidate, history: CommenterHistory, rules: ModerationRules, now: Date): ModerationOutcome {
  const trash: ModerationReason[] = []
  const spam: ModerationReason[] = spamSignals(candidate)
  const hold: ModerationReason[] = []

  const disallowed = findListedWord(rules.commentDisallowedWords, candidate)
  if (disallowed) trash.push({ code: 'disallowed-word', detail: disallowed.word, field: disallowed.field })

  if (candidate.renderedAt === 'forged') spam.push({ code: 'forged-timing-token' })
  else if (candidate.renderedAt === 'missing') hold.push({ code: 'no-timing-token' })
  else {
    const seconds = (now.getTime() - candidate.renderedAt.getTime()) / 1000
    if (seconds < MIN_SECONDS_TO_COMMENT) spam.push({ code: 'too-fast', detail: String(Math.max(0, Math.round(seconds))) })
    else if (seconds > TIMING_TOKEN_MAX_AGE_SECONDS) hold.push({ code: 'stale-timing-token', detail: String(Math.round(seconds / 3600)) })
  }

  if (rules.commentModeration) hold.push({ code: 'manual-approval' })
  const links = countLinks(candidate.body)
  if (rules.commentMaxLinks > 0 && links >= rules.commentMaxLinks) hold.push({ code: 'too-many-links', detail: String(links) })
  const moderated = findListedWord(rules.commentModerationWords, candidate)
  if (moderated) hold.push({ code: 'moderation-word', detail: moderated.word, field: moderated.field })
  // WordPress only trusts a returning commenter when both name and email are given.
  if (rules.commentPreviouslyApproved && !(history.hasApprovedComment && candidate.authorName !== '' && candidate.authorEmail !== '')) {
    hold.push({ code: 'not-previously-approved' })
  }
  if (candidate.userAgent.trim() === '') hold.push({ code: 'no-user-agent' })

  const reasons = [...trash, ...spam, ...hold]
  if (trash.length > 0) return { verdict: 'trash', reasons }
  if (spam.length > 0) return { verdict: 'spam', reasons }
  if (hold.length > 0) return { verdict: 'hold', reasons }
  return { verdict: 'approve', reasons }
}

// ---- Moderator actions ----

export type ModerationAction = 'approve' | 'unapprove' | 'spam' | 'not-spam' | 'trash' | 'restore' | 'delete'
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'unapprove', 'spam', 'not-spam', 'trash', 'restore', 'delete']

export type ModerationTransition =
  | { ok: true, status: CommentStatus | 'deleted', previousStatus: CommentStatus | null }
  | { ok: false }

/**
 * Which action is allowed from which status, and where it leads. Spam and trash remember the status they
 * came from, so "not spam" and "restore" put the comment back where it was (pending when unknown).
 * Deleting for good is only offered from spam and trash, as in WordPress, so nothing visible vanishes in one click.
 */
export function moderationTransition(current: { status: CommentStatus, previousStatus: CommentStatus | null }, action: ModerationAction): ModerationTransition {
  const { status, previousStatus } = current
  const back = previousStatus === 'approved' || previousStatus === 'pending' ? previousStatus : 'pending'
  switch (action) {
    case 'approve':
      return status === 'approved' ? { ok: false } : { ok: true, status: 'approved', previousStatus: null }
    case 'unapprove':
      return status === 'approved' ? { ok: true, status: 'pending', previousStatus: null } : { ok: false }
    case 'spam':
      return status === 'spam' ? { ok: false } : { ok: true, status: 'spam', previousStatus: status === 'trash' ? previousStatus : status }
    case 'not-spam':
      return status === 'spam' ? { ok: true, status: back, previousStatus: null } : { ok: false }
    case 'trash':
      return status === 'trash' ? { ok: false } : { ok: true, status: 'trash', previousStatus: status }
    case 'restore':
      // A spam comment trashed by hand goes back to spam, where it came from.
      return status === 'trash' ? { ok: true, status: previousStatus === 'spam' ? 'spam' : back, previousStatus: null } : { ok: false }
    case 'delete':
      return status === 'spam' || status === 'trash' ? { ok: true, status: 'deleted', previousStatus: null } : { ok: false }
  }
}

/** The reply depth limit as configured, kept within what WordPress allows (1–10). */
export function threadDepthLimit(settings: Pick<SiteSettings, 'threadCommentsDepth'>): number {
  const n = Math.trunc(settings.threadCommentsDepth)
  return Number.isFinite(n) ? Math.min(10, Math.max(1, n)) : 5
}

/** Comments are open on an article unless closed on it, or it is older than the configured age. */
export function commentsAreOpen(article: { comments_open: number, published_at: string | null }, settings: Pick<SiteSettings, 'closeCommentsForOldArticles' | 'closeCommentsDaysOld'>, now: Date): boolean {
  if (article.comments_open !== 1) return false
  if (!settings.closeCommentsForOldArticles || article.published_at === null) return true
  const days = Math.max(0, settings.closeCommentsDaysOld)
  return now.getTime() - Date.parse(article.published_at) < days * 86_400_000
}
