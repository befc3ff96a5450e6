// Live blog rules (issue 16): who may post, what an update may be, and the order readers see.
import { escapeHtml } from './html-escape.js'
import { mayActOnArticle, type Role } from './roles.js'

/** An update is a few paragraphs at most: a longer text is a story of its own. */
export const MAX_UPDATE_LENGTH = 5_000
/** JSON-LD lists the latest updates only (Google reads no more than this). */
export const JSON_LD_UPDATES = 50

export type UpdateProblem = 'empty' | 'too-long' | 'image'

/** The text of an update as typed, trimmed, or why it cannot be posted. */
export function validateUpdateText(text: unknown): { ok: true, text: string } | { ok: false, problem: UpdateProblem } {
  const trimmed = typeof text === 'string' ? text.replace(/\r\n?/g, '\n').trim() : ''
  if (trimmed === '') return { ok: false, problem: 'empty' }
  if (trimmed.length > MAX_UPDATE_LENGTH) return { ok: false, problem: 'too-long' }
  return { ok: true, text: trimmed }
}

/**
 * Whoever may edit the article may run its live blog (editors any, authors their own; contributors never:
 * an update is public at once, so it needs the right to publish too).
 */
export function mayRunLiveBlog(user: { id: number, role: Role }, authorId: number | null): boolean {
  return mayActOnArticle(user, 'edit', authorId) && mayActOnArticle(user, 'publish', authorId)
}

export interface OrderableUpdate { id: number, createdAt: string, pinned: boolean, keyEvent: boolean }

/** Pinned updates first, then newest first; equal times by id, newest first. */
export function orderUpdates<T extends OrderableUpdate>(updates: readonly T[]): T[] {
  return [...updates].sort((a, b) =>
    Number(b.pinned) - Number(a.pinned) || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id))
}

/** Key events, oldest first: the summary at the top reads as a timeline. */
export function keyEvents<T extends OrderableUpdate>(updates: readonly T[]): T[] {
  return updates.filter((u) => u.keyEvent).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id))
}

/** The first words of an update, as plain text: its line in the key events and its JSON-LD headline. */
export function updateSummary(bodySource: string, max = 110): string {
  const text = bodySource.split('\n').find((line) => line.trim() !== '') ?? ''
  const plain = text.replace(/[*_`#>[\]]/g, '').replace(/\(https?:[^)]*\)/g, '').replace(/\s+/g, ' ').trim()
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain
}

/** The anchor of an update on the article page. */
export function updateAnchor(id: number): string {
  return `update-${id}`
}

/** What an update's picture needs to be drawn: its copies and the library's texts. */
export interface UpdatePicture { url: string, srcset: string, width: number, height: number, alt: string, caption: string | null, credit: string | null }

/** The live column is the article column: at most about 44rem (700 px); on phones the screen. */
const UPDATE_IMAGE_SIZES = '(min-width: 50rem) 44rem, 100vw'

/**
 * An update's stored HTML: its picture's figure (escaped here: the texts come from the library) above
 * the text rendered from Markdown, so the stream, the page, the feeds and the API all carry the picture.
 */
export function updateHtml(textHtml: string, picture: UpdatePicture | null): string {
  if (!picture) return textHtml
  const caption = [picture.caption ? escapeHtml(picture.caption) : '', picture.credit ? `<span class="image-credit">${escapeHtml(picture.credit)}</span>` : ''].filter(Boolean).join(' ')
  return `<figure class="update-image"><img src="${escapeHtml(picture.url)}" srcset="${escapeHtml(picture.srcset)}" sizes="${UPDATE_IMAGE_SIZES}" width="${picture.width}" height="${picture.height}" alt="${escapeHtml(picture.alt)}" loading="lazy" decoding="async">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>\n${textHtml}`
}
