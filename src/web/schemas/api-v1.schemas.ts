// TypeBox schemas of the public JSON API (/api/v1/). Fastify validates queries with them and
// serialises responses through them (only the properties named here are ever written, so a column
// added to a table cannot leak), and the OpenAPI document is assembled from the same objects.
import { Type, type Static, type TSchema } from '@sinclair/typebox'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Url = (description: string) => Type.String({ format: 'uri', description })
const Instant = (description: string) => Type.String({ format: 'date-time', description })

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable machine-readable code: bad_request, not_found, method_not_allowed, server_error…' }),
    message: Type.String({ description: 'What went wrong, in English.' })
  }, { additionalProperties: false })
}, { additionalProperties: false, description: 'Every error answers with this shape.' })

export const TermLink = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  url: Url('The section or tag page.')
}, { additionalProperties: false })

export const Author = Type.Object({
  name: Type.String({ description: 'The byline as printed.' }),
  url: Nullable(Url('The author page, when the byline is a staff account.'))
}, { additionalProperties: false })

export const Image = Type.Object({
  url: Url('The image.'),
  type: Type.String({ description: 'MIME type.' }),
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Type.String(),
  caption: Nullable(Type.String()),
  credit: Nullable(Type.String())
}, { additionalProperties: false })

const articleProperties = {
  id: Type.Integer(),
  edition: Type.String({ description: 'Edition language code.' }),
  url: Url('Canonical URL of the article page.'),
  slug: Type.String(),
  headline: Type.String(),
  lead: Type.String({ description: 'Plain text.' }),
  agencyCredit: Nullable(Type.String({ description: 'News agency the story comes from, e.g. "TASS".' })),
  byline: Nullable(Type.String()),
  author: Nullable(Author),
  section: Nullable(TermLink),
  tags: Type.Array(TermLink),
  publishedAt: Instant('Publication time (UTC).'),
  updatedAt: Instant('Last change (UTC).'),
  breaking: Type.Boolean(),
  pinned: Type.Boolean({ description: 'Pinned to the top of its edition\'s front page.' }),
  commentsOpen: Type.Boolean(),
  commentCount: Type.Integer({ description: 'Approved comments.' }),
  image: Nullable(Image),
  translationGroup: Nullable(Type.String({ description: 'Articles translating one another share it.' })),
  commentsUrl: Url('This API\'s list of the article\'s approved comments.')
}

export const ArticleSummary = Type.Object(articleProperties, { additionalProperties: false })

export const Article = Type.Object({
  ...articleProperties,
  bodyHtml: Type.String({ description: 'Sanitised HTML, opening with the agency credit as the page prints it.' }),
  sourceUrl: Nullable(Type.String({ description: 'The original report, when the story cites one.' }))
}, { additionalProperties: false })

export const ArticleList = Type.Object({
  items: Type.Array(ArticleSummary),
  next: Nullable(Type.String({ description: 'Pass as `before` for the next (older) page; null on the last page.' })),
  nextUrl: Nullable(Url('The next page of this list.'))
}, { additionalProperties: false })

export const NewsfeedEntry = Type.Object({
  id: Type.Integer(),
  headline: Type.String(),
  url: Url('Canonical URL of the article page.'),
  publishedAt: Instant('Publication time (UTC).'),
  breaking: Type.Boolean(),
  commentCount: Type.Integer()
}, { additionalProperties: false })

export const NewsfeedDay = Type.Object({
  edition: Type.String(),
  day: Type.String({ format: 'date', description: 'A calendar day in the site\'s time zone.' }),
  timeZone: Type.String({ description: 'IANA zone the newsfeed is cut into days in.' }),
  items: Type.Array(NewsfeedEntry),
  previousDay: Nullable(Type.String({ format: 'date', description: 'The previous day with news.' })),
  nextDay: Nullable(Type.String({ format: 'date', description: 'The next day with news.' }))
}, { additionalProperties: false })

export const Section = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String({ description: 'Plain text an editor wrote for the section page; empty when there is none.' }),
  parentId: Nullable(Type.Integer()),
  url: Url('The section page.'),
  feedUrl: Url('The section\'s RSS feed.'),
  articleCount: Type.Integer({ description: 'Live articles filed directly in the section.' })
}, { additionalProperties: false })

export const SectionList = Type.Object({ items: Type.Array(Section) }, { additionalProperties: false })

export const Tag = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String({ description: 'Plain text an editor wrote for the tag page; empty when there is none.' }),
  url: Url('The tag page.'),
  feedUrl: Url('The tag\'s RSS feed.'),
  articleCount: Type.Integer({ description: 'Live articles with the tag.' })
}, { additionalProperties: false })

export const TagList = Type.Object({
  items: Type.Array(Tag),
  next: Nullable(Type.String({ description: 'Pass as `after` for the next page; null on the last page.' }))
}, { additionalProperties: false })

export const Comment = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer({ description: 'The comment this one replies to.' })),
  authorName: Type.String(),
  authorUrl: Nullable(Type.String({ description: 'The website the commenter gave, if any.' })),
  body: Type.String({ description: 'Plain text as written.' }),
  bodyHtml: Type.String({ description: 'The text as the article page renders it.' }),
  createdAt: Instant('When the comment was written (UTC).'),
  url: Url('The comment on the article page.')
}, { additionalProperties: false })

export const CommentList = Type.Object({
  articleId: Type.Integer(),
  items: Type.Array(Comment, { description: 'Approved comments in thread order: each reply after its parent, oldest first.' })
}, { additionalProperties: false })

// ---- Requests ----------------------------------------------------------------------------------------

const Edition = Type.String({ pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})?$', description: 'Edition language code; the default edition when omitted.' })
const Slug = (what: string) => Type.String({ minLength: 1, maxLength: 200, description: `Only articles of this ${what} (its slug).` })
const DayParam = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description })

export const ArticlesQuery = Type.Object({
  edition: Type.Optional(Edition),
  section: Type.Optional(Slug('section (and its subsections)')),
  tag: Type.Optional(Slug('tag')),
  author: Type.Optional(Slug('author')),
  date: Type.Optional(DayParam('Only articles published on this day (YYYY-MM-DD, site time zone).')),
  from: Type.Optional(DayParam('Only articles published on or after this day.')),
  to: Type.Optional(DayParam('Only articles published on or before this day.')),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Articles per page (1–100).' })),
  before: Type.Optional(Type.String({ pattern: '^\\d{1,15}-\\d{1,12}$', description: 'Cursor from `next` of the previous page.' }))
}, { additionalProperties: false })

export const ArticleIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })

export const ArticleByUrlQuery = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2000, description: 'The article\'s URL on this site, absolute or as a path.' })
}, { additionalProperties: false })

export const EditionQuery = Type.Object({ edition: Type.Optional(Edition) }, { additionalProperties: false })

export const NewsfeedParams = Type.Object({ day: DayParam('A calendar day (YYYY-MM-DD) in the site\'s time zone.') }, { additionalProperties: false })

export const TagsQuery = Type.Object({
  edition: Type.Optional(Edition),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200, description: 'Tags per page (1–1000).' })),
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Cursor from `next` of the previous page.' }))
}, { additionalProperties: false })

export type ArticleJson = Static<typeof Article>
export type ArticleSummaryJson = Static<typeof ArticleSummary>
export type CommentJson = Static<typeof Comment>
