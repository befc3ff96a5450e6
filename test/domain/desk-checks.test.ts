// The desk checks' rules, without a database: counts and reading time in three languages, the headline's
// length, missing fields, images without alt text, http: links, links to this site's own articles, the
// search and card previews, and linear time on hostile text.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { renderArticleBody } from '../../src/domain/article-body.js'
import {
  articleTargets, countWords, deskChecks, imagesWithoutAlt, linksOf, markdownText, readingMinutes, searchPreview, socialPreview, truncate,
  type DeskInput
} from '../../src/domain/desk-checks.js'
import { assertLinearTime } from '../linear-time.js'

function input(fields: Partial<DeskInput> & { body?: string } = {}): DeskInput {
  const body = fields.body ?? 'The National Assembly voted on Thursday.'
  return {
    headline: 'Parliament passes the budget', lead: 'The vote was 71 to 30.', bodySource: body, bodyHtml: renderArticleBody(body),
    hasSection: true, featuredAlt: null, language: 'en', unpublishedLinks: [], ...fields
  }
}

const levelOf = (report: ReturnType<typeof deskChecks>, id: string) => report.checks.find((c) => c.id === id)?.level

describe('desk checks: counting', () => {
  it('counts words in English, Russian and Armenian, punctuation and Markdown left out', () => {
    assert.equal(countWords('The vote — 71 to 30 — was “close”.', 'en'), 7)
    assert.equal(countWords('Парламент принял бюджет: 71 голос «за».', 'ru'), 6)
    assert.equal(countWords('Ազգային ժողովը հինգշաբթի քվեարկեց։', 'hy'), 4)
    assert.equal(countWords('It’s 3.5% at 13:30, a 71-year-old said.', 'en'), 9)
    assert.equal(countWords('東京都に住んでいます', 'ja') > 1, true, 'Japanese has no spaces: the segmenter splits it')
    assert.equal(countWords(markdownText('**Bold** and [a link](https://example.org/long/path) ![](x.png) <b>tag</b>'), 'en'), 5)
  })

  it('reading time: about 230 words a minute in English, 185 in Russian and Armenian, never 0 for some text', () => {
    assert.equal(readingMinutes(0, 'en'), 0)
    assert.equal(readingMinutes(10, 'en'), 1)
    assert.equal(readingMinutes(2300, 'en'), 10)
    assert.equal(readingMinutes(1850, 'ru'), 10)
    assert.equal(readingMinutes(1850, 'hy'), 10)
    assert.equal(readingMinutes(2000, 'fr'), 10)
  })

  it('reports the words and minutes of the body', () => {
    const report = deskChecks(input({ body: 'word '.repeat(460) }))
    assert.deepEqual(report.checks[0], { id: 'length', level: 'ok', numbers: { words: 460, minutes: 2 } })
    assert.equal(levelOf(deskChecks(input({ body: '' })), 'length'), 'warning')
  })
})

describe('desk checks: the fields', () => {
  it('warns past 70 characters of headline, counting Armenian letters as one each', () => {
    assert.equal(levelOf(deskChecks(input({ headline: 'a'.repeat(70) })), 'headline'), 'ok')
    const long = deskChecks(input({ headline: 'Ա'.repeat(71) }))
    assert.equal(levelOf(long, 'headline'), 'warning')
    assert.deepEqual(long.checks.find((c) => c.id === 'headline')!.numbers, { length: 71, max: 70 })
    assert.equal(levelOf(deskChecks(input({ headline: '  ' })), 'headline'), 'problem')
  })

  it('warns of a missing lead and section; a featured image without alt text is a problem', () => {
    const report = deskChecks(input({ lead: ' ', hasSection: false, featuredAlt: '' }))
    assert.equal(levelOf(report, 'lead'), 'warning')
    assert.equal(levelOf(report, 'section'), 'warning')
    assert.equal(levelOf(report, 'featuredAlt'), 'problem')
    assert.equal(levelOf(deskChecks(input({ featuredAlt: 'The assembly hall' })), 'featuredAlt'), 'ok')
    assert.equal(levelOf(deskChecks(input({ featuredAlt: null })), 'featuredAlt'), 'ok')
  })

  it('finds images in the text without alt text', () => {
    const body = '![](https://example.org/a.jpg)\n\n![The hall](https://example.org/b.jpg)\n\n<img src="https://example.org/c.jpg" alt=" ">'
    assert.equal(imagesWithoutAlt(renderArticleBody(body)), 2)
    const report = deskChecks(input({ body }))
    assert.equal(levelOf(report, 'bodyAlt'), 'problem')
    assert.deepEqual(report.checks.find((c) => c.id === 'bodyAlt')!.numbers, { count: 2 })
  })

  it('lists links to http: addresses once each, and links to unpublished articles when they were looked up', () => {
    const body = '[a](http://example.org/) [b](http://example.org/) [c](https://example.org/) <HTTP://EXAMPLE.NET/x>'
    const report = deskChecks(input({ body, unpublishedLinks: ['/2026/11/26/draft/', '/2026/11/26/draft/'] }))
    const http = report.checks.find((c) => c.id === 'httpLinks')!
    assert.equal(http.level, 'warning')
    assert.deepEqual(http.urls, ['http://example.org/', 'HTTP://EXAMPLE.NET/x'])
    const unpublished = report.checks.find((c) => c.id === 'unpublishedLinks')!
    assert.deepEqual([unpublished.level, unpublished.urls], ['problem', ['/2026/11/26/draft/']])
    assert.equal(deskChecks(input({ unpublishedLinks: null })).checks.some((c) => c.id === 'unpublishedLinks'), false)
  })
})

describe('desk checks: links to this site’s articles', () => {
  const site = { siteUrl: 'https://news.example.am', editions: ['hy', 'ru', 'en'], defaultEdition: 'hy' }

  it('reads edition, day and slug from relative and absolute article URLs of this site only', () => {
    const html = renderArticleBody([
      '[1](/2026/11/26/budget-vote/) [2](https://news.example.am/ru/2026/11/25/byudzhet/?utm=x)',
      '[3](https://elsewhere.example/2026/11/26/other/) [4](/ru/newsfeed/) [5](/fr/2026/11/26/unknown-edition/)',
      '[6](/2026/13/40/bad-day/) [7](/en/2026/01/02/new-year/#comments) [8](/hy/2026/11/26/default-with-prefix/)'
    ].join(' '))
    assert.deepEqual(articleTargets(linksOf(html), site).map((t) => [t.edition, t.day, t.slug]), [
      ['hy', '2026-11-26', 'budget-vote'], ['ru', '2026-11-25', 'byudzhet'], ['en', '2026-01-02', 'new-year']
    ])
  })
})

describe('desk checks: previews', () => {
  it('a search result shows "headline — site" cut near 60 characters, the address and the lead', () => {
    const preview = searchPreview({ headline: 'Parliament passes the budget after a long night of debate over spending', lead: 'The vote was 71 to 30.', siteName: 'Lede', url: 'https://lede.example/2026/11/26/budget/' })
    assert.ok([...preview.title].length <= 60, preview.title)
    assert.match(preview.title, /…$/)
    assert.equal(preview.description, 'The vote was 71 to 30.')
    assert.equal(searchPreview({ headline: 'Short', lead: '', siteName: 'Lede', url: '/' }).title, 'Short — Lede')
    assert.equal(searchPreview({ headline: 'Short', lead: '', siteName: 'Lede', url: '/' }).description, 'Short')
  })

  it('a social card shows the headline, the lead (or the headline) and the site’s host', () => {
    assert.deepEqual(socialPreview({ headline: 'Budget passes', lead: '', siteName: 'Lede', siteUrl: 'https://lede.example' }),
      { title: 'Budget passes', description: 'Budget passes', site: 'LEDE.EXAMPLE' })
  })

  it('truncates at a word boundary when one is near', () => {
    assert.equal(truncate('short', 10), 'short')
    assert.equal(truncate('one two three four five', 20), 'one two three four…')
    assert.equal(truncate('Երկարբառառանցբացատի', 5), 'Երկա…')
  })
})

describe('desk checks take time in proportion to the text', () => {
  const N = 20_000
  const shapes = ['<', '](', '<a href="http://x.example/">', '![](', 'word ', 'Ա', '[a](http://x', '<img src="x" alt="', '\n\n']
  for (const unit of shapes) {
    it(JSON.stringify(unit), () => {
      const build = (length: number) => unit.repeat(Math.ceil(length / unit.length))
      // The sanitised HTML is given as the raw text too: the checks must not trust its shape for their speed.
      const check = (text: string) => deskChecks(input({ headline: text, lead: text, bodySource: text, bodyHtml: text }))
      assertLinearTime(`deskChecks on ${JSON.stringify(unit)}`, check, build(N), build(4 * N))
    })
  }
})
