// Audit rows as a table: when, who, what, which item. Shared by the dashboard and the audit log page.
import { formatDateTime } from '../../../i18n/format.js'
import type { AuditRow } from '../../../db/repositories/audit.repository.js'
import type { MessageKey } from '../../../i18n/index.js'
import { en } from '../../../i18n/en.js'
import type { AdminContext } from './admin-context.js'

/** "comment.approve" → "Approved a comment" when there is a message for it, else the raw name. */
export function actionLabel(ctx: AdminContext, action: string): string {
  const key = `admin.audit.action.${action}`
  return key in en ? ctx.i18n.t(key as MessageKey) : action
}

export function subjectLabel(ctx: AdminContext, type: string): string {
  const key = `admin.audit.subject.${type}`
  return key in en ? ctx.i18n.t(key as MessageKey) : type
}

/** Where an item's admin page is, for linking from the log; null when it has none. */
export function subjectHref(type: string, id: number | null): string | null {
  if (id === null) return null
  switch (type) {
    case 'user': return `/admin/users/${id}/`
    case 'article': return `/admin/articles/${id}/`
    case 'comment': return `/admin/comments/${id}/`
    case 'media': return `/admin/media/${id}/`
    default: return null
  }
}

function detailsText(details: string): string {
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>
    return Object.entries(parsed).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ')
  } catch {
    return ''
  }
}

export function AuditTable({ ctx, rows, caption }: { ctx: AdminContext, rows: readonly AuditRow[], caption: string }) {
  const { t } = ctx.i18n
  const tz = ctx.settings.timeZone
  return (
    <table class="admin-table audit-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.audit.when')}</th>
          <th scope="col">{t('admin.audit.who')}</th>
          <th scope="col">{t('admin.audit.what')}</th>
          <th scope="col">{t('admin.audit.item')}</th>
          <th scope="col">{t('admin.audit.details')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const href = subjectHref(row.subject_type, row.subject_id)
          const subject = `${subjectLabel(ctx, row.subject_type)}${row.subject_id !== null ? ` #${row.subject_id}` : ''}`
          return (
            <tr>
              <td data-label={t('admin.audit.when')}><time datetime={row.created_at}>{formatDateTime(row.created_at, ctx.i18n.lang, tz)}</time></td>
              <td data-label={t('admin.audit.who')}>{row.actor_id !== null ? <a href={`/admin/audit/?actor=${row.actor_id}`}>{row.actor_name}</a> : row.actor_name}</td>
              <td data-label={t('admin.audit.what')}><code class="audit-action">{actionLabel(ctx, row.action)}</code></td>
              <td data-label={t('admin.audit.item')}>{href ? <a href={href}>{subject}</a> : subject}</td>
              <td class="audit-details" data-label={t('admin.audit.details')}>{row.reason ? <p class="audit-reason">{row.reason}</p> : null}{detailsText(row.details)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
