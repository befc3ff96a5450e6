// The article editor: one form for everything an article carries, the buttons its status and the
// user's role allow, a server-rendered preview, and the conflict view when someone else saved first.
// Works without JavaScript; /assets/article-editor.js adds the live preview, slug proposal, labels, autosave
// and the desk checks' updates as you type.
import type { ArticleFormValues } from '../../../domain/article-form.js'
import { ARTICLE_LIMITS } from '../../../domain/article-form.js'
import { MAX_SLUG_LENGTH } from '../../../domain/slug.js'
import { wallClock } from '../../../domain/days.js'
import type { FieldDiff } from '../../../domain/revision-diff.js'
import { articlePath, editionPrefix } from '../../../domain/urls.js'
import { availableActions, checkEdit, effectiveStatus, type WorkflowArticle } from '../../../domain/workflow.js'
import { can, mayChooseFeaturedImage } from '../../../domain/roles.js'
import type { ArticleRow } from '../../../db/repositories/articles.repository.js'
import type { SectionRow } from '../../../db/repositories/taxonomy.repository.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { MessageKey } from '../../../i18n/index.js'
import type { AdminContext, AdminNotice } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { ArticleStatusText } from './article-status.js'
import { CheckboxField, CsrfInput, ErrorSummary, SelectField, TextAreaField, TextField, type FormErrors } from './forms.js'
import { DIFF_FIELD_KEYS } from './revision-fields.js'
import { TranslationsPanel, type TranslationPanelData } from './translations-panel.js'
import { AutosaveNotice, type AutosaveNoticeData } from './autosave-notice.js'
import { DeskChecksPanel } from './desk-checks-panel.js'
import { bodySourceText } from '../../../domain/body-source.js'
import { serializeJsonLd } from '../../../domain/structured-data.js'
import { richEditorEn } from '../../../i18n/admin/rich-editor.en.js'

const RICH_EDITOR_PREFIX = 'admin.richEditor.'
import type { DeskReport } from '../../../domain/desk-checks.js'

/** An image the editor can pick as the featured image. */
export interface MediaChoice { id: number, thumbUrl: string, name: string, alt: string, caption: string, credit: string, width: number, height: number }

/** What the form shows: the typed (or stored) values plus the edition for a new article. */
export type EditorValues = ArticleFormValues & { edition: string }

export interface ConflictView {
  /** The version now stored, saved by someone else. */
  current: ArticleRow
  savedBy: string | null
  /** Their version against what this editor sent. */
  diffs: FieldDiff[]
}

export interface ArticleEditorProps {
  ctx: AdminContext
  /** null for a new article. */
  article: ArticleRow | null
  authorName: string | null
  values: EditorValues
  /** The version the form saves against. */
  version: number | null
  errors: FormErrors
  sections: SectionRow[]
  tagSuggestions: string[]
  media: MediaChoice[]
  previewHtml: string | null
  conflict: ConflictView | null
  problem: AdminNotice | null
  /** The featured-image picker's search, if used. */
  mediaQuery?: string
  /** The story's versions in other editions; absent for a new article, which has none yet. */
  translations?: TranslationPanelData | null
  /** This user's autosave of the article: offered, or just restored into the form. */
  autosave?: AutosaveNoticeData | null
  /** The form shows text that is not saved (a form sent back, a restored autosave): leaving warns. */
  unsaved?: boolean
  /** The wire item the story was made from (shown to those who may open the wire desk). */
  wireItem?: WireOrigin | null
  /** The desk checks of what the form shows (issue 17): beside the form, updated by the script as you type. */
  desk?: DeskReport | null
}

export interface WireOrigin {
  id: number
  headline: string
  agency: string | null
  /** The agency sent a newer version after the story was made (and nobody has reviewed it yet). */
  stale: boolean
  /** The item's embargo, when it has not ended: the story may not go out before it. */
  embargoUntil: string | null
}

/** The way back to the wire item, and a warning when the agency has changed it since. */
function WireOriginPanel({ ctx, item }: { ctx: AdminContext, item: WireOrigin }) {
  const { t } = ctx.i18n
  const href = `/admin/wire/items/${item.id}/`
  return (
    <div class={`notice${item.stale ? ' notice-warning' : ''} wire-origin`}>
      <p>
        {t('wire.article.from')} <a href={href}>{item.headline}</a>{item.agency ? ` (${item.agency})` : ''}
      </p>
      {item.embargoUntil ? <p><strong>{t('wire.item.embargo', { time: formatDateTime(item.embargoUntil, ctx.i18n.lang, ctx.settings.timeZone) })}</strong></p> : null}
      {item.stale ? <p>{t('wire.article.stale')} <a href={`${href}#changes`}>{t('wire.article.seeChanges')}</a></p> : null}
    </div>
  )
}

const FIELD_LABELS: Record<string, MessageKey> = {
  headline: 'admin.editor.headline', slug: 'admin.editor.slug', lead: 'admin.editor.lead', body: 'admin.editor.body',
  agency_credit: 'admin.editor.agencyCredit', source_url: 'admin.editor.sourceUrl', byline: 'admin.editor.byline',
  section_id: 'admin.editor.section', tags: 'admin.editor.tags', featured_media_id: 'admin.editor.featuredImage',
  featured_alt: 'admin.editor.featuredAlt', featured_caption: 'admin.editor.featuredCaption', featured_credit: 'admin.editor.featuredCredit',
  publish_date: 'admin.editor.publishDate', publish_time: 'admin.editor.publishTime', edition: 'admin.editor.edition'
}

/** "2026-11-26T14:00": the site zone's wall clock, for the script that labels Publish or Schedule. */
function siteWallClock(now: Date, timeZone: string): string {
  const w = wallClock(now, timeZone)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

export function ArticleEditorPage(props: ArticleEditorProps) {
  const { ctx, article, errors, conflict, problem } = props
  const { t } = ctx.i18n
  const title = article ? t('admin.editor.editTitle') : t('admin.editor.newTitle')
  const labels = Object.fromEntries(Object.entries(FIELD_LABELS).map(([k, key]) => [k, t(key)]))
  const action = article ? `/admin/articles/${article.id}/` : '/admin/articles/new/'
  return (
    <AdminLayout ctx={ctx} title={title} scripts={['/assets/article-editor.js', '/assets/build/editor.js']}
      actions={article
        ? <><a class="button button-secondary" href={`/admin/articles/${article.id}/revisions/`}>{t('admin.editor.revisions')}</a> <a class="button button-secondary" href={`/admin/articles/${article.id}/live/`}>{t('admin.liveBlog.open')}</a></>
        : undefined}>
      {problem ? <div class={`notice notice-${problem.tone}`} role="alert"><p>{problem.text}</p></div> : null}
      {conflict ? <ConflictPanel ctx={ctx} conflict={conflict} /> : null}
      {article && props.wireItem ? <WireOriginPanel ctx={ctx} item={props.wireItem} /> : null}
      {article && props.autosave ? <AutosaveNotice ctx={ctx} articleId={article.id} autosave={props.autosave} /> : null}
      <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} labels={labels} />
      <form method="post" action={action} class="admin-form article-editor" id="article-form" data-preview-url="/admin/articles/preview/" data-slug-url="/admin/articles/slug/"
        data-site-now={siteWallClock(ctx.now, ctx.settings.timeZone)}
        data-autosave-url={autosaves(ctx, article) ? `/admin/articles/${article.id}/autosave/` : undefined} data-unsaved={props.unsaved ? 'true' : undefined}>
        <CsrfInput token={ctx.csrfToken} />
        {props.version !== null ? <input type="hidden" name="version" value={String(props.version)} /> : null}
        <div class="editor-columns">
          <div class="editor-main">
            <MainFields {...props} />
          </div>
          <div class="editor-side">
            <PublishBox {...props} />
            {props.desk ? <DeskChecksPanel ctx={ctx} article={article} values={props.values} report={props.desk} media={props.media} /> : null}
            <TaxonomyFields {...props} />
            <FeaturedImageFields {...props} />
          </div>
        </div>
      </form>
      {article ? <OtherActions ctx={ctx} article={article} /> : null}
      {article && props.translations ? <TranslationsPanel ctx={ctx} article={article} data={props.translations} /> : null}
      <p><a href="/admin/articles/">{t('admin.editor.backToList')}</a></p>
    </AdminLayout>
  )
}

/**
 * Where the rich editor (client/editor, loaded on this page only) finds what it offers: pictures for those
 * who may choose from the library, related stories, the paste cleaner. Without JavaScript none of it is used:
 * the textarea takes simple HTML.
 */
function richEditorData(ctx: AdminContext): Record<`data-${string}`, string> {
  const data: Record<`data-${string}`, string> = {
    'data-rich-editor': '',
    'data-article-choices-url': '/admin/editor/stories.json',
    'data-paste-clean-url': '/admin/editor/paste/'
  }
  if (mayChooseFeaturedImage(ctx.user)) {
    data['data-media-choices-url'] = '/admin/editor/pictures.json'
    data['data-media-upload-url'] = '/admin/media/upload.json'
  }
  return data
}

/** The editor's words in the admin's language, by the short names the script uses. */
function richEditorLabels(ctx: AdminContext): string {
  const labels = Object.fromEntries((Object.keys(richEditorEn) as (keyof typeof richEditorEn)[])
    .map((key) => [key.slice(RICH_EDITOR_PREFIX.length), ctx.i18n.t(key)]))
  return serializeJsonLd(labels)
}

function MainFields({ ctx, article, values, errors, previewHtml }: ArticleEditorProps) {
  const { t } = ctx.i18n
  const editions = ctx.settings.editions
  return (
    <>
      {!article && editions.length > 1
        ? <SelectField name="edition" label={t('admin.editor.edition')} value={values.edition} error={errors.edition}
          options={editions.map((e) => ({ value: e, label: e }))} hint={t('admin.editor.editionHint')} />
        : <input type="hidden" name="edition" value={values.edition} />}
      <TextField name="headline" label={t('admin.editor.headline')} value={values.headline} error={errors.headline} required maxLength={ARTICLE_LIMITS.headline} class="field-headline" />
      <TextField name="slug" label={t('admin.editor.slug')} value={values.slug} error={errors.slug} maxLength={MAX_SLUG_LENGTH}
        hint={t('admin.editor.slugHint')} class="field-slug" />
      <TextAreaField name="lead" label={t('admin.editor.lead')} value={values.lead} error={errors.lead} rows={3} maxLength={ARTICLE_LIMITS.lead} hint={t('admin.editor.leadHint')} />
      <TextAreaField name="body" label={t('admin.editor.body')} value={values.body} error={errors.body} rows={20} maxLength={ARTICLE_LIMITS.body}
        hint={t('admin.editor.bodyHint')} class="field-body" data={richEditorData(ctx)} />
      {/* Data, not code: the CSP runs no inline script, and the JSON is escaped for the page. */}
      <script type="application/json" id="rich-editor-labels" dangerouslySetInnerHTML={{ __html: richEditorLabels(ctx) }} />
      <div class="form-actions preview-actions">
        <button type="submit" name="intent" value="preview" class="button button-secondary">{t('admin.editor.preview')}</button>
      </div>
      <section class="body-preview" aria-labelledby="preview-heading" aria-live="polite">
        <h2 id="preview-heading">{t('admin.editor.previewHeading')}</h2>
        {/* Rendered from the body document and sanitised exactly as the published page will be. */}
        <div id="body-preview" class="article-body" dangerouslySetInnerHTML={{ __html: previewHtml ?? '' }} />
        {previewHtml === null ? <p class="field-hint preview-empty">{t('admin.editor.previewHint')}</p> : null}
      </section>
      <TextField name="agency_credit" label={t('admin.editor.agencyCredit')} value={values.agency_credit} error={errors.agency_credit} maxLength={ARTICLE_LIMITS.agencyCredit} hint={t('admin.editor.agencyCreditHint')} />
      <TextField name="source_url" type="url" label={t('admin.editor.sourceUrl')} value={values.source_url} error={errors.source_url} maxLength={ARTICLE_LIMITS.sourceUrl} />
      <TextField name="byline" label={t('admin.editor.byline')} value={values.byline} error={errors.byline} maxLength={ARTICLE_LIMITS.byline} hint={t('admin.editor.bylineHint')} />
    </>
  )
}

/** Which buttons the form offers: what the workflow allows this user from the article's status. */
export function editorButtons(ctx: AdminContext, article: ArticleRow | null): { save: MessageKey, submit: boolean, publish: boolean, unpublish: boolean } | null {
  const user = { id: ctx.user.id, role: ctx.user.role }
  const wf: WorkflowArticle = article
    ? { status: article.status, authorId: article.author_id, publishedAt: article.published_at }
    : { status: 'draft', authorId: ctx.user.id, publishedAt: null }
  if (article && !checkEdit(wf, user).ok) return null
  const allowed = availableActions(wf, user, ctx.now)
  const shown = effectiveStatus(wf, ctx.now)
  const live = shown === 'published' || shown === 'scheduled'
  return {
    save: live ? 'admin.editor.update' : wf.status === 'pending' ? 'admin.editor.saveReview' : 'admin.editor.saveDraft',
    // Someone who may publish does not need to ask for review.
    submit: allowed.includes('submit') && !allowed.includes('publish') && wf.status === 'draft',
    publish: allowed.includes('publish') && !live,
    unpublish: allowed.includes('unpublish')
  }
}

/**
 * Does the editor's script autosave this form? Only a saved article the user may change: a new one has
 * no row to keep an autosave against until its first save (creating drafts nobody asked for, with
 * their revision and audit row, is what the Save draft button is for).
 */
function autosaves(ctx: AdminContext, article: ArticleRow | null): article is ArticleRow {
  return article !== null && editorButtons(ctx, article) !== null
}

function PublishBox({ ctx, article, values, errors, authorName }: ArticleEditorProps) {
  const { t } = ctx.i18n
  const buttons = editorButtons(ctx, article)
  const tz = ctx.settings.timeZone
  const live = article && effectiveStatus({ status: article.status, publishedAt: article.published_at }, ctx.now) === 'published'
  const viewHref = live
    ? articlePath(editionPrefix(article.edition, ctx.settings.defaultEdition), article.published_at!, article.slug, tz)
    : null
  return (
    <fieldset class="publish-box">
      <legend>{t('admin.editor.publishing')}</legend>
      <p class="current-status">
        <span class="label">{t('admin.editor.status')}:</span>{' '}
        {article ? <ArticleStatusText ctx={ctx} status={article.status} publishedAt={article.published_at} /> : t('admin.articles.status.new')}
      </p>
      {article
        ? (
          <p class="article-facts">
            {authorName ? <>{t('admin.editor.author', { name: authorName })}<br /></> : null}
            {t('admin.editor.lastSaved', { time: formatDateTime(article.updated_at, ctx.i18n.lang, tz), version: article.version })}
            {viewHref ? <><br /><a href={viewHref}>{t('admin.editor.viewOnSite')}</a></> : null}
          </p>
        )
        : null}
      <div class="publish-time">
        <TextField name="publish_date" type="date" label={t('admin.editor.publishDate')} value={values.publish_date} error={errors.publish_date} />
        <TextField name="publish_time" type="time" label={t('admin.editor.publishTime')} value={values.publish_time} error={errors.publish_time} />
        <p class="field-hint" id="publish-time-hint">{t('admin.editor.publishTimeHint', { zone: tz })}</p>
      </div>
      <CheckboxField name="breaking" label={t('admin.editor.breaking')} checked={values.breaking} />
      <CheckboxField name="sticky" label={t('admin.editor.sticky')} checked={values.sticky} />
      <CheckboxField name="comments_open" label={t('admin.editor.commentsOpen')} checked={values.comments_open} />
      {buttons
        ? (
          <div class="form-actions publish-actions">
            <button type="submit" name="intent" value="save" class="button button-secondary">{t(buttons.save)}</button>
            {buttons.submit ? <button type="submit" name="intent" value="submit" class="button">{t('admin.editor.submitForReview')}</button> : null}
            {buttons.publish
              ? <button type="submit" name="intent" value="publish" class="button" data-publish-label={t('admin.editor.publish')} data-schedule-label={t('admin.editor.schedule')}>{t('admin.editor.publishOrSchedule')}</button>
              : null}
            {buttons.unpublish ? <button type="submit" name="intent" value="unpublish" class="button button-danger">{t('admin.editor.unpublish')}</button> : null}
          </div>
        )
        : <p class="field-hint">{t('admin.editor.readOnly')}</p>}
      {autosaves(ctx, article)
        ? <p id="autosave-status" class="autosave-status" role="status" aria-live="polite" data-failed={t('admin.editor.autosave.failed')} />
        : null}
    </fieldset>
  )
}

function TaxonomyFields({ ctx, values, errors, sections, tagSuggestions }: ArticleEditorProps) {
  const { t } = ctx.i18n
  const options = [{ value: '', label: t('admin.editor.noSection') }, ...sections.map((s) => ({ value: String(s.id), label: s.name }))]
  return (
    <fieldset class="taxonomy-box">
      <legend>{t('admin.editor.filing')}</legend>
      <SelectField name="section_id" label={t('admin.editor.section')} value={values.section_id} options={options} error={errors.section_id} />
      <TextField name="tags" label={t('admin.editor.tags')} value={values.tags} error={errors.tags} list="tag-suggestions" hint={t('admin.editor.tagsHint')} />
      <datalist id="tag-suggestions">
        {tagSuggestions.map((name) => <option value={name} />)}
      </datalist>
    </fieldset>
  )
}

function FeaturedImageFields(props: ArticleEditorProps) {
  return mayChooseFeaturedImage(props.ctx.user) ? <FeaturedImagePicker {...props} /> : <FeaturedImageReadOnly {...props} />
}

/** The featured-image box for whoever may not choose the image (contributors): see mayChooseFeaturedImage. */
function FeaturedImageReadOnly({ ctx, values, errors, media }: ArticleEditorProps) {
  const { t } = ctx.i18n
  // The route gives this user only the article's own image, never the library.
  const image = media.find((m) => String(m.id) === values.featured_media_id)
  return (
    <fieldset class="featured-image-box">
      <legend>{t('admin.editor.featuredImage')}</legend>
      <input type="hidden" name="featured_media_id" value={values.featured_media_id} />
      {/* The error summary links to #featured_media_id: here, the box itself. */}
      <div class={`field media-chosen${errors.featured_media_id ? ' has-error' : ''}`} id="featured_media_id" tabIndex={-1}>
        {errors.featured_media_id ? <p class="field-error" id="featured_media_id-error">{errors.featured_media_id}</p> : null}
        {image
          ? <img src={image.thumbUrl} alt="" width={160} height={Math.max(1, Math.round(160 * image.height / image.width))} loading="lazy" />
          : <p>{t('admin.editor.noImage')}</p>}
        <p class="field-hint">{t('admin.editor.featuredImageByEditors')}</p>
      </div>
      {values.featured_media_id !== '' ? <FeaturedImageText {...{ ctx, values, errors }} /> : null}
    </fieldset>
  )
}

function FeaturedImageText({ ctx, values, errors }: Pick<ArticleEditorProps, 'ctx' | 'values' | 'errors'>) {
  const { t } = ctx.i18n
  return (
    <>
      <TextAreaField name="featured_alt" label={t('admin.editor.featuredAlt')} value={values.featured_alt} error={errors.featured_alt} rows={2}
        maxLength={ARTICLE_LIMITS.alt} hint={t('admin.editor.featuredAltHint')} />
      <TextAreaField name="featured_caption" label={t('admin.editor.featuredCaption')} value={values.featured_caption} error={errors.featured_caption} rows={2} maxLength={ARTICLE_LIMITS.caption} />
      <TextField name="featured_credit" label={t('admin.editor.featuredCredit')} value={values.featured_credit} error={errors.featured_credit} maxLength={ARTICLE_LIMITS.credit} />
    </>
  )
}

function FeaturedImagePicker({ ctx, values, errors, media, mediaQuery }: ArticleEditorProps) {
  const { t } = ctx.i18n
  const chosen = values.featured_media_id
  return (
    <fieldset class="featured-image-box">
      <legend>{t('admin.editor.featuredImage')}</legend>
      <div class="field media-search">
        <label for="media_q">{t('admin.editor.findImages')}</label>
        <input id="media_q" name="media_q" type="search" value={mediaQuery ?? ''} maxLength={200} />
        <button type="submit" name="intent" value="find-images" class="button button-secondary">{t('admin.editor.findImagesButton')}</button>
      </div>
      {mediaQuery && media.length === 0 ? <p class="field-hint">{t('admin.media.noMatches')}</p> : null}
      <div class={`field media-choices${errors.featured_media_id ? ' has-error' : ''}`} role="radiogroup" aria-labelledby="featured-image-label">
        <p id="featured-image-label" class="field-hint">{t(mediaQuery ? 'admin.editor.featuredImageFound' : 'admin.editor.featuredImageHint')}</p>
        {errors.featured_media_id ? <p class="field-error" id="featured_media_id-error">{errors.featured_media_id}</p> : null}
        <label class="media-choice media-choice-none">
          <input type="radio" name="featured_media_id" value="" checked={chosen === ''} id="featured_media_id" />
          <span>{t('admin.editor.noImage')}</span>
        </label>
        {media.map((m) => (
          <label class="media-choice">
            <input type="radio" name="featured_media_id" value={String(m.id)} checked={chosen === String(m.id)}
              data-alt={m.alt} data-caption={m.caption} data-credit={m.credit} />
            <img src={m.thumbUrl} alt="" width={160} height={Math.max(1, Math.round(160 * m.height / m.width))} loading="lazy" />
            <span class="media-choice-name">{m.name}</span>
          </label>
        ))}
        <p class="field-hint"><a href="/admin/media/" target="_blank" rel="noopener">{t('admin.editor.openLibrary')}</a></p>
      </div>
      <FeaturedImageText {...{ ctx, values, errors }} />
    </fieldset>
  )
}

function OtherActions({ ctx, article }: { ctx: AdminContext, article: ArticleRow }) {
  const { t } = ctx.i18n
  const actions = availableActions({ status: article.status, authorId: article.author_id, publishedAt: article.published_at, trashedFrom: article.trashed_from }, { id: ctx.user.id, role: ctx.user.role }, ctx.now)
  const shown = actions.filter((a) => a === 'to-draft' || a === 'trash' || a === 'restore' || a === 'delete')
  // A story binned while live stays the editors' to restore (see wasLive): say so rather than offer nothing.
  const editorsOnly = article.status === 'trashed' && !actions.includes('restore')
  if (shown.length === 0 && !editorsOnly) return null
  const labels: Record<string, MessageKey> = {
    'to-draft': 'admin.articles.action.toDraft', trash: 'admin.articles.action.trash',
    restore: 'admin.articles.action.restore', delete: 'admin.articles.action.delete'
  }
  return (
    <section class="admin-panel other-actions" aria-labelledby="other-actions-heading">
      <h2 id="other-actions-heading">{t('admin.editor.otherActions')}</h2>
      {shown.map((action) => (
        <form method="post" action={`/admin/articles/${article.id}/${action}/`} class="inline-form">
          <CsrfInput token={ctx.csrfToken} />
          <input type="hidden" name="version" value={String(article.version)} />
          <button type="submit" class={action === 'delete' || action === 'trash' ? 'button button-danger' : 'button button-secondary'}>{t(labels[action]!)}</button>
        </form>
      ))}
      {!can(ctx.user.role, 'articles.publish_own') && article.status === 'pending' ? <p class="field-hint">{t('admin.editor.pendingHint')}</p> : null}
      {editorsOnly ? <p class="field-hint">{t('admin.editor.trashedLiveHint')}</p> : null}
    </section>
  )
}

function ConflictPanel({ ctx, conflict }: { ctx: AdminContext, conflict: ConflictView }) {
  const { t } = ctx.i18n
  const { current } = conflict
  return (
    <section class="notice notice-error conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t('admin.editor.conflict.title')}</h2>
      <p>{t('admin.editor.conflict.text', {
        name: conflict.savedBy ?? t('admin.editor.conflict.someone'),
        time: formatDateTime(current.updated_at, ctx.i18n.lang, ctx.settings.timeZone),
        version: current.version
      })}</p>
      <p>{t('admin.editor.conflict.keep')}</p>
      {conflict.diffs.length > 0
        ? (
          <details open>
            <summary>{t('admin.editor.conflict.differences')}</summary>
            <p class="field-hint">{t('admin.editor.conflict.legend')}</p>
            <dl class="revision-diff">
              {conflict.diffs.map((d) => (
                <>
                  <dt>{t(DIFF_FIELD_KEYS[d.field as keyof typeof DIFF_FIELD_KEYS] ?? 'admin.revisions.field.body')}</dt>
                  {/* diffText escaped every piece of text before adding <ins>/<del>. */}
                  <dd class="diff-text" dangerouslySetInnerHTML={{ __html: d.html }} />
                </>
              ))}
            </dl>
          </details>
        )
        : <p>{t('admin.editor.conflict.same')}</p>}
      <details>
        <summary>{t('admin.editor.conflict.theirVersion')}</summary>
        <div class="their-version">
          <p><strong>{current.headline}</strong></p>
          {current.lead ? <p>{current.lead}</p> : null}
          <pre class="their-body">{bodySourceText(current.body_source)}</pre>
        </div>
      </details>
    </section>
  )
}
