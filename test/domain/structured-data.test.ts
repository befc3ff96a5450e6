import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  articleSocialTags, citationHtml, newsArticleJsonLd, ogLocale, publisherLogo, serializeJsonLd, siteJsonLd, structuredImages,
  type ArticlePlace, type PublisherInfo, type StructuredArticle
} from '../../src/domain/structured-data.js'
import { articleCredit } from '../../src/domain/published-article.js'
import { escapeHtml } from '../../src/domain/html-escape.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const PUBLISHER: PublisherInfo = {
  siteUrl: 'https://news.example', siteName: 'Lede Daily', tagline: 'News as it happens', logo: publisherLogo('/assets/logo.png')
}
const PLACE: ArticlePlace = {
  url: 'https://news.example/2022/02/03/talks/', prefix: '',
  zoned: (instant) => `${instant.slice(0, 19)}+00:00`
}
const IMAGE = {
  url: '/media/7/original.jpg', type: 'image/jpeg', width: 2000, height: 1500, bytes: 1000, alt: 'Delegates', caption: null, credit: null,
  crops: {
    '16x9': { url: '/media/7/16x9.webp', width: 1600, height: 900 },
    '4x3': { url: '/media/7/4x3.webp', width: 1600, height: 1200 },
    '1x1': { url: 'https://cdn.example/7/1x1.webp', width: 1200, height: 1200 }
  }
}
const ARTICLE: StructuredArticle = {
  edition: 'en', headline: 'Talks resume', lead: 'Delegations met.', publishedAt: '2022-02-03T09:33:00.000Z', updatedAt: '2022-02-03T11:00:00.000Z',
  byline: 'Owen Pryce', author: { name: 'Owen Pryce', slug: 'owen-pryce' }, section: { id: 1, slug: 'politics', name: 'Politics' },
  tags: [{ id: 2, slug: 'diplomacy', name: 'Diplomacy' }, { id: 3, slug: 'usa', name: 'USA' }], image: IMAGE, sourceUrl: null
}

describe('serializeJsonLd', () => {
  it('leaves no way out of a <script> block, and parses back to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028\u2029' }
    const json = serializeJsonLd(data)
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/)
    assert.match(json, /\\u003c\/script\\u003e/)
    assert.deepEqual(JSON.parse(json), data)
  })
})

describe('newsArticleJsonLd', () => {
  it('has every property search engines read, with the three image crops', () => {
    const ld = newsArticleJsonLd(ARTICLE, PLACE, PUBLISHER)
    assert.deepEqual(ld, {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': 'https://news.example/2022/02/03/talks/#article',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/2022/02/03/talks/' },
      url: 'https://news.example/2022/02/03/talks/',
      headline: 'Talks resume',
      description: 'Delegations met.',
      inLanguage: 'en',
      datePublished: '2022-02-03T09:33:00+00:00',
      dateModified: '2022-02-03T11:00:00+00:00',
      author: [{ '@type': 'Person', name: 'Owen Pryce', url: 'https://news.example/author/owen-pryce/' }],
      publisher: {
        '@type': 'Organization', '@id': 'https://news.example/#organization', name: 'Lede Daily', url: 'https://news.example/',
        logo: { '@type': 'ImageObject', url: 'https://news.example/assets/logo.png', width: 512, height: 512 }
      },
      image: [
        { '@type': 'ImageObject', url: 'https://news.example/media/7/16x9.webp', width: 1600, height: 900 },
        { '@type': 'ImageObject', url: 'https://news.example/media/7/4x3.webp', width: 1600, height: 1200 },
        { '@type': 'ImageObject', url: 'https://cdn.example/7/1x1.webp', width: 1200, height: 1200 }
      ],
      articleSection: 'Politics',
      keywords: ['Diplomacy', 'USA'],
      isAccessibleForFree: true
    })
  })

  it('uses the image itself when no crops were made, and leaves image out without one', () => {
    assert.deepEqual(structuredImages('https://news.example', { ...IMAGE, crops: {} }),
      [{ '@type': 'ImageObject', url: 'https://news.example/media/7/original.jpg', width: 2000, height: 1500 }])
    const ld = newsArticleJsonLd({ ...ARTICLE, image: null, tags: [], section: null, lead: '' }, PLACE, PUBLISHER)
    for (const key of ['image', 'keywords', 'articleSection', 'description']) assert.ok(!(key in ld), key)
  })

  it('credits the newsroom when there is no byline, and a byline alone without an author page', () => {
    const none = newsArticleJsonLd({ ...ARTICLE, byline: null, author: null }, PLACE, PUBLISHER)
    assert.deepEqual(none.author, [{ '@type': 'Organization', '@id': 'https://news.example/#organization', name: 'Lede Daily', url: 'https://news.example/' }])
    const guest = newsArticleJsonLd({ ...ARTICLE, byline: 'A Guest' }, PLACE, PUBLISHER)
    assert.deepEqual(guest.author, [{ '@type': 'Person', name: 'A Guest' }])
  })
})

describe('articleCredit', () => {
  it('links the byline to an author page only when it names the article\'s account', () => {
    assert.deepEqual(articleCredit({ byline: 'Owen Pryce', author: { name: 'Owen Pryce', slug: 'owen' } }), { name: 'Owen Pryce', authorSlug: 'owen' })
    assert.deepEqual(articleCredit({ byline: 'Staff', author: { name: 'Owen Pryce', slug: 'owen' } }), { name: 'Staff', authorSlug: null })
    assert.deepEqual(articleCredit({ byline: '  ', author: { name: 'Owen Pryce', slug: 'owen' } }), { name: 'Owen Pryce', authorSlug: 'owen' })
    assert.equal(articleCredit({ byline: null, author: null }), null)
  })
})

describe('siteJsonLd', () => {
  it('describes the WebSite with a SearchAction for the edition, and the Organization', () => {
    const ld = siteJsonLd(PUBLISHER, { prefix: '/ru', language: 'ru' })
    const [site, org] = ld['@graph'] as Loose[]
    assert.equal(site['@type'], 'WebSite')
    assert.equal(site.url, 'https://news.example/ru/')
    assert.equal(site.inLanguage, 'ru')
    assert.deepEqual(site.potentialAction, {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://news.example/ru/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string'
    })
    assert.equal(org['@type'], 'Organization')
    assert.deepEqual(site.publisher, { '@id': org['@id'] })
  })

  it('gives a replaced logo without a size it cannot know', () => {
    assert.deepEqual(publisherLogo('https://cdn.example/logo.png'), { url: 'https://cdn.example/logo.png', width: null, height: null })
    assert.equal(publisherLogo(''), null)
  })
})

describe('articleSocialTags', () => {
  const tags = (article: StructuredArticle) => articleSocialTags(article, PLACE, PUBLISHER).map((t) => `${t.attribute}:${t.key}=${t.content}`)

  it('gives Open Graph article tags and a large Twitter card with the 16×9 crop', () => {
    assert.deepEqual(tags(ARTICLE), [
      'property:og:type=article',
      'property:og:title=Talks resume',
      'property:og:description=Delegations met.',
      'property:og:url=https://news.example/2022/02/03/talks/',
      'property:og:site_name=Lede Daily',
      'property:og:locale=en_US',
      'property:article:published_time=2022-02-03T09:33:00+00:00',
      'property:article:modified_time=2022-02-03T11:00:00+00:00',
      'property:article:author=https://news.example/author/owen-pryce/',
      'property:article:section=Politics',
      'property:article:tag=Diplomacy',
      'property:article:tag=USA',
      'property:og:image=https://news.example/media/7/16x9.webp',
      'property:og:image:width=1600',
      'property:og:image:height=900',
      'property:og:image:alt=Delegates',
      'name:twitter:card=summary_large_image',
      'name:twitter:title=Talks resume',
      'name:twitter:description=Delegations met.',
      'name:twitter:image=https://news.example/media/7/16x9.webp',
      'name:twitter:image:alt=Delegates'
    ])
  })

  it('gives a plain summary card without an image, and the headline when there is no lead', () => {
    const plain = tags({ ...ARTICLE, image: null, lead: '' })
    assert.ok(plain.includes('name:twitter:card=summary'))
    assert.ok(plain.includes('property:og:description=Talks resume'))
    assert.ok(!plain.some((t) => t.includes('og:image')))
  })

  it('names the image type when the image itself is used', () => {
    assert.ok(tags({ ...ARTICLE, image: { ...IMAGE, crops: {} } }).includes('property:og:image:type=image/jpeg'))
  })
})

describe('ogLocale', () => {
  it('adds the likely territory', () => {
    assert.equal(ogLocale('en'), 'en_US')
    assert.equal(ogLocale('ru'), 'ru_RU')
    assert.equal(ogLocale('hy'), 'hy_AM')
  })
})

describe('citationHtml', () => {
  it('is a hyperlink with the headline, then the site name and date, all escaped', () => {
    assert.equal(citationHtml({ url: 'https://news.example/a/?x=1&y="2"', headline: 'A <b> & "c"', siteName: 'Lede & Co', date: 'February 3, 2022' }, escapeHtml),
      '<a href="https://news.example/a/?x=1&amp;y=&quot;2&quot;">A &lt;b&gt; &amp; &quot;c&quot;</a>, Lede &amp; Co, February 3, 2022')
  })
})
