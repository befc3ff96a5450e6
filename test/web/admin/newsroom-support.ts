// Helpers for the newsroom screens' tests: writing articles through the real editor form.
import assert from 'node:assert/strict'
import sharp from 'sharp'
import type { TestApp } from '../../helper.js'
import { adminPost, type AdminSession } from '../../admin-helper.js'
import { articleById } from '../../../src/db/repositories/articles.repository.js'
import { bodyEditorHtml } from '../../../src/domain/body-source.js'

export const ARTICLE_FIELDS = {
  headline: 'Parliament passes the budget',
  lead: 'The vote was 71 to 30.',
  body: 'The National Assembly voted on Thursday.\n\nThe opposition walked out.',
  comments_open: 'on'
}

/** Creates an article through POST /admin/articles/new/; returns its id. */
export async function newArticle(t: TestApp, session: AdminSession, fields: Record<string, string> = {}, intent = 'save'): Promise<number> {
  const res = await adminPost(t, session, '/admin/articles/new/', { ...ARTICLE_FIELDS, intent, ...fields })
  assert.equal(res.statusCode, 303, res.body.slice(0, 500))
  const m = /^\/admin\/articles\/(\d+)\/\?notice=/.exec(res.headers.location as string)
  assert.ok(m, `unexpected redirect ${String(res.headers.location)}`)
  return Number(m[1])
}

export async function versionOf(t: TestApp, id: number): Promise<number> {
  return (await articleById(t.deps.db, id))!.version
}

/** The editor form's fields for an existing article, as a browser would send them back unchanged (the body as the form's HTML). */
export async function currentFields(t: TestApp, id: number): Promise<Record<string, string>> {
  const row = (await articleById(t.deps.db, id))!
  return {
    headline: row.headline, slug: row.slug, lead: row.lead, body: bodyEditorHtml(row.body_source), version: String(row.version),
    ...(row.comments_open ? { comments_open: 'on' } : {}), ...(row.breaking ? { breaking: 'on' } : {}), ...(row.sticky ? { sticky: 'on' } : {})
  }
}

/** A small real image of the format, made by sharp (with EXIF when asked). */
export async function testImage(format: 'jpeg' | 'png' | 'webp' | 'avif', width = 1200, height = 800, withExif = false): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
  if (withExif) image = image.withExif({ IFD0: { Copyright: 'Secret photographer', Artist: 'Secret photographer' } })
  return image.toFormat(format).toBuffer()
}

/** A multipart/form-data body with one file and some fields. */
export function multipartBody(fields: Record<string, string>, file: { name: string, type: string, bytes: Buffer } | null): { payload: Buffer, headers: Record<string, string> } {
  const boundary = '----LedeTestBoundary' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`))
    parts.push(file.bytes)
    parts.push(Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** Uploads through POST /admin/media/ (multipart, with the session's CSRF token unless given). */
export async function upload(t: TestApp, session: AdminSession, file: { name: string, type: string, bytes: Buffer } | null, fields: Record<string, string> = {}) {
  const body = multipartBody({ _csrf: session.csrf, alt: '', caption: '', credit: '', ...fields }, file)
  return t.app.inject({ method: 'POST', url: '/admin/media/', headers: { ...body.headers, cookie: session.cookie }, payload: body.payload })
}
