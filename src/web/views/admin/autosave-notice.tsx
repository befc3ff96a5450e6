// The editor's word about an autosave (docs/decisions/008-editor-autosave.md): the offer to restore or
// discard one that says something the saved article does not, or, once restored, where the text came
// from. Both work without JavaScript: Restore is a link that fills the form, Discard a small form.
import type { IsoInstant } from '../../../domain/days.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { AdminContext } from './admin-context.js'
import { CsrfInput } from './forms.js'

export interface AutosaveNoticeData {
  /** newer / outdated: offered (see autosaveOffer); restored: it is in the form now. */
  kind: 'newer' | 'outdated' | 'restored'
  savedAt: IsoInstant
  /** The version it was typed on. */
  baseVersion: number
}

export function AutosaveNotice({ ctx, articleId, autosave }: { ctx: AdminContext, articleId: number, autosave: AutosaveNoticeData }) {
  const { t } = ctx.i18n
  const time = formatDateTime(autosave.savedAt, ctx.i18n.lang, ctx.settings.timeZone)
  const editorUrl = `/admin/articles/${articleId}/`
  if (autosave.kind === 'restored') {
    return (
      <div class="notice notice-warning autosave-notice" role="status">
        <p>{t('admin.editor.autosave.restored', { time })}</p>
        <p><a href={editorUrl}>{t('admin.editor.autosave.backToSaved')}</a></p>
      </div>
    )
  }
  return (
    <section class="notice notice-warning autosave-notice" aria-label={t('admin.editor.autosave.heading')}>
      <p>{autosave.kind === 'newer'
        ? t('admin.editor.autosave.offer', { time })
        : t('admin.editor.autosave.offerOutdated', { time, version: autosave.baseVersion })}</p>
      <div class="autosave-actions">
        <a class="button" href={`${editorUrl}?autosave=restore`}>{t('admin.editor.autosave.restore')}</a>
        <form method="post" action={`${editorUrl}autosave/discard/`} class="inline-form">
          <CsrfInput token={ctx.csrfToken} />
          <button type="submit" class="button button-secondary">{t('admin.editor.autosave.discard')}</button>
        </form>
      </div>
    </section>
  )
}
