// The citation block under an article, serving the reprint policy: the canonical link and a ready
// HTML snippet to paste. Both are plain readonly fields, selectable without JavaScript; the small
// assets/citation.js adds copy buttons, labelled from the data attributes here.
import { escapeHtml } from '../../domain/html-escape.js'
import { citationHtml } from '../../domain/structured-data.js'
import { siteDates } from '../../i18n/format.js'
import type { ViewContext } from './context.js'

export function Citation({ ctx, url, headline, publishedAt }: { ctx: ViewContext, url: string, headline: string, publishedAt: string }) {
  const { t } = ctx.i18n
  const snippet = citationHtml({
    url, headline, siteName: ctx.settings.siteName, date: siteDates(ctx.settings, ctx.edition).date(publishedAt)
  }, escapeHtml)
  return (
    <section class="citation" aria-labelledby="citation-title"
      data-copy-label={t('citation.copy')} data-copied-label={t('citation.copied')} data-copy-failed-label={t('citation.copyFailed')}>
      <h2 id="citation-title">{t('citation.heading')}</h2>
      <p>
        <label for="citation-link">{t('citation.link')}</label>
        <input id="citation-link" class="citation-field" type="url" readOnly value={url} data-copy="" />
      </p>
      <p>
        <label for="citation-html">{t('citation.html')}</label>
        <textarea id="citation-html" class="citation-field" readOnly rows={3} data-copy="" value={snippet} />
      </p>
      <script src="/assets/citation.js" defer />
    </section>
  )
}
