import { ARTICLE_STATUSES } from '../../../domain/publishing.js'
import type { AuditRow } from '../../../db/repositories/audit.repository.js'
import type { MessageKey } from '../../../i18n/index.js'
import { can } from '../../../domain/roles.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { AuditTable } from './audit-entries.js'

export interface DashboardData {
  /** Articles per status: all of them for editors, the user's own for authors and contributors. */
  articleCounts: Record<string, number>
  ownOnly: boolean
  recent: AuditRow[] | null
}

export function DashboardPage({ ctx, data }: { ctx: AdminContext, data: DashboardData }) {
  const { t } = ctx.i18n
  return (
    <AdminLayout ctx={ctx} title={t('admin.dashboard.title')}
      actions={can(ctx.user.role, 'articles.create') ? <a class="button" href="/admin/articles/new/">{t('admin.nav.newArticle')}</a> : null}>
      <section class="dashboard-panel" aria-labelledby="dash-articles">
        <h2 id="dash-articles">{t(data.ownOnly ? 'admin.dashboard.yourArticles' : 'admin.dashboard.articles')}</h2>
        <ul class="stat-list">
          {ARTICLE_STATUSES.map((status) => (
            <li>
              <a href={`/admin/articles/?status=${status}`}>
                <span class="stat-number">{data.articleCounts[status] ?? 0}</span>
                <span class="stat-label">{t(`admin.status.${status}` as MessageKey)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      {can(ctx.user.role, 'comments.moderate')
        ? (
          <section class="dashboard-panel" aria-labelledby="dash-comments">
            <h2 id="dash-comments">{t('admin.dashboard.comments')}</h2>
            <p><a href="/admin/comments/?status=pending">{ctx.i18n.plural('admin.dashboard.pendingComments', ctx.pendingComments)}</a></p>
          </section>
          )
        : null}
      {data.recent
        ? (
          <section class="dashboard-panel" aria-labelledby="dash-activity">
            <h2 id="dash-activity">{t('admin.dashboard.activity')}</h2>
            {data.recent.length > 0
              ? <AuditTable ctx={ctx} rows={data.recent} caption={t('admin.dashboard.activity')} />
              : <p class="empty">{t('admin.audit.empty')}</p>}
            <p><a href="/admin/audit/">{t('admin.dashboard.allActivity')}</a></p>
          </section>
          )
        : null}
    </AdminLayout>
  )
}
