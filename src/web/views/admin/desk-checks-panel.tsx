// The desk checks beside the editor (domain/desk-checks.ts): rendered here at every load, preview and save,
// so they work without JavaScript; /assets/article-editor.js updates them as you type from the templates
// each item carries (data-ok, data-warning, data-problem). Only a change of level is announced.
import { dayOf, dayPath, parseDay } from '../../../domain/days.js'
import { searchPreview, socialPreview, HEADLINE_WARN_LENGTH, SEARCH_TITLE_LENGTH, SEARCH_DESCRIPTION_LENGTH, CARD_DESCRIPTION_LENGTH, type DeskCheck, type DeskLevel, type DeskReport } from '../../../domain/desk-checks.js'
import { slugFromText } from '../../../domain/slug.js'
import { absoluteUrl, editionPrefix } from '../../../domain/urls.js'
import type { ArticleRow } from '../../../db/repositories/articles.repository.js'
import type { MessageKey } from '../../../i18n/index.js'
import type { AdminContext } from './admin-context.js'
import type { EditorValues, MediaChoice } from './article-editor-page.js'


/** Which levels each check can reach: the item carries a template for each. */
const CHECK_LEVELS: Record<DeskCheck['id'], DeskLevel[]> = {
  length: ['ok', 'warning'],
  headline: ['ok', 'warning', 'problem'],
  lead: ['ok', 'warning'],
  section: ['ok', 'warning'],
  featuredAlt: ['ok', 'problem'],
  bodyAlt: ['ok', 'problem'],
  httpLinks: ['ok', 'warning'],
  unpublishedLinks: ['ok', 'problem']
}

function messageKey(id: DeskCheck['id'], level: DeskLevel): MessageKey {
  return `admin.desk.${id}.${level}` as MessageKey
}

function fill(template: string, numbers: Record<string, number>, lang: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => name in numbers ? new Intl.NumberFormat(lang).format(numbers[name]!) : whole)
}

/** The day part of the article's address: its publication day, the one entered, or today. */
function articleDayBase(ctx: AdminContext, article: ArticleRow | null, values: EditorValues): string {
  const { settings } = ctx
  const prefix = editionPrefix(values.edition, settings.defaultEdition)
  const day = (article?.published_at && article.status !== 'draft' && article.status !== 'pending' ? dayOf(article.published_at, settings.timeZone) : null)
    ?? parseDay(values.publish_date) ?? dayOf(ctx.now, settings.timeZone)
  return absoluteUrl(settings.siteUrl, `${prefix}${dayPath(day)}`)
}

export interface DeskChecksPanelProps {
  ctx: AdminContext
  article: ArticleRow | null
  values: EditorValues
  report: DeskReport
  media: MediaChoice[]
}

export function DeskChecksPanel({ ctx, article, values, report, media }: DeskChecksPanelProps) {
  const { t, lang } = ctx.i18n
  const { settings } = ctx
  const dayBase = articleDayBase(ctx, article, values)
  const slug = values.slug || article?.slug || slugFromText(values.headline)
  const url = `${dayBase}${slug ? `${slug}/` : ''}`
  const search = searchPreview({ headline: values.headline, lead: values.lead, siteName: settings.siteName, url })
  const card = socialPreview({ headline: values.headline, lead: values.lead, siteName: settings.siteName, siteUrl: settings.siteUrl })
  const image = values.featured_media_id === '' ? null : media.find((m) => String(m.id) === values.featured_media_id) ?? null
  return (
    <section class="desk-checks" id="desk-checks" aria-labelledby="desk-checks-heading"
      data-site-name={settings.siteName} data-language={values.edition} data-headline-max={String(HEADLINE_WARN_LENGTH)}
      data-title-max={String(SEARCH_TITLE_LENGTH)} data-description-max={String(SEARCH_DESCRIPTION_LENGTH)} data-card-max={String(CARD_DESCRIPTION_LENGTH)}
      data-url-base={dayBase} data-lang={lang}>
      <h2 id="desk-checks-heading">{t('admin.desk.heading')}</h2>
      <p class="field-hint">{t('admin.desk.intro')}</p>
      <ul class="desk-list">
        {report.checks.map((check) => (
          <li class={`desk-check desk-${check.level}`} data-check={check.id} data-level={check.level}
            {...Object.fromEntries(CHECK_LEVELS[check.id].map((level) => [`data-${level}`, t(messageKey(check.id, level))]))}>
            <span class="desk-level">{t(`admin.desk.level.${check.level}`)}</span>{' '}
            <span class="desk-text">{fill(t(messageKey(check.id, check.level)), check.numbers, lang)}</span>
            {check.urls && check.urls.length > 0
              ? <ul class="desk-urls">{check.urls.slice(0, 10).map((u) => <li><code>{u}</code></li>)}</ul>
              : null}
          </li>
        ))}
      </ul>
      {/* Level changes are announced here, once each; the list itself is not live (a count per keystroke would be noise). */}
      <p class="visually-hidden" id="desk-announce" role="status" aria-live="polite"
        data-level-ok={t('admin.desk.level.ok')} data-level-warning={t('admin.desk.level.warning')} data-level-problem={t('admin.desk.level.problem')} />
      <h3 id="serp-heading">{t('admin.desk.searchPreview')}</h3>
      <div class="serp-preview" role="group" aria-labelledby="serp-heading">
        <p class="serp-url">{search.url}</p>
        <p class="serp-title">{search.title}</p>
        <p class="serp-description">{search.description}</p>
      </div>
      <h3 id="card-heading">{t('admin.desk.socialPreview')}</h3>
      <div class="social-card" role="group" aria-labelledby="card-heading">
        {image
          ? <img class="social-card-image" src={image.thumbUrl} alt={values.featured_alt} width={320} height={Math.max(1, Math.round(320 * image.height / image.width))} />
          : <p class="social-card-noimage field-hint">{t('admin.desk.noImage')}</p>}
        <p class="social-card-site">{card.site}</p>
        <p class="social-card-title">{card.title}</p>
        <p class="social-card-description">{card.description}</p>
      </div>
    </section>
  )
}

