// The comment moderation screen: Pending / Approved / Spam / Trash with counts, each comment with its
// article, author, email, IP and the reasons it was held, its actions and bulk actions; and one
// comment's page to edit it or reply as staff.
import { moderationTransition, type ModerationAction } from '../../../domain/moderation.js'
import { articlePath, editionPrefix } from '../../../domain/urls.js'
import type { CommentStatus } from '../../../db/tables/comments.table.js'
import type { ModerationQueueRow } from '../../../db/repositories/comments.repository.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { MessageKey } from '../../../i18n/index.js'
import { en } from '../../../i18n/en.js'
import type { AdminContext, AdminNotice } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { BulkActionBar, BulkCheckbox, CsrfInput, ErrorSummary, hrefWith, Pager, TextAreaField, TextField, type FormErrors } from './forms.js'

export const MODERATION_TABS = ['pending', 'approved', 'spam', 'trash'] as const satisfies readonly CommentStatus[]
export type ModerationTab = typeof MODERATION_TABS[number]

const TAB_KEYS: Record<ModerationTab, MessageKey> = {
  pending: 'admin.comments.tab.pending', approved: 'admin.comments.tab.approved', spam: 'admin.comments.tab.spam', trash: 'admin.comments.tab.trash'
}

export const ACTION_KEYS: Record<ModerationAction, MessageKey> = {
  approve: 'admin.comments.action.approve', unapprove: 'admin.comments.action.unapprove', spam: 'admin.comments.action.spam',
  'not-spam': 'admin.comments.action.notSpam', trash: 'admin.comments.action.trash', restore: 'admin.comments.action.restore',
  delete: 'admin.comments.action.delete'
}

/** The actions the screen offers on a comment in each tab, in WordPress's order. */
const ORDER: ModerationAction[] = ['approve', 'unapprove', 'not-spam', 'restore', 'spam', 'trash', 'delete']

export function actionsFor(status: CommentStatus, previousStatus: CommentStatus | null = null): ModerationAction[] {
  return ORDER.filter((action) => moderationTransition({ status, previousStatus }, action).ok)
}

export interface BulkCommentOutcome { action: ModerationAction, done: number, skipped: number }

export interface ModerationListProps {
  ctx: AdminContext
  tab: ModerationTab
  q: string
  counts: Record<CommentStatus, number>
  comments: ModerationQueueRow[]
  newer: string | null
  older: string | null
  bulk: BulkCommentOutcome | null
  problem: AdminNotice | null
}

export function reasonText(ctx: AdminContext, reason: { code: string, detail?: string, field?: string }): string {
  const key = `moderation.reason.${reason.code}`
  return key in en ? ctx.i18n.t(key as MessageKey, { detail: reason.detail ?? '', field: reason.field ?? '' }) : reason.code
}

function publicUrl(ctx: AdminContext, c: Pick<ModerationQueueRow, 'articleEdition' | 'articlePublishedAt' | 'articleSlug'>): string | null {
  if (!c.articlePublishedAt) return null
  return articlePath(editionPrefix(c.articleEdition, ctx.settings.defaultEdition), c.articlePublishedAt, c.articleSlug, ctx.settings.timeZone)
}

export function CommentFacts({ ctx, comment }: { ctx: AdminContext, comment: ModerationQueueRow }) {
  const { t } = ctx.i18n
  const url = publicUrl(ctx, comment)
  return (
    <dl class="comment-facts">
      <dt>{t('admin.comments.author')}</dt>
      <dd>
        <strong class="comment-author-name">{comment.authorName}</strong>
        {comment.userId !== null ? <> <span class="staff-mark">{t('admin.comments.staff')}</span></> : null}
      </dd>
      <dt>{t('admin.comments.email')}</dt><dd><a href={`mailto:${comment.authorEmail}`}>{comment.authorEmail}</a></dd>
      {comment.authorUrl ? <><dt>{t('admin.comments.website')}</dt><dd><a href={comment.authorUrl} rel="nofollow noopener noreferrer">{comment.authorUrl}</a></dd></> : null}
      <dt>{t('admin.comments.ip')}</dt>
      <dd>{comment.ip ? <a href={hrefWith('/admin/comments/', {}, { status: comment.status === 'pending' ? null : comment.status, q: comment.ip })} title={t('admin.comments.searchIp')}>{comment.ip}</a> : '—'}</dd>
      <dt>{t('admin.comments.article')}</dt>
      <dd>
        <a href={`/admin/articles/${comment.articleId}/`}>{comment.articleHeadline}</a>
        {url ? <> · <a href={`${url}#comment-${comment.id}`}>{t('admin.comments.viewOnSite')}</a></> : null}
      </dd>
      <dt>{t('admin.comments.submitted')}</dt>
      <dd><time datetime={comment.createdAt}>{formatDateTime(comment.createdAt, ctx.i18n.lang, ctx.settings.timeZone)}</time></dd>
      {comment.parentId !== null ? <><dt>{t('admin.comments.inReplyTo')}</dt><dd><a href={`/admin/comments/${comment.parentId}/`}>#{comment.parentId}</a></dd></> : null}
    </dl>
  )
}

export function ReasonsList({ ctx, comment }: { ctx: AdminContext, comment: ModerationQueueRow }) {
  if (comment.reasons.length === 0) return null
  return (
    <div class="held-reasons">
      <p class="held-reasons-heading">{ctx.i18n.t(comment.status === 'spam' ? 'admin.comments.spamReasons' : 'admin.comments.heldReasons')}</p>
      <ul>{comment.reasons.map((r) => <li>{reasonText(ctx, r)}</li>)}</ul>
    </div>
  )
}

export function ModerationListPage({ ctx, tab, q, counts, comments, newer, older, bulk, problem }: ModerationListProps) {
  const { t } = ctx.i18n
  const listUrl = hrefWith('/admin/comments/', { status: tab === 'pending' ? '' : tab, q }, {})
  const bulkActions = actionsFor(tab).map((a) => ({ value: a, label: t(ACTION_KEYS[a]) }))
  return (
    <AdminLayout ctx={ctx} title={t('admin.comments.title')}>
      {problem ? <div class={`notice notice-${problem.tone}`} role="alert"><p>{problem.text}</p></div> : null}
      {bulk
        ? (
          <div class={`notice ${bulk.skipped > 0 ? 'notice-error' : 'notice-success'}`} role="status">
            <p>{ctx.i18n.plural('admin.comments.bulk.done', bulk.done, { action: t(ACTION_KEYS[bulk.action]) })}</p>
            {bulk.skipped > 0 ? <p>{ctx.i18n.plural('admin.comments.bulk.skipped', bulk.skipped)}</p> : null}
          </div>
        )
        : null}
      <nav class="status-tabs" aria-label={t('admin.comments.tabsLabel')}>
        <ul>
          {MODERATION_TABS.map((s) => (
            <li>
              <a href={hrefWith('/admin/comments/', { q }, { status: s === 'pending' ? null : s })} aria-current={s === tab ? 'page' : undefined}>
                {t(TAB_KEYS[s])} <span class="count">({counts[s]})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/comments/" class="filters" role="search">
        {tab !== 'pending' ? <input type="hidden" name="status" value={tab} /> : null}
        <div class="field">
          <label for="comments-q">{t('admin.comments.search')}</label>
          <input id="comments-q" name="q" type="search" value={q} maxLength={200} />
        </div>
        <p class="form-actions"><button type="submit" class="button button-secondary">{t('admin.comments.searchButton')}</button></p>
      </form>

      {comments.length === 0
        ? <p class="empty">{t(q ? 'admin.comments.noMatches' : 'admin.comments.empty')}</p>
        : (
          <form method="post" action="/admin/comments/bulk/" class="bulk-form">
            <CsrfInput token={ctx.csrfToken} />
            <input type="hidden" name="return_to" value={listUrl} />
            <BulkActionBar i18n={ctx.i18n} actions={bulkActions} />
            <ol class="moderation-list">
              {comments.map((c) => (
                <li class={`moderation-item status-${c.status}`} id={`comment-${c.id}`}>
                  <div class="moderation-select"><BulkCheckbox value={c.id} label={t('admin.comments.selectOne', { name: c.authorName })} /></div>
                  <div class="moderation-meta">
                    <CommentFacts ctx={ctx} comment={c} />
                    <ReasonsList ctx={ctx} comment={c} />
                  </div>
                  <div class="moderation-body">
                    {/* Rendered at save by commentTextToHtml, which escapes everything the commenter typed before adding <p> and <br>. */}
                    <div class="comment-content" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
                    <div class="row-actions">
                      {actionsFor(c.status).map((action) => (
                        <button type="submit" class={action === 'delete' ? 'button button-danger' : action === 'approve' ? 'button' : 'button button-secondary'}
                          formaction={`/admin/comments/${c.id}/${action}/`}>{t(ACTION_KEYS[action])}</button>
                      ))}
                      <a class="button button-secondary" href={`/admin/comments/${c.id}/`}>{t('admin.comments.editOrReply')}</a>
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          </form>
        )}
      <Pager i18n={ctx.i18n} newer={newer} older={older} />
    </AdminLayout>
  )
}

export interface CommentPageProps {
  ctx: AdminContext
  comment: ModerationQueueRow
  edit: { authorName: string, authorUrl: string, body: string }
  editErrors: FormErrors
  reply: string
  replyError: string | null
  problem: AdminNotice | null
}

export function CommentPage({ ctx, comment, edit, editErrors, reply, replyError, problem }: CommentPageProps) {
  const { t } = ctx.i18n
  const back = hrefWith('/admin/comments/', {}, { status: comment.status === 'pending' ? null : comment.status })
  const canReply = comment.status === 'approved' || comment.status === 'pending'
  return (
    <AdminLayout ctx={ctx} title={t('admin.comments.commentTitle', { name: comment.authorName })}
      actions={<a class="button button-secondary" href={back}>{t('admin.comments.back')}</a>}>
      {problem ? <div class={`notice notice-${problem.tone}`} role="alert"><p>{problem.text}</p></div> : null}
      <div class="admin-panel">
        <p><span class={`comment-status status-${comment.status}`}>{t(TAB_KEYS[comment.status as ModerationTab] ?? 'admin.comments.tab.pending')}</span></p>
        <CommentFacts ctx={ctx} comment={comment} />
        <ReasonsList ctx={ctx} comment={comment} />
        <div class="comment-content" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
        <div class="row-actions">
          {actionsFor(comment.status).map((action) => (
            <form method="post" action={`/admin/comments/${comment.id}/${action}/`} class="inline-form">
              <CsrfInput token={ctx.csrfToken} />
              <button type="submit" class={action === 'delete' ? 'button button-danger' : 'button button-secondary'}>{t(ACTION_KEYS[action])}</button>
            </form>
          ))}
        </div>
      </div>

      {canReply
        ? (
          <section aria-labelledby="reply-heading">
            <h2 id="reply-heading">{t('admin.comments.replyHeading')}</h2>
            {comment.status === 'pending' ? <p class="field-hint">{t('admin.comments.replyApproves')}</p> : null}
            <form method="post" action={`/admin/comments/${comment.id}/reply/`} class="admin-form">
              <CsrfInput token={ctx.csrfToken} />
              <TextAreaField name="body" id="reply-body" label={t('admin.comments.replyLabel', { name: ctx.user.displayName })} value={reply} error={replyError ?? undefined} rows={5} required />
              <p class="form-actions"><button type="submit" class="button">{t('admin.comments.replyButton')}</button></p>
            </form>
          </section>
        )
        : null}

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t('admin.comments.editHeading')}</h2>
        <ErrorSummary errors={editErrors} heading={t('admin.form.errorSummary')} />
        <form method="post" action={`/admin/comments/${comment.id}/`} class="admin-form">
          <CsrfInput token={ctx.csrfToken} />
          <TextField name="author_name" label={t('admin.comments.author')} value={edit.authorName} error={editErrors.author_name} required />
          <TextField name="author_url" type="url" label={t('admin.comments.website')} value={edit.authorUrl} error={editErrors.author_url} />
          <TextAreaField name="body" label={t('admin.comments.text')} value={edit.body} error={editErrors.body} rows={8} required />
          <p class="form-actions"><button type="submit" class="button">{t('admin.comments.saveEdit')}</button></p>
        </form>
      </section>
    </AdminLayout>
  )
}
