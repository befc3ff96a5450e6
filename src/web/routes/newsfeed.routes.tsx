import type { FastifyPluginAsync } from 'fastify'
import { parseDay } from '../../domain/days.js'
import { decodeCursor } from '../../domain/urls.js'
import { dayPage, frontPage, todayAndLatestDay } from '../../services/reader.service.js'
import { DayPage, NoNewsToday } from '../views/day-page.js'
import { ErrorPage } from '../views/error-page.js'
import { FrontPage } from '../views/front-page.js'

const newsfeedRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { before?: unknown } }>('/', { config: { cacheQuery: ['before'] } }, async (request, reply) => {
    const ctx = await request.viewContext()
    const rawBefore = request.query.before
    const before = rawBefore === undefined ? undefined : decodeCursor(rawBefore)
    if (before === null) {
      return reply.page(<ErrorPage ctx={ctx} title={ctx.i18n.t('error.badRequest.title')} message={ctx.i18n.t('newsfeed.badCursor')} />, { status: 400 })
    }
    const { items, hasMore, pinned } = await frontPage(app.deps, ctx.settings, ctx.edition, before)
    return reply.page(<FrontPage ctx={ctx} items={items} hasMore={hasMore} isFirstPage={!before} pinned={pinned} />)
  })

  app.get('/newsfeed/', async (request, reply) => {
    const ctx = await request.viewContext()
    const { today, latestDay } = await todayAndLatestDay(app.deps, ctx.settings, ctx.edition)
    const data = await dayPage(app.deps, ctx.settings, ctx.edition, today)
    if (data.items.length === 0) return reply.page(<NoNewsToday ctx={ctx} today={today} latestDay={latestDay} />)
    return reply.page(<DayPage ctx={ctx} data={data} />)
  })

  app.get<{ Params: { day: string } }>('/newsfeed/:day/', async (request, reply) => {
    const ctx = await request.viewContext()
    const day = parseDay(request.params.day)
    if (!day) {
      return reply.page(<ErrorPage ctx={ctx} title={ctx.i18n.t('error.notFound.title')} message={ctx.i18n.t('error.badDate.text')} />, { status: 404 })
    }
    const data = await dayPage(app.deps, ctx.settings, ctx.edition, day)
    return reply.page(<DayPage ctx={ctx} data={data} />)
  })
}

export default newsfeedRoutes
