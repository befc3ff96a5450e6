import { dayNewsfeedPath } from '../../domain/urls.js'
import { siteDates } from '../../i18n/format.js'
import type { DayPageData } from '../../services/reader.service.js'
import type { ViewContext } from './context.js'
import { Layout } from './layout.js'
import { NewsfeedEntry } from './newsfeed-list.js'
import { SiteStructuredData } from './structured-data.js'
import { LiveNewsfeed } from './live-newsfeed.js'
import { dayOf } from '../../domain/days.js'

export function DayPage({ ctx, data }: { ctx: ViewContext, data: DayPageData }) {
  const dates = siteDates(ctx.settings, ctx.edition)
  const { t } = ctx.i18n
  const date = dates.day(data.day)
  const isToday = data.day === dayOf(ctx.now.toISOString(), ctx.settings.timeZone)
  return (
    <Layout ctx={ctx} title={t('day.title', { date })}
      description={t('day.description', { site: ctx.settings.siteName, date })}
      canonicalPath={dayNewsfeedPath(ctx.prefix, data.day)} head={<SiteStructuredData ctx={ctx} />} live={isToday ? 'newsfeed' : 'banner'}>
      <h1>{t('day.heading')}: <time datetime={data.day}>{dates.dayHeading(data.day)}</time></h1>
      <DayNav ctx={ctx} data={data} landmark />
      {isToday ? <LiveNewsfeed ctx={ctx} /> : null}
      <ul class="newsfeed day-newsfeed">
        {data.items.map((item) => <NewsfeedEntry ctx={ctx} item={item} key={item.id} />)}
      </ul>
      <DayNav ctx={ctx} data={data} landmark={false} />
    </Layout>
  )
}

/** The same links above and below the list; only the first is a navigation landmark, so landmarks stay unique. */
function DayNav({ ctx, data, landmark }: { ctx: ViewContext, data: DayPageData, landmark: boolean }) {
  const dates = siteDates(ctx.settings, ctx.edition)
  const { t } = ctx.i18n
  if (!data.previousDay && !data.nextDay) return null
  const Wrapper = landmark ? 'nav' : 'div'
  return (
    <Wrapper class="day-nav" aria-label={landmark ? t('day.navLabel') : undefined}>
      {data.previousDay
        ? <a rel="prev" class="prev" href={dayNewsfeedPath(ctx.prefix, data.previousDay)}>← {t('day.previous', { date: dates.day(data.previousDay) })}</a>
        : <span />}
      {data.nextDay
        ? <a rel="next" class="next" href={dayNewsfeedPath(ctx.prefix, data.nextDay)}>{t('day.next', { date: dates.day(data.nextDay) })} →</a>
        : null}
    </Wrapper>
  )
}

/** /newsfeed/ on a day without news yet. */
export function NoNewsToday({ ctx, today, latestDay }: { ctx: ViewContext, today: string, latestDay: string | null }) {
  const dates = siteDates(ctx.settings, ctx.edition)
  const { t } = ctx.i18n
  return (
    <Layout ctx={ctx} title={t('day.title', { date: dates.day(today) })}
      description={t('day.description', { site: ctx.settings.siteName, date: dates.day(today) })}
      canonicalPath={dayNewsfeedPath(ctx.prefix)} noindex head={<SiteStructuredData ctx={ctx} />} live="newsfeed">
      <h1>{t('day.heading')}: <time datetime={today}>{dates.dayHeading(today)}</time></h1>
      {/* The day's first story is announced here too; showing it loads the page, which then has a list. */}
      <LiveNewsfeed ctx={ctx} />
      <p class="empty">{t('day.noNewsToday')}</p>
      {latestDay
        ? <p><a href={dayNewsfeedPath(ctx.prefix, latestDay)}>{t('day.latestDay', { date: dates.day(latestDay) })}</a></p>
        : <p>{t('day.noNewsAtAll')}</p>}
    </Layout>
  )
}
