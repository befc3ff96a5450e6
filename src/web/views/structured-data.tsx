// Head tags for search engines and link previews: JSON-LD, Open Graph, Twitter cards.
// JSON-LD blocks are data, not scripts, so the CSP (script-src 'self') does not apply to them; what
// keeps them inert is serializeJsonLd, which leaves no "</script>" in the block whatever a headline says.
import { isoWithOffset } from '../../i18n/format.js'
import type { StructuredArticle } from '../../domain/structured-data.js'
import {
  articleSocialTags, newsArticleJsonLd, publisherLogo, serializeJsonLd, siteJsonLd, type ArticlePlace, type PublisherInfo
} from '../../domain/structured-data.js'
import type { ArticlePageData } from '../../services/reader.service.js'
import type { ViewContext } from './context.js'

export function publisherInfo(ctx: ViewContext): PublisherInfo {
  const { settings } = ctx
  return { siteUrl: settings.siteUrl, siteName: settings.siteName, tagline: settings.tagline, logo: publisherLogo(settings.logoUrl) }
}

export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}

/** WebSite (with the search action) and Organization: the front page and the newsfeeds. */
export function SiteStructuredData({ ctx }: { ctx: ViewContext }) {
  return <JsonLd data={siteJsonLd(publisherInfo(ctx), { prefix: ctx.prefix, language: ctx.edition })} />
}

export function structuredArticle(data: ArticlePageData): StructuredArticle {
  const { article } = data
  return {
    edition: article.edition,
    headline: article.headline,
    lead: article.lead,
    publishedAt: article.published_at!,
    updatedAt: article.updated_at,
    byline: article.byline,
    author: data.author ?? null,
    section: data.section ? { id: data.section.id, slug: data.section.slug, name: data.section.name } : null,
    tags: data.tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
    image: data.image ?? null,
    sourceUrl: article.source_url
  }
}

/** NewsArticle JSON-LD, Open Graph and Twitter card tags of an article page. */
export function ArticleStructuredData({ ctx, article, url }: { ctx: ViewContext, article: StructuredArticle, url: string }) {
  const publisher = publisherInfo(ctx)
  const place: ArticlePlace = { url, prefix: ctx.prefix, zoned: (instant) => isoWithOffset(instant, ctx.settings.timeZone) }
  return (
    <>
      {articleSocialTags(article, place, publisher).map((tag, i) => (
        tag.attribute === 'property'
          ? <meta property={tag.key} content={tag.content} key={i} />
          : <meta name={tag.key} content={tag.content} key={i} />
      ))}
      <JsonLd data={newsArticleJsonLd(article, place, publisher)} />
    </>
  )
}
