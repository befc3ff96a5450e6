import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { createArticle, type NewArticle } from '../../src/services/articles.service.js'
import { ensureSection } from '../../src/db/repositories/taxonomy.repository.js'
import { indexArticle, rebuildSearchIndex, unindexArticle } from '../../src/db/repositories/search.repository.js'
import { renderArticleBody } from '../../src/domain/article-body.js'

const SETTINGS = { editions: ['en', 'ru', 'hy'], defaultEdition: 'en', timeZone: 'Asia/Yerevan', siteName: 'Lede Test' }
const NOW = '2026-11-26T10:00:00.000Z'

type Story = Partial<NewArticle> & { headline: string }

async function setup(tc: Parameters<typeof build>[0], dialect: Parameters<typeof build>[1]) {
  const t = await build(tc, dialect, { clock: NOW, settings: SETTINGS })
  let minute = 0
  const add = async (story: Story) => {
    minute++
    const created = await createArticle(t.deps, {
      edition: 'en', lead: '', bodySource: '', status: 'published',
      publishedAt: new Date(Date.parse('2026-11-20T08:00:00.000Z') + minute * 60_000).toISOString(),
      ...story
    })
    return created.id
  }
  return { t, add }
}

async function get(t: TestApp, url: string) {
  const res = await t.app.inject(url)
  assert.ok(res.statusCode < 500, `${url} answered ${res.statusCode}`)
  return res
}

/** Headlines of the results, in order, without highlight markup. */
function headlines(html: string): string[] {
  return [...html.matchAll(/<li class="search-result"><h2[^>]*><a href="[^"]*">(.*?)<\/a><\/h2>/g)].map((m) => m[1]!.replace(/<\/?mark>/g, ''))
}

function resultLinks(html: string): string[] {
  return [...html.matchAll(/<li class="search-result"><h2[^>]*><a href="([^"]*)">/g)].map((m) => m[1]!)
}

forEachDialect((dialect) => {
  describe('search: finding and ranking', () => {
    it('ranks a headline match above a lead match above a body-only match', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ headline: 'Weather report for the week', lead: 'Rain and wind.', bodySource: 'The harbour authority expects ferries to run.' })
      await add({ headline: 'Harbour reopens after storm', lead: 'Boats return.', bodySource: 'Fishermen were relieved.' })
      await add({ headline: 'Council meets on Monday', lead: 'The harbour budget is on the agenda.', bodySource: 'Nothing else.' })
      await add({ headline: 'Unrelated story', lead: 'Nothing to see.', bodySource: 'Really nothing.' })
      const res = await get(t, '/search?q=harbour+')
      assert.equal(res.statusCode, 200)
      assert.deepEqual(headlines(res.body), ['Harbour reopens after storm', 'Council meets on Monday', 'Weather report for the week'])
      assert.match(res.body, /<strong>3 results<\/strong> for “harbour”/)
    })

    it('ranks a story that mentions the word often above one that mentions it once', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ headline: 'Budget debate', bodySource: 'The tariff was mentioned once among many other words about roads, schools and parks.' })
      await add({ headline: 'Trade talks', bodySource: 'The tariff, the tariff and again the tariff: little else about roads, schools and parks.' })
      assert.deepEqual(headlines((await get(t, '/search?q=tariff+')).body), ['Trade talks', 'Budget debate'])
    })

    it('needs every word of the query', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ headline: 'Grain exports rise' })
      await add({ headline: 'Grain prices fall' })
      assert.deepEqual(headlines((await get(t, '/search?q=grain+exports+')).body), ['Grain exports rise'])
    })

    it('finds Armenian, Russian and Latin text, ignoring case and diacritics', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ edition: 'hy', headline: 'Երևանում բացվեց նոր գրադարան', lead: 'Քաղաքապետարանը հայտնեց։' })
      await add({ edition: 'ru', headline: 'Ёлку установили на площади', lead: 'В Москве начались праздники.' })
      await add({ headline: 'Crème brûlée festival opens', lead: 'Pastry chefs from São Paulo attend.' })
      assert.deepEqual(headlines((await get(t, '/hy/search?q=' + encodeURIComponent('ԳՐԱԴԱՐԱՆ '))).body), ['Երևանում բացվեց նոր գրադարան'])
      // "և" is one letter in print and "եւ" in the reformed spelling: both find it.
      assert.deepEqual(headlines((await get(t, '/hy/search?q=' + encodeURIComponent('Երեւանում '))).body), ['Երևանում բացվեց նոր գրադարան'])
      assert.deepEqual(headlines((await get(t, '/ru/search?q=' + encodeURIComponent('елку '))).body), ['Ёлку установили на площади'])
      assert.deepEqual(headlines((await get(t, '/ru/search?q=' + encodeURIComponent('МОСКВЕ '))).body), ['Ёлку установили на площади'])
      assert.deepEqual(headlines((await get(t, '/search?q=' + encodeURIComponent('creme brulee '))).body), ['Crème brûlée festival opens'])
      assert.deepEqual(headlines((await get(t, '/search?q=' + encodeURIComponent('SAO PAULO '))).body), ['Crème brûlée festival opens'])
    })

    it('matches "phrases in quotes" only where the words stand together in that order', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ headline: 'The state department spoke', bodySource: 'A briefing.' })
      await add({ headline: 'Department of state budget', bodySource: 'Numbers.' })
      await add({ headline: 'State of the department', bodySource: 'A review.' })
      assert.deepEqual(headlines((await get(t, '/search?q=' + encodeURIComponent('"state department"'))).body), ['The state department spoke'])
      assert.equal(headlines((await get(t, '/search?q=state+department+')).body).length, 3)
      // Typographic quotes work too, and an unclosed quote runs to the end.
      assert.deepEqual(headlines((await get(t, '/search?q=' + encodeURIComponent('«state department»'))).body), ['The state department spoke'])
      assert.deepEqual(headlines((await get(t, '/search?q=' + encodeURIComponent('"state department'))).body), ['The state department spoke'])
    })

    it('matches the last word as a prefix while it is being typed, and ranks the whole word first', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ headline: 'Diplomacy in winter' })
      await add({ headline: 'Diplomats meet again' })
      await add({ headline: 'A diploma for nurses' })
      await add({ headline: 'Dip in the lake' })
      assert.deepEqual(headlines((await get(t, '/search?q=diplom')).body).sort(), ['A diploma for nurses', 'Diplomacy in winter', 'Diplomats meet again'])
      // A space after the word means it is finished.
      assert.deepEqual(headlines((await get(t, '/search?q=diploma+')).body), ['A diploma for nurses'])
      assert.equal(headlines((await get(t, '/search?q=diploma')).body)[0], 'A diploma for nurses')
      // Too short to expand: two letters match only themselves.
      assert.deepEqual(headlines((await get(t, '/search?q=di')).body), [])
      assert.deepEqual(headlines((await get(t, '/ru/search?q=' + encodeURIComponent('мос'))).body), [])
    })

    it('prefix-matches Cyrillic and Armenian words', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ edition: 'ru', headline: 'Москва и Московская область' })
      await add({ edition: 'hy', headline: 'Հայաստանի կառավարությունը' })
      assert.equal(headlines((await get(t, '/ru/search?q=' + encodeURIComponent('моск'))).body).length, 1)
      assert.equal(headlines((await get(t, '/hy/search?q=' + encodeURIComponent('կառավար'))).body).length, 1)
    })
  })

  describe('search: odd and empty queries', () => {
    const ODD = ['"', '""', '*', '-', '- -', 'OR', 'AND', 'NOT', 'NEAR(', 'NEAR(a b', 'a OR', '(', ')', '{}', ':', '^',
      "'; DROP TABLE articles; --", '" OR 1=1 --', "x' || '", 'headline:foo', 'a*b*', '\\', '%', '_', '%_%', 'ü', '🙂', '\u0000', 'a\u0000b', '<script>']

    for (const q of ODD) {
      it(`answers ${JSON.stringify(q)} with a friendly page`, async (tc) => {
        const { t, add } = await setup(tc, dialect)
        await add({ headline: 'Drop the table tennis final', lead: 'Near or far.' })
        const res = await get(t, '/search?q=' + encodeURIComponent(q))
        assert.ok([200, 400].includes(res.statusCode), `${res.statusCode}`)
        assert.match(res.headers['content-type'] as string, /text\/html/)
        // A NUL byte never reaches the route: the URL guard answers its own readable 400 page.
        assert.match(res.body, q.includes('\u0000') ? /<h1>Bad request<\/h1>/ : /<h1>Search<\/h1>/)
        assert.doesNotMatch(res.body, /<script>alert|<script>(?!\s*\{)/)
        const rows = await t.deps.db.selectFrom('articles').select('id').execute()
        assert.equal(rows.length, 1)
      })
    }

    it('prompts for words when the query is empty or missing', async (tc) => {
      const { t } = await setup(tc, dialect)
      for (const url of ['/search', '/search?q=', '/search?q=+++', '/search?q=a&q=b&page=x&scope[]=all']) {
        const res = await get(t, url)
        assert.equal(res.statusCode, 200, url)
      }
      assert.match((await get(t, '/search?q=')).body, /Type one or more words to search the news\./)
    })

    it('explains a query with no words in it', async (tc) => {
      const { t } = await setup(tc, dialect)
      const res = await get(t, '/search?q=' + encodeURIComponent('" * - ('))
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /That search has no words in it to look for/)
    })

    it('refuses a query over 200 characters with a 400 page that keeps it', async (tc) => {
      const { t } = await setup(tc, dialect)
      assert.equal((await get(t, '/search?q=' + 'a'.repeat(200))).statusCode, 200)
      const res = await get(t, '/search?q=' + 'ab '.repeat(70))
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /That search is too long: please use at most 200 characters\./)
      assert.match(res.body, /aria-invalid="true"/)
      assert.match(res.headers['cache-control'] as string, /private/)
    })

    it('escapes whatever the article says inside highlighted snippets', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({
        headline: 'Tags like <script>alert(1)</script> in a headline',
        lead: 'A lead with <img src=x onerror=alert(2)> and "quotes" & ampersands around the word marker.',
        bodySource: 'Body text with the word marker in it.'
      })
      const res = await get(t, '/search?q=marker+')
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /<script>alert|<img src=x/)
      assert.match(res.body, /&lt;img src=x onerror=alert\(2\)(&gt;|>) and &quot;quotes&quot; &amp; ampersands around the word <mark>marker<\/mark>/)
      const script = await get(t, '/search?q=script+')
      assert.match(script.body, /Tags like &lt;<mark>script<\/mark>(&gt;|>)alert\(1\)&lt;\/<mark>script<\/mark>(&gt;|>) in a headline/)
    })
  })

  describe('search: scope, filters, pages', () => {
    it('searches the page’s edition, or every edition with scope=all', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ edition: 'en', headline: 'Lede summit in English' })
      await add({ edition: 'ru', headline: 'Lede саммит по-русски' })
      await add({ edition: 'hy', headline: 'Lede գագաթնաժողով' })
      assert.deepEqual(headlines((await get(t, '/search?q=lede+')).body), ['Lede summit in English'])
      assert.deepEqual(headlines((await get(t, '/ru/search?q=lede+')).body), ['Lede саммит по-русски'])
      const all = await get(t, '/ru/search?q=lede+&scope=all')
      assert.equal(headlines(all.body).length, 3)
      assert.deepEqual(resultLinks(all.body).map((l) => l.split('/')[1]).sort(), ['2026', 'hy', 'ru'])
      assert.match(all.body, /Язык: Армянский/)
      assert.match(all.body, /<h2 lang="hy">/)
    })

    it('answers /<lang>/search in that language and keeps /search without a slash', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ edition: 'ru', headline: 'Новости дня в Ереване' })
      await add({ edition: 'ru', headline: 'Новости недели в Ереване' })
      const ru = await get(t, '/ru/search?q=' + encodeURIComponent('ереване '))
      assert.equal(ru.statusCode, 200)
      assert.match(ru.body, /<html lang="ru" dir="ltr">/)
      assert.match(ru.body, /<h1>Поиск<\/h1>/)
      assert.match(ru.body, /<strong>2 результата<\/strong> по запросу «ереване»/)
      const hy = await get(t, '/hy/search?q=x')
      assert.match(hy.body, /<h1>Որոնում<\/h1>/)
      assert.equal((await get(t, '/de/search?q=x')).statusCode, 404)
      assert.equal((await get(t, '/en/search?q=x')).statusCode, 404)
      const slash = await get(t, '/ru/search/?q=x')
      assert.equal(slash.statusCode, 301)
      assert.equal(slash.headers.location, '/ru/search?q=x')
    })

    it('filters by section and by date range in the site’s time zone', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      const politics = await ensureSection(t.deps.db, 'en', 'politics', 'Politics')
      const sport = await ensureSection(t.deps.db, 'en', 'sport', 'Sport')
      await add({ headline: 'Election match report', sectionId: politics, publishedAt: '2026-11-10T12:00:00.000Z' })
      await add({ headline: 'Football match report', sectionId: sport, publishedAt: '2026-11-12T12:00:00.000Z' })
      // 21:30 UTC on the 14th is already the 15th in Yerevan.
      await add({ headline: 'Late match report', sectionId: sport, publishedAt: '2026-11-14T21:30:00.000Z' })
      assert.deepEqual(headlines((await get(t, '/search?q=match+&section=sport')).body).sort(), ['Football match report', 'Late match report'])
      assert.deepEqual(headlines((await get(t, '/search?q=match+&from=2026-11-11&to=2026-11-14')).body), ['Football match report'])
      assert.deepEqual(headlines((await get(t, '/search?q=match+&from=2026-11-15')).body), ['Late match report'])
      const page = (await get(t, '/search?q=match+&section=sport')).body
      assert.match(page, /<option value="sport" selected="">Sport<\/option>|<option selected value="sport">Sport<\/option>|<option value="sport" selected>Sport<\/option>/)
    })

    it('re-renders the form with a 400 and messages next to unusable filters', async (tc) => {
      const { t } = await setup(tc, dialect)
      const res = await get(t, '/search?q=match&from=2026-02-30&to=yesterday&section=nope')
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /Please correct the filters marked below\./)
      assert.match(res.body, /<p class="field-error" id="search-from-error">Please enter a real date like 2022-02-03\.<\/p>/)
      assert.match(res.body, /<p class="field-error" id="search-section-error">Please choose a section from the list\.<\/p>/)
      assert.match(res.body, /value="2026-02-30"/)
      const order = await get(t, '/search?q=match&from=2026-11-20&to=2026-11-01')
      assert.equal(order.statusCode, 400)
      assert.match(order.body, /This date must not be before the “published from” date\./)
    })

    it('pages through results and counts them all', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      for (let i = 1; i <= 23; i++) await add({ headline: `Bulletin number ${i}` })
      const first = await get(t, '/search?q=bulletin+')
      assert.match(first.body, /<strong>23 results<\/strong>/)
      assert.match(first.body, /Page 1 of 3/)
      assert.equal(headlines(first.body).length, 10)
      assert.match(first.body, /<a rel="next" href="\/search\?q=bulletin\+&amp;page=2">/)
      const third = await get(t, '/search?q=bulletin+&page=3')
      assert.equal(headlines(third.body).length, 3)
      assert.match(third.body, /<ol class="search-results" start="21">/)
      const seen = new Set([...headlines(first.body), ...headlines((await get(t, '/search?q=bulletin+&page=2')).body), ...headlines(third.body)])
      assert.equal(seen.size, 23)
      const beyond = await get(t, '/search?q=bulletin+&page=9')
      assert.equal(beyond.statusCode, 200)
      assert.match(beyond.body, /There are no more results for this search\./)
    })

    it('ranks the newest 200 matches of a common word, counts the rest, and says "more than" for a frequent phrase', async (tc) => {
      const { t } = await setup(tc, dialect)
      const rows = Array.from({ length: 215 }, (_, i) => {
        // 210 stories in the last days, 5 a year earlier.
        const at = new Date(Date.parse(NOW) - (i < 210 ? (i + 1) * 600_000 : 365 * 86_400_000 + i * 60_000)).toISOString()
        return {
          edition: 'en', slug: `wire-${i}`, headline: `Wire bulletin number ${i}`, lead: '', body_source: '', body_html: '',
          status: 'published' as const, published_at: at, created_at: at, updated_at: at
        }
      })
      await t.deps.db.insertInto('articles').values(rows).execute()
      await rebuildSearchIndex(t.deps.db)
      const word = await get(t, '/search?q=bulletin+')
      assert.match(word.body, /<strong>215 results<\/strong>/)
      assert.match(word.body, /Page 1 of 20/)
      const phrase = await get(t, '/search?q=' + encodeURIComponent('"bulletin number"'))
      assert.match(phrase.body, /<strong>More than 210 results<\/strong>/)
      const last = await get(t, '/search?q=bulletin+&page=20')
      assert.equal(headlines(last.body).length, 10)
      assert.match((await get(t, '/search?q=bulletin+&page=21')).body, /There are no more results for this search\./)
    })

    it('is a public, cacheable page with noindex', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ headline: 'Cache me' })
      const res = await get(t, '/search?q=cache')
      assert.match(res.headers['cache-control'] as string, /^public/)
      assert.ok(res.headers.etag)
      assert.match(res.body, /<meta name="robots" content="noindex, follow"\/>/)
    })
  })

  describe('search: the index follows every change', () => {
    it('never shows drafts, trashed stories or stories scheduled for later, and shows a schedule once its time comes', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ headline: 'Lighthouse draft', status: 'draft', publishedAt: null })
      await add({ headline: 'Lighthouse trashed', status: 'trashed' })
      await add({ headline: 'Lighthouse pending', status: 'pending', publishedAt: null })
      await add({ headline: 'Lighthouse scheduled', status: 'scheduled', publishedAt: '2026-11-26T12:00:00.000Z' })
      await add({ headline: 'Lighthouse published' })
      assert.deepEqual(headlines((await get(t, '/search?q=lighthouse+')).body), ['Lighthouse published'])
      assert.match((await get(t, '/search?q=lighthouse+')).body, /<strong>1 result<\/strong>/)
      t.clock.set('2026-11-26T12:00:01.000Z')
      assert.deepEqual(headlines((await get(t, '/search?q=lighthouse+')).body), ['Lighthouse scheduled', 'Lighthouse published'])
    })

    it('finds an edited story by its new words and no longer by its old ones', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      const id = await add({ headline: 'Orchard harvest begins', bodySource: 'Apples everywhere.' })
      await t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('articles').set({ headline: 'Vineyard harvest begins', body_source: 'Grapes everywhere.', body_html: renderArticleBody('Grapes everywhere.') })
          .where('id', '=', id).execute()
        await indexArticle(trx, id)
      })
      assert.deepEqual(headlines((await get(t, '/search?q=orchard+')).body), [])
      assert.deepEqual(headlines((await get(t, '/search?q=apples+')).body), [])
      assert.deepEqual(headlines((await get(t, '/search?q=vineyard+grapes+')).body), ['Vineyard harvest begins'])
    })

    it('drops a story that is unpublished or trashed, and takes it back when republished', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      const id = await add({ headline: 'Glacier retreats further' })
      const setStatus = (status: 'draft' | 'trashed' | 'published') => t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('articles').set({ status }).where('id', '=', id).execute()
        await indexArticle(trx, id)
      })
      await setStatus('draft')
      assert.deepEqual(headlines((await get(t, '/search?q=glacier+')).body), [])
      await setStatus('published')
      assert.deepEqual(headlines((await get(t, '/search?q=glacier+')).body), ['Glacier retreats further'])
      await setStatus('trashed')
      assert.deepEqual(headlines((await get(t, '/search?q=glacier+')).body), [])
    })

    it('forgets a deleted story, and a rolled-back edit leaves the index as it was', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      const id = await add({ headline: 'Volcano erupts again' })
      await assert.rejects(t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('articles').set({ headline: 'Geyser erupts' }).where('id', '=', id).execute()
        await indexArticle(trx, id)
        throw new Error('editor lost the connection')
      }))
      assert.deepEqual(headlines((await get(t, '/search?q=volcano+')).body), ['Volcano erupts again'])
      assert.deepEqual(headlines((await get(t, '/search?q=geyser+')).body), [])
      await t.deps.db.transaction().execute(async (trx) => {
        await unindexArticle(trx, id)
        await trx.deleteFrom('article_tags').where('article_id', '=', id).execute()
        await trx.deleteFrom('article_revisions').where('article_id', '=', id).execute()
        await trx.deleteFrom('articles').where('id', '=', id).execute()
      })
      assert.deepEqual(headlines((await get(t, '/search?q=volcano+')).body), [])
      if (dialect.name === 'postgres') {
        const left = await sql<{ n: number }>`select count(*) as n from search_documents`.execute(t.deps.db)
        assert.equal(Number(left.rows[0]!.n), 0)
      }
    })

    it('finds stories by their tags and byline', async (tc) => {
      const { t, add } = await setup(tc, dialect)
      await add({ headline: 'Quiet day in parliament', tags: ['Referendum'], byline: 'Anahit Sargsyan' })
      assert.deepEqual(headlines((await get(t, '/search?q=referendum+')).body), ['Quiet day in parliament'])
      assert.deepEqual(headlines((await get(t, '/search?q=sargsyan+')).body), ['Quiet day in parliament'])
    })
  })
})
