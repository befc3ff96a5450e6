// The media library: upload form, search, a grid of images; one image's page with its files, its
// alt text, caption and credit, and delete when no article features it.
import { MAX_UPLOAD_BYTES } from '../../../domain/media.js'
import type { MediaListItem } from '../../../db/repositories/media.repository.js'
import type { MediaDetails } from '../../../services/media.service.js'
import { MEDIA_TEXT_LIMITS } from '../../../domain/media.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { AdminContext, AdminNotice } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { CsrfInput, ErrorSummary, Pager, TextAreaField, TextField, type FormErrors } from './forms.js'

export interface UploadValues { alt: string, caption: string, credit: string }

export interface MediaLibraryProps {
  ctx: AdminContext
  items: MediaListItem[]
  q: string
  newer: string | null
  older: string | null
  canUpload: boolean
  upload: UploadValues
  errors: FormErrors
  problem: AdminNotice | null
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)
}

export function fileSize(ctx: AdminContext, bytes: number): string {
  return bytes >= 1024 * 1024 ? ctx.i18n.t('admin.media.sizeMb', { size: megabytes(bytes) }) : ctx.i18n.t('admin.media.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) })
}

export function MediaLibraryPage({ ctx, items, q, newer, older, canUpload, upload, errors, problem }: MediaLibraryProps) {
  const { t } = ctx.i18n
  return (
    <AdminLayout ctx={ctx} title={t('admin.media.title')}>
      {problem ? <div class={`notice notice-${problem.tone}`} role="alert"><p>{problem.text}</p></div> : null}
      {canUpload
        ? (
          <section class="admin-panel upload-panel" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{t('admin.media.upload')}</h2>
            <ErrorSummary errors={errors} heading={t('admin.media.uploadFailed')} />
            {/* The CSRF field comes first: the guard reads it, and nothing else, before the file. */}
            <form method="post" action="/admin/media/" enctype="multipart/form-data" class="admin-form">
              <CsrfInput token={ctx.csrfToken} />
              <div class={`field${errors.file ? ' has-error' : ''}`}>
                <label for="file">{t('admin.media.file')}<span class="required" aria-hidden="true"> *</span></label>
                <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required
                  aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'file-hint file-error' : 'file-hint'} />
                <p class="field-hint" id="file-hint">{t('admin.media.fileHint', { size: megabytes(MAX_UPLOAD_BYTES) })}</p>
                {errors.file ? <p class="field-error" id="file-error">{errors.file}</p> : null}
              </div>
              <TextAreaField name="alt" label={t('admin.media.alt')} value={upload.alt} error={errors.alt} rows={2} maxLength={MEDIA_TEXT_LIMITS.alt} hint={t('admin.media.altHint')} />
              <TextAreaField name="caption" label={t('admin.media.caption')} value={upload.caption} error={errors.caption} rows={2} maxLength={MEDIA_TEXT_LIMITS.caption} />
              <TextField name="credit" label={t('admin.media.credit')} value={upload.credit} error={errors.credit} maxLength={MEDIA_TEXT_LIMITS.credit} />
              <p class="form-actions"><button type="submit" class="button">{t('admin.media.uploadButton')}</button></p>
            </form>
          </section>
        )
        : null}

      <form method="get" action="/admin/media/" class="filters" role="search">
        <div class="field">
          <label for="media-q">{t('admin.media.search')}</label>
          <input id="media-q" name="q" type="search" value={q} maxLength={200} />
        </div>
        <p class="form-actions"><button type="submit" class="button button-secondary">{t('admin.media.searchButton')}</button></p>
      </form>

      {items.length === 0
        ? <p class="empty">{q ? t('admin.media.noMatches') : t('admin.media.empty')}</p>
        : (
          <ul class="media-grid">
            {items.map((m) => {
              const thumb = m.files.variants[0] ?? m.files.original
              return (
                <li class="media-item">
                  <a href={`/admin/media/${m.id}/`}>
                    <img src={thumb.url} alt={m.alt} width={thumb.width} height={thumb.height} loading="lazy" />
                    <span class="media-name">{m.original_name}</span>
                  </a>
                  <span class="media-facts">{m.width} × {m.height} · {fileSize(ctx, m.size)}</span>
                  {m.alt ? null : <span class="media-missing-alt">{t('admin.media.noAlt')}</span>}
                </li>
              )
            })}
          </ul>
        )}
      <Pager i18n={ctx.i18n} newer={newer} older={older} />
    </AdminLayout>
  )
}

export function MediaDetailPage({ ctx, details, values, errors, canManage, problem }: {
  ctx: AdminContext, details: MediaDetails, values: UploadValues, errors: FormErrors, canManage: boolean, problem: AdminNotice | null
}) {
  const { t } = ctx.i18n
  const { media, files, usage } = details
  const all = [files.original, ...files.variants]
  const main = files.variants.filter((v) => v.width <= 1024).at(-1) ?? files.original
  const srcset = (files.variants.length > 0 ? files.variants : [files.original]).map((f) => `${f.url} ${f.width}w`).join(', ')
  return (
    <AdminLayout ctx={ctx} title={media.original_name} actions={<a class="button button-secondary" href="/admin/media/">{t('admin.media.backToLibrary')}</a>}>
      {problem ? <div class={`notice notice-${problem.tone}`} role="alert"><p>{problem.text}</p></div> : null}
      <div class="media-detail">
        <figure class="media-preview">
          <img src={main.url} srcset={srcset} sizes="(min-width: 60rem) 40rem, 100vw" alt={media.alt} width={main.width} height={main.height} />
          {media.caption || media.credit ? <figcaption>{media.caption}{media.caption && media.credit ? ' ' : ''}{media.credit ? <span class="credit">{media.credit}</span> : null}</figcaption> : null}
        </figure>
        <div>
          <dl class="media-info">
            <dt>{t('admin.media.type')}</dt><dd>{media.mime}</dd>
            <dt>{t('admin.media.dimensions')}</dt><dd>{media.width} × {media.height}</dd>
            <dt>{t('admin.media.size')}</dt><dd>{fileSize(ctx, media.size)}</dd>
            <dt>{t('admin.media.uploaded')}</dt><dd><time datetime={media.created_at}>{formatDateTime(media.created_at, ctx.i18n.lang, ctx.settings.timeZone)}</time></dd>
            <dt>{t('admin.media.usedBy')}</dt><dd>{ctx.i18n.plural('admin.media.usage', usage)}</dd>
          </dl>
          <h2>{t('admin.media.files')}</h2>
          <ul class="media-files">
            {all.map((f) => <li><a href={f.url}>{f.url}</a> — {f.width} × {f.height}, {f.mime}</li>)}
          </ul>
        </div>
      </div>
      {canManage
        ? (
          <>
            <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} />
            <form method="post" action={`/admin/media/${media.id}/`} class="admin-form">
              <CsrfInput token={ctx.csrfToken} />
              <TextAreaField name="alt" label={t('admin.media.alt')} value={values.alt} error={errors.alt} rows={2} maxLength={MEDIA_TEXT_LIMITS.alt} hint={t('admin.media.altHint')} />
              <TextAreaField name="caption" label={t('admin.media.caption')} value={values.caption} error={errors.caption} rows={2} maxLength={MEDIA_TEXT_LIMITS.caption} />
              <TextField name="credit" label={t('admin.media.credit')} value={values.credit} error={errors.credit} maxLength={MEDIA_TEXT_LIMITS.credit} />
              <p class="form-actions"><button type="submit" class="button">{t('admin.media.save')}</button></p>
            </form>
            {usage === 0
              ? (
                <form method="post" action={`/admin/media/${media.id}/delete/`} class="inline-form danger-zone">
                  <CsrfInput token={ctx.csrfToken} />
                  <button type="submit" class="button button-danger">{t('admin.media.delete')}</button>
                </form>
              )
              : <p class="field-hint">{t('admin.media.cannotDelete')}</p>}
          </>
        )
        : null}
    </AdminLayout>
  )
}
