// Sections and tags, managed by editors: create, rename, change slug or description, delete. Articles
// keep working: deleting a section leaves its stories without one, deleting a tag takes it off its
// stories. Every change of name or slug reindexes the stories involved (search shows section and tag
// names); every change is audited.
import { isValidSlug, MAX_SLUG_LENGTH, slugFromText } from '../domain/slug.js'
import { can } from '../domain/roles.js'
import { writeAudit } from '../db/repositories/audit.repository.js'
import { indexArticle } from '../db/repositories/search.repository.js'
import { articleIdsUsing, deleteTaxonomyItem, insertTaxonomyItem, sectionsWithCounts, tagsWithCounts, taxonomyItemById, taxonomySlugTaken, updateTaxonomyItem, type TaxonomyItem, type TaxonomyKind } from '../db/repositories/taxonomy.repository.js'
import type { DbOrTrx } from '../db/database.js'
import type { Editor } from './articles.service.js'
import type { Deps } from './deps.js'

import { TAXONOMY_DESCRIPTION_LIMIT, TAXONOMY_NAME_LIMIT, TEXT_CONTROL_CHARACTERS } from '../domain/sections.js'

export { TAXONOMY_DESCRIPTION_LIMIT, TAXONOMY_NAME_LIMIT }

export type TaxonomyField = 'name' | 'slug' | 'description'
export type TaxonomyErrorKey = 'form.required' | 'form.tooLong' | 'editor.error.slug' | 'admin.taxonomy.error.slugTaken' | 'admin.taxonomy.error.noSlug' | 'form.invalidCharacters'
export type TaxonomyErrors = Partial<Record<TaxonomyField, { key: TaxonomyErrorKey, max?: number }>>

export interface TaxonomyValues { name: string, slug: string, description: string }

export type TaxonomyResult =
  | { kind: 'done', id: number }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'invalid', errors: TaxonomyErrors }

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/

/**
 * Checks a name, slug and description; an empty slug is made from the name (transliterated). The
 * description is plain text: trimmed, its line breaks kept as "\n" (forms send "\r\n").
 */
export function checkTaxonomyValues(values: TaxonomyValues): { ok: true, name: string, slug: string, description: string } | { ok: false, errors: TaxonomyErrors } {
  const name = values.name.trim().replace(/\s+/g, ' ')
  const description = values.description.replace(/\r\n?/g, '\n').trim()
  const typed = values.slug.trim().toLowerCase()
  const errors: TaxonomyErrors = {}
  if (name === '') errors.name = { key: 'form.required' }
  else if (CONTROL_CHARACTERS.test(name)) errors.name = { key: 'form.invalidCharacters' }
  else if ([...name].length > TAXONOMY_NAME_LIMIT) errors.name = { key: 'form.tooLong', max: TAXONOMY_NAME_LIMIT }
  const slug = typed || slugFromText(name)
  if (typed !== '' && typed.length > MAX_SLUG_LENGTH) errors.slug = { key: 'form.tooLong', max: MAX_SLUG_LENGTH }
  else if (typed !== '' && !isValidSlug(typed)) errors.slug = { key: 'editor.error.slug' }
  else if (typed === '' && !errors.name && slug === '') errors.slug = { key: 'admin.taxonomy.error.noSlug' }
  if (description.search(TEXT_CONTROL_CHARACTERS) !== -1) errors.description = { key: 'form.invalidCharacters' }
  else if ([...description].length > TAXONOMY_DESCRIPTION_LIMIT) errors.description = { key: 'form.tooLong', max: TAXONOMY_DESCRIPTION_LIMIT }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, name, slug, description }
}

export async function taxonomyOverview(deps: Deps, edition: string): Promise<{ sections: TaxonomyItem[], tags: TaxonomyItem[] }> {
  const [sections, tags] = await Promise.all([sectionsWithCounts(deps.db, edition), tagsWithCounts(deps.db, edition)])
  return { sections, tags }
}

export async function taxonomyItem(deps: Deps, kind: TaxonomyKind, id: number) {
  return taxonomyItemById(deps.db, kind, id)
}

/** How many articles are in a section or carry a tag. */
export async function taxonomyUsage(deps: Deps, kind: TaxonomyKind, id: number): Promise<number> {
  return (await articleIdsUsing(deps.db, kind, id)).length
}

async function reindex(trx: DbOrTrx, ids: number[]): Promise<void> {
  for (const id of ids) await indexArticle(trx, id)
}

function emitUpdated(deps: Deps, ids: number[]): void {
  for (const articleId of ids) deps.events.emit({ type: 'article.updated', articleId })
}

export async function createTaxonomyItem(deps: Deps, editor: Editor, kind: TaxonomyKind, edition: string, values: TaxonomyValues): Promise<TaxonomyResult> {
  if (!can(editor.role, 'taxonomy.manage')) return { kind: 'forbidden' }
  const checked = checkTaxonomyValues(values)
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors }
  const at = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    if (await taxonomySlugTaken(trx, kind, edition, checked.slug)) return { kind: 'invalid' as const, errors: { slug: { key: 'admin.taxonomy.error.slugTaken' as const } } }
    const id = await insertTaxonomyItem(trx, kind, { edition, name: checked.name, slug: checked.slug, description: checked.description })
    await writeAudit(trx, {
      actor: { id: editor.id, name: editor.displayName }, action: `${kind}.create`, subjectType: kind, subjectId: id, at,
      details: { name: checked.name, slug: checked.slug, description: checked.description, edition }
    })
    return { kind: 'done' as const, id }
  })
}

export async function updateTaxonomy(deps: Deps, editor: Editor, kind: TaxonomyKind, id: number, values: TaxonomyValues): Promise<TaxonomyResult> {
  if (!can(editor.role, 'taxonomy.manage')) return { kind: 'forbidden' }
  const checked = checkTaxonomyValues(values)
  const at = deps.clock()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const item = await taxonomyItemById(trx, kind, id)
    if (!item) return { kind: 'not-found' as const }
    if (!checked.ok) return { kind: 'invalid' as const, errors: checked.errors }
    if (await taxonomySlugTaken(trx, kind, item.edition, checked.slug, id)) return { kind: 'invalid' as const, errors: { slug: { key: 'admin.taxonomy.error.slugTaken' as const } } }
    await updateTaxonomyItem(trx, kind, id, { name: checked.name, slug: checked.slug, description: checked.description })
    const affected = await articleIdsUsing(trx, kind, id)
    // Search indexes the name, and story pages show name and slug, never the description: a change to the
    // description alone leaves the stories as they are (the route's site-wide change drops cached pages).
    const touched = item.name !== checked.name || item.slug !== checked.slug ? affected : []
    await reindex(trx, touched)
    await writeAudit(trx, {
      actor: { id: editor.id, name: editor.displayName }, action: `${kind}.update`, subjectType: kind, subjectId: id, at,
      details: {
        before: { name: item.name, slug: item.slug, description: item.description },
        after: { name: checked.name, slug: checked.slug, description: checked.description },
        articles: affected.length
      }
    })
    return { kind: 'done' as const, id, touched }
  })
  if (outcome.kind !== 'done') return outcome
  emitUpdated(deps, outcome.touched)
  return { kind: 'done', id }
}

export async function deleteTaxonomy(deps: Deps, editor: Editor, kind: TaxonomyKind, id: number): Promise<TaxonomyResult> {
  if (!can(editor.role, 'taxonomy.manage')) return { kind: 'forbidden' }
  const at = deps.clock()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const item = await taxonomyItemById(trx, kind, id)
    if (!item) return { kind: 'not-found' as const }
    const affected = await articleIdsUsing(trx, kind, id)
    await writeAudit(trx, {
      actor: { id: editor.id, name: editor.displayName }, action: `${kind}.delete`, subjectType: kind, subjectId: id, at,
      details: { name: item.name, slug: item.slug, edition: item.edition, articles: affected.length }
    })
    await deleteTaxonomyItem(trx, kind, id)
    await reindex(trx, affected)
    return { kind: 'done' as const, id, affected }
  })
  if (outcome.kind !== 'done') return outcome
  emitUpdated(deps, outcome.affected)
  return { kind: 'done', id }
}
