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

/** The page's meta description: what an editor wrote for the section or tag, or else a sentence naming it. */
export function listingDescription(ctx: ViewContext, term: ListingTerm): string {
  const written = term.description.replace(/\s+/g, ' ').trim()
  if (written !== '') return written
  const params = { name: term.name, site: ctx.settings.siteName }
  switch (term.kind) {
    case 'section': return ctx.i18n.t('listing.section.description', params)
    case 'tag': return ctx.i18n.t('listing.tag.description', params)
    case 'author': return ctx.i18n.t('listing.author.description', params)
  }
}

/**
 * A section's or tag's description as the editor typed it: plain text, escaped like any text, a blank
 * line starting a new paragraph and a single line break kept as one.
 */
export function TermDescription({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '')
  if (paragraphs.length === 0) return null
  return (
    <div class="term-description">
      {paragraphs.map((p) => <p>{p.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>)}
    </div>
  )
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
      <TermDescription text={term.description} />
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
