// <link rel="alternate"> feed discovery in the page head, and visible "follow" links on listing pages.
import { feedPath, FEED_FORMATS, FEED_LINK_TYPES, type FeedFormat } from '../../domain/syndication-urls.js'
import { absoluteUrl, frontPath } from '../../domain/urls.js'
import type { ViewContext } from './context.js'

export interface FeedLink {
  /** What the feed is about ("Lede", "Politics — Lede"); the format is added to the link's title. */
  title: string
  format: FeedFormat
  /** Site path of the feed. */
  path: string
}

export const FEED_FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }

/** The three feeds that follow a page ("/" for the edition, "/section/politics/" …). */
export function feedLinksFor(pagePath: string, title: string): FeedLink[] {
  return FEED_FORMATS.map((format) => ({ title, format, path: feedPath(pagePath, format) }))
}

/** The edition's own feeds, offered on every page of it. */
export function editionFeedLinks(ctx: ViewContext): FeedLink[] {
  return feedLinksFor(frontPath(ctx.prefix), ctx.settings.siteName)
}

/** Head tags: the page's own feeds first (feed readers take the first), then the edition's. */
export function FeedDiscovery({ ctx, feeds = [] }: { ctx: ViewContext, feeds?: FeedLink[] | undefined }) {
  const seen = new Set<string>()
  const all = [...feeds, ...editionFeedLinks(ctx)].filter((f) => !seen.has(f.path) && seen.add(f.path))
  return (
    <>
      {all.map((f) => (
        <link rel="alternate" type={FEED_LINK_TYPES[f.format]} key={f.path}
          title={ctx.i18n.t('feeds.linkTitle', { title: f.title, format: FEED_FORMAT_NAMES[f.format] })}
          href={absoluteUrl(ctx.settings.siteUrl, f.path)} />
      ))}
    </>
  )
}

/** "Follow this page: RSS · Atom · JSON Feed" for listing pages. */
export function FollowLinks({ ctx, feeds }: { ctx: ViewContext, feeds: FeedLink[] }) {
  return (
    <p class="follow-links">
      {ctx.i18n.t('feeds.follow')}{' '}
      {feeds.map((f, i) => <>{i > 0 ? ' · ' : ''}<a href={f.path} type={FEED_LINK_TYPES[f.format]}>{FEED_FORMAT_NAMES[f.format]}</a></>)}
    </p>
  )
}

/** An article's comments feed (RSS only, as WordPress offers it). */
export function commentsFeedLinks(ctx: ViewContext, articlePath: string, headline: string): FeedLink[] {
  return [{ title: ctx.i18n.t('feeds.commentsTitle', { headline }), format: 'rss', path: feedPath(articlePath, 'rss') }]
}
