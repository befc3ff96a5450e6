import { encodeCursor, frontPath } from '../../domain/urls.js'
import type { NewsfeedItem } from '../../db/repositories/articles.repository.js'
import type { ViewContext } from './context.js'
import { Layout } from './layout.js'
import { NewsfeedByDay } from './newsfeed-list.js'
import { SiteStructuredData } from './structured-data.js'
import { frontPageLinks } from '../../domain/edition-links.js'
import { LiveNewsfeed } from './live-newsfeed.js'

export function FrontPage({ ctx, items, hasMore, isFirstPage }: { ctx: ViewContext, items: NewsfeedItem[], hasMore: boolean, isFirstPage: boolean }) {
  const { t } = ctx.i18n
  const last = items.at(-1)
  return (
    <Layout ctx={ctx} title={isFirstPage ? ctx.settings.siteName : t('newsfeed.title')}
      description={t('newsfeed.description', { site: ctx.settings.siteName })}
      canonicalPath={isFirstPage ? frontPath(ctx.prefix) : undefined} noindex={!isFirstPage} head={<SiteStructuredData ctx={ctx} />}
      editionLinks={isFirstPage ? frontPageLinks(ctx.settings) : undefined} live={isFirstPage ? 'newsfeed' : 'banner'}>
      <h1>{t('newsfeed.title')}</h1>
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
