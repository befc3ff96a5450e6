// The three feed formats, rendered from constructed articles (one with a featured image, as the media
// library will supply) and read back by two independent parsers, xmllint, and structural checks
// against RFC 4287 (Atom) and JSON Feed 1.1.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { articleFeedEntry, feedDocument, type FeedDocument } from '../../../src/domain/feed.js'
import type { PublishedArticle } from '../../../src/domain/published-article.js'
import { renderFeed } from '../../../src/web/views/feeds.js'
import {
  childElements, feedparser, rowanmanning, SKIP_PYTHON, SKIP_XMLLINT, textOf, xmllint, xmlTree, type Loose
} from '../syndication-support.js'

const SITE = { siteUrl: 'https://news.example', siteName: 'Lede Daily', timeZone: 'Asia/Yerevan', prefix: '', fullText: true, logoUrl: '/assets/logo.png' }
const PATHS = { rss: '/feed/', atom: '/feed/atom/', json: '/feed.json' }
const NOW = new Date('2022-02-04T00:00:00.000Z')

function article(overrides: Partial<PublishedArticle> = {}): PublishedArticle {
  return {
    id: 42, edition: 'en', slug: 'talks-resume', headline: 'Talks resume in Geneva & Vienna', lead: 'Both sides said <progress> was “slow but real”.',
    bodyHtml: '<p>Delegations met for four hours.</p><p>A second round is set for March.</p>',
    agencyCredit: 'TASS', sourceUrl: 'https://wire.example/1', byline: 'Owen Pryce', author: { name: 'Owen Pryce', slug: 'owen-pryce' },
    section: { id: 1, slug: 'politics', name: 'Politics' },
    tags: [{ id: 2, slug: 'diplomacy', name: 'Diplomacy' }, { id: 3, slug: 'usa', name: 'USA' }],
    publishedAt: '2022-02-03T09:33:00.000Z', updatedAt: '2022-02-03T11:00:00.000Z', createdAt: '2022-02-03T09:00:00.000Z',
    breaking: false, pinned: false, commentsOpen: true, commentCount: 0, translationGroup: null,
    image: {
      url: '/media/7/talks.jpg', type: 'image/jpeg', width: 1600, height: 900, bytes: 183_004, alt: 'Delegates at the table',
      caption: null, credit: 'Photo: Lede Daily', crops: { '16x9': { url: '/media/7/talks-16x9.webp', width: 1600, height: 900 } }
    },
    ...overrides
  }
}

const PLAIN = article({
  id: 43, slug: 'quiet-day', headline: 'A quiet day', lead: '', byline: null, author: null, agencyCredit: null, section: null, tags: [], image: null,
  publishedAt: '2022-02-03T08:00:00.000Z', updatedAt: '2022-02-03T08:00:00.000Z', createdAt: '2022-02-03T08:00:00.000Z'
})

function doc(articles: PublishedArticle[], fullText = true): FeedDocument {
  const site = { ...SITE, fullText }
  return feedDocument({ title: 'Lede Daily', description: 'News as it happens', pagePath: '/', language: 'en' },
    articles.map((a) => articleFeedEntry(a, site)), site, NOW, PATHS)
}

const ARTICLE_URL = 'https://news.example/2022/02/03/talks-resume/'
const GUID = 'tag:news.example,2022-02-03:article-42'

describe('RSS 2.0', () => {
  const xml = renderFeed(doc([article(), PLAIN]), 'rss').body

  it('is well-formed XML', { skip: SKIP_XMLLINT }, () => {
    const result = xmllint(xml)
    assert.ok(result.ok, result.output)
  })

  it('carries every field, as Python feedparser reads it', { skip: SKIP_PYTHON }, () => {
    const d = feedparser(xml)
    assert.equal(d.bozo, false, d.bozo_exception)
    assert.equal(d.version, 'rss20')
    assert.equal(d.feed.title, 'Lede Daily')
    assert.equal(d.feed.link, 'https://news.example/')
    assert.equal(d.feed.language, 'en')
    assert.equal(d.feed.image.href, 'https://news.example/assets/logo.png')
    assert.ok(d.feed.links.some((l: Loose) => l.rel === 'self' && l.href === 'https://news.example/feed/'), 'self link')
    const [e, plain] = d.entries
    assert.equal(e.title, 'Talks resume in Geneva & Vienna')
    assert.equal(e.link, ARTICLE_URL)
    assert.equal(e.id, GUID)
    assert.equal(e.guidislink, false)
    assert.equal(e.published, 'Thu, 03 Feb 2022 09:33:00 GMT')
    assert.equal(e.updated, '2022-02-03T11:00:00.000Z')
    assert.deepEqual(e.authors, [{ name: 'Owen Pryce' }])
    assert.deepEqual(e.contributors, [{ name: 'TASS' }], 'the agency credit')
    assert.deepEqual(e.tags.map((t: Loose) => [t.term, t.scheme]), [
      ['Politics', 'https://news.example/section/politics/'], ['Diplomacy', 'https://news.example/tag/diplomacy/'], ['USA', 'https://news.example/tag/usa/']
    ])
    // The description is HTML; the lead's "<" arrives escaped, so a reader shows it as text.
    assert.equal(e.summary, 'Both sides said &lt;progress&gt; was “slow but real”.')
    assert.equal(e.content[0].value, '<p><span class="agency-credit">/TASS/.</span> Delegations met for four hours.</p><p>A second round is set for March.</p>')
    const enclosure = e.links.find((l: Loose) => l.rel === 'enclosure')
    assert.deepEqual(enclosure, { rel: 'enclosure', href: 'https://news.example/media/7/talks.jpg', type: 'image/jpeg', length: '183004' })
    assert.deepEqual(e.media_content, [{ url: 'https://news.example/media/7/talks.jpg', type: 'image/jpeg', medium: 'image', width: '1600', height: '900', filesize: '183004' }])
    assert.equal(plain.title, 'A quiet day')
    assert.equal(plain.author, undefined)
    assert.equal(plain.links.filter((l: Loose) => l.rel === 'enclosure').length, 0)
  })

  it('carries every field, as @rowanmanning/feed-parser reads it', () => {
    const f = rowanmanning(xml)
    assert.equal(f.meta.type, 'rss')
    assert.equal(f.title, 'Lede Daily')
    assert.equal(f.description, 'News as it happens')
    assert.equal(f.url, 'https://news.example/')
    assert.equal(f.self, 'https://news.example/feed/')
    assert.equal(f.language, 'en')
    assert.equal(f.updated, '2022-02-03T11:00:00.000Z')
    assert.equal(f.image.url, 'https://news.example/assets/logo.png')
    const [e] = f.items
    assert.equal(e.id, GUID)
    assert.equal(e.title, 'Talks resume in Geneva & Vienna')
    assert.equal(e.url, ARTICLE_URL)
    assert.equal(e.published, '2022-02-03T09:33:00.000Z')
    assert.equal(e.updated, '2022-02-03T11:00:00.000Z')
    assert.equal(e.description, 'Both sides said <progress> was “slow but real”.')
    assert.match(e.content, /^<p><span class="agency-credit">\/TASS\/\.<\/span> Delegations met/)
    assert.deepEqual(e.authors, [{ name: 'Owen Pryce', email: null, url: null }])
    assert.deepEqual(e.categories.map((c: Loose) => [c.label, c.url]), [
      ['Politics', 'https://news.example/section/politics/'], ['Diplomacy', 'https://news.example/tag/diplomacy/'], ['USA', 'https://news.example/tag/usa/']
    ])
    assert.deepEqual(e.media, [{ url: 'https://news.example/media/7/talks.jpg', image: 'https://news.example/media/7/talks.jpg', title: null, length: 183004, type: 'image', mimeType: 'image/jpeg' }])
  })

  it('never writes an email address in <author>', () => {
    assert.doesNotMatch(xml, /<author>/)
    assert.doesNotMatch(xml, /@/)
  })
})

describe('Atom 1.0', () => {
  const xml = renderFeed(doc([article(), PLAIN]), 'atom').body

  it('is well-formed XML', { skip: SKIP_XMLLINT }, () => {
    const result = xmllint(xml)
    assert.ok(result.ok, result.output)
  })

  it('has every element RFC 4287 requires, once where it must be unique', () => {
    const feed = childElements(xmlTree(xml), 'feed')[0]!
    assert.equal(feed.attributes?.xmlns, 'http://www.w3.org/2005/Atom')
    assert.equal(feed.attributes?.['xml:lang'], 'en')
    for (const name of ['id', 'title', 'updated']) assert.equal(childElements(feed, name).length, 1, `feed/${name}`)
    assert.ok(childElements(feed, 'author').length >= 1, 'feed/author (entries without one inherit it, §4.1.1)')
    assert.equal(textOf(childElements(childElements(feed, 'author')[0], 'name')[0]), 'Lede Daily')
    const links = childElements(feed, 'link').map((l) => l.attributes ?? {})
    assert.ok(links.some((l) => l.rel === 'self' && l.href === 'https://news.example/feed/atom/'), 'feed/link[@rel=self] (§4.1.1 SHOULD)')
    assert.ok(links.some((l) => l.rel === 'alternate' && l.href === 'https://news.example/'))
    assert.ok(!Number.isNaN(Date.parse(textOf(childElements(feed, 'updated')[0]))))
    const entries = childElements(feed, 'entry')
    assert.equal(entries.length, 2)
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated']) assert.equal(childElements(entry, name).length, 1, `entry/${name}`)
      assert.ok(textOf(childElements(entry, 'id')[0]).startsWith('tag:'), 'atom:id is an IRI')
      // §4.1.2: an entry without atom:content must have a rel=alternate link.
      assert.ok(childElements(entry, 'link').some((l) => (l.attributes?.rel ?? 'alternate') === 'alternate'))
      assert.ok(childElements(entry, 'link').filter((l) => (l.attributes?.rel ?? 'alternate') === 'alternate').length <= 1)
      for (const c of childElements(entry, 'content')) assert.equal(c.attributes?.type, 'html')
      const published = Date.parse(textOf(childElements(entry, 'published')[0]))
      assert.ok(published <= Date.parse(textOf(childElements(entry, 'updated')[0])))
    }
  })

  it('carries every field, as Python feedparser reads it', { skip: SKIP_PYTHON }, () => {
    const d = feedparser(xml)
    assert.equal(d.bozo, false, d.bozo_exception)
    assert.equal(d.version, 'atom10')
    assert.equal(d.feed.id, 'https://news.example/')
    assert.equal(d.feed.title, 'Lede Daily')
    assert.equal(d.feed.subtitle, 'News as it happens')
    assert.equal(d.feed.language, 'en')
    assert.equal(d.feed.updated, '2022-02-03T11:00:00.000Z')
    assert.equal(d.feed.logo, 'https://news.example/assets/logo.png')
    assert.deepEqual(d.feed.authors, [{ name: 'Lede Daily', href: 'https://news.example/' }])
    const [e] = d.entries
    assert.equal(e.id, GUID)
    assert.equal(e.title_detail.type, 'text/html')
    assert.equal(e.title, 'Talks resume in Geneva &amp; Vienna', 'HTML text, displayed as "Geneva & Vienna"')
    assert.equal(e.link, ARTICLE_URL)
    assert.equal(e.published, '2022-02-03T09:33:00.000Z')
    assert.equal(e.updated, '2022-02-03T11:00:00.000Z')
    assert.deepEqual(e.authors, [{ name: 'Owen Pryce', href: 'https://news.example/author/owen-pryce/' }])
    assert.deepEqual(e.contributors, [{ name: 'TASS' }])
    assert.deepEqual(e.tags, [
      { term: 'politics', scheme: 'https://news.example/section/politics/', label: 'Politics' },
      { term: 'diplomacy', scheme: 'https://news.example/tag/diplomacy/', label: 'Diplomacy' },
      { term: 'usa', scheme: 'https://news.example/tag/usa/', label: 'USA' }
    ])
    assert.equal(e.summary, 'Both sides said &lt;progress&gt; was “slow but real”.')
    assert.match(e.content[0].value, /^<p><span class="agency-credit">\/TASS\/\.<\/span> Delegations met/)
    assert.deepEqual(e.links.find((l: Loose) => l.rel === 'enclosure'), {
      rel: 'enclosure', href: 'https://news.example/media/7/talks.jpg', type: 'image/jpeg', length: '183004', title: 'Delegates at the table'
    })
  })

  it('carries every field, as @rowanmanning/feed-parser reads it', () => {
    const f = rowanmanning(xml)
    assert.equal(f.meta.type, 'atom')
    assert.equal(f.self, 'https://news.example/feed/atom/')
    assert.equal(f.url, 'https://news.example/')
    assert.equal(f.language, 'en')
    const [e, plain] = f.items
    assert.equal(e.id, GUID)
    assert.equal(e.title, 'Talks resume in Geneva & Vienna')
    assert.equal(e.url, ARTICLE_URL)
    assert.equal(e.published, '2022-02-03T09:33:00.000Z')
    assert.equal(e.updated, '2022-02-03T11:00:00.000Z')
    assert.equal(e.description, 'Both sides said <progress> was “slow but real”.')
    assert.deepEqual(e.authors, [{ name: 'Owen Pryce', email: null, url: 'https://news.example/author/owen-pryce/' }])
    assert.deepEqual(e.categories.map((c: Loose) => [c.term, c.label, c.url]), [
      ['politics', 'Politics', 'https://news.example/section/politics/'], ['diplomacy', 'Diplomacy', 'https://news.example/tag/diplomacy/'],
      ['usa', 'USA', 'https://news.example/tag/usa/']
    ])
    assert.equal(e.media[0].mimeType, 'image/jpeg')
    assert.equal(e.media[0].length, 183004)
    // An entry without a byline falls back to the feed's author, the publication.
    assert.deepEqual(plain.authors.map((a: Loose) => a.name), ['Lede Daily'])
  })
})

describe('JSON Feed 1.1', () => {
  const json = JSON.parse(renderFeed(doc([article(), PLAIN]), 'json').body)

  it('has the required fields and the 1.1 ones', () => {
    assert.equal(json.version, 'https://jsonfeed.org/version/1.1')
    assert.equal(json.title, 'Lede Daily')
    assert.equal(json.home_page_url, 'https://news.example/')
    assert.equal(json.feed_url, 'https://news.example/feed.json')
    assert.equal(json.language, 'en')
    assert.deepEqual(json.authors, [{ name: 'Lede Daily', url: 'https://news.example/' }])
    assert.ok(Array.isArray(json.items))
    for (const item of json.items) {
      assert.equal(typeof item.id, 'string')
      assert.ok(typeof item.content_html === 'string' || typeof item.content_text === 'string', 'content_html or content_text')
      for (const key of Object.keys(item)) {
        assert.ok(['id', 'url', 'title', 'content_html', 'content_text', 'summary', 'image', 'date_published', 'date_modified', 'authors',
          'author', 'tags', 'language', 'attachments'].includes(key) || key.startsWith('_'), `unknown item key ${key}`)
      }
    }
  })

  it('carries every field of an item', () => {
    const [item, plain] = json.items
    assert.equal(item.id, GUID)
    assert.equal(item.url, ARTICLE_URL)
    assert.equal(item.title, 'Talks resume in Geneva & Vienna')
    assert.equal(item.summary, 'Both sides said <progress> was “slow but real”.')
    assert.match(item.content_html, /^<p><span class="agency-credit">\/TASS\/\.<\/span>/)
    assert.equal(item.date_published, '2022-02-03T09:33:00.000Z')
    assert.equal(item.date_modified, '2022-02-03T11:00:00.000Z')
    assert.deepEqual(item.authors, [{ name: 'Owen Pryce', url: 'https://news.example/author/owen-pryce/' }])
    assert.deepEqual(item.tags, ['Politics', 'Diplomacy', 'USA'])
    assert.equal(item.language, 'en')
    assert.equal(item.image, 'https://news.example/media/7/talks.jpg')
    assert.deepEqual(item.attachments, [{ url: 'https://news.example/media/7/talks.jpg', mime_type: 'image/jpeg', size_in_bytes: 183004 }])
    assert.equal(item._lede.agency_credit, 'TASS')
    assert.deepEqual(item._lede.categories[0], { kind: 'section', term: 'politics', label: 'Politics', url: 'https://news.example/section/politics/' })
    assert.equal(plain.authors, undefined)
    assert.equal(plain.image, undefined)
  })
})

describe('a feed with summaries only (feedFullText off)', () => {
  const summary = doc([article()], false)

  it('carries the lead, never the body, in all three formats', () => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      const body = renderFeed(summary, format).body
      assert.doesNotMatch(body, /Delegations met/, format)
      assert.match(body, /slow but real/, format)
    }
    const item = JSON.parse(renderFeed(summary, 'json').body).items[0]
    assert.equal(item.content_text, 'Both sides said <progress> was “slow but real”.')
    assert.equal(item.content_html, undefined)
  })
})

describe('hostile text', () => {
  const hostile = article({
    headline: '</script><script>alert(1)</script> ]]> twice ]]> & "quotes" \u0001',
    lead: 'Lead ]]> with <img src=x onerror=alert(1)>',
    tags: [{ id: 9, slug: 'c-3', name: 'C<3 & "friends" ]]>' }],
    byline: 'A & <B>', author: null, agencyCredit: 'Wire <&>'
  })
  const d = doc([hostile])

  it('keeps every XML format well-formed', { skip: SKIP_XMLLINT }, () => {
    for (const format of ['rss', 'atom'] as const) {
      const result = xmllint(renderFeed(d, format).body)
      assert.ok(result.ok, `${format}: ${result.output}`)
    }
  })

  it('reaches readers as text, not markup', () => {
    const rss = rowanmanning(renderFeed(d, 'rss').body).items[0]
    // The RSS title's "]]>" was written "]]&gt;" (see cdataHtml); readers decode it back.
    assert.equal(rss.title, '</script><script>alert(1)</script> ]]> twice ]]> & "quotes"')
    assert.deepEqual(rss.categories.map((c: Loose) => c.label), ['Politics', 'C<3 & "friends" ]]>'])
    const atom = rowanmanning(renderFeed(d, 'atom').body).items[0]
    assert.equal(atom.title, '</script><script>alert(1)</script> ]]> twice ]]> & "quotes"')
    assert.equal(atom.categories[1].label, 'C<3 & "friends" ]]>')
    assert.equal(JSON.parse(renderFeed(d, 'json').body).items[0].title, hostile.headline)
  })

  it('is read back without errors by feedparser', { skip: SKIP_PYTHON }, () => {
    for (const format of ['rss', 'atom'] as const) {
      const parsed = feedparser(renderFeed(d, format).body)
      assert.equal(parsed.bozo, false, `${format}: ${parsed.bozo_exception}`)
      assert.equal(parsed.entries.length, 1)
      assert.doesNotMatch(JSON.stringify(parsed.entries[0].content), /<script|onerror/i, format)
    }
  })
})
