import type { ComponentChildren } from 'preact'
import { absoluteUrl, dayNewsfeedPath, frontPath } from '../../domain/urls.js'
import type { ViewContext } from './context.js'
import { FeedDiscovery, type FeedLink } from './feed-links.js'
import { textDirection } from '../../i18n/index.js'
import type { EditionLink } from '../../domain/edition-links.js'
import { HreflangLinks, LanguageSwitcher } from './editions.js'
import { SearchBox } from './search-box.js'
import { LiveBanner } from './live-newsfeed.js'

export interface LayoutProps {
  ctx: ViewContext
  title: string
  description: string
  /** Path of the canonical URL; defaults to the current path. */
  canonicalPath?: string | undefined
  noindex?: boolean
  head?: ComponentChildren
  /** This page's own feeds, announced before the edition's (which every page announces). */
  feeds?: FeedLink[] | undefined
  /** This page in every edition (language switcher, hreflang); default: each edition's front page. */
  editionLinks?: EditionLink[] | undefined
  /**
   * What the page follows live (issue 16): 'newsfeed' when it carries the live newsfeed itself
   * (<LiveNewsfeed>), 'none' for pages that announce nothing (errors); by default the breaking banner.
   */
  live?: 'newsfeed' | 'banner' | 'none'
  children: ComponentChildren
}

export function Layout({ ctx, title, description, canonicalPath, noindex, head, feeds, editionLinks, live = 'banner', children }: LayoutProps) {
  const { settings, i18n } = ctx
  const t = i18n.t
  const fullTitle = title === settings.siteName ? title : `${title} — ${settings.siteName}`
  return (
    <html lang={ctx.edition} dir={textDirection(ctx.edition)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={absoluteUrl(settings.siteUrl, canonicalPath ?? ctx.path)} />
        {noindex ? <meta name="robots" content="noindex, follow" /> : null}
        <HreflangLinks ctx={ctx} links={editionLinks} />
        <link rel="stylesheet" href="/assets/site.css" />
        {/* Named here so browsers do not ask for /favicon.ico and log a 404 on every first visit. */}
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <FeedDiscovery ctx={ctx} feeds={feeds} />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">{t('site.skipToContent')}</a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href={frontPath(ctx.prefix)}>{settings.siteName}</a>
            <p class="tagline">{settings.tagline}</p>
            <nav aria-label={t('nav.primary')}>
              <ul>
                <li><a href={frontPath(ctx.prefix)}>{t('nav.newsfeed')}</a></li>
                <li><a href={dayNewsfeedPath(ctx.prefix)}>{t('nav.dayNewsfeed')}</a></li>
              </ul>
            </nav>
            <SearchBox ctx={ctx} />
            <LanguageSwitcher ctx={ctx} links={editionLinks} />
          </div>
        </header>
        <main id="main" class="wrap">
          {live === 'banner' ? <LiveBanner ctx={ctx} /> : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('footer.rights', { year: ctx.now.getUTCFullYear(), site: settings.siteName })} {t('footer.poweredBy')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
