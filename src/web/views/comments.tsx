import { buildThreads, type ThreadNode } from '../../domain/comment-tree.js'
import { COMMENT_LIMITS, type CommentField, type CommentFormErrorKey, type CommentFormValues } from '../../domain/comment-form.js'
import { siteDates } from '../../i18n/format.js'
import type { PublicComment } from '../../db/repositories/comments.repository.js'
import type { MessageKey } from '../../i18n/index.js'
import type { ViewContext } from './context.js'

/** The comment a form replies to (from ?replytocom= or a re-rendered reply). */
export interface ReplyTarget { id: number, authorName: string }

/** Only http(s) addresses become author links, whatever an import or an old row may hold. */
function safeAuthorUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\/[^\s]+$/i.test(url) ? url : null
}

interface ListProps {
  ctx: ViewContext
  comments: PublicComment[]
  /** The article's path, for reply links that work without JavaScript. */
  articlePath: string
  /** Reply links only while comments are open. */
  open: boolean
}

export function CommentList({ ctx, comments, articlePath, open }: ListProps) {
  const { t } = ctx.i18n
  if (comments.length === 0) return <p class="no-comments">{t('comments.none')}</p>
  return (
    <ol class="comment-list">
      {buildThreads(comments).map((node) => <CommentItem ctx={ctx} node={node} articlePath={articlePath} open={open} level={1} key={node.comment.id} />)}
    </ol>
  )
}

function CommentItem({ ctx, node, articlePath, open, level }: { ctx: ViewContext, node: ThreadNode<PublicComment>, articlePath: string, open: boolean, level: number }) {
  const dates = siteDates(ctx.settings, ctx.edition)
  const { t } = ctx.i18n
  const c = node.comment
  const url = safeAuthorUrl(c.authorUrl)
  // Where the site lets readers comment without a name, WordPress shows them as "Anonymous".
  const name = c.authorName || t('comments.anonymous')
  const replyLabel = t('comments.replyTo', { name })
  return (
    <li class={`comment depth-${level}${c.byStaff ? ' by-staff' : ''}`} id={`comment-${c.id}`}>
      <article class="comment-body" id={`div-comment-${c.id}`}>
        <footer class="comment-meta">
          <b class="comment-author">
            {url ? <a href={url} rel="external nofollow ugc noopener">{name}</a> : name}
          </b>
          {c.byStaff ? <> <span class="staff-mark">{t('comments.staff')}</span></> : null}
          {' '}<span class="says">{t('comments.says')}</span>
          <br />
          <a class="comment-permalink" href={`#comment-${c.id}`}>
            <time datetime={dates.iso(c.createdAt)}>{dates.dateTime(c.createdAt)}</time>
          </a>
        </footer>
        {/* Rendered at save by commentTextToHtml, which escapes what the reader typed except a sanitised allowlist of inline tags. */}
        <div class="comment-content" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        {open
          ? (
            <p class="reply">
              {/* Without JavaScript the link reloads the page with the form set to reply; comments.js moves the form instead. */}
              <a rel="nofollow" class="comment-reply-link" href={`${articlePath}?replytocom=${c.id}#respond`}
                data-comment-id={String(c.id)} data-reply-title={replyLabel} aria-label={replyLabel}>{t('comments.reply')}</a>
            </p>
            )
          : null}
      </article>
      {node.children.length > 0
        ? <ol class="children">{node.children.map((child) => <CommentItem ctx={ctx} node={child} articlePath={articlePath} open={open} level={level + 1} key={child.comment.id} />)}</ol>
        : null}
    </li>
  )
}

export interface CommentFormState {
  values: CommentFormValues
  errors: Partial<Record<CommentField, { key: CommentFormErrorKey, max?: number }>>
  /** A refusal that is about the whole comment (duplicate, too fast, bad reply target), shown above the form. */
  message?: MessageKey | undefined
  /** The "save my details" box as it was ticked. */
  saveDetails?: boolean | undefined
}

export const EMPTY_FORM: CommentFormState = { values: { author: '', email: '', url: '', comment: '' }, errors: {} }

interface FormProps {
  ctx: ViewContext
  articleId: number
  articlePath: string
  state: CommentFormState
  replyTo?: ReplyTarget | null | undefined
}

export function CommentForm({ ctx, articleId, articlePath, state, replyTo }: FormProps) {
  const { t } = ctx.i18n
  const { values, errors } = state
  const required = ctx.settings.requireNameEmail
  const hasErrors = Object.keys(errors).length > 0
  const fieldError = (name: CommentField) => {
    const e = errors[name]
    return e ? <p class="field-error" id={`${name}-error`}>{t(e.key as MessageKey, e.max ? { max: e.max } : undefined)}</p> : null
  }
  const describedBy = (name: CommentField, note?: string) => [errors[name] ? `${name}-error` : null, note].filter(Boolean).join(' ') || undefined
  const mark = <span class="required" aria-hidden="true">*</span>
  return (
    <section id="respond" class="comment-respond">
      <h3 id="reply-title" class="comment-reply-title">
        <span id="reply-title-text" data-default-title={t('form.leaveReply')}>{replyTo ? t('comments.replyTo', { name: replyTo.authorName || t('comments.anonymous') }) : t('form.leaveReply')}</span>
        {' '}<small><a rel="nofollow" id="cancel-comment-reply-link" href={`${articlePath}#respond`} hidden={!replyTo}>{t('comments.cancelReply')}</a></small>
      </h3>
      <form action="/comments" method="post" id="commentform" class="comment-form" novalidate>
        {state.message ? <p class="form-error-summary" role="alert">{t(state.message)}</p> : null}
        {hasErrors ? <p class="form-error-summary" role="alert">{t('form.errorSummary')}</p> : null}
        <p class="comment-notes" id="email-notes">{t('form.emailNote')}</p>
        <p class="field">
          <label for="comment">{t('form.comment')} {mark}</label>
          {fieldError('comment')}
          <textarea id="comment" name="comment" cols={45} rows={8} maxlength={COMMENT_LIMITS.body} required
            aria-invalid={errors.comment ? 'true' : undefined} aria-describedby={describedBy('comment')}>{values.comment}</textarea>
        </p>
        <p class="field">
          <label for="author">{t('form.name')} {required ? mark : null}</label>
          {fieldError('author')}
          <input id="author" name="author" type="text" value={values.author} size={30} maxlength={COMMENT_LIMITS.name}
            autocomplete="name" required={required} aria-invalid={errors.author ? 'true' : undefined} aria-describedby={describedBy('author')} />
        </p>
        <p class="field">
          <label for="email">{t('form.email')} {required ? mark : null}</label>
          {fieldError('email')}
          <input id="email" name="email" type="email" value={values.email} size={30} maxlength={COMMENT_LIMITS.email}
            autocomplete="email" required={required} aria-invalid={errors.email ? 'true' : undefined} aria-describedby={describedBy('email', 'email-notes')} />
        </p>
        <p class="field">
          <label for="url">{t('form.website')}</label>
          {fieldError('url')}
          <input id="url" name="url" type="url" value={values.url} size={30} maxlength={COMMENT_LIMITS.url}
            autocomplete="url" aria-invalid={errors.url ? 'true' : undefined} aria-describedby={describedBy('url')} />
        </p>
        {/* Remembered by comments.js in this browser only (localStorage), so the page stays the same for everyone. */}
        <p class="comment-form-save-details">
          <input id="save-details" name="save_details" type="checkbox" value="yes" checked={state.saveDetails === true} />
          {' '}<label for="save-details">{t('form.saveDetails')}</label>
        </p>
        {/* The honeypot: hidden from people (CSS and assistive technology), irresistible to form-filling bots. */}
        <p class="comment-form-subject" aria-hidden="true">
          <label for="subject">{t('form.honeypot')}</label>
          <input id="subject" name="subject" type="text" value="" tabindex={-1} autocomplete="off" />
        </p>
        <input type="hidden" name="article_id" value={String(articleId)} />
        <input type="hidden" name="comment_parent" id="comment_parent" value={String(replyTo?.id ?? 0)} />
        {/* Filled by comments.js from /comments/timing.json; empty without JavaScript (see docs/decisions/003). */}
        <input type="hidden" name="ts" id="comment-ts" value="" />
        <p class="form-submit"><button type="submit" class="submit">{t('form.submit')}</button></p>
      </form>
      <script src="/assets/comments.js" defer></script>
    </section>
  )
}

/** ?replytocom=ID names an approved comment on this page; anything else leaves the form as a new comment. */
export function replyTargetFrom(param: unknown, comments: readonly PublicComment[]): ReplyTarget | null {
  if (typeof param !== 'string' || !/^[1-9]\d{0,9}$/.test(param)) return null
  const found = comments.find((c) => c.id === Number(param))
  return found ? { id: found.id, authorName: found.authorName } : null
}
