// The WordPress import screen: the upload form and the history; one run's page with its progress and
// summary (the route refreshes it while the run goes on).
import { formatDateTime } from '../../../i18n/format.js'
import type { MessageKey } from '../../../i18n/index.js'
import { ATTACHMENT_WITHOUT_FILE, displayStatus, IMPORT_ENTITIES, type ImportSummary } from '../../../domain/import-summary.js'
import type { ImportRunRow } from '../../../db/repositories/imports.repository.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { CheckboxField, CsrfInput, ErrorSummary, SelectField, type FormErrors } from './forms.js'

export interface ImportFormValues { edition: string, dryRun: boolean }

function StatusLabel({ ctx, run }: { ctx: AdminContext, run: ImportRunRow }) {
  const status = displayStatus(run, ctx.now)
  return (
    <span class={`import-status import-status-${status}`}>
      {ctx.i18n.t(`admin.import.status.${status}` as MessageKey)}
      {run.dry_run ? <> ({ctx.i18n.t('admin.import.dryRunTag')})</> : null}
    </span>
  )
}

export function ImportPage({ ctx, runs, values, errors, maxMegabytes }: { ctx: AdminContext, runs: ImportRunRow[], values: ImportFormValues, errors: FormErrors, maxMegabytes: number }) {
  const { t } = ctx.i18n
  return (
    <AdminLayout ctx={ctx} title={t('admin.import.title')}>
      <section class="admin-panel" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('admin.import.start')}</h2>
        <p>{t('admin.import.intro')}</p>
        <ErrorSummary errors={errors} heading={t('admin.import.failed')} />
        {/* The token is the form's first field: the admin guard reads that part alone before the file is streamed. */}
        <form method="post" action="/admin/import/" enctype="multipart/form-data" class="admin-form">
          <CsrfInput token={ctx.csrfToken} />
          <SelectField name="edition" label={t('admin.import.edition')} value={values.edition} error={errors.edition}
            options={ctx.settings.editions.map((e) => ({ value: e, label: e }))} />
          <CheckboxField name="dry_run" label={t('admin.import.dryRun')} checked={values.dryRun} />
          <div class={`field${errors.file ? ' has-error' : ''}`}>
            <label for="file">{t('admin.import.file')}<span class="required" aria-hidden="true"> *</span></label>
            <input id="file" name="file" type="file" accept=".xml,application/xml,text/xml" required
              aria-invalid={errors.file ? 'true' : undefined} aria-describedby={errors.file ? 'file-hint file-error' : 'file-hint'} />
            <p class="field-hint" id="file-hint">{t('admin.import.fileHint', { size: maxMegabytes })}</p>
            {errors.file ? <p class="field-error" id="file-error">{errors.file}</p> : null}
          </div>
          <p class="form-actions"><button type="submit" class="button">{t('admin.import.start')}</button></p>
        </form>
      </section>
      <section class="admin-panel" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('admin.import.history')}</h2>
        {runs.length === 0
          ? <p class="empty">{t('admin.import.empty')}</p>
          : (
            <table class="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.import.col.started')}</th>
                  <th scope="col">{t('admin.import.col.file')}</th>
                  <th scope="col">{t('admin.import.col.site')}</th>
                  <th scope="col">{t('admin.import.col.status')}</th>
                  <th scope="col">{t('admin.import.col.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr>
                    <td class="row-primary"><a href={`/admin/import/runs/${run.id}/`}>{formatDateTime(run.started_at, ctx.i18n.lang, ctx.settings.timeZone)}</a></td>
                    <td data-label={t('admin.import.col.file')}>{run.file_name}</td>
                    <td data-label={t('admin.import.col.site')}>{run.site_url}</td>
                    <td data-label={t('admin.import.col.status')}><StatusLabel ctx={ctx} run={run} /></td>
                    <td data-label={t('admin.import.col.progress')}>{run.total > 0 ? t('admin.import.progress', { done: run.done, total: run.total }) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
      </section>
    </AdminLayout>
  )
}

function parseSummary(text: string): ImportSummary | null {
  try {
    const value = JSON.parse(text) as Partial<ImportSummary>
    return value.counts ? value as ImportSummary : null
  } catch {
    return null
  }
}

export function ImportRunPage({ ctx, run }: { ctx: AdminContext, run: ImportRunRow }) {
  const { t } = ctx.i18n
  const summary = parseSummary(run.summary)
  const status = displayStatus(run, ctx.now)
  const live = status === 'queued' || status === 'running'
  return (
    <AdminLayout ctx={ctx} title={t('admin.import.run.title', { file: run.file_name })}>
      <p><a href="/admin/import/">{t('admin.import.run.back')}</a></p>
      <p><StatusLabel ctx={ctx} run={run} />{run.total > 0 ? <> — {t('admin.import.progress', { done: run.done, total: run.total })}</> : null}</p>
      {run.total > 0 ? <progress max={run.total} value={run.done}>{run.done}/{run.total}</progress> : null}
      {live ? <p class="field-hint">{t('admin.import.run.refreshing')}</p> : null}
      {run.message ? <div class="notice notice-error" role="alert"><p><strong>{t('admin.import.run.message')}:</strong> {run.message}</p></div> : null}
      {summary
        ? (
          <section class="admin-panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t('admin.import.summary')}</h2>
            <table class="admin-table">
              <thead>
                <tr>
                  <td />
                  {(['created', 'updated', 'unchanged', 'skipped'] as const).map((o) => <th scope="col">{t(`admin.import.outcome.${o}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {IMPORT_ENTITIES.map((e) => (
                  <tr>
                    <th scope="row" class="row-primary">{t(`admin.import.entity.${e}`)}</th>
                    {(['created', 'updated', 'unchanged', 'skipped'] as const).map((o) => <td data-label={t(`admin.import.outcome.${o}`)}>{summary.counts[o][e]}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
            {summary.skipped.length > 0
              ? (
                <>
                  <h3>{t('admin.import.skipped')}</h3>
                  <ul class="import-findings">{summary.skipped.map((s) => <li>{s.count} × {t(`admin.import.entity.${s.entity}`)}: {s.reason} ({s.examples.join(', ')})</li>)}</ul>
                </>
              )
              : null}
            {Object.keys(summary.notes).length > 0
              ? (
                <>
                  <h3>{t('admin.import.notes')}</h3>
                  <ul class="import-findings">{Object.entries(summary.notes).map(([text, n]) => <li>{n} × {text}</li>)}</ul>
                </>
              )
              : null}
            {Object.keys(summary.notes).some((text) => text.startsWith(ATTACHMENT_WITHOUT_FILE))
              ? <p>{t('admin.import.run.missingFiles')} <a href="/admin/import/attachments.txt">{t('admin.import.run.missingFilesLink')}</a></p>
              : null}
          </section>
        )
        : null}
    </AdminLayout>
  )
}
