// Demo content for a first run: the model article plus a week of fictional stories ending today, in the
// English edition at the root and, for the model article and three stories a day, in linked Russian and
// Armenian translations under /ru/ and /hy/.
import { dayOf, zonedTimeToInstant } from '../domain/days.js'
import { DEFAULT_REPRINT_NOTICE } from '../domain/settings.js'
import { slugFromText } from '../domain/slug.js'
import { saveSettings } from '../db/repositories/settings.repository.js'
import { ensureSection } from '../db/repositories/taxonomy.repository.js'
import { insertComment } from '../db/repositories/comments.repository.js'
import { DEMO_DAYS } from '../demo/stories.js'
import { MODEL_ARTICLE, MODEL_DAY_NEIGHBOURS } from '../demo/model-article.js'
import { MODEL_ARTICLE_HY, MODEL_ARTICLE_RU, MODEL_DAY_NEIGHBOURS_TRANSLATED } from '../demo/model-article-translations.js'
import { SECTION_NAMES, STORY_TRANSLATIONS } from '../demo/story-translations.js'
import { createArticle } from './articles.service.js'
import type { Deps } from './deps.js'

export const DEMO_TIME_ZONE = 'Asia/Yerevan'
const EDITION = 'en'
/** Armenian, Russian, English: the model site's editions; English stays the default, at the root. */
const DEMO_EDITIONS = ['hy', 'ru', 'en']
const TRANSLATED = ['ru', 'hy'] as const

const REPRINT_NOTICES: Record<string, string> = {
  en: DEFAULT_REPRINT_NOTICE,
  ru: 'При цитировании материалов {site} гиперссылка на цитируемый материал обязательна. Гиперссылка должна быть размещена в первом абзаце текста.',
  hy: '{site}-ի նյութերը մեջբերելիս պարտադիր է հիպերհղում կատարել մեջբերվող նյութին։ Հիպերհղումը պետք է տեղադրված լինի տեքստի առաջին պարբերությունում։'
}
const DAY_MS = 86_400_000

export async function seedDemoContent(deps: Deps): Promise<{ articles: number, comments: number }> {
  await deps.db.transaction().execute((trx) => saveSettings(trx, {
    siteName: 'Lede Demo',
    tagline: 'Demo news site: every story here except the model article is fictional',
    timeZone: DEMO_TIME_ZONE,
    defaultEdition: EDITION,
    editions: DEMO_EDITIONS,
    reprintNotice: REPRINT_NOTICES,
    // The model page's dateline, "February 03, 2022 13:33"; Russian and Armenian keep their languages' own.
    dateFormat: { en: 'F d, Y' },
    timeFormat: 'H:i',
    // The demo shows the moderation queue at work: every reader comment waits for a moderator.
    commentModeration: true
  }))

  const sectionIds = new Map<string, number>()
  // Sections keep their English slug in every edition (so a translation keeps its section) and a local name.
  const section = async (name: keyof typeof SECTION_NAMES, edition: string = EDITION) => {
    let id = sectionIds.get(`${edition}/${name}`)
    if (id === undefined) {
      const localName = edition === EDITION ? name : SECTION_NAMES[name][edition as typeof TRANSLATED[number]]
      id = await ensureSection(deps.db, edition, slugFromText(name), localName)
      sectionIds.set(`${edition}/${name}`, id)
    }
    return id
  }

  let articles = 0
  let comments = 0
  await createArticle(deps, {
    edition: EDITION, headline: MODEL_ARTICLE.headline, lead: MODEL_ARTICLE.lead, bodySource: MODEL_ARTICLE.body,
    agencyCredit: MODEL_ARTICLE.agencyCredit, sectionId: await section(MODEL_ARTICLE.section), tags: [...MODEL_ARTICLE.tags],
    status: 'published', publishedAt: MODEL_ARTICLE.publishedAt, translationGroup: 'demo-model-article'
  })
  articles++
  for (const [edition, version] of [['ru', MODEL_ARTICLE_RU], ['hy', MODEL_ARTICLE_HY]] as const) {
    await createArticle(deps, {
      edition, headline: version.headline, lead: version.lead, bodySource: version.body, agencyCredit: version.agencyCredit,
      sectionId: await section(MODEL_ARTICLE.section, edition), tags: [...version.tags], status: 'published',
      publishedAt: MODEL_ARTICLE.publishedAt, translationGroup: 'demo-model-article'
    })
    articles++
  }
  for (const [index, story] of MODEL_DAY_NEIGHBOURS.entries()) {
    const translationGroup = `demo-model-day-${index}`
    await createArticle(deps, {
      edition: EDITION, headline: story.headline, lead: story.lead, bodySource: story.body, agencyCredit: 'Lede Wire',
      sectionId: await section(story.section), status: 'published', publishedAt: story.publishedAt, breaking: story.breaking,
      translationGroup
    })
    articles++
    for (const edition of TRANSLATED) {
      const version = MODEL_DAY_NEIGHBOURS_TRANSLATED[index]![edition]
      await createArticle(deps, {
        edition, headline: version.headline, lead: version.lead, bodySource: version.body, agencyCredit: 'Lede Wire',
        sectionId: await section(story.section, edition), status: 'published', publishedAt: story.publishedAt,
        breaking: story.breaking, translationGroup
      })
      articles++
    }
  }

  const now = deps.clock()
  for (const [daysAgo, stories] of DEMO_DAYS.entries()) {
    const [year, month, day] = dayOf(new Date(now.getTime() - daysAgo * DAY_MS), DEMO_TIME_ZONE).split('-').map(Number) as [number, number, number]
    for (const [index, { time, story }] of stories.entries()) {
      const [hour, minute] = time.split(':').map(Number) as [number, number]
      const publishedAt = zonedTimeToInstant({ year, month, day, hour, minute }, DEMO_TIME_ZONE)
      const translations = STORY_TRANSLATIONS[story.headline]
      const translationGroup = translations ? `demo-${daysAgo}-${index}` : null
      const { id } = await createArticle(deps, {
        edition: EDITION, headline: story.headline, lead: story.lead, bodySource: story.body,
        agencyCredit: story.agencyCredit ?? null, byline: story.byline ?? null, sectionId: await section(story.section),
        tags: story.tags, status: 'published', publishedAt, breaking: story.breaking ?? false, translationGroup
      })
      articles++
      for (const edition of translations ? TRANSLATED : []) {
        const version = translations![edition]
        await createArticle(deps, {
          edition, headline: version.headline, lead: version.lead, bodySource: version.body,
          agencyCredit: story.agencyCredit ?? null, byline: version.byline ?? null, sectionId: await section(story.section, edition),
          tags: version.tags, status: 'published', publishedAt, breaking: story.breaking ?? false, translationGroup
        })
        articles++
      }
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
