// A section, tag or author page: its stories grouped by day, "Older news" in keyset pages, its feeds.
import { listingPath } from '../../domain/syndication-urls.js'
import { encodeCursor } from '../../domain/urls.js'
import type { ListingPageData, ListingTerm } from '../../services/syndication.service.js'
import type { ViewContext } from './context.js'
import { feedLinksFor, FollowLinks } from './feed-links.js'
import { Layout } from './layout.js'
import { NewsfeedByDay } from './newsfeed-list.js'
import { LiveNewsfeed } from './live-newsfeed.js'

/** "Politics", "Tag: Diplomacy", "News by Owen Pryce". */
export function listingHeading(ctx: ViewContext, term: ListingTerm): string {
  switch (term.kind) {
    case 'section': return term.name
    case 'tag': return ctx.i18n.t('listing.tag.heading', { name: term.name })
    case 'author': return ctx.i18n.t('listing.author.heading', { name: term.name })
  }
}

export function listingDescription(ctx: ViewContext, term: ListingTerm): string {
  const params = { name: term.name, site: ctx.settings.siteName }
  switch (term.kind) {
    case 'section': return ctx.i18n.t('listing.section.description', params)
    case 'tag': return ctx.i18n.t('listing.tag.description', params)
    case 'author': return ctx.i18n.t('listing.author.description', params)
  }
}

export function ListingPage({ ctx, data, isFirstPage }: { ctx: ViewContext, data: ListingPageData, isFirstPage: boolean }) {
  const { t } = ctx.i18n
  const { term, items, hasMore } = data
  const path = listingPath(ctx.prefix, term.kind, term.slug)
  const heading = listingHeading(ctx, term)
  const feeds = feedLinksFor(path, t('feeds.titleWithSite', { title: heading, site: ctx.settings.siteName }))
  const last = items.at(-1)
  return (
    <Layout ctx={ctx} title={heading} description={listingDescription(ctx, term)}
      canonicalPath={isFirstPage ? path : undefined} noindex={!isFirstPage} feeds={feeds}
      live={isFirstPage && term.kind === 'section' ? 'newsfeed' : 'banner'}>
      <h1>{heading}</h1>
      <FollowLinks ctx={ctx} feeds={feeds} />
      {isFirstPage && term.kind === 'section' ? <LiveNewsfeed ctx={ctx} section={term.slug} /> : null}
      {items.length === 0 ? <p class="empty">{t('listing.empty')}</p> : <NewsfeedByDay ctx={ctx} items={items} />}
      <nav class="pager" aria-label={t('newsfeed.pageLabel')}>
        {!isFirstPage ? <a href={path}>{t('newsfeed.newerNews')}</a> : null}
        {hasMore && last
          ? <a rel="next" href={`${path}?before=${encodeCursor(last)}`}>{t('newsfeed.olderNews')} →</a>
          : null}
      </nav>
    </Layout>
  )
}
