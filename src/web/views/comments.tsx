import { commentTextToHtml } from '../../domain/comment-text.js'
import { COMMENT_LIMITS, type CommentField, type CommentFormErrorKey, type CommentFormValues } from '../../domain/comment-form.js'
import { formatDateTime, isoWithOffset } from '../../i18n/format.js'
import type { PublicComment } from '../../db/repositories/comments.repository.js'
import type { MessageKey } from '../../i18n/index.js'
import type { ViewContext } from './context.js'

export function CommentList({ ctx, comments }: { ctx: ViewContext, comments: PublicComment[] }) {
  const { t } = ctx.i18n
  if (comments.length === 0) return <p class="no-comments">{t('comments.none')}</p>
  return (
    <ol class="comment-list">
      {comments.map((c) => (
        <li class="comment" id={`comment-${c.id}`} key={c.id}>
          <article>
            <footer class="comment-meta">
              <b class="comment-author">
                {c.authorUrl ? <a href={c.authorUrl} rel="external nofollow ugc noopener">{c.authorName}</a> : c.authorName}
              </b>
              {' '}<span class="says">{t('comments.says')}</span>
              <br />
              <a class="comment-permalink" href={`#comment-${c.id}`}>
                <time datetime={isoWithOffset(c.createdAt, ctx.settings.timeZone)}>{formatDateTime(c.createdAt, ctx.edition, ctx.settings.timeZone)}</time>
              </a>
            </footer>
            {/* commentTextToHtml escapes everything the reader typed before adding <p> and <br>. */}
            <div class="comment-content" dangerouslySetInnerHTML={{ __html: commentTextToHtml(c.body) }} />
          </article>
        </li>
      ))}
    </ol>
  )
}

export interface CommentFormState {
  values: CommentFormValues
  errors: Partial<Record<CommentField, { key: CommentFormErrorKey, max?: number }>>
}

export const EMPTY_FORM: CommentFormState = { values: { author: '', email: '', url: '', comment: '' }, errors: {} }

export function CommentForm({ ctx, articleId, state }: { ctx: ViewContext, articleId: number, state: CommentFormState }) {
  const { t } = ctx.i18n
  const { values, errors } = state
  const hasErrors = Object.keys(errors).length > 0
  const fieldError = (name: CommentField) => {
    const e = errors[name]
    return e ? <p class="field-error" id={`${name}-error`}>{t(e.key as MessageKey, e.max ? { max: e.max } : undefined)}</p> : null
  }
  const describedBy = (name: CommentField, note?: string) => [errors[name] ? `${name}-error` : null, note].filter(Boolean).join(' ') || undefined
  return (
    <section id="respond" class="comment-respond">
      <h3 id="reply-title">{t('form.leaveReply')}</h3>
      <form action="/comments" method="post" id="commentform" class="comment-form" novalidate>
        {hasErrors ? <p class="form-error-summary" role="alert">{t('form.errorSummary')}</p> : null}
        <p class="comment-notes" id="email-notes">{t('form.emailNote')}</p>
        <p class="field">
          <label for="comment">{t('form.comment')} <span class="required" aria-hidden="true">*</span></label>
          {fieldError('comment')}
          <textarea id="comment" name="comment" cols={45} rows={8} maxlength={COMMENT_LIMITS.body} required
            aria-invalid={errors.comment ? 'true' : undefined} aria-describedby={describedBy('comment')}>{values.comment}</textarea>
        </p>
        <p class="field">
          <label for="author">{t('form.name')} <span class="required" aria-hidden="true">*</span></label>
          {fieldError('author')}
          <input id="author" name="author" type="text" value={values.author} size={30} maxlength={COMMENT_LIMITS.name}
            autocomplete="name" required aria-invalid={errors.author ? 'true' : undefined} aria-describedby={describedBy('author')} />
        </p>
        <p class="field">
          <label for="email">{t('form.email')} <span class="required" aria-hidden="true">*</span></label>
          {fieldError('email')}
          <input id="email" name="email" type="email" value={values.email} size={30} maxlength={COMMENT_LIMITS.email}
            autocomplete="email" required aria-invalid={errors.email ? 'true' : undefined} aria-describedby={describedBy('email', 'email-notes')} />
        </p>
        <p class="field">
          <label for="url">{t('form.website')}</label>
          {fieldError('url')}
          <input id="url" name="url" type="url" value={values.url} size={30} maxlength={COMMENT_LIMITS.url}
            autocomplete="url" aria-invalid={errors.url ? 'true' : undefined} aria-describedby={describedBy('url')} />
        </p>
        <input type="hidden" name="article_id" value={String(articleId)} />
        <p class="form-submit"><button type="submit" class="submit">{t('form.submit')}</button></p>
      </form>
    </section>
  )
}
