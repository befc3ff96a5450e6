// No N+1 queries: a reader page runs the same number of SQL statements whether it shows a handful of
// items or many (issue 13). The app is built here, not through test/helper.ts's build(), so that its
// database handle carries the counter (test/query-counter.ts).
import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { buildApp } from '../../src/app.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { insertComment } from '../../src/db/repositories/comments.repository.js'
import { insertMedia, insertMediaFiles } from '../../src/db/repositories/media.repository.js'
import { saveSettings } from '../../src/db/repositories/settings.repository.js'
import { insertUser } from '../../src/db/repositories/users.repository.js'
import { inProcessBus } from '../../src/events/bus.js'
import { createArticle } from '../../src/services/articles.service.js'
import { seedDemoContent } from '../../src/services/demo.service.js'
import type { Deps } from '../../src/services/deps.js'
import { DEMO_NOW, fixedClock, forEachDialect, openTestDatabase, type DialectUnderTest } from '../helper.js'
import { QueryCounter } from '../query-counter.js'

const MODEL_URL = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'
const PAGES: Record<string, string> = {
  article: MODEL_URL,
  front: '/',
  day: '/newsfeed/2022-02-03/',
  section: '/section/politics/',
  rss: '/feed/'
}
/** How many more stories and comments the second count sees. */
const MORE = 12

async function buildCounted(t: TestContext, dialect: DialectUnderTest) {
  const database = await openTestDatabase(dialect.name)
  const counter = new QueryCounter()
  const deps: Deps = { db: counter.wrap(database.db), dialect: database.dialect, clock: fixedClock(DEMO_NOW), events: inProcessBus(), siteUrlOverride: null }
  await migrateToLatest(database.db)
  await seedDemoContent(deps)
  // Lists long enough to show every story, so that more stories means more items on each page.
  await saveSettings(deps.db, { newsfeedPageSize: 500, newsfeedStripSize: 500, feedItemCount: 500 })
  const app = await buildApp({ deps, pageCacheSeconds: 0 })
  await app.ready()
  t.after(async () => {
    await app.close()
    await database.close()
    await database.dropSchema()
  })
  return { app, deps, counter }
}

/** Stories on the model article's day in its section, with tags, an author and a featured image; and a comment thread under it. */
async function addItems(deps: Deps): Promise<void> {
  const db = deps.db
  const politics = await db.selectFrom('sections').select('id').where('edition', '=', 'en').where('slug', '=', 'politics').executeTakeFirstOrThrow()
  const model = await db.selectFrom('articles').select('id').where('slug', '=', 'us-department-of-state-expects-russian-response-to-clarify-moscows-position').executeTakeFirstOrThrow()
  const author = await insertUser(db, {
    email: 'owen@newsroom.example', display_name: 'Owen Pryce', slug: 'owen-pryce', password_hash: null, role: 'author', created_at: '2021-01-01T00:00:00.000Z'
  })
  const media = await insertMedia(db, {
    hash: 'ab'.repeat(32), mime: 'image/jpeg', original_name: 'talks.jpg', size: 250_000, width: 2000, height: 1125,
    alt: 'Library alt', caption: '', credit: 'Library credit', uploaded_by: author, created_at: '2022-02-03T10:00:00.000Z'
  })
  await insertMediaFiles(db, media, [
    { variant: 'original', mime: 'image/jpeg', width: 2000, height: 1125, bytes: Buffer.alloc(64) },
    { variant: '640', mime: 'image/webp', width: 640, height: 360, bytes: Buffer.alloc(32) }
  ])
  for (let i = 0; i < MORE; i++) {
    await createArticle(deps, {
      edition: 'en', headline: `Talks go on, hour ${i}`, lead: 'Delegations met again.', bodySource: 'More talks.',
      sectionId: politics.id, tags: ['Diplomacy', `Round ${i}`], status: 'published',
      // 14:00 onwards in Yerevan, on the model article's day.
      publishedAt: new Date(Date.parse('2022-02-03T10:00:00.000Z') + i * 60_000).toISOString(),
      ...(i % 2 ? { authorId: author, byline: 'Owen Pryce' } : { featuredMediaId: media, featuredAlt: 'Delegates' })
    })
  }
  for (let i = 0; i < MORE; i++) {
    const at = new Date(Date.parse('2022-02-03T12:00:00.000Z') + i * 60_000).toISOString()
    const base = { article_id: model.id, author_email: `reader${i}@example.org`, author_url: null, user_id: null, ip: null, user_agent: null, created_at: at }
    const parent = await insertComment(db, { ...base, parent_id: null, author_name: `Reader ${i}`, body: `Comment ${i}`, status: 'approved' })
    await insertComment(db, { ...base, parent_id: parent, depth: 1, author_name: `Replier ${i}`, body: `Reply ${i}`, status: 'approved' },
      String(parent).padStart(10, '0'))
  }
}

async function countQueries(app: Awaited<ReturnType<typeof buildCounted>>['app'], counter: QueryCounter) {
  const counts: Record<string, number> = {}
  const statements: Record<string, string[]> = {}
  const sizes: Record<string, number> = {}
  for (const [name, url] of Object.entries(PAGES)) {
    // Once to warm what the app keeps in memory (settings, shared blocks), then counted twice, keeping the
    // smaller count. Reads of the settings are not counted: other test files in the same process may save
    // settings meanwhile (work they left running), which makes requests read them again (a per-process
    // count, src/db/repositories/settings.repository.ts); CI once saw that in both counts. A settings read
    // is one per request whatever the page shows, so it cannot hide an N+1, which shows in both counts.
    await app.inject(url)
    counts[name] = Infinity
    for (let attempt = 0; attempt < 2; attempt++) {
      counter.reset()
      const res = await app.inject(url)
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`)
      const counted = counter.statements().filter((sql) => !/ from "settings"/.test(sql))
      if (counted.length < counts[name]!) {
        counts[name] = counted.length
        statements[name] = counted
      }
      sizes[name] = res.body.length
    }
  }
  return { counts, statements, sizes }
}

forEachDialect((dialect) => {
  test('reader pages run as many queries with many items as with few (no N+1)', async (t) => {
    const { app, deps, counter } = await buildCounted(t, dialect)
    const few = await countQueries(app, counter)
    await addItems(deps)
    const many = await countQueries(app, counter)
    t.diagnostic(`queries per page: ${JSON.stringify(few.counts)}`)
    for (const name of Object.keys(PAGES)) {
      // The pages did grow: otherwise the comparison proves nothing.
      assert.ok(many.sizes[name]! > few.sizes[name]!, `${name} shows the new items`)
      assert.equal(many.counts[name], few.counts[name],
        `${name}: ${few.counts[name]} queries with the demo content:\n${few.statements[name]!.join('\n')}\n\n${many.counts[name]} with ${MORE} more items:\n${many.statements[name]!.join('\n')}`)
    }
  })
})
