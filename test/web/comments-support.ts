// Shared set-up for the comment HTTP tests: an open article and a post() that behaves like a browser with
// JavaScript (a timing token fetched first, then a human pause), from its own IP unless told otherwise.
import type { TestContext } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { build, form, FORM_HEADERS, type DialectUnderTest, type TestApp } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'
import type { SiteSettings } from '../../src/domain/settings.js'

export const READER = { author: 'Ani Reader', email: 'ani@example.org', url: '', comment: 'A considered thought about the budget.' }
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36'

/** Every moderation rule off, so each test turns on the one it is about. */
export const RULES_OFF: Partial<SiteSettings> = {
  commentModeration: false, commentPreviouslyApproved: false, commentMaxLinks: 0, commentModerationWords: [], commentDisallowedWords: []
}

export interface PostOptions {
  /** 'fresh' (default): fetch a token and wait 20 s; 'none': no token, as without JavaScript; 'instant': fetch and post at once. */
  token?: 'fresh' | 'none' | 'instant' | { raw: string }
  ip?: string
  userAgent?: string | null
  articleId?: number
}

export interface CommentsFixture {
  t: TestApp
  articleId: number
  articleUrl: string
  post(fields: Record<string, string | string[]>, options?: PostOptions): Promise<LightMyRequestResponse>
  rows(): Promise<Awaited<ReturnType<typeof allComments>>>
}

function allComments(t: TestApp) {
  return t.deps.db.selectFrom('comments').selectAll().orderBy('id').execute()
}

export async function commentsFixture(tc: TestContext, dialect: DialectUnderTest, settings: Partial<SiteSettings> = {}): Promise<CommentsFixture> {
  const t = await build(tc, dialect, { settings: { timeZone: 'Asia/Yerevan', ...settings } })
  const { id: articleId } = await createArticle(t.deps, { edition: 'en', headline: 'Budget debate', lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: '2026-11-25T08:00:00.000Z' })
  let ip = 0
  return {
    t, articleId, articleUrl: '/2026/11/25/budget-debate/',
    rows: () => allComments(t),
    async post(fields, options = {}) {
      const target = options.articleId ?? articleId
      let ts = ''
      const mode = options.token ?? 'fresh'
      if (typeof mode === 'object') ts = mode.raw
      else if (mode !== 'none') {
        const res = await t.app.inject(`/comments/timing.json?article=${target}`)
        ts = (res.json() as { token: string }).token
        if (mode === 'fresh') t.clock.advance(20_000)
      }
      const headers: Record<string, string> = { ...FORM_HEADERS }
      headers['user-agent'] = options.userAgent === null ? '' : options.userAgent ?? BROWSER_UA
      return t.app.inject({
        method: 'POST', url: '/comments', headers, remoteAddress: options.ip ?? `198.51.100.${++ip}`,
        payload: form({ article_id: String(target), subject: '', ts, ...fields })
      })
    }
  }
}
