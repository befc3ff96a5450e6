import { withAgencyCredit } from '../../domain/article-body.js'
import { escapeHtml } from '../../domain/html-escape.js'
import { reprintNoticeText } from '../../domain/settings.js'
import { absoluteUrl, articlePath } from '../../domain/urls.js'
import { siteDates } from '../../i18n/format.js'
import type { ArticlePageData } from '../../services/reader.service.js'
import { CommentForm, CommentList, type CommentFormState, type ReplyTarget } from './comments.js'
import { commentsAreOpen } from '../../domain/moderation.js'
import type { ViewContext } from './context.js'
import { Layout } from './layout.js'
import { newsfeedLinesHtml } from './newsfeed-list.js'
import { FeaturedFigure } from './featured-figure.js'
import { ArticleStructuredData, structuredArticle } from './structured-data.js'
import { Citation } from './citation.js'
import { LiveBlogSection, LiveBlogStructuredData } from './live-blog.js'
import { commentsFeedLinks } from './feed-links.js'
import { listingPath } from '../../domain/syndication-urls.js'

export interface ArticlePageProps {
  ctx: ViewContext
  data: ArticlePageData
  form: CommentFormState
  /** Shown after a comment was accepted for moderation (the page URL carries a flag, not a session). */
  notice: 'awaiting-moderation' | null
  /** The comment the form answers (?replytocom=ID, the same page for every reader). */
  replyTo?: ReplyTarget | null
}

export function ArticlePage({ ctx, data, form, notice, replyTo }: ArticlePageProps) {
  const { settings, i18n } = ctx
  const { t } = i18n
  const { article, section, tags, comments, strip } = data
  const publishedAt = article.published_at!
  const dates = siteDates(settings, ctx.edition)
  const path = articlePath(ctx.prefix, publishedAt, article.slug, settings.timeZone)
  const canonical = absoluteUrl(settings.siteUrl, path)
  const bodyHtml = withAgencyCredit(article.body_html, article.agency_credit, escapeHtml)
  // Third-party embeds wait for a click (assets/embeds.js); pages without one load no script for them.
  const hasEmbeds = bodyHtml.includes('<figure class="embed"')
  return (
    <Layout ctx={ctx} title={article.headline} description={article.lead || article.headline} canonicalPath={path}
      head={<><ArticleStructuredData ctx={ctx} article={structuredArticle(data)} url={canonical} />{data.liveBlog ? <LiveBlogStructuredData ctx={ctx} view={data.liveBlog} article={article} url={canonical} /> : null}</>} feeds={commentsFeedLinks(ctx, path, article.headline)}
      editionLinks={data.editionLinks}>
      <div class="article-layout">
        <article class="article" lang={article.edition}>
          <header>
            {article.breaking ? <p class="breaking-mark">{t('article.breaking')}</p> : null}
            <h1>{article.headline}</h1>
            <p class="dateline">
              <time datetime={dates.iso(publishedAt)}>{dates.dateTime(publishedAt)}</time>
              {article.byline ? <> · <span class="byline">{t('article.by', { name: article.byline })}</span></> : null}
            </p>
          </header>
          {article.lead ? <p class="lead"><strong>{article.lead}</strong></p> : null}
          {data.featuredImage ? <FeaturedFigure image={data.featuredImage} /> : null}
          {data.liveBlog ? <LiveBlogSection ctx={ctx} articleId={article.id} view={data.liveBlog} /> : null}
          {/* body_html was rendered from the body document and sanitised at save; the credit is escaped. */}
          {hasEmbeds
            ? <><div class="article-body" data-embed-load={t('article.embedLoad')} data-embed-notice={t('article.embedNotice')} dangerouslySetInnerHTML={{ __html: bodyHtml }} /><script src="/assets/embeds.js" defer /></>
            : <div class="article-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />}
          {article.source_url ? <p class="source"><a href={article.source_url} rel="external noopener">{t('article.sourceLink')}</a></p> : null}
          <footer class="article-meta">
            {section ? <p><span class="label">{t('article.section')}:</span> <a href={listingPath(ctx.prefix, 'section', section.slug)}>{section.name}</a></p> : null}
            {tags.length > 0
              ? <p><span class="label">{t('article.tags')}:</span> {tags.map((tag, i) => <>{i > 0 ? ', ' : ''}<a class="tag" rel="tag" href={listingPath(ctx.prefix, 'tag', tag.slug)}>{tag.name}</a></>)}</p>
              : null}
            <p class="reprint-notice">{reprintNoticeText(settings, article.edition)}</p>
            <p class="canonical-link">{t('article.reprintLink')} <a href={canonical}>{canonical}</a></p>
          </footer>
          <Citation ctx={ctx} url={canonical} headline={article.headline} publishedAt={publishedAt} />
        </article>

        <aside class="newsfeed-strip" aria-labelledby="strip-title">
          <h2 id="strip-title">{t('article.newsfeedStrip')}</h2>
          {/* Rendered once while the strip is unchanged; its lines are escaped by renderToString like the rest. */}
          <ul class="newsfeed" dangerouslySetInnerHTML={{ __html: newsfeedLinesHtml(ctx, strip) }} />
          <p><a href={`${ctx.prefix}/`}>{t('article.allNews')} →</a></p>
        </aside>

        <section id="comments" class="comments" aria-labelledby="comments-title">
          <h2 id="comments-title">{i18n.plural('comments.heading', comments.length)}</h2>
          {notice === 'awaiting-moderation' ? <p class="notice" role="status">{t('comments.awaitingModeration')}</p> : null}
          <CommentList ctx={ctx} comments={comments} articlePath={path} open={commentsAreOpen(article, settings, ctx.now)} />
          {commentsAreOpen(article, settings, ctx.now)
            ? <CommentForm ctx={ctx} articleId={article.id} articlePath={path} state={form} replyTo={replyTo} />
            : <p class="comments-closed">{t('comments.closed')}</p>}
        </section>
      </div>
    </Layout>
  )
}
