// Pure rules behind feeds, sitemaps and conditional GET.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { etagMatches, httpDate, isNotModified, newestInstant, unchangedSince } from '../../src/domain/conditional-get.js'
import { absoluteMediaUrl, articleFeedEntry, commentFeedEntry, feedItemLimit, tagUri } from '../../src/domain/feed.js'
import type { PublishedArticle } from '../../src/domain/published-article.js'
import { rollUpSections, sectionSubtree } from '../../src/domain/sections.js'
import {
  childSitemapName, monthRange, newsLanguage, newsSitemapSince, parseChildSitemapName, sitemapPageCount, type ChildSitemap
} from '../../src/domain/sitemap.js'
import { feedPath, listingPath } from '../../src/domain/syndication-urls.js'
import { cdataHtml, xmlSafe } from '../../src/domain/xml-text.js'

describe('xml text', () => {
  it('drops characters XML forbids and keeps everything else', () => {
    assert.equal(xmlSafe('a\u0000b\u0008c\u000Bd\u001Fe\tf\ng\rh\uFFFEi\uFFFF'), 'abcde\tf\ng\rhi')
    assert.equal(xmlSafe('lone \uD800 surrogate, pair \uD83D\uDE00, Армения, Հայաստան'), 'lone  surrogate, pair \uD83D\uDE00, Армения, Հայաստան')
  })

  it('writes every "]]>" in HTML as "]]&gt;", which reads the same', () => {
    assert.equal(cdataHtml('<p>a ]]> b ]]></p>'), '<p>a ]]&gt; b ]]&gt;</p>')
  })
})

describe('feed entries', () => {
  const article: PublishedArticle = {
    id: 7, edition: 'ru', slug: 'story', headline: 'H', lead: 'L', bodyHtml: '<p>Body</p>', agencyCredit: 'TASS', sourceUrl: null,
    byline: null, author: null, section: null, tags: [], publishedAt: '2022-02-02T21:30:00.000Z', updatedAt: '2022-02-01T00:00:00.000Z',
    createdAt: '2022-01-31T10:00:00.000Z', breaking: false, pinned: false, commentsOpen: true, commentCount: 0, translationGroup: null, image: null
  }
  const site = { siteUrl: 'https://news.example:8443', siteName: 'S', timeZone: 'Asia/Yerevan', prefix: '/ru', fullText: true, logoUrl: null }

  it('have an id that survives edits, renames and republishing: the host, the creation day and the article id', () => {
    assert.equal(tagUri('https://news.example:8443/base', '2022-01-31T10:00:00.000Z', 'article', 7), 'tag:news.example,2022-01-31:article-7')
    assert.equal(articleFeedEntry(article, site).id, 'tag:news.example,2022-01-31:article-7')
    assert.equal(articleFeedEntry({ ...article, slug: 'renamed', headline: 'New', publishedAt: '2022-03-01T00:00:00.000Z' }, site).id, 'tag:news.example,2022-01-31:article-7')
  })

  it('link to the article in its edition, dated in the site time zone, and are never updated before they were published', () => {
    const entry = articleFeedEntry(article, site)
    assert.equal(entry.url, 'https://news.example:8443/ru/2022/02/03/story/')
    assert.equal(entry.updated, article.publishedAt)
    assert.equal(entry.language, 'ru')
    assert.deepEqual(entry.authors, [])
  })

  it('open the body with the agency credit, or carry only the lead', () => {
    assert.equal(articleFeedEntry(article, site).contentHtml, '<p><span class="agency-credit">/TASS/.</span> Body</p>')
    assert.equal(articleFeedEntry(article, { ...site, fullText: false }).contentHtml, null)
    assert.equal(articleFeedEntry(article, { ...site, fullText: false }).summary, 'L')
  })

  it('make image URLs absolute and leave absolute ones alone', () => {
    assert.equal(absoluteMediaUrl('https://news.example', '/media/1.webp'), 'https://news.example/media/1.webp')
    assert.equal(absoluteMediaUrl('https://news.example', 'media/1.webp'), 'https://news.example/media/1.webp')
    assert.equal(absoluteMediaUrl('https://news.example', 'https://cdn.example/1.webp'), 'https://cdn.example/1.webp')
  })

  it('of comments point at the comment and carry no author link from reader input', () => {
    const entry = commentFeedEntry({ id: 3, authorName: 'Ann', authorUrl: 'javascript:alert(1)', body: 'Hi', bodyHtml: '<p>Hi</p>', createdAt: '2022-02-03T10:00:00.000Z' },
      { url: 'https://news.example/a/', edition: 'en' }, { siteUrl: 'https://news.example' }, 'By: Ann')
    assert.equal(entry.url, 'https://news.example/a/#comment-3')
    assert.equal(entry.id, 'tag:news.example,2022-02-03:comment-3')
    assert.deepEqual(entry.authors, [{ name: 'Ann', url: null }])
    assert.equal(entry.contentHtml, '<p>Hi</p>')
  })

  it('come 50 to a feed unless the setting says otherwise, within bounds', () => {
    assert.equal(feedItemLimit(50), 50)
    assert.equal(feedItemLimit(0), 1)
    assert.equal(feedItemLimit(10_000), 500)
    assert.equal(feedItemLimit(Number.NaN), 50)
    assert.equal(feedItemLimit(12.7), 12)
  })
})

describe('feed and listing URLs', () => {
  it('put RSS at feed/, Atom at feed/atom/ and JSON Feed beside them', () => {
    assert.equal(feedPath('/', 'rss'), '/feed/')
    assert.equal(feedPath('/ru/section/politika/', 'atom'), '/ru/section/politika/feed/atom/')
    assert.equal(feedPath('/tag/usa', 'json'), '/tag/usa/feed.json')
    assert.equal(listingPath('/ru', 'author', 'a b'), '/ru/author/a%20b/')
  })
})

describe('sitemap names', () => {
  it('round-trip, with page 1 unnumbered', () => {
    const all: ChildSitemap[] = [
      { kind: 'pages' }, { kind: 'articles', month: '2022-02', page: 1 }, { kind: 'articles', month: '2022-02', page: 3 },
      { kind: 'sections', page: 1 }, { kind: 'tags', page: 2 }
    ]
    assert.deepEqual(all.map(childSitemapName), ['pages', 'articles-2022-02', 'articles-2022-02-3', 'sections', 'tags-2'])
    for (const s of all) assert.deepEqual(parseChildSitemapName(`${childSitemapName(s)}.xml`), s)
  })

  it('refuse anything else', () => {
    for (const name of ['articles-2022-13.xml', 'articles-2022-00.xml', 'articles-22-02.xml', 'tags-1.xml', 'tags-0.xml', 'pages-2.xml', 'sections',
      'sections.xml.gz', 'other.xml', '../sections.xml', 'tags-1234567.xml']) {
      assert.equal(parseChildSitemapName(name), null, name)
    }
  })

  it('need one page per 50,000 URLs, and at least one', () => {
    assert.equal(sitemapPageCount(0), 1)
    assert.equal(sitemapPageCount(50_000), 1)
    assert.equal(sitemapPageCount(50_001), 2)
    assert.equal(sitemapPageCount(5, 2), 3)
  })

  it('cover UTC months, December into January', () => {
    assert.deepEqual(monthRange('2022-12'), { start: '2022-12-01T00:00:00.000Z', end: '2023-01-01T00:00:00.000Z' })
    assert.deepEqual(monthRange('2024-02'), { start: '2024-02-01T00:00:00.000Z', end: '2024-03-01T00:00:00.000Z' })
  })
})

describe('the news sitemap window and languages', () => {
  it('reaches back exactly two days', () => {
    assert.equal(newsSitemapSince(new Date('2022-02-04T10:00:00.000Z')), '2022-02-02T10:00:00.000Z')
  })

  it('uses ISO 639 codes, keeping zh-cn and zh-tw', () => {
    assert.equal(newsLanguage('hy'), 'hy')
    assert.equal(newsLanguage('pt-BR'), 'pt')
    assert.equal(newsLanguage('zh-TW'), 'zh-tw')
  })
})

describe('section trees', () => {
  const sections = [
    { id: 1, parentId: null, articleCount: 1, lastModified: '2022-01-01T00:00:00.000Z' },
    { id: 2, parentId: 1, articleCount: 2, lastModified: '2022-03-01T00:00:00.000Z' },
    { id: 3, parentId: 2, articleCount: 0, lastModified: null },
    { id: 4, parentId: 5, articleCount: 1, lastModified: '2022-02-01T00:00:00.000Z' },
    { id: 5, parentId: 4, articleCount: 0, lastModified: null }
  ]

  it('give a section with everything below it, walking a loop once', () => {
    assert.deepEqual(sectionSubtree(sections, 1).sort(), [1, 2, 3])
    assert.deepEqual(sectionSubtree(sections, 3), [3])
    assert.deepEqual(sectionSubtree(sections, 4).sort(), [4, 5])
  })

  it('roll counts and newest changes up to their parents', () => {
    assert.deepEqual(rollUpSections(sections).map((s) => [s.id, s.totalCount, s.newestChange]), [
      [1, 3, '2022-03-01T00:00:00.000Z'], [2, 2, '2022-03-01T00:00:00.000Z'], [3, 0, null],
      [4, 1, '2022-02-01T00:00:00.000Z'], [5, 1, '2022-02-01T00:00:00.000Z']
    ])
  })
})

describe('conditional requests', () => {
  it('compare entity tags weakly, in lists, and with *', () => {
    assert.ok(etagMatches('"abc"', '"abc"'))
    assert.ok(etagMatches('W/"abc"', '"abc"'))
    assert.ok(etagMatches('"x", W/"abc" , "y"', '"abc"'))
    assert.ok(etagMatches('*', '"abc"'))
    assert.ok(!etagMatches('"abcd"', '"abc"'))
    assert.ok(!etagMatches('abc', '"abc"'))
  })

  it('compare dates in whole seconds and ignore bad ones', () => {
    assert.ok(unchangedSince('Thu, 03 Feb 2022 09:33:00 GMT', '2022-02-03T09:33:00.999Z'))
    assert.ok(!unchangedSince('Thu, 03 Feb 2022 09:32:59 GMT', '2022-02-03T09:33:00.000Z'))
    assert.ok(!unchangedSince('yesterday', '2022-02-03T09:33:00.000Z'))
    assert.equal(httpDate('2022-02-03T09:33:00.500Z'), 'Thu, 03 Feb 2022 09:33:00 GMT')
  })

  it('let If-None-Match decide when present, If-Modified-Since otherwise', () => {
    const response = { etag: '"v2"', lastModified: 'Thu, 03 Feb 2022 09:33:00 GMT' }
    assert.ok(isNotModified({ ifNoneMatch: '"v2"' }, response))
    assert.ok(!isNotModified({ ifNoneMatch: '"v1"', ifModifiedSince: 'Fri, 04 Feb 2022 00:00:00 GMT' }, response))
    assert.ok(isNotModified({ ifModifiedSince: 'Fri, 04 Feb 2022 00:00:00 GMT' }, response))
    assert.ok(!isNotModified({ ifModifiedSince: 'Fri, 04 Feb 2022 00:00:00 GMT' }, { etag: '"v2"' }))
    assert.ok(!isNotModified({}, response))
  })

  it('pick the newest instant', () => {
    assert.equal(newestInstant('2022-01-01T00:00:00.000Z', null, '2022-03-01T00:00:00.000Z', undefined), '2022-03-01T00:00:00.000Z')
    assert.equal(newestInstant(), null)
  })
})
