import type { AuditRow } from '../../../db/repositories/audit.repository.js'
import type { AuditQueryText } from '../../../domain/audit-query.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { actionLabel, AuditTable, subjectLabel } from './audit-entries.js'
import { ErrorSummary, Pager, SelectField, TextField, type FormErrors } from './forms.js'

export interface AuditPageData {
  rows: AuditRow[]
  text: AuditQueryText
  errors: FormErrors
  actors: { id: number, displayName: string }[]
  actions: string[]
  subjectTypes: string[]
  newer: string | null
  older: string | null
  filtered: boolean
}

export function AuditPage({ ctx, data }: { ctx: AdminContext, data: AuditPageData }) {
  const { t } = ctx.i18n
  const { text, errors } = data
  return (
    <AdminLayout ctx={ctx} title={t('admin.audit.title')}>
      <ErrorSummary errors={errors} heading={t('admin.audit.badFilters')} />
      <form method="get" action="/admin/audit/" class="filters" role="search" aria-label={t('admin.audit.filters')}>
        <SelectField name="actor" label={t('admin.audit.actor')} value={text.actor} error={errors.actor}
          options={[{ value: '', label: t('admin.audit.anyone') }, ...data.actors.map((a) => ({ value: String(a.id), label: a.displayName }))]} />
        <SelectField name="action" label={t('admin.audit.action')} value={text.action}
          options={[{ value: '', label: t('admin.audit.anyAction') }, ...data.actions.map((a) => ({ value: a, label: actionLabel(ctx, a) }))]} />
        <SelectField name="subject" label={t('admin.audit.subjectType')} value={text.subject}
          options={[{ value: '', label: t('admin.audit.anyType') }, ...data.subjectTypes.map((s) => ({ value: s, label: subjectLabel(ctx, s) }))]} />
        {text.subject_id ? <input type="hidden" name="subject_id" value={text.subject_id} /> : null}
        <TextField name="from" type="date" label={t('admin.audit.from')} value={text.from} error={errors.from} />
        <TextField name="to" type="date" label={t('admin.audit.to')} value={text.to} error={errors.to} />
        <p class="form-actions">
          <button type="submit" class="button">{t('admin.audit.filter')}</button>
          {data.filtered ? <a href="/admin/audit/">{t('admin.audit.clear')}</a> : null}
        </p>
      </form>
      {data.rows.length > 0
        ? <AuditTable ctx={ctx} rows={data.rows} caption={t('admin.audit.title')} />
        : <p class="empty">{t(data.filtered ? 'admin.audit.noMatch' : 'admin.audit.empty')}</p>}
      <Pager i18n={ctx.i18n} newer={data.newer} older={data.older} />
    </AdminLayout>
  )
}
