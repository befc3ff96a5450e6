// The wire desk's editor actions: managing sources, and taking an inbox item into a draft article through
// the one article write path (createArticle), with the item and the story linked both ways.
import type { Deps } from './deps.js'
import { createArticle } from './articles.service.js'
import { writeAudit, type Actor } from '../db/repositories/audit.repository.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import { sectionChoices } from '../db/repositories/taxonomy.repository.js'
import {
  deleteWireSource, insertWireSource, linkWireItemToArticle, updateWireSource, wireItemById, wireSourceById, type WireItemRow
} from '../db/repositories/wire.repository.js'
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
