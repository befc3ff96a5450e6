// The editor's few requests to the newsroom: library and story searches, uploads in place and paste
// cleaning. Each sends the session cookie and, when it writes, the form's CSRF token.

/** One picture of the media library, as the choices and upload endpoints describe it. */
export interface MediaItem {
  id: number
  name: string
  thumbUrl: string
  src: string
  srcset: string
  width: number | null
  height: number | null
  alt: string
  caption: string
  credit: string
}

export interface StoryItem { id: number, headline: string, href: string }

/** Where the editor's requests go (the textarea's data-* attributes); a missing URL turns its feature off. */
export interface EditorEndpoints {
  mediaChoices: string | null
  mediaUpload: string | null
  articleChoices: string | null
  pasteClean: string | null
  csrfToken: string
}

export class RequestFailed extends Error {
  /** The server's own explanation, when it gave one ({ error }). */
  constructor(readonly serverMessage: string | null) {
    super(serverMessage ?? 'request failed')
  }
}

async function json(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? ''
  // Signed out, the answer is the login page: not JSON, so it counts as failed.
  const data: unknown = type.includes('json') ? await response.json().catch(() => null) : null
  if (!response.ok) {
    const message = data && typeof data === 'object' && typeof (data as { error?: unknown }).error === 'string' ? (data as { error: string }).error : null
    throw new RequestFailed(message)
  }
  if (data === null) throw new RequestFailed(null)
  return data
}

function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}q=${encodeURIComponent(query)}`
}

function itemsOf(data: unknown): unknown[] {
  const items = (data as { items?: unknown }).items
  return Array.isArray(items) ? items : []
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '')
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null)

export function mediaItemFrom(raw: unknown): MediaItem | null {
  if (!raw || typeof raw !== 'object') return null
  const r = raw as Record<string, unknown>
  if (typeof r.id !== 'number' || typeof r.src !== 'string') return null
  return {
    id: r.id, name: text(r.name), thumbUrl: text(r.thumbUrl) || r.src, src: r.src, srcset: text(r.srcset),
    width: count(r.width), height: count(r.height), alt: text(r.alt), caption: text(r.caption), credit: text(r.credit)
  }
}

function storyItemFrom(raw: unknown): StoryItem | null {
  if (!raw || typeof raw !== 'object') return null
  const r = raw as Record<string, unknown>
  if (typeof r.id !== 'number' || typeof r.href !== 'string' || typeof r.headline !== 'string') return null
  return { id: r.id, headline: r.headline, href: r.href }
}

export async function searchMedia(url: string, query: string, signal?: AbortSignal): Promise<MediaItem[]> {
  const response = await fetch(withQuery(url, query), { credentials: 'same-origin', headers: { accept: 'application/json' }, signal })
  return itemsOf(await json(response)).map(mediaItemFrom).filter((item): item is MediaItem => item !== null)
}

export async function searchStories(url: string, query: string, signal?: AbortSignal): Promise<StoryItem[]> {
  const response = await fetch(withQuery(url, query), { credentials: 'same-origin', headers: { accept: 'application/json' }, signal })
  return itemsOf(await json(response)).map(storyItemFrom).filter((item): item is StoryItem => item !== null)
}

/** Uploads a picture into the library; the CSRF token goes first, as the server reads it before the file. */
export async function uploadPicture(endpoints: EditorEndpoints, file: File, details: { alt: string, caption: string, credit: string }): Promise<MediaItem> {
  if (!endpoints.mediaUpload) throw new RequestFailed(null)
  const body = new FormData()
  body.append('_csrf', endpoints.csrfToken)
  body.append('alt', details.alt)
  body.append('caption', details.caption)
  body.append('credit', details.credit)
  body.append('file', file, file.name)
  const response = await fetch(endpoints.mediaUpload, {
    method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': endpoints.csrfToken }, body
  })
  const item = mediaItemFrom((await json(response) as { item?: unknown }).item)
  if (!item) throw new RequestFailed(null)
  return item
}

/** Clipboard HTML as the server's paste cleaner leaves it (src/domain/paste-clean.ts). */
export async function cleanPastedHtml(endpoints: EditorEndpoints, html: string): Promise<string> {
  if (!endpoints.pasteClean) throw new RequestFailed(null)
  const response = await fetch(endpoints.pasteClean, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-csrf-token': endpoints.csrfToken },
    body: new URLSearchParams({ html, _csrf: endpoints.csrfToken }).toString()
  })
  const cleaned = (await json(response) as { html?: unknown }).html
  if (typeof cleaned !== 'string') throw new RequestFailed(null)
  return cleaned
}
