import { encodeCursor, frontPath } from '../../domain/urls.js'
import type { NewsfeedItem } from '../../db/repositories/articles.repository.js'
import type { ViewContext } from './context.js'
import { Layout } from './layout.js'
import { NewsfeedByDay, NewsfeedEntry } from './newsfeed-list.js'
import { SiteStructuredData } from './structured-data.js'
import { frontPageLinks } from '../../domain/edition-links.js'
import { LiveNewsfeed } from './live-newsfeed.js'

/** Stories an editor pinned to the top of the front page, each with its date (they may be days old). */
function PinnedStories({ ctx, items }: { ctx: ViewContext, items: NewsfeedItem[] }) {
  if (items.length === 0) return null
  return (
    <section class="pinned" aria-labelledby="pinned-heading">
      <h2 id="pinned-heading">{ctx.i18n.t('newsfeed.pinned')}</h2>
      <ul class="newsfeed pinned-stories">
        {items.map((item) => <NewsfeedEntry ctx={ctx} item={item} withDate key={item.id} />)}
      </ul>
    </section>
  )
}

export function FrontPage({ ctx, items, hasMore, isFirstPage, pinned = [] }: { ctx: ViewContext, items: NewsfeedItem[], hasMore: boolean, isFirstPage: boolean, pinned?: NewsfeedItem[] }) {
  const { t } = ctx.i18n
  const last = items.at(-1)
  return (
    <Layout ctx={ctx} title={isFirstPage ? ctx.settings.siteName : t('newsfeed.title')}
      description={t('newsfeed.description', { site: ctx.settings.siteName })}
      canonicalPath={isFirstPage ? frontPath(ctx.prefix) : undefined} noindex={!isFirstPage} head={<SiteStructuredData ctx={ctx} />}
      editionLinks={isFirstPage ? frontPageLinks(ctx.settings) : undefined} live={isFirstPage ? 'newsfeed' : 'banner'}>
      <h1>{t('newsfeed.title')}</h1>
      {isFirstPage ? <PinnedStories ctx={ctx} items={pinned} /> : null}
      {isFirstPage ? <LiveNewsfeed ctx={ctx} /> : null}
      {items.length === 0 ? <p class="empty">{t('newsfeed.empty')}</p> : <NewsfeedByDay ctx={ctx} items={items} />}
      <nav class="pager" aria-label={t('newsfeed.pageLabel')}>
        {!isFirstPage ? <a href={frontPath(ctx.prefix)}>{t('newsfeed.newerNews')}</a> : null}
        {hasMore && last
          ? <a rel="next" href={`${frontPath(ctx.prefix)}?before=${encodeCursor(last)}`}>{t('newsfeed.olderNews')} →</a>
          : null}
      </nav>
    </Layout>
  )
}
