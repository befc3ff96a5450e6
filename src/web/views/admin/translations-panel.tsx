// The editor's "Translations" panel: the story's other versions with their status, and a button per
// edition that has none yet, which starts a pre-filled, linked draft there (POST …/translate/).
import type { ArticleRow } from '../../../db/repositories/articles.repository.js'
import type { TranslationVersion } from '../../../db/repositories/translations.repository.js'
import type { AdminContext } from './admin-context.js'
import { languageName } from '../editions.js'
import { CsrfInput } from './forms.js'

export interface TranslationPanelData { versions: TranslationVersion[], missing: string[] }

export function TranslationsPanel({ ctx, article, data }: { ctx: AdminContext, article: ArticleRow, data: TranslationPanelData }) {
  const { t } = ctx.i18n
  if (ctx.settings.editions.length < 2) return null
  const language = (edition: string) => languageName(edition, ctx.i18n.lang)
  return (
    <section class="admin-panel translations-panel" aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t('admin.translations.heading')}</h2>
      <p class="field-hint">{t('admin.translations.this', { language: language(article.edition) })}</p>
      {data.versions.length === 0
        ? <p>{t('admin.translations.none')}</p>
        : <ul>
            {data.versions.map((v) => (
              <li key={v.id}>
                <strong>{language(v.edition)}</strong>: <a href={`/admin/articles/${v.id}/`} lang={v.edition}>{v.headline}</a>
                {' '}<span class="field-hint">({t(`admin.translations.status.${v.status}`)})</span>
              </li>
            ))}
          </ul>}
      {data.missing.map((edition) => (
        <form method="post" action={`/admin/articles/${article.id}/translate/`} class="inline-form" key={edition}>
          <CsrfInput token={ctx.csrfToken} />
          <input type="hidden" name="edition" value={edition} />
          <button type="submit" class="button button-secondary">{t('admin.translations.create', { language: language(edition) })}</button>
        </form>
      ))}
      {data.missing.length > 0 ? <p class="field-hint">{t('admin.translations.createHint')}</p> : null}
    </section>
  )
}
