import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { ensureSection } from '../../src/db/repositories/taxonomy.repository.js'
import { buildNewsroom, URLS } from './syndication-fixtures.js'

/** Day headings and the story links under each, in page order. */
function days(html: string): [string, string[]][] {
  return [...html.matchAll(/<section class="newsfeed-day">(.*?)<\/section>/gs)].map((m) => [
    /<h2 class="day-heading"><a [^>]*>([^<]+)<\/a><\/h2>/.exec(m[1]!)![1]!,
    [...m[1]!.matchAll(/<a href="(\/[^"]+)">[^<]+<\/a>/g)].map((a) => a[1]!).filter((href) => !href.includes('/newsfeed/'))
  ])
}

forEachDialect((dialect) => {
  describe('section, tag and author pages', () => {
    it('a section page lists its stories and its subsections\', grouped by day in the site time zone', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const world = await t.app.inject('/section/world/')
      assert.equal(world.statusCode, 200)
      assert.match(world.headers['cache-control'] as string, /^public/)
      assert.match(world.body, /<title>World — Lede Daily<\/title>/)
      assert.match(world.body, /<h1>World<\/h1>/)
      assert.match(world.body, /<link rel="canonical" href="https:\/\/news\.example\/section\/world\/"\/>/)
      assert.match(world.body, /<p class="follow-links">Follow this page: <a href="\/section\/world\/feed\/" type="application\/rss\+xml">RSS<\/a>/)
      assert.deepEqual(days(world.body), [['Thursday, February 3, 2022', [URLS.talks]]])
      const politics = await t.app.inject('/section/politics/')
      assert.deepEqual(days(politics.body), [['Thursday, February 3, 2022', [URLS.model]]])
      assert.doesNotMatch(politics.body, /Secret draft|Future story/)
    })

    it('a tag page and an author page list theirs, newest first', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const tag = await t.app.inject('/tag/diplomacy/')
      assert.equal(tag.statusCode, 200)
      assert.match(tag.body, /<h1>Tag: Diplomacy<\/h1>/)
      assert.deepEqual(days(tag.body), [['Thursday, February 3, 2022', [URLS.talks, URLS.model]]])
      const author = await t.app.inject('/author/owen-pryce/')
      assert.equal(author.statusCode, 200)
      assert.match(author.body, /<h1>News by Owen Pryce<\/h1>/)
      assert.deepEqual(days(author.body), [['Thursday, February 3, 2022', [URLS.talks]]])
      assert.doesNotMatch(author.body, /owen@newsroom\.example/, 'an author page never shows the account email')
    })

    it('pages with "Older news" by keyset, like the front page', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect, { newsfeedPageSize: 1 })
      const first = await t.app.inject('/tag/diplomacy/')
      const next = /<a rel="next" href="(\/tag\/diplomacy\/\?before=\d+-\d+)">Older news →<\/a>/.exec(first.body)
      assert.ok(next, 'an "Older news" link')
      const second = await t.app.inject(next[1]!)
      assert.equal(second.statusCode, 200)
      assert.deepEqual(days(second.body), [['Thursday, February 3, 2022', [URLS.model]]])
      assert.match(second.body, /<meta name="robots" content="noindex, follow"\/>/)
      assert.match(second.body, /<a href="\/tag\/diplomacy\/">Latest news<\/a>/)
      assert.doesNotMatch(second.body, /rel="next"/)
      assert.equal((await t.app.inject('/tag/diplomacy/?before=yesterday')).statusCode, 400)
    })

    it('a section without stories yet says so', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      await ensureSection(t.deps.db, 'en', 'sport', 'Sport')
      const res = await t.app.inject('/section/sport/')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /<p class="empty">There is no news here yet\.<\/p>/)
    })

    it('live in each edition under its prefix', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const ru = await t.app.inject('/ru/section/politika/')
      assert.equal(ru.statusCode, 200)
      assert.match(ru.body, /<html lang="ru"/)
      assert.match(ru.body, /<h1>Политика<\/h1>/)
      assert.deepEqual(days(ru.body).map(([, links]) => links), [[URLS.ru]])
      assert.match((await t.app.inject('/ru/tag/diplomatiya/')).body, /<h1>Тег: Дипломатия<\/h1>/)
    })

    it('answer 404 for unknown slugs, another edition\'s slugs, and authors with nothing published there', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      for (const url of ['/section/nope/', '/tag/nope/', '/author/nope/', '/section/politika/', '/ru/section/politics/', '/ru/author/owen-pryce/',
        '/xx/section/politics/', '/en/section/politics/']) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 404, url)
        assert.match(res.body, /<p class="error-message">/, url)
      }
      const redirect = await t.app.inject('/section/politics')
      assert.equal(redirect.statusCode, 301)
      assert.equal(redirect.headers.location, '/section/politics/')
    })
  })
})
