// An article version as an editor reads it, field by field, for revision and conflict diffs.
import { bodySourceText } from '../../../domain/body-source.js'
import type { VersionSnapshot } from '../../../services/article-editor.service.js'
import { diffVersions, type FieldDiff } from '../../../domain/revision-diff.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { MessageKey, Translator } from '../../../i18n/index.js'
import { STATUS_KEYS } from './article-status.js'

export const DIFF_FIELDS = [
  'headline', 'slug', 'lead', 'body', 'agencyCredit', 'sourceUrl', 'byline', 'section', 'tags', 'breaking', 'pinned', 'commentsOpen',
  'featuredImage', 'featuredAlt', 'featuredCaption', 'featuredCredit', 'status', 'publishedAt'
] as const
export type DiffField = typeof DIFF_FIELDS[number]

export const DIFF_FIELD_KEYS: Record<DiffField, MessageKey> = {
  headline: 'admin.revisions.field.headline',
  slug: 'admin.revisions.field.slug',
  lead: 'admin.revisions.field.lead',
  body: 'admin.revisions.field.body',
  agencyCredit: 'admin.revisions.field.agencyCredit',
  sourceUrl: 'admin.revisions.field.sourceUrl',
  byline: 'admin.revisions.field.byline',
  section: 'admin.revisions.field.section',
  tags: 'admin.revisions.field.tags',
  breaking: 'admin.revisions.field.breaking',
  pinned: 'admin.revisions.field.pinned',
  commentsOpen: 'admin.revisions.field.commentsOpen',
  featuredImage: 'admin.revisions.field.featuredImage',
  featuredAlt: 'admin.revisions.field.featuredAlt',
  featuredCaption: 'admin.revisions.field.featuredCaption',
  featuredCredit: 'admin.revisions.field.featuredCredit',
  status: 'admin.revisions.field.status',
  publishedAt: 'admin.revisions.field.publishedAt'
}

export function displayVersion(v: VersionSnapshot, i18n: Translator, timeZone: string): Record<DiffField, string> {
  const { t } = i18n
  const f = v.fields
  const yesNo = (b: boolean) => t(b ? 'admin.revisions.yes' : 'admin.revisions.no')
  return {
    headline: v.headline,
    slug: f.slug,
    lead: v.lead,
    body: bodySourceText(v.bodySource),
    agencyCredit: f.agencyCredit ?? '',
    sourceUrl: f.sourceUrl ?? '',
    byline: f.byline ?? '',
    section: f.sectionName ?? '',
    tags: f.tags.join(', '),
    breaking: yesNo(f.breaking),
    // Revisions saved before stories could be pinned say nothing: none was pinned then.
    pinned: yesNo(f.sticky ?? false),
    commentsOpen: yesNo(f.commentsOpen),
    featuredImage: f.featuredMediaId === null ? '' : t('admin.revisions.imageNumber', { id: f.featuredMediaId }),
    featuredAlt: f.featuredAlt ?? '',
    featuredCaption: f.featuredCaption ?? '',
    featuredCredit: f.featuredCredit ?? '',
    status: t(STATUS_KEYS[f.status]),
    publishedAt: f.publishedAt ? formatDateTime(f.publishedAt, i18n.lang, timeZone) : ''
  }
}

/** What changed from `before` to `after`, readable: only the fields that differ. */
export function versionDiff(before: VersionSnapshot, after: VersionSnapshot, i18n: Translator, timeZone: string): FieldDiff<DiffField>[] {
  return diffVersions(displayVersion(before, i18n, timeZone), displayVersion(after, i18n, timeZone), DIFF_FIELDS)
}
