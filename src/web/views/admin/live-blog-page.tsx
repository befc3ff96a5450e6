// /admin/articles/:id/live/ — run an article's live blog: post updates (Markdown, key event), pin or
// delete them, close the blog (issue 16).
import type { ArticleRow } from '../../../db/repositories/articles.repository.js'
import type { LiveBlog, LiveBlogUpdate } from '../../../db/repositories/live-blogs.repository.js'
import { siteDates } from '../../../i18n/format.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { ActionButton, AdminForm } from './forms.js'

export interface LiveBlogFormState {
  text: string
  keyEvent: boolean
  mediaId: number | null
  error: string | null
  /** Which field the error is about. */
  errorField?: 'text' | 'image'
}

export const EMPTY_UPDATE_FORM: LiveBlogFormState = { text: '', keyEvent: false, mediaId: null, error: null }

/** A picture the form offers: its library id and how to name it (alt text, else file name). */
export interface PictureChoice { id: number, label: string }

export function LiveBlogAdminPage({ ctx, article, blog, updates, form, pictures }: { ctx: AdminContext, article: ArticleRow, blog: LiveBlog | null, updates: LiveBlogUpdate[], form: LiveBlogFormState, pictures: PictureChoice[] }) {
  const { t } = ctx.i18n
  const base = `/admin/articles/${article.id}/live/`
  const dates = siteDates(ctx.settings, ctx.i18n.lang)
  const imageError = form.error !== null && form.errorField === 'image'
  const textError = form.error !== null && !imageError
  return (
    <AdminLayout ctx={ctx} title={t('admin.liveBlog.title', { headline: article.headline })}
      actions={<a href={`/admin/articles/${article.id}/`}>{t('admin.liveBlog.back')}</a>}>
      {!blog
        ? (
          <>
            <p>{t('admin.liveBlog.notStarted')}</p>
            <ActionButton csrfToken={ctx.csrfToken} action={`${base}start/`} label={t('admin.liveBlog.start')} />
          </>
          )
        : blog.closedAt
          ? (
            <>
              <p>{t('admin.liveBlog.isClosed')}</p>
              <ActionButton csrfToken={ctx.csrfToken} action={`${base}start/`} label={t('admin.liveBlog.reopen')} />
            </>
            )
          : (
            <>
              <AdminForm action={`${base}updates/`} csrfToken={ctx.csrfToken}>
                <div class="field">
                  <label for="update-text">{t('admin.liveBlog.text')}</label>
                  <textarea id="update-text" name="text" rows={6} maxLength={5000} required
                    aria-invalid={textError ? 'true' : undefined} aria-describedby={textError ? 'update-text-error' : undefined}>{form.text}</textarea>
                  {textError ? <p class="field-error" id="update-text-error">{form.error}</p> : null}
                </div>
                <div class="field">
                  <label for="update-image">{t('admin.liveBlog.image')}</label>
                  <select id="update-image" name="media_id"
                    aria-invalid={imageError ? 'true' : undefined} aria-describedby={imageError ? 'update-image-error' : undefined}>
                    <option value="">{t('admin.liveBlog.noImage')}</option>
                    {pictures.map((p) => <option value={String(p.id)} selected={form.mediaId === p.id} key={p.id}>{`${p.id} · ${p.label}`}</option>)}
                  </select>
                  {imageError ? <p class="field-error" id="update-image-error">{form.error}</p> : null}
                </div>
                <div class="field">
                  <label><input type="checkbox" name="key_event" value="on" checked={form.keyEvent} /> {t('admin.liveBlog.keyEvent')}</label>
                </div>
                <button type="submit" class="button">{t('admin.liveBlog.post')}</button>
              </AdminForm>
              <ActionButton csrfToken={ctx.csrfToken} action={`${base}close/`} label={t('admin.liveBlog.close')} danger />
            </>
            )}
      {updates.length > 0
        ? (
          <section aria-labelledby="updates-title">
            <h2 id="updates-title">{t('admin.liveBlog.updates')}</h2>
            <ol class="live-updates-admin">
              {updates.map((u) => (
                <li key={u.id}>
                  <p><time datetime={u.createdAt}>{dates.dateTime(u.createdAt)}</time>{u.keyEvent ? ' ★' : ''}</p>
                  <div dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
                  <details>
                    <summary>{t('admin.liveBlog.edit')}</summary>
                    <AdminForm action={`${base}updates/${u.id}/edit/`} csrfToken={ctx.csrfToken}>
                      <label for={`update-${u.id}-text`} class="visually-hidden">{t('admin.liveBlog.text')}</label>
                      <textarea id={`update-${u.id}-text`} name="text" rows={4} maxLength={5000} required>{u.bodySource}</textarea>
                      <button type="submit" class="button">{t('admin.liveBlog.save')}</button>
                    </AdminForm>
                  </details>
                  <ActionButton csrfToken={ctx.csrfToken} action={`${base}updates/${u.id}/pin/`} fields={{ pinned: u.pinned ? '0' : '1' }}
                    label={u.pinned ? t('admin.liveBlog.unpin') : t('admin.liveBlog.pin')} />
                  <ActionButton csrfToken={ctx.csrfToken} action={`${base}updates/${u.id}/delete/`} label={t('admin.liveBlog.delete')} danger />
                </li>
              ))}
            </ol>
          </section>
          )
        : null}
    </AdminLayout>
  )
}
