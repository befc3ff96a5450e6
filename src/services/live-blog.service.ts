// Live blogs (issue 16): start, post, pin, delete, close. Each is one transaction with its audit row; a
// change readers see goes into the live log in the same transaction, so streams on every process get it.
import { renderArticleBody } from '../domain/article-body.js'
import { mayRunLiveBlog, updateAnchor, updateHtml, updateSummary, validateUpdateText, type UpdateProblem } from '../domain/live-blog.js'
import { isPubliclyVisible } from '../domain/publishing.js'
import { siteDates } from '../i18n/format.js'
import { articleById } from '../db/repositories/articles.repository.js'
import { writeAudit } from '../db/repositories/audit.repository.js'
import { libraryImageOf } from '../db/repositories/media.repository.js'
import { appendLiveEvent, withLiveLogLock } from '../db/repositories/live.repository.js'
import {
  closeLiveBlogRow, insertUpdate, liveBlogOf, setUpdateFlags, setUpdateText, startLiveBlogRow, updateById
} from '../db/repositories/live-blogs.repository.js'
import type { DbOrTrx } from '../db/database.js'
import type { Editor } from './articles.service.js'
import { currentSettings } from './site-settings.service.js'
import type { Deps } from './deps.js'

export type LiveBlogResult =
  | { kind: 'done', id?: number }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'closed' }
  | { kind: 'invalid', problem: UpdateProblem }

const actor = (editor: Editor) => ({ id: editor.id, name: editor.displayName })

async function checkArticle(deps: Deps, editor: Editor, articleId: number) {
  const article = await articleById(deps.db, articleId)
  if (!article || article.status === 'trashed') return { kind: 'not-found' as const }
  if (!mayRunLiveBlog(editor, article.author_id)) return { kind: 'forbidden' as const }
  return { kind: 'ok' as const, article }
}

export async function startLiveBlog(deps: Deps, editor: Editor, articleId: number): Promise<LiveBlogResult> {
  const checked = await checkArticle(deps, editor, articleId)
  if (checked.kind !== 'ok') return checked
  const at = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await startLiveBlogRow(trx, articleId, at.toISOString())
    await writeAudit(trx, { actor: actor(editor), action: 'liveblog.start', subjectType: 'article', subjectId: articleId, at })
  })
  deps.events.emit({ type: 'article.updated', articleId })
  return { kind: 'done' }
}

export async function closeLiveBlog(deps: Deps, editor: Editor, articleId: number): Promise<LiveBlogResult> {
  const checked = await checkArticle(deps, editor, articleId)
  if (checked.kind !== 'ok') return checked
  const blog = await liveBlogOf(deps.db, articleId)
  if (!blog) return { kind: 'not-found' }
  if (blog.closedAt) return { kind: 'closed' }
  const at = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await closeLiveBlogRow(trx, articleId, at.toISOString())
    await writeAudit(trx, { actor: actor(editor), action: 'liveblog.close', subjectType: 'article', subjectId: articleId, at })
  })
  deps.events.emit({ type: 'article.updated', articleId })
  return { kind: 'done' }
}

/** The update's HTML with its picture drawn in, or null when the picture is not in the library. */
async function composeHtml(deps: Deps, text: string, mediaId: number | null): Promise<string | null> {
  const textHtml = renderArticleBody(text)
  if (mediaId === null) return textHtml
  const image = await libraryImageOf(deps.db, mediaId)
  return image ? updateHtml(textHtml, image) : null
}

export async function postUpdate(deps: Deps, editor: Editor, articleId: number, input: { text: unknown, keyEvent: boolean, mediaId?: number | null }): Promise<LiveBlogResult> {
  const checked = await checkArticle(deps, editor, articleId)
  if (checked.kind !== 'ok') return checked
  const blog = await liveBlogOf(deps.db, articleId)
  if (!blog) return { kind: 'not-found' }
  if (blog.closedAt) return { kind: 'closed' }
  const valid = validateUpdateText(input.text)
  if (!valid.ok) return { kind: 'invalid', problem: valid.problem }
  const mediaId = input.mediaId ?? null
  const bodyHtml = await composeHtml(deps, valid.text, mediaId)
  if (bodyHtml === null) return { kind: 'invalid', problem: 'image' }
  const settings = await currentSettings(deps)
  const at = deps.clock()
  const article = checked.article
  const id = await withLiveLogLock(deps.db, async (trx) => {
    const id = await insertUpdate(trx, { articleId, bodySource: valid.text, bodyHtml, keyEvent: input.keyEvent, mediaId, authorId: editor.id, at: at.toISOString() })
    await writeAudit(trx, { actor: actor(editor), action: 'liveblog.post', subjectType: 'article', subjectId: articleId, at, details: { update: id, keyEvent: input.keyEvent, ...(mediaId !== null ? { media: mediaId } : {}) } })
    if (isPubliclyVisible({ status: article.status, publishedAt: article.published_at }, at)) {
      const dates = siteDates(settings, article.edition)
      await announce(trx, article.edition, articleId, 'update', {
        articleId, id, html: bodyHtml, keyEvent: input.keyEvent, anchor: updateAnchor(id), summary: updateSummary(valid.text),
        time: dates.time(at.toISOString()), datetime: dates.iso(at.toISOString())
      }, at)
    }
    return id
  })
  deps.events.emit({ type: 'article.updated', articleId })
  return { kind: 'done', id }
}

export async function deleteUpdate(deps: Deps, editor: Editor, updateId: number, reason?: string | null): Promise<LiveBlogResult> {
  const update = await updateById(deps.db, updateId)
  if (!update) return { kind: 'not-found' }
  const checked = await checkArticle(deps, editor, update.articleId)
  if (checked.kind !== 'ok') return checked
  const at = deps.clock()
  await withLiveLogLock(deps.db, async (trx) => {
    await setUpdateFlags(trx, updateId, { deletedAt: at.toISOString(), updatedAt: at.toISOString() })
    await writeAudit(trx, { actor: actor(editor), action: 'liveblog.delete', subjectType: 'article', subjectId: update.articleId, at, reason: reason ?? null, details: { update: updateId, text: update.bodySource } })
    await announce(trx, checked.article.edition, update.articleId, 'update-removed', { articleId: update.articleId, id: updateId }, at)
  })
  deps.events.emit({ type: 'article.updated', articleId: update.articleId })
  return { kind: 'done', id: updateId }
}

/** Corrects an update's text; the audit row keeps what it said before. */
export async function editUpdate(deps: Deps, editor: Editor, updateId: number, text: unknown): Promise<LiveBlogResult> {
  const update = await updateById(deps.db, updateId)
  if (!update) return { kind: 'not-found' }
  const checked = await checkArticle(deps, editor, update.articleId)
  if (checked.kind !== 'ok') return checked
  const valid = validateUpdateText(text)
  if (!valid.ok) return { kind: 'invalid', problem: valid.problem }
  const at = deps.clock()
  // The picture stays as it was; one deleted from the library since is left out.
  const bodyHtml = await composeHtml(deps, valid.text, update.mediaId) ?? renderArticleBody(valid.text)
  const article = checked.article
  await withLiveLogLock(deps.db, async (trx) => {
    await setUpdateText(trx, updateId, { bodySource: valid.text, bodyHtml, updatedAt: at.toISOString() })
    await writeAudit(trx, { actor: actor(editor), action: 'liveblog.edit', subjectType: 'article', subjectId: update.articleId, at, details: { update: updateId, before: update.bodySource } })
    if (isPubliclyVisible({ status: article.status, publishedAt: article.published_at }, at)) {
      await announce(trx, article.edition, update.articleId, 'update-edited', { articleId: update.articleId, id: updateId, html: bodyHtml, summary: updateSummary(valid.text) }, at)
    }
  })
  deps.events.emit({ type: 'article.updated', articleId: update.articleId })
  return { kind: 'done', id: updateId }
}

export async function pinUpdate(deps: Deps, editor: Editor, updateId: number, pinned: boolean): Promise<LiveBlogResult> {
  const update = await updateById(deps.db, updateId)
  if (!update) return { kind: 'not-found' }
  const checked = await checkArticle(deps, editor, update.articleId)
  if (checked.kind !== 'ok') return checked
  const at = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await setUpdateFlags(trx, updateId, { pinned, updatedAt: at.toISOString() })
    await writeAudit(trx, { actor: actor(editor), action: pinned ? 'liveblog.pin' : 'liveblog.unpin', subjectType: 'article', subjectId: update.articleId, at, details: { update: updateId } })
  })
  deps.events.emit({ type: 'article.updated', articleId: update.articleId })
  return { kind: 'done', id: updateId }
}

async function announce(trx: DbOrTrx, edition: string, articleId: number, kind: string, data: Record<string, unknown>, at: Date): Promise<void> {
  await appendLiveEvent(trx, { edition, articleId, kind, data: JSON.stringify(data), createdAt: at.toISOString() })
}
