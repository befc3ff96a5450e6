// Demo content for a first run: the model article plus a week of fictional stories ending today.
import { dayOf, zonedTimeToInstant } from '../domain/days.js'
import { DEFAULT_REPRINT_NOTICE } from '../domain/settings.js'
import { slugFromText } from '../domain/slug.js'
import { saveSettings } from '../db/repositories/settings.repository.js'
import { ensureSection } from '../db/repositories/taxonomy.repository.js'
import { insertComment } from '../db/repositories/comments.repository.js'
import { DEMO_DAYS } from '../demo/stories.js'
import { MODEL_ARTICLE, MODEL_DAY_NEIGHBOURS } from '../demo/model-article.js'
import { createArticle } from './articles.service.js'
import type { Deps } from './deps.js'

export const DEMO_TIME_ZONE = 'Asia/Yerevan'
const EDITION = 'en'
const DAY_MS = 86_400_000

export async function seedDemoContent(deps: Deps): Promise<{ articles: number, comments: number }> {
  await deps.db.transaction().execute((trx) => saveSettings(trx, {
    siteName: 'Lede Demo',
    tagline: 'Demo news site: every story here except the model article is fictional',
    timeZone: DEMO_TIME_ZONE,
    defaultEdition: EDITION,
    editions: [EDITION],
    reprintNotice: { [EDITION]: DEFAULT_REPRINT_NOTICE }
  }))

  const sectionIds = new Map<string, number>()
  const section = async (name: string) => {
    let id = sectionIds.get(name)
    if (id === undefined) {
      id = await ensureSection(deps.db, EDITION, slugFromText(name), name)
      sectionIds.set(name, id)
    }
    return id
  }

  let articles = 0
  let comments = 0
  await createArticle(deps, {
    edition: EDITION, headline: MODEL_ARTICLE.headline, lead: MODEL_ARTICLE.lead, bodySource: MODEL_ARTICLE.body,
    agencyCredit: MODEL_ARTICLE.agencyCredit, sectionId: await section(MODEL_ARTICLE.section), tags: [...MODEL_ARTICLE.tags],
    status: 'published', publishedAt: MODEL_ARTICLE.publishedAt
  })
  articles++
  for (const story of MODEL_DAY_NEIGHBOURS) {
    await createArticle(deps, {
      edition: EDITION, headline: story.headline, lead: story.lead, bodySource: story.body, agencyCredit: 'Lede Wire',
      sectionId: await section(story.section), status: 'published', publishedAt: story.publishedAt, breaking: story.breaking
    })
    articles++
  }

  const now = deps.clock()
  for (const [daysAgo, stories] of DEMO_DAYS.entries()) {
    const [year, month, day] = dayOf(new Date(now.getTime() - daysAgo * DAY_MS), DEMO_TIME_ZONE).split('-').map(Number) as [number, number, number]
    for (const { time, story } of stories) {
      const [hour, minute] = time.split(':').map(Number) as [number, number]
      const publishedAt = zonedTimeToInstant({ year, month, day, hour, minute }, DEMO_TIME_ZONE)
      const { id } = await createArticle(deps, {
        edition: EDITION, headline: story.headline, lead: story.lead, bodySource: story.body,
        agencyCredit: story.agencyCredit ?? null, byline: story.byline ?? null, sectionId: await section(story.section),
        tags: story.tags, status: 'published', publishedAt, breaking: story.breaking ?? false
      })
      articles++
      for (const comment of story.comments ?? []) {
        await insertComment(deps.db, {
          article_id: id, parent_id: null, author_name: comment.name, author_email: `${slugFromText(comment.name)}@example.org`,
          author_url: comment.url ?? null, user_id: null, body: comment.body, status: 'approved', ip: null, user_agent: null,
          created_at: new Date(Date.parse(publishedAt) + comment.minutesAfter * 60_000).toISOString()
        })
        comments++
      }
    }
  }
  return { articles, comments }
}
