// The wire desk's screens: the inbox (filters, paging, keyboard moves), one item's preview with "Make a
// draft", the source list, and a source's form with its recent runs.
import type { WireItemRow, WireRunRow, WireSourceRow, InboxRow } from '../../../db/repositories/wire.repository.js'
import type { SectionRow } from '../../../db/repositories/taxonomy.repository.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { MessageKey } from '../../../i18n/index.js'
import { can } from '../../../domain/roles.js'
import type { AdminContext } from './admin-context.js'
import type { UsedItemChanges, WireDiffField } from '../../../services/wire.service.js'
import { AdminLayout } from './admin-layout.js'
import { ActionButton, AdminForm, ErrorSummary, Pager, SelectField, TextField, hrefWith, type FormErrors, type SelectOption } from './forms.js'

export interface InboxFilters { source?: string, agency?: string, language?: string, urgency?: string, subject?: string, since?: string, q?: string, page?: string }

function When({ ctx, at }: { ctx: AdminContext, at: string | null }) {
  if (!at) return <span>–</span>
  return <time datetime={at}>{formatDateTime(at, ctx.i18n.lang, ctx.settings.timeZone)}</time>
}

function stateKey(item: WireItemRow): MessageKey {
  if (item.used_article_id !== null) return item.used_story_stale ? 'wire.state.stale' : 'wire.state.used'
  return item.state === 'updated' ? 'wire.state.updated' : 'wire.state.new'
}

export function WireInboxPage({ ctx, rows, hasNext, filters, sources, errors = {} }: { ctx: AdminContext, rows: InboxRow[], hasNext: boolean, filters: InboxFilters, sources: WireSourceRow[], errors?: FormErrors }) {
  const { t } = ctx.i18n
  const page = Number(filters.page ?? '1') || 1
  const here = '/admin/wire/'
  const sourceOptions: SelectOption[] = [{ value: '', label: t('wire.filter.any') }, ...sources.map((s) => ({ value: String(s.id), label: s.name }))]
  const urgencyOptions: SelectOption[] = [{ value: '', label: t('wire.filter.any') }, ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ value: String(n), label: String(n) }))]
  const actions = (
    <>
      <a class="button button-secondary" href={hrefWith(here, filters as Record<string, string | undefined>, {})}>{t('wire.inbox.refresh')}</a>
      {can(ctx.user.role, 'wire.manage') ? <a class="button button-secondary" href="/admin/wire/sources/">{t('wire.inbox.sources')}</a> : null}
    </>
  )
  return (
    <AdminLayout ctx={ctx} title={t('wire.inbox.title')} actions={actions} scripts={['/assets/wire-inbox.js']}>
      <form method="get" action={here} class="filters wire-filters">
        <SelectField name="source" label={t('wire.filter.source')} value={filters.source} options={sourceOptions} />
        <TextField name="agency" label={t('wire.filter.agency')} value={filters.agency} maxLength={100} />
        <TextField name="language" label={t('wire.filter.language')} value={filters.language} maxLength={35} />
        <SelectField name="urgency" label={t('wire.filter.urgency')} value={filters.urgency} options={urgencyOptions} />
        <TextField name="subject" label={t('wire.filter.subject')} value={filters.subject} maxLength={100} />
        <TextField name="since" type="date" label={t('wire.filter.since')} value={filters.since} />
        <TextField name="q" type="search" label={t('wire.filter.q')} value={filters.q} maxLength={200} error={errors.q} hint={t('wire.filter.qHint')} />
        <p class="form-actions"><button type="submit" class="button">{t('wire.filter.apply')}</button></p>
      </form>
      <p class="hint">{t('wire.inbox.shortcuts')}</p>
      {/* Filled by /assets/wire-inbox.js when items arrive (GET /admin/wire/live/); empty without JavaScript. */}
      <p class="wire-arrivals" role="status" data-wire-status="" data-arrived={t('wire.inbox.arrived')}
        data-arrived-elsewhere={t('wire.inbox.arrivedElsewhere')} data-first-page={page > 1 ? hrefWith(here, filters as Record<string, string | undefined>, { page: null }) : undefined}></p>
      <div id="wire-list" data-wire-live="/admin/wire/live/" data-page={String(page)}>
      {rows.length === 0
        ? <p class="empty">{t('wire.inbox.empty')}</p>
        : (
          <table class="admin-table wire-inbox" data-wire-inbox="">
            <caption class="visually-hidden">{t('wire.inbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wire.col.time')}</th>
                <th scope="col">{t('wire.col.urgency')}</th>
                <th scope="col">{t('wire.col.headline')}</th>
                <th scope="col">{t('wire.col.source')}</th>
                <th scope="col">{t('wire.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr class={`wire-row wire-${row.state}${row.urgency !== null && row.urgency <= 2 ? ' wire-urgent' : ''}`} data-item={String(row.id)} data-updated={row.updated_at}>
                  <td data-label={t('wire.col.time')}><When ctx={ctx} at={row.updated_at} /></td>
                  <td data-label={t('wire.col.urgency')}>{row.urgency ?? '–'}</td>
                  <td class="row-primary">
                    <a href={`/admin/wire/items/${row.id}/`} class="wire-open">{row.headline}</a>
                    {row.embargo_until && row.embargo_until > ctx.now.toISOString()
                      ? <> <strong class="wire-embargo">{t('wire.item.embargo', { time: formatDateTime(row.embargo_until, ctx.i18n.lang, ctx.settings.timeZone) })}</strong></>
                      : null}
                  </td>
                  <td data-label={t('wire.col.source')}>{row.source_name}</td>
                  <td data-label={t('wire.col.state')}>{t(stateKey(row))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <Pager i18n={ctx.i18n}
        newer={page > 1 ? hrefWith(here, filters as Record<string, string | undefined>, { page: page > 2 ? String(page - 1) : null }) : null}
        older={hasNext ? hrefWith(here, filters as Record<string, string | undefined>, { page: String(page + 1) }) : null} />
      </div>
    </AdminLayout>
  )
}

export interface WireItemPageProps {
  ctx: AdminContext
  item: WireItemRow
  sourceName: string
  versions: Array<{ version: number | null, headline: string, received_at: string }>
  /** The story made from the item, if any. */
  story?: { id: number, headline: string } | null
  /** What the agency changed since the story was made (or last reviewed), when the item is flagged. */
  changes?: UsedItemChanges | null
  /** May this user edit the story, and so mark the changes as reviewed? */
  mayReview?: boolean
}

/** The agency's changes to an item after a story was made from it, word by word, with "Mark as reviewed". */
function ChangesSinceUse({ ctx, item, changes, mayReview }: { ctx: AdminContext, item: WireItemRow, changes: UsedItemChanges, mayReview: boolean }) {
  const { t } = ctx.i18n
  // Feeds number no versions: a version is then named by when it was received.
  const version = (v: number | null, receivedAt: string) => (v === null ? formatDateTime(receivedAt, ctx.i18n.lang, ctx.settings.timeZone) : `v${v}`)
  return (
    <section id="changes" class="notice notice-warning wire-changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{t('wire.item.changedTitle')}</h2>
      <p>{t('wire.item.changedSince', { from: version(changes.since.version, changes.since.receivedAt), to: version(item.version, item.updated_at) })}</p>
      {changes.diffs.length === 0
        ? <p>{t('wire.item.changedNothingShown')}</p>
        : (
          <dl class="revision-diff">
            {changes.diffs.map((d) => (
              <>
                <dt>{t(WIRE_DIFF_LABELS[d.field])}</dt>
                {/* diffText escaped every piece of text before adding <ins>/<del>. */}
                <dd class="diff-text" dangerouslySetInnerHTML={{ __html: d.html }} />
              </>
            ))}
          </dl>
        )}
      {mayReview ? <ActionButton csrfToken={ctx.csrfToken} action={`/admin/wire/items/${item.id}/reviewed/`} label={t('wire.item.markReviewed')} fields={{ seen: changes.seenHash }} /> : null}
    </section>
  )
}

const WIRE_DIFF_LABELS: Record<WireDiffField, MessageKey> = { headline: 'wire.col.headline', lead: 'wire.item.lead', body: 'wire.item.body' }

export function WireItemPage({ ctx, item, sourceName, versions, story = null, changes = null, mayReview = false }: WireItemPageProps) {
  const { t } = ctx.i18n
  const subjects = JSON.parse(item.subjects) as Array<{ code: string | null, name: string | null }>
  const embargoed = item.embargo_until !== null && item.embargo_until > ctx.now.toISOString()
  const row = (label: MessageKey, value: unknown) => (value === null || value === undefined || value === '' ? null : <><dt>{t(label)}</dt><dd>{value as string}</dd></>)
  return (
    <AdminLayout ctx={ctx} title={item.headline}>
      <p><a href="/admin/wire/">{t('wire.item.back')}</a></p>
      {embargoed ? <p class="notice notice-error wire-embargo">{t('wire.item.embargo', { time: formatDateTime(item.embargo_until!, ctx.i18n.lang, ctx.settings.timeZone) })}</p> : null}
      <div class="wire-actions">
        {item.used_article_id !== null
          ? <a class="button" href={`/admin/articles/${item.used_article_id}/`}>{t('wire.item.openStory')}</a>
          : (
            <>
              <ActionButton csrfToken={ctx.csrfToken} action={`/admin/wire/items/${item.id}/take/`} label={t('wire.item.take')} />
              {can(ctx.user.role, 'articles.publish_own') && !embargoed
                ? <ActionButton csrfToken={ctx.csrfToken} action={`/admin/wire/items/${item.id}/publish/`} label={t('wire.item.publish')} />
                : null}
            </>
          )}
      </div>
      {story
        ? (
          <p class="wire-story">
            {t('wire.item.usedFor')} <a href={`/admin/articles/${story.id}/`}>{story.headline}</a>
            {item.used_at ? <> (<When ctx={ctx} at={item.used_at} />)</> : null}
          </p>
        )
        : null}
      {changes ? <ChangesSinceUse ctx={ctx} item={item} changes={changes} mayReview={mayReview} /> : null}
      {item.lead ? <p class="wire-lead"><strong>{item.lead}</strong></p> : null}
      {/* Sanitised with the article allowlist when it was received (src/domain/wire/body-html.ts). */}
      <div class="wire-body" dangerouslySetInnerHTML={{ __html: item.body_html }} />
      <dl class="wire-meta">
        {row('wire.col.source', sourceName)}
        {row('wire.item.agency', item.agency)}
        {row('wire.item.credit', item.credit)}
        {row('wire.item.byline', item.byline)}
        {row('wire.item.dateline', item.dateline)}
        {row('wire.item.slugline', item.slugline)}
        {row('wire.item.language', item.language)}
        {row('wire.col.urgency', item.urgency)}
        {row('wire.item.subjects', subjects.map((s) => s.name ?? s.code).join(', '))}
        {row('wire.item.agencyId', item.agency_id)}
        {row('wire.item.version', item.version)}
        {item.first_created ? <><dt>{t('wire.item.firstCreated')}</dt><dd><When ctx={ctx} at={item.first_created} /></dd></> : null}
        {item.version_created ? <><dt>{t('wire.item.versionCreated')}</dt><dd><When ctx={ctx} at={item.version_created} /></dd></> : null}
        <dt>{t('wire.item.received')}</dt><dd><When ctx={ctx} at={item.received_at} /></dd>
        {item.url ? <><dt>{t('wire.item.link')}</dt><dd><a href={item.url} rel="noopener noreferrer">{item.url}</a></dd></> : null}
      </dl>
      {versions.length
        ? (
          <section>
            <h2>{t('wire.item.versions')}</h2>
            <ul>{versions.map((v) => <li><When ctx={ctx} at={v.received_at} /> {v.version !== null ? `v${v.version}: ` : ''}{v.headline}</li>)}</ul>
          </section>
        )
        : null}
    </AdminLayout>
  )
}

export function WireSourcesPage({ ctx, sources }: { ctx: AdminContext, sources: WireSourceRow[] }) {
  const { t } = ctx.i18n
  return (
    <AdminLayout ctx={ctx} title={t('wire.sources.title')} actions={<a class="button" href="/admin/wire/sources/new/">{t('wire.sources.add')}</a>}>
      {sources.length === 0
        ? <p class="empty">{t('wire.sources.empty')}</p>
        : (
          <table class="admin-table">
            <caption class="visually-hidden">{t('wire.sources.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wire.sources.col.name')}</th>
                <th scope="col">{t('wire.sources.col.kind')}</th>
                <th scope="col">{t('wire.sources.col.status')}</th>
                <th scope="col">{t('wire.sources.col.lastPoll')}</th>
                <th scope="col">{t('wire.sources.col.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr>
                  <td class="row-primary"><a href={`/admin/wire/sources/${s.id}/`}>{s.name}</a></td>
                  <td data-label={t('wire.sources.col.kind')}>{t(s.kind === 'folder' ? 'wire.source.kind.folder' : 'wire.source.kind.feed')}</td>
                  <td data-label={t('wire.sources.col.status')}>{t(s.status === 'paused' ? 'wire.source.status.paused' : 'wire.source.status.active')}</td>
                  <td data-label={t('wire.sources.col.lastPoll')}>{s.last_polled_at ? <When ctx={ctx} at={s.last_polled_at} /> : t('wire.sources.never')}</td>
                  <td data-label={t('wire.sources.col.lastError')}>{s.last_error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </AdminLayout>
  )
}

export type SourceFormValues = Record<'name' | 'kind' | 'url' | 'folder' | 'agencyCredit' | 'edition' | 'sectionId' | 'intervalSeconds' | 'authUser' | 'status', string>

export function sourceFormValues(source: WireSourceRow): SourceFormValues {
  return {
    name: source.name, kind: source.kind, url: source.url ?? '', folder: source.folder ?? '', agencyCredit: source.agency_credit ?? '',
    edition: source.edition, sectionId: source.section_id === null ? '' : String(source.section_id),
    intervalSeconds: String(source.interval_seconds), authUser: source.auth_user ?? '', status: source.status
  }
}

export function WireSourcePage({ ctx, source, values, errors, sections, runs }: { ctx: AdminContext, source: WireSourceRow | null, values: SourceFormValues, errors: FormErrors, sections: SectionRow[], runs: WireRunRow[] }) {
  const { t } = ctx.i18n
  const title = source ? t('wire.source.edit', { name: source.name }) : t('wire.source.new')
  const action = source ? `/admin/wire/sources/${source.id}/` : '/admin/wire/sources/new/'
  const sectionOptions: SelectOption[] = [{ value: '', label: t('wire.source.noSection') }, ...sections.map((s) => ({ value: String(s.id), label: `${s.name} (${s.edition})` }))]
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p><a href="/admin/wire/sources/">{t('wire.sources.title')}</a></p>
      {source?.status === 'paused' && source.paused_reason ? <p class="notice notice-error">{t('wire.source.pausedReason', { reason: source.paused_reason })}</p> : null}
      <AdminForm action={action} csrfToken={ctx.csrfToken}>
        <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} />
        <TextField name="name" label={t('wire.source.name')} value={values.name} error={errors.name} required maxLength={200} />
        <SelectField name="kind" label={t('wire.source.kind')} value={values.kind} error={errors.kind}
          options={[{ value: 'feed', label: t('wire.source.kind.feed') }, { value: 'folder', label: t('wire.source.kind.folder') }]} />
        <TextField name="url" type="url" label={t('wire.source.url')} value={values.url} error={errors.url} maxLength={2000} hint={t('wire.source.urlHint')} />
        <TextField name="folder" label={t('wire.source.folder')} value={values.folder} error={errors.folder} maxLength={1000} hint={t('wire.source.folderHint')} />
        <TextField name="agencyCredit" label={t('wire.source.agencyCredit')} value={values.agencyCredit} error={errors.agencyCredit} maxLength={100} hint={t('wire.source.agencyCreditHint')} />
        <SelectField name="edition" label={t('wire.source.edition')} value={values.edition} error={errors.edition}
          options={ctx.settings.editions.map((e) => ({ value: e, label: e }))} />
        <SelectField name="sectionId" label={t('wire.source.section')} value={values.sectionId} error={errors.sectionId} options={sectionOptions} />
        <TextField name="intervalSeconds" type="number" label={t('wire.source.interval')} value={values.intervalSeconds} error={errors.intervalSeconds} min={30} max={86400} />
        <TextField name="authUser" label={t('wire.source.authUser')} value={values.authUser} error={errors.authUser} maxLength={200} autocomplete="off" />
        <TextField name="authPassword" type="password" label={t('wire.source.authPassword')} error={errors.authPassword} maxLength={500} autocomplete="new-password" hint={t('wire.source.authPasswordHint')} />
        {source
          ? <SelectField name="status" label={t('wire.source.status')} value={values.status}
            options={[{ value: 'active', label: t('wire.source.status.active') }, { value: 'paused', label: t('wire.source.status.paused') }]} />
          : null}
        <p class="form-actions"><button type="submit" class="button">{t('wire.source.save')}</button></p>
      </AdminForm>
      {source
        ? (
          <>
            <section>
              <h2>{t('wire.source.runs')}</h2>
              {runs.length === 0
                ? <p class="empty">{t('wire.source.noRuns')}</p>
                : (
                  <table class="admin-table wire-runs">
                    <caption class="visually-hidden">{t('wire.source.runs')}</caption>
                    <thead><tr><th scope="col">{t('wire.run.started')}</th><th scope="col">{t('wire.run.status')}</th><th scope="col">{t('wire.run.items')}</th><th scope="col">{t('wire.run.error')}</th></tr></thead>
                    <tbody>
                      {runs.map((r) => (
                        <tr>
                          <td data-label={t('wire.run.started')}><When ctx={ctx} at={r.started_at} /></td>
                          <td data-label={t('wire.run.status')}>{t(`wire.run.status.${r.status}` as MessageKey)}{r.http_status ? ` (${r.http_status})` : ''}</td>
                          <td data-label={t('wire.run.items')}>{r.items_new} / {r.items_updated} / {r.items_seen} / {r.items_refused}</td>
                          <td data-label={t('wire.run.error')}>{r.error ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
            </section>
            <ActionButton csrfToken={ctx.csrfToken} action={`/admin/wire/sources/${source.id}/delete/`} label={t('wire.source.delete')} danger />
          </>
        )
        : null}
    </AdminLayout>
  )
}
