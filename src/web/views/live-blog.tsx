// A live blog under an article's lead (issue 16): key events summarised at the top, then the updates
// (pinned first, newest first), each with its own anchor and time; and its LiveBlogPosting JSON-LD.
import { JSON_LD_UPDATES, keyEvents, updateAnchor, updateSummary } from '../../domain/live-blog.js'
import { siteDates } from '../../i18n/format.js'
import type { LiveBlogView } from '../../services/live-blog-reader.service.js'
import type { ViewContext } from './context.js'
import { JsonLd } from './structured-data.js'

export function LiveBlogSection({ ctx, articleId, view }: { ctx: ViewContext, articleId: number, view: LiveBlogView }) {
  const { t } = ctx.i18n
  const dates = siteDates(ctx.settings, ctx.edition)
  const keys = keyEvents(view.updates)
  const open = view.blog.closedAt === null
  return (
    <section class="live-blog" aria-labelledby="live-blog-title" data-live-blog={open ? `${ctx.prefix}/live?article=${articleId}` : undefined}
      data-key-event={t('liveBlog.keyEvent')} data-key-events={t('liveBlog.keyEvents')}>
      <h2 id="live-blog-title">{open ? t('liveBlog.live') : t('liveBlog.closed')}</h2>
      {keys.length > 0
        ? (
          <nav class="key-events" aria-label={t('liveBlog.keyEvents')}>
            <h3>{t('liveBlog.keyEvents')}</h3>
            <ul>
              {keys.map((u) => <li key={u.id}><a href={`#${updateAnchor(u.id)}`}><time datetime={dates.iso(u.createdAt)}>{dates.time(u.createdAt)}</time> {updateSummary(u.bodySource)}</a></li>)}
            </ul>
          </nav>
          )
        : null}
      {view.updates.length === 0 ? <p class="empty">{t('liveBlog.noUpdates')}</p> : null}
      <ol class="live-updates" aria-live="polite">
        {view.updates.map((u) => (
          <li id={updateAnchor(u.id)} class={`live-update${u.keyEvent ? ' key-event' : ''}${u.pinned ? ' pinned' : ''}`} key={u.id}>
            <p class="update-meta">
              <a href={`#${updateAnchor(u.id)}`}><time datetime={dates.iso(u.createdAt)}>{dates.dateTime(u.createdAt)}</time></a>
              {u.pinned ? <> <strong class="update-flag">{t('liveBlog.pinned')}</strong></> : null}
              {u.keyEvent ? <> <strong class="update-flag">{t('liveBlog.keyEvent')}</strong></> : null}
            </p>
            {/* Rendered from Markdown and sanitised at save, like article bodies. */}
            <div class="update-body" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
          </li>
        ))}
      </ol>
      {open ? <script src="/assets/live-blog.js" defer /> : null}
    </section>
  )
}

/** LiveBlogPosting with the latest updates (schema.org; Google's live-blog rich results). */
export function liveBlogJsonLd(view: LiveBlogView, article: { headline: string, lead: string }, url: string, zoned: (instant: string) => string): Record<string, unknown> {
  const latest = [...view.updates].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id)).slice(0, JSON_LD_UPDATES)
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': `${url}#live-blog`,
    url,
    headline: article.headline,
    ...(article.lead ? { description: article.lead } : {}),
    coverageStartTime: zoned(view.blog.startedAt),
    ...(view.blog.closedAt ? { coverageEndTime: zoned(view.blog.closedAt) } : {}),
    liveBlogUpdate: latest.map((u) => ({
      '@type': 'BlogPosting',
      headline: updateSummary(u.bodySource),
      url: `${url}#${updateAnchor(u.id)}`,
      datePublished: zoned(u.createdAt),
      ...(u.updatedAt ? { dateModified: zoned(u.updatedAt) } : {}),
      articleBody: u.bodySource
    }))
  }
}

export function LiveBlogStructuredData({ ctx, view, article, url }: { ctx: ViewContext, view: LiveBlogView, article: { headline: string, lead: string }, url: string }) {
  const dates = siteDates(ctx.settings, ctx.edition)
  return <JsonLd data={liveBlogJsonLd(view, article, url, dates.iso)} />
}
