// A small newsroom for the feed, sitemap, listing, structured-data and API tests: two editions,
// a section tree, tags, a staff author, a story with a featured image, a draft, a scheduled story,
// and comments in every status.
import type { TestContext } from 'node:test'
import { build, type DialectUnderTest, type TestApp } from '../helper.js'
import { createArticle, type NewArticle } from '../../src/services/articles.service.js'
import { insertComment } from '../../src/db/repositories/comments.repository.js'
import { insertMedia, insertMediaFiles } from '../../src/db/repositories/media.repository.js'
import { ensureSection } from '../../src/db/repositories/taxonomy.repository.js'
import { insertUser } from '../../src/db/repositories/users.repository.js'
import type { SiteSettings } from '../../src/domain/settings.js'

/** Friday 4 February 2022, 14:00 in Yerevan. */
export const NEWSROOM_NOW = '2022-02-04T10:00:00.000Z'

export const NEWSROOM_SETTINGS: Partial<SiteSettings> = {
  siteName: 'Lede Daily',
  tagline: 'News as it happens',
  siteUrl: 'https://news.example',
  timeZone: 'Asia/Yerevan',
  editions: ['en', 'ru'],
  defaultEdition: 'en'
}

export const URLS = {
  model: '/2022/02/03/us-department-of-state-expects-russian-response/',
  talks: '/2022/02/03/talks-resume-in-geneva/',
  quiet: '/2022/02/03/quiet-morning-in-the-valley/',
  ru: '/ru/2022/02/03/gosdep-ozhidaet-otveta/'
}

export interface Newsroom {
  t: TestApp
  ids: { model: number, talks: number, quiet: number, ru: number, draft: number, scheduled: number, author: number, media: number }
}

export async function buildNewsroom(tc: TestContext, dialect: DialectUnderTest, settings: Partial<SiteSettings> = {}): Promise<Newsroom> {
  const t = await build(tc, dialect, { clock: NEWSROOM_NOW, settings: { ...NEWSROOM_SETTINGS, ...settings } })
  const db = t.deps.db
  const politics = await ensureSection(db, 'en', 'politics', 'Politics')
  const world = await ensureSection(db, 'en', 'world', 'World')
  const europe = await ensureSection(db, 'en', 'europe', 'Europe')
  await db.updateTable('sections').set({ parent_id: world }).where('id', '=', europe).execute()
  const ruPolitics = await ensureSection(db, 'ru', 'politika', 'Политика')
  const author = await insertUser(db, {
    email: 'owen@newsroom.example', display_name: 'Owen Pryce', slug: 'owen-pryce', password_hash: null, role: 'author', created_at: '2021-01-01T00:00:00.000Z'
  })
  const media = await insertMedia(db, {
    hash: 'ab'.repeat(32), mime: 'image/jpeg', original_name: 'talks.jpg', size: 250_000, width: 2000, height: 1125,
    alt: 'Library alt', caption: '', credit: 'Library credit', uploaded_by: author, created_at: '2022-02-03T10:00:00.000Z'
  })
  await insertMediaFiles(db, media, [
    { variant: 'original', mime: 'image/jpeg', width: 2000, height: 1125, bytes: Buffer.alloc(64) },
    { variant: '640', mime: 'image/webp', width: 640, height: 360, bytes: Buffer.alloc(32) },
    { variant: '1600', mime: 'image/webp', width: 1600, height: 900, bytes: Buffer.alloc(48) }
  ])

  const make = async (input: Omit<NewArticle, 'status'> & { status?: NewArticle['status'] }) => (await createArticle(t.deps, { status: 'published', ...input })).id
  const model = await make({
    edition: 'en', headline: 'US Department of State expects Russian response', slug: 'us-department-of-state-expects-russian-response',
    lead: 'The further diplomatic engagement will be done in coordination with allies.',
    bodySource: 'The US administration expects Moscow to respond.\n\nTalks continue.', agencyCredit: 'TASS',
    sectionId: politics, tags: ['Diplomacy', 'Russia'], publishedAt: '2022-02-03T09:33:00.000Z'
  })
  const talks = await make({
    edition: 'en', headline: 'Talks resume in Geneva', lead: 'Delegations met for four hours.', bodySource: 'A second round is set for March.',
    byline: 'Owen Pryce', authorId: author, sectionId: europe, tags: ['Diplomacy'], publishedAt: '2022-02-03T11:00:00.000Z',
    featuredMediaId: media, featuredAlt: 'Delegates at the table', featuredCredit: 'Photo: Lede Daily'
  })
  // 20:00 UTC on 2 February is 00:00 on 3 February in Yerevan.
  const quiet = await make({ edition: 'en', headline: 'Quiet morning in the valley', lead: 'Nothing happened.', bodySource: 'Really.', publishedAt: '2022-02-02T20:00:00.000Z' })
  const ru = await make({
    edition: 'ru', headline: 'Госдеп ожидает ответа', slug: 'gosdep-ozhidaet-otveta', lead: 'Лид', bodySource: 'Текст', sectionId: ruPolitics,
    tags: ['Дипломатия'], publishedAt: '2022-02-03T09:40:00.000Z'
  })
  const draft = await make({ edition: 'en', headline: 'Secret draft', lead: 'x', bodySource: 'x', status: 'draft', sectionId: politics, publishedAt: '2022-02-03T08:00:00.000Z' })
  const scheduled = await make({
    edition: 'en', headline: 'Future story', lead: 'x', bodySource: 'x', status: 'scheduled', sectionId: politics, tags: ['Diplomacy'], publishedAt: '2022-02-04T12:00:00.000Z'
  })

  const comment = (status: 'approved' | 'pending' | 'spam', name: string, body: string, minutes: number) => insertComment(db, {
    article_id: model, parent_id: null, author_name: name, author_email: `${name.toLowerCase().replace(/\W/g, '')}@example.org`,
    author_url: 'https://reader.example/', user_id: null, body, status, ip: '203.0.113.9', user_agent: 'Test', created_at: new Date(Date.parse('2022-02-03T10:00:00.000Z') + minutes * 60_000).toISOString(),
    previous_status: null, updated_at: null
  })
  await comment('approved', 'Ann Reader', 'First line\nsecond line <b>not bold</b>\n\nNew paragraph & more.', 5)
  await comment('approved', 'Ben Reader', 'Agreed.', 30)
  await comment('pending', 'Spam Bot', 'Buy now', 40)
  await comment('spam', 'Spam Bot', 'Buy more', 50)
  return { t, ids: { model, talks, quiet, ru, draft, scheduled, author, media } }
}
