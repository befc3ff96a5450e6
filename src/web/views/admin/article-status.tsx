// How an article's status reads in the newsroom: "Scheduled for 26 November 14:30", "Published", …
import type { ArticleStatus } from '../../../domain/publishing.js'
import { effectiveStatus } from '../../../domain/workflow.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { MessageKey } from '../../../i18n/index.js'
import type { AdminContext } from './admin-context.js'

export const STATUS_KEYS: Record<ArticleStatus, MessageKey> = {
  draft: 'admin.articles.status.draft',
  pending: 'admin.articles.status.pending',
  scheduled: 'admin.articles.status.scheduled',
  published: 'admin.articles.status.published',
  trashed: 'admin.articles.status.trashed'
}

export function ArticleStatusText({ ctx, status, publishedAt }: { ctx: AdminContext, status: ArticleStatus, publishedAt: string | null }) {
  const { t } = ctx.i18n
  const shown = effectiveStatus({ status, publishedAt }, ctx.now)
  const when = publishedAt ? formatDateTime(publishedAt, ctx.i18n.lang, ctx.settings.timeZone) : null
  return (
    <span class={`article-status status-${shown}`}>
      {t(STATUS_KEYS[shown])}
      {when && (shown === 'scheduled' || shown === 'published')
        ? <> <time datetime={publishedAt!} class="status-time">{when}</time></>
        : null}
    </span>
  )
}
