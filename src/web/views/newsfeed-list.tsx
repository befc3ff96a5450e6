import { renderToString } from 'preact-render-to-string'
import { groupByDay } from '../../domain/days.js'
import { articlePath, dayNewsfeedPath } from '../../domain/urls.js'
import { siteDates } from '../../i18n/format.js'
import type { NewsfeedItem } from '../../db/repositories/articles.repository.js'
import type { ViewContext } from './context.js'

/**
 * One story line: time, breaking mark, headline link, comment count. `withDate` prints the date too, for
 * lists not under a day's heading (the front page's pinned stories).
 */
export function NewsfeedEntry({ ctx, item, withDate = false }: { ctx: ViewContext, item: NewsfeedItem, withDate?: boolean }) {
  const dates = siteDates(ctx.settings, ctx.edition)
  const { settings, i18n } = ctx
  return (
    <li class={item.breaking ? 'story breaking' : 'story'} data-article-id={item.id}>
      <time datetime={dates.iso(item.publishedAt)}>{withDate ? dates.dateTime(item.publishedAt) : dates.time(item.publishedAt)}</time>
      {' '}
      {item.breaking ? <><strong class="breaking-mark">{i18n.t('newsfeed.breaking')}</strong>{' '}</> : null}
      <a href={articlePath(ctx.prefix, item.publishedAt, item.slug, settings.timeZone)}>{item.headline}</a>
      {item.commentCount > 0
        ? <> <span class="comment-count">{i18n.plural('newsfeed.commentCount', item.commentCount)}</span></>
        : null}
    </li>
  )
}

interface RenderedLines { settings: ViewContext['settings'], edition: string, prefix: string, html: string }
const renderedLines = new WeakMap<readonly NewsfeedItem[], RenderedLines>()

/**
 * The <li> lines of a list the app keeps in memory (the newsfeed strip, src/services/shared-blocks.ts),
 * rendered once per list and reused while the app hands out the same list: every article page carries it.
 */
export function newsfeedLinesHtml(ctx: ViewContext, items: readonly NewsfeedItem[]): string {
  const known = renderedLines.get(items)
  if (known && known.settings === ctx.settings && known.edition === ctx.edition && known.prefix === ctx.prefix) return known.html
  const html = renderToString(<>{items.map((item) => <NewsfeedEntry ctx={ctx} item={item} key={item.id} />)}</>)
  renderedLines.set(items, { settings: ctx.settings, edition: ctx.edition, prefix: ctx.prefix, html })
  return html
}

/** Stories under day headings; each heading links to that day's newsfeed. */
export function NewsfeedByDay({ ctx, items, headingLevel = 2 }: { ctx: ViewContext, items: NewsfeedItem[], headingLevel?: 2 | 3 }) {
  const dates = siteDates(ctx.settings, ctx.edition)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <>
      {groupByDay(items, (i) => i.publishedAt, ctx.settings.timeZone).map((group) => (
        <section class="newsfeed-day" key={group.day}>
          <Heading class="day-heading">
            <a href={dayNewsfeedPath(ctx.prefix, group.day)}>{dates.dayHeading(group.day)}</a>
          </Heading>
          <ul class="newsfeed">
            {group.items.map((item) => <NewsfeedEntry ctx={ctx} item={item} key={item.id} />)}
          </ul>
        </section>
      ))}
    </>
  )
}
