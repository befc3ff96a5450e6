// The hook for assets/live.js (issue 16): where the stream is, which stories this list shows (a
// section's, or all), and the words the script needs, in the page's language. Newsfeed pages carry the
// whole of it; every other page of the edition carries the banner alone (`bannerOnly`), so a breaking
// story is announced wherever a reader is. Without JavaScript it is an empty, hidden element and the page
// is exactly as before.
import type { ViewContext } from './context.js'
import type { MessageKey } from '../../i18n/index.js'

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const

/** data-* attributes with each plural form of `key` the page's catalog has ("{count}" left in). */
function pluralForms(ctx: ViewContext, key: string, name: string): Record<string, string> {
  const forms: Record<string, string> = {}
  for (const category of PLURAL_CATEGORIES) {
    // Only the forms the language has: t() answers undefined for a key no catalog holds.
    const value = ctx.i18n.t(`${key}.${category}` as MessageKey) as string | undefined
    if (value !== undefined) forms[`data-${name}-${category}`] = value
  }
  return forms
}

export function LiveNewsfeed({ ctx, section }: { ctx: ViewContext, section?: string }) {
  const { t } = ctx.i18n
  return (
    <>
      <div class="live-newsfeed" hidden data-live={`${ctx.prefix}/live`} data-section={section}
        data-lang={ctx.edition} data-breaking={t('live.breaking')} data-breaking-mark={t('newsfeed.breaking')}
        data-dismiss={t('live.dismiss')} data-latest={t('newsfeed.newerNews')}
        {...pluralForms(ctx, 'live.newStories', 'new')} {...pluralForms(ctx, 'newsfeed.commentCount', 'comments')} />
      <script src="/assets/live.js" defer />
    </>
  )
}

/** The breaking-news banner alone, for the pages that show no live newsfeed (article, tag, search, older days). */
export function LiveBanner({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx.i18n
  return (
    <>
      <div class="live-newsfeed" hidden data-live={`${ctx.prefix}/live`} data-mode="banner"
        data-lang={ctx.edition} data-breaking={t('live.breaking')} data-dismiss={t('live.dismiss')} />
      <script src="/assets/live.js" defer />
    </>
  )
}
