// What search engines and social networks read about a page: schema.org JSON-LD (NewsArticle,
// WebSite, Organization), Open Graph and Twitter card tags. Plain data in, plain data out.
import { articleCredit, IMAGE_ASPECTS, type ArticleImage, type PublishedArticle } from './published-article.js'
import { absoluteMediaUrl } from './feed.js'
import { listingPath } from './syndication-urls.js'
import { absoluteUrl, frontPath } from './urls.js'
import type { IsoInstant } from './days.js'
import { boundedMemo } from './memo.js'

/**
 * JSON for a <script type="application/ld+json"> block. JSON.stringify alone would let a headline
 * containing "</script>" end the block; "<", ">" and "&" become \u escapes (still the same JSON
 * strings), and so do U+2028/U+2029, which older JavaScript parsers treat as line ends.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export interface PublisherInfo {
  siteUrl: string
  siteName: string
  tagline: string
  /** Path or absolute URL of the logo, with its size when known. */
  logo: { url: string, width: number | null, height: number | null } | null
}

/** The logo Lede ships (assets/logo.png); its size is known, a replacement's is not. */
export const DEFAULT_LOGO = { path: '/assets/logo.png', width: 512, height: 512 }

export function publisherLogo(logoUrl: string): PublisherInfo['logo'] {
  if (!logoUrl) return null
  return logoUrl === DEFAULT_LOGO.path
    ? { url: logoUrl, width: DEFAULT_LOGO.width, height: DEFAULT_LOGO.height }
    : { url: logoUrl, width: null, height: null }
}

function organizationId(siteUrl: string): string {
  return absoluteUrl(siteUrl, '/#organization')
}

function imageObject(siteUrl: string, ref: { url: string, width: number | null, height: number | null }) {
  return {
    '@type': 'ImageObject',
    url: absoluteMediaUrl(siteUrl, ref.url),
    ...(ref.width ? { width: ref.width } : {}),
    ...(ref.height ? { height: ref.height } : {})
  }
}

export function organizationJsonLd(p: PublisherInfo) {
  return {
    '@type': 'Organization',
    '@id': organizationId(p.siteUrl),
    name: p.siteName,
    url: absoluteUrl(p.siteUrl, '/'),
    ...(p.logo ? { logo: imageObject(p.siteUrl, p.logo) } : {})
  }
}

/** WebSite and Organization for the front page and newsfeeds, with a SearchAction for /search?q=. */
export function siteJsonLd(p: PublisherInfo, edition: { prefix: string, language: string }) {
  const front = absoluteUrl(p.siteUrl, frontPath(edition.prefix))
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        '@id': `${front}#website`,
        url: front,
        name: p.siteName,
        ...(p.tagline ? { description: p.tagline } : {}),
        inLanguage: edition.language,
        publisher: { '@id': organizationId(p.siteUrl) },
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(p.siteUrl, `${edition.prefix}/search`)}?q={search_term_string}` },
          'query-input': 'required name=search_term_string'
        }
      },
      organizationJsonLd(p)
    ]
  }
}

export type StructuredArticle = Pick<PublishedArticle,
  'edition' | 'headline' | 'lead' | 'publishedAt' | 'updatedAt' | 'byline' | 'author' | 'section' | 'tags' | 'image' | 'sourceUrl'>

export interface ArticlePlace {
  /** Absolute canonical URL of the article. */
  url: string
  /** The edition prefix ("" or "/ru"), for author pages. */
  prefix: string
  /** An instant as ISO 8601 with the site's offset ("2022-02-03T13:33:00+04:00"). */
  zoned: (instant: IsoInstant) => string
}

/** Image URLs for structured data: each crop that exists (16×9, 4×3, 1×1), or the image itself. */
export function structuredImages(siteUrl: string, image: ArticleImage | null) {
  if (!image) return []
  const crops = IMAGE_ASPECTS.map((aspect) => image.crops[aspect]).filter((c) => c !== undefined)
  return (crops.length > 0 ? crops : [image]).map((ref) => imageObject(siteUrl, ref))
}

export function newsArticleJsonLd(article: StructuredArticle, place: ArticlePlace, p: PublisherInfo) {
  const credit = articleCredit(article)
  const images = structuredImages(p.siteUrl, article.image)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${place.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': place.url },
    url: place.url,
    headline: article.headline,
    ...(article.lead ? { description: article.lead } : {}),
    inLanguage: article.edition,
    datePublished: place.zoned(article.publishedAt),
    dateModified: place.zoned(article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt),
    // Without a byline the newsroom itself is the author.
    author: credit
      ? [{
          '@type': 'Person',
          name: credit.name,
          ...(credit.authorSlug ? { url: absoluteUrl(p.siteUrl, listingPath(place.prefix, 'author', credit.authorSlug)) } : {})
        }]
      : [{ '@type': 'Organization', '@id': organizationId(p.siteUrl), name: p.siteName, url: absoluteUrl(p.siteUrl, '/') }],
    publisher: organizationJsonLd(p),
    ...(images.length > 0 ? { image: images } : {}),
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
    ...(article.sourceUrl ? { isBasedOn: article.sourceUrl } : {}),
    isAccessibleForFree: true
  }
}

export interface MetaTag {
  /** Open Graph uses property=, Twitter cards name=. */
  attribute: 'property' | 'name'
  key: string
  content: string
}

/** Editions come from the settings: a handful of languages, each worked out once. */
const ogLocales = boundedMemo<string>(100)

/** "en" → "en_US", "hy" → "hy_AM": og:locale wants a language and a territory. */
export function ogLocale(language: string): string {
  return ogLocales.get(language, () => maximizedLocale(language))
}

function maximizedLocale(language: string): string {
  try {
    const max = new Intl.Locale(language).maximize()
    return max.region ? `${max.language}_${max.region}` : max.language
  } catch {
    return language
  }
}

/** Open Graph (og:type=article) and Twitter card tags for an article. */
export function articleSocialTags(article: StructuredArticle, place: ArticlePlace, p: PublisherInfo): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key, content })
  const tw = (key: string, content: string): MetaTag => ({ attribute: 'name', key, content })
  const description = article.lead || article.headline
  const credit = articleCredit(article)
  const tags: MetaTag[] = [
    og('og:type', 'article'),
    og('og:title', article.headline),
    og('og:description', description),
    og('og:url', place.url),
    og('og:site_name', p.siteName),
    og('og:locale', ogLocale(article.edition)),
    og('article:published_time', place.zoned(article.publishedAt)),
    og('article:modified_time', place.zoned(article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt))
  ]
  if (credit?.authorSlug) tags.push(og('article:author', absoluteUrl(p.siteUrl, listingPath(place.prefix, 'author', credit.authorSlug))))
  if (article.section) tags.push(og('article:section', article.section.name))
  for (const tag of article.tags) tags.push(og('article:tag', tag.name))
  // A wide picture suits link previews best: the 16×9 crop when there is one.
  const image = article.image
  const card = image ? (image.crops['16x9'] ?? image) : null
  if (image && card) {
    const url = absoluteMediaUrl(p.siteUrl, card.url)
    tags.push(og('og:image', url), og('og:image:width', String(card.width)), og('og:image:height', String(card.height)))
    if (card === image) tags.push(og('og:image:type', image.type))
    if (image.alt) tags.push(og('og:image:alt', image.alt))
  }
  tags.push(tw('twitter:card', card ? 'summary_large_image' : 'summary'), tw('twitter:title', article.headline), tw('twitter:description', description))
  if (image && card) {
    tags.push(tw('twitter:image', absoluteMediaUrl(p.siteUrl, card.url)))
    if (image.alt) tags.push(tw('twitter:image:alt', image.alt))
  }
  return tags
}

/** The ready-to-paste citation: `<a href="…">Headline</a>, Site name, February 3, 2022`. */
export function citationHtml(c: { url: string, headline: string, siteName: string, date: string }, escape: (s: string) => string): string {
  return `<a href="${escape(c.url)}">${escape(c.headline)}</a>, ${escape(c.siteName)}, ${escape(c.date)}`
}
