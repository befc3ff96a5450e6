// The editor's autosave (docs/decisions/008-editor-autosave.md): the form as typed is kept per article
// and user, never in the article itself. So an autosave cannot publish anything, change what readers
// see, bump the version other editors save against, or fill the revisions with a row every half minute.
//
// Autosaves write no audit row: the audit log records what changed the site or the newsroom's work,
// and an autosave changes neither (only its author ever sees it); the save that follows is audited.
import type { ArticleFormValues } from '../domain/article-form.js'
import { parseStoredFormValues } from '../domain/autosave.js'
import type { IsoInstant } from '../domain/days.js'
import { checkEdit } from '../domain/workflow.js'
import { articleById } from '../db/repositories/articles.repository.js'
import { autosaveOf, deleteAutosave, putAutosave } from '../db/repositories/autosaves.repository.js'
import type { Editor } from './articles.service.js'
import type { Deps } from './deps.js'

export interface StoredAutosave {
  baseVersion: number
  values: ArticleFormValues
  savedAt: IsoInstant
}

export interface AutosaveRequest {
  articleId: number
  /** The version the editor's form was loaded at; null when the form sent none (or nonsense). */
  baseVersion: number | null
  /** The form as typed; null when it cannot be kept (a field sent twice, too long …). */
  values: ArticleFormValues | null
}

export type AutosaveResult =
  /** Kept. `outdated`: the article was saved (by someone) since the form's version was loaded. */
  | { kind: 'saved', savedAt: IsoInstant, baseVersion: number, outdated: boolean }
  | { kind: 'not-found' }
  /** The user may not edit this article. */
  | { kind: 'forbidden' }
  /** Nobody may edit it in its state (in the trash). */
  | { kind: 'refused' }
  | { kind: 'invalid' }

/**
 * Keeps the form as this user's autosave of the article, in one transaction, after the same role check
 * as a save. The article row is only read: its version, revisions, search index and events stay as
 * they are. A form loaded at an older version is still kept (never lose typing) and said to be outdated.
 */
export async function autosaveArticle(deps: Deps, editor: Editor, request: AutosaveRequest): Promise<AutosaveResult> {
  const savedAt = deps.clock().toISOString()
  return deps.db.transaction().execute(async (trx): Promise<AutosaveResult> => {
    const article = await articleById(trx, request.articleId)
    if (!article) return { kind: 'not-found' }
    const allowed = checkEdit({ status: article.status, authorId: article.author_id, publishedAt: article.published_at }, editor)
    if (!allowed.ok) return allowed.refusal === 'forbidden' ? { kind: 'forbidden' } : { kind: 'refused' }
    const { baseVersion, values } = request
    // A version the article never had is not a form this site served.
    if (values === null || baseVersion === null || baseVersion > article.version) return { kind: 'invalid' }
    await putAutosave(trx, { articleId: article.id, userId: editor.id, baseVersion, formValues: JSON.stringify(values), savedAt })
    return { kind: 'saved', savedAt, baseVersion, outdated: baseVersion < article.version }
  })
}

/** This user's autosave of the article, if any (a damaged one reads as none). */
export async function autosaveFor(deps: Deps, articleId: number, userId: number): Promise<StoredAutosave | null> {
  const row = await autosaveOf(deps.db, articleId, userId)
  const values = row ? parseStoredFormValues(row.formValues) : null
  return row && values ? { baseVersion: row.baseVersion, values, savedAt: row.savedAt } : null
}

/**
 * Throws away this user's autosave of the article ("Discard"). Only their own copy goes, so no role
 * check beyond the article existing, and no audit row (nothing anyone else sees changes).
 */
export async function discardAutosave(deps: Deps, editor: Editor, articleId: number): Promise<'discarded' | 'not-found'> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await articleById(trx, articleId))) return 'not-found'
    await deleteAutosave(trx, articleId, editor.id)
    return 'discarded'
  })
}
