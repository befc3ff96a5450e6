// The wire desk's editor actions: managing sources, taking an inbox item into a draft article through
// the one article write path (createArticle), with the item and the story linked both ways, and showing
// what the agency changed in an item after a story was made from it.
import type { Deps } from './deps.js'
import { createArticle } from './articles.service.js'
import { writeAudit, type Actor } from '../db/repositories/audit.repository.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { sectionChoices } from '../db/repositories/taxonomy.repository.js'
import {
  deleteWireSource, insertWireSource, linkWireItemToArticle, markWireItemReviewed, updateWireSource, wireItemById, wireItemVersionByHash,
  wireSourceById, type WireItemRow
} from '../db/repositories/wire.repository.js'
import { articleById } from '../db/repositories/articles.repository.js'
import { diffVersions, type FieldDiff } from '../domain/revision-diff.js'
import { htmlToText } from '../domain/search-text.js'
import { mayActOnArticle, type Role } from '../domain/roles.js'
import { isUnderEmbargo } from '../domain/wire/versions.js'
import { validateWireSourceForm, type WireSourceErrorKey, type WireSourceField } from '../domain/wire/source-form.js'

export type SourceFormOutcome =
  | { kind: 'saved', id: number }
  | { kind: 'invalid', raw: Record<WireSourceField, string>, errors: Partial<Record<WireSourceField, WireSourceErrorKey>> }
  | { kind: 'missing' }

async function formContext(deps: Deps) {
  const [settings, sections] = await Promise.all([loadSettings(deps.db), sectionChoices(deps.db)])
  return { editions: settings.editions, sectionIds: new Set(sections.map((s) => s.id)) }
}

export async function addWireSource(deps: Deps, body: Record<string, unknown>, actor: Actor): Promise<SourceFormOutcome> {
  const checked = validateWireSourceForm(body, await formContext(deps))
  if (!checked.ok) return { kind: 'invalid', raw: checked.raw, errors: checked.errors }
  const at = deps.clock()
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertWireSource(trx, checked.values, at.toISOString())
    // The password is never part of an audit row.
    await writeAudit(trx, { actor, action: 'wire-source.create', subjectType: 'wire-source', subjectId: id, at, details: { name: checked.values.name, kind: checked.values.kind } })
    return id
  })
  return { kind: 'saved', id }
}

export async function editWireSource(deps: Deps, id: number, body: Record<string, unknown>, actor: Actor): Promise<SourceFormOutcome> {
  const checked = validateWireSourceForm(body, await formContext(deps))
  if (!checked.ok) return { kind: 'invalid', raw: checked.raw, errors: checked.errors }
  const status = body.status === 'paused' ? 'paused' : 'active'
  const at = deps.clock()
  const saved = await deps.db.transaction().execute(async (trx) => {
    if (!await updateWireSource(trx, id, { ...checked.values, status }, at.toISOString())) return false
    await writeAudit(trx, { actor, action: 'wire-source.update', subjectType: 'wire-source', subjectId: id, at, details: { name: checked.values.name, status } })
    return true
  })
  return saved ? { kind: 'saved', id } : { kind: 'missing' }
}

export async function removeWireSource(deps: Deps, id: number, actor: Actor): Promise<boolean> {
  const at = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const source = await wireSourceById(trx, id)
    if (!source || !await deleteWireSource(trx, id)) return false
    await writeAudit(trx, { actor, action: 'wire-source.delete', subjectType: 'wire-source', subjectId: id, at, details: { name: source.name } })
    return true
  })
}

export type TakeResult =
  | { kind: 'taken', articleId: number, published: boolean }
  | { kind: 'already', articleId: number }
  | { kind: 'missing' }
  | { kind: 'forbidden' }
  /** Under embargo: it may be prepared as a draft, not published, until embargoUntil. */
  | { kind: 'embargoed', embargoUntil: string }

/** "/TASS/." is added where the story is shown (withAgencyCredit), so the body keeps the agency's text as sent. */
function articleFrom(item: WireItemRow, source: { agency_credit: string | null, edition: string, section_id: number | null }, authorId: number | null, publishedAt: string | null, publish: boolean) {
  return {
    edition: source.edition,
    headline: item.headline,
    lead: item.lead ?? '',
    // Sanitised HTML is valid Markdown source: the article body renderer keeps HTML blocks and sanitises again.
    bodySource: item.body_html,
    agencyCredit: source.agency_credit ?? item.credit ?? item.agency,
    sourceUrl: item.url,
    byline: item.byline,
    authorId,
    sectionId: source.section_id,
    status: publish ? 'published' as const : 'draft' as const,
    publishedAt
  }
}

/**
 * Makes a draft article from an inbox item, or with `publish` publishes it at once as wire copy (for those
 * who may publish their own stories, and never before an embargo ends). An item already made into a story
 * is not taken twice: the editor is sent to that story instead.
 */
export async function takeWireItem(deps: Deps, itemId: number, user: { id: number, displayName: string, role: Role }, options: { publish?: boolean } = {}): Promise<TakeResult> {
  const item = await wireItemById(deps.db, itemId)
  if (!item) return { kind: 'missing' }
  if (item.used_article_id !== null) return { kind: 'already', articleId: item.used_article_id }
  const source = await wireSourceById(deps.db, item.source_id)
  if (!source) return { kind: 'missing' }
  const at = deps.clock()
  if (options.publish) {
    if (!mayActOnArticle(user, 'publish', user.id)) return { kind: 'forbidden' }
    if (isUnderEmbargo(item.embargo_until, at)) return { kind: 'embargoed', embargoUntil: item.embargo_until! }
  }
  const actor = { id: user.id, name: user.displayName }
  // A draft of an embargoed item carries the embargo as its publication time, so the editor's
  // publish button schedules it for then rather than publishing it at once.
  const publishedAt = options.publish ? at.toISOString() : isUnderEmbargo(item.embargo_until, at) ? item.embargo_until : null
  const { id: articleId } = await createArticle(deps, articleFrom(item, source, user.id, publishedAt, !!options.publish), actor)
  await deps.db.transaction().execute(async (trx) => {
    // Of two editors taking the same item at once, the first links it; the other's draft stays theirs, unlinked.
    const linked = await linkWireItemToArticle(trx, itemId, articleId, user.id, at.toISOString())
    await writeAudit(trx, { actor, action: 'wire-item.take', subjectType: 'wire-item', subjectId: itemId, at, details: { articleId, agencyId: item.agency_id, linked } })
  })
  return { kind: 'taken', articleId, published: !!options.publish }
}

/** What the agency changed in a used item since the story's editor last read it. */
export interface UsedItemChanges {
  /** The version the story was made from, or last marked as reviewed. */
  since: { version: number | null, receivedAt: string }
  /** The version shown now: what "Mark as reviewed" records as read. */
  seenHash: string
  diffs: FieldDiff<WireDiffField>[]
}

export const WIRE_DIFF_FIELDS = ['headline', 'lead', 'body'] as const
export type WireDiffField = typeof WIRE_DIFF_FIELDS[number]

const readable = (v: { headline: string, lead: string | null, body_html: string }): Record<WireDiffField, string> =>
  ({ headline: v.headline, lead: v.lead ?? '', body: htmlToText(v.body_html) })

/** The changes since the story was made (or last reviewed), for an item flagged as updated since use. */
export async function usedItemChanges(deps: Deps, item: WireItemRow): Promise<UsedItemChanges | null> {
  if (item.used_article_id === null || !item.used_story_stale || item.used_content_hash === null) return null
  const before = await wireItemVersionByHash(deps.db, item, item.used_content_hash)
  if (!before) return null
  return {
    seenHash: item.content_hash,
    since: { version: before.version, receivedAt: before.received_at },
    diffs: diffVersions(readable(before), readable(item), WIRE_DIFF_FIELDS)
  }
}

export type ReviewResult = { kind: 'reviewed' } | { kind: 'missing' } | { kind: 'forbidden' }

/**
 * Records that the story's editor read the item's version `seenHash`, which clears its "updated since
 * used" flag unless a newer one arrived meanwhile; for whoever may edit the story made from it.
 */
export async function reviewWireItemUpdate(deps: Deps, itemId: number, seenHash: string, user: { id: number, displayName: string, role: Role }): Promise<ReviewResult> {
  const at = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const item = await wireItemById(trx, itemId)
    if (!item || item.used_article_id === null) return { kind: 'missing' }
    const article = await articleById(trx, item.used_article_id)
    if (!article) return { kind: 'missing' }
    if (!mayActOnArticle(user, 'edit', article.author_id)) return { kind: 'forbidden' }
    if (!await wireItemVersionByHash(trx, item, seenHash)) return { kind: 'missing' }
    await markWireItemReviewed(trx, itemId, seenHash)
    await writeAudit(trx, { actor: { id: user.id, name: user.displayName }, action: 'wire-item.review', subjectType: 'wire-item', subjectId: itemId, at, details: { articleId: article.id, version: item.version } })
    return { kind: 'reviewed' }
  })
}
