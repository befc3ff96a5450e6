// The media library: upload (type judged by the bytes, sizes generated with sharp), describe, delete,
// and the files themselves for serving. Bytes live in the database (docs/decisions/005-media-storage.md).
import { createHash } from 'node:crypto'
import type sharp from 'sharp'
import {
  MAX_INPUT_PIXELS, parseMediaPath, sniffImageType, variantWidths, EXTENSIONS, MEDIA_TEXT_LIMITS, type ImageType
} from '../domain/media.js'
import { can } from '../domain/roles.js'
import { writeAudit } from '../db/repositories/audit.repository.js'
import {
  deleteMedia, filesOfMedia, insertMedia, insertMediaFiles, mediaByHash, mediaById, mediaFile, mediaLibrary,
  mediaUsageCount, updateMediaText, type MediaFiles, type MediaListItem, type MediaRow, type NewMediaFile
} from '../db/repositories/media.repository.js'
import type { Editor } from './articles.service.js'
import type { Deps } from './deps.js'

export { MEDIA_TEXT_LIMITS }

/** sharp's name for each type we accept (AVIF is read by the HEIF loader). */
const SHARP_FORMAT: Record<ImageType, string> = {
  'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'heif'
}

// Quality settings: visually lossless for the full-size copy, the usual web trade-off for the rest.
const FULL_SIZE_QUALITY = { jpeg: 92, webp: 90, avif: 70 }
const VARIANT_QUALITY = 80

export type UploadResult =
  | { kind: 'created', id: number }
  /** The same bytes are already in the library. */
  | { kind: 'duplicate', id: number }
  | { kind: 'forbidden' }
  | { kind: 'empty' }
  /** Not JPEG, PNG, WebP or AVIF by its bytes, whatever its name says. */
  | { kind: 'unsupported' }
  /** Says it is an image but cannot be decoded. */
  | { kind: 'unreadable' }
  | { kind: 'too-many-pixels' }
  | { kind: 'invalid', errors: Partial<Record<'alt' | 'caption' | 'credit', { key: 'form.tooLong', max: number }>> }

export interface Upload {
  bytes: Buffer
  originalName: string
  alt: string
  caption: string
  credit: string
}

function checkTexts(values: { alt: string, caption: string, credit: string }) {
  const errors: Extract<UploadResult, { kind: 'invalid' }>['errors'] = {}
  for (const field of ['alt', 'caption', 'credit'] as const) {
    if ([...values[field]].length > MEDIA_TEXT_LIMITS[field]) errors[field] = { key: 'form.tooLong', max: MEDIA_TEXT_LIMITS[field] }
  }
  return errors
}

/** Keeps a file name readable in the library, without path parts or control characters. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return [...(base || 'image')].slice(0, MEDIA_TEXT_LIMITS.name).join('')
}

interface Processed { width: number, height: number, files: NewMediaFile[] }

/**
 * Decodes once to check the bytes really are what their signature says, then writes the copies: the
 * full-size image in its own format and each WebP width. Every copy is turned upright (EXIF orientation)
 * and stripped of metadata, so a photo's GPS position or camera serial never reaches the public site.
 */
async function processImage(bytes: Buffer, type: ImageType): Promise<Processed | 'unreadable' | 'too-many-pixels'> {
  // Loaded on the first upload: libvips is about 19 MB of every process's memory, and most never need it.
  const { default: sharpOf } = await import('sharp')
  const open = () => sharpOf(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true })
  let meta: sharp.Metadata
  try {
    meta = await open().metadata()
  } catch (error) {
    return /pixel limit/i.test(String((error as Error).message)) ? 'too-many-pixels' : 'unreadable'
  }
  if (meta.format !== SHARP_FORMAT[type] || !meta.width || !meta.height) return 'unreadable'
  if (meta.width * meta.height > MAX_INPUT_PIXELS) return 'too-many-pixels'
  try {
    let full = open()
    if (type === 'image/jpeg') full = full.jpeg({ quality: FULL_SIZE_QUALITY.jpeg, mozjpeg: true })
    else if (type === 'image/png') full = full.png({ compressionLevel: 9 })
    else if (type === 'image/webp') full = full.webp({ quality: FULL_SIZE_QUALITY.webp })
    // AVIF encoding is slow; effort 2 keeps a large photo to a couple of seconds.
    else full = full.avif({ quality: FULL_SIZE_QUALITY.avif, effort: 2 })
    const original = await full.toBuffer({ resolveWithObject: true })
    const files: NewMediaFile[] = [{ variant: 'original', mime: type, width: original.info.width, height: original.info.height, bytes: original.data }]
    for (const width of variantWidths(original.info.width)) {
      const out = await open().resize({ width, withoutEnlargement: true }).webp({ quality: VARIANT_QUALITY }).toBuffer({ resolveWithObject: true })
      files.push({ variant: String(out.info.width), mime: 'image/webp', width: out.info.width, height: out.info.height, bytes: out.data })
    }
    return { width: original.info.width, height: original.info.height, files }
  } catch {
    return 'unreadable'
  }
}

export async function uploadMedia(deps: Deps, editor: Editor, upload: Upload): Promise<UploadResult> {
  if (!can(editor.role, 'media.upload')) return { kind: 'forbidden' }
  if (upload.bytes.length === 0) return { kind: 'empty' }
  const texts = { alt: upload.alt.trim(), caption: upload.caption.trim(), credit: upload.credit.trim() }
  const errors = checkTexts(texts)
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors }
  const type = sniffImageType(upload.bytes)
  if (!type) return { kind: 'unsupported' }
  const hash = createHash('sha256').update(upload.bytes).digest('hex')
  const existing = await mediaByHash(deps.db, hash)
  if (existing) return { kind: 'duplicate', id: existing.id }

  // The slow part runs before the transaction, so no database lock waits on image encoding.
  const processed = await processImage(upload.bytes, type)
  if (processed === 'unreadable' || processed === 'too-many-pixels') return { kind: processed }

  const at = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    // Two people uploading the same photo at once: the second finds the first's row.
    const raced = await mediaByHash(trx, hash)
    if (raced) return { kind: 'duplicate' as const, id: raced.id }
    const id = await insertMedia(trx, {
      hash, mime: type, original_name: cleanName(upload.originalName), size: upload.bytes.length,
      width: processed.width, height: processed.height, ...texts, uploaded_by: editor.id, created_at: at.toISOString()
    })
    await insertMediaFiles(trx, id, processed.files)
    await writeAudit(trx, {
      actor: { id: editor.id, name: editor.displayName }, action: 'media.upload', subjectType: 'media', subjectId: id, at,
      details: { name: cleanName(upload.originalName), type, size: upload.bytes.length, width: processed.width, height: processed.height }
    })
    return { kind: 'created' as const, id }
  })
}

/** Authors manage what they uploaded; editors and administrators manage the whole library. */
export function mayManageMedia(editor: Editor, media: Pick<MediaRow, 'uploaded_by'>): boolean {
  if (!can(editor.role, 'media.upload')) return false
  return can(editor.role, 'articles.edit_others') || media.uploaded_by === editor.id
}

export interface MediaDetails { media: MediaRow, files: MediaFiles, usage: number }

export async function mediaDetails(deps: Deps, id: number): Promise<MediaDetails | null> {
  const media = await mediaById(deps.db, id)
  if (!media) return null
  const [files, usage] = await Promise.all([filesOfMedia(deps.db, [media]), mediaUsageCount(deps.db, id)])
  const own = files.get(id)
  return own ? { media, files: own, usage } : null
}

export async function mediaLibraryPage(deps: Deps, q: { text?: string | undefined, limit: number, after?: { createdAt: string, id: number } | undefined }): Promise<{ items: MediaListItem[], hasMore: boolean }> {
  return mediaLibrary(deps.db, q)
}

export type MediaChangeResult =
  | { kind: 'done' }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'invalid', errors: Extract<UploadResult, { kind: 'invalid' }>['errors'] }
  /** Still the featured image of some articles. */
  | { kind: 'in-use', count: number }

export async function updateMediaDetails(deps: Deps, editor: Editor, id: number, values: { alt: string, caption: string, credit: string }): Promise<MediaChangeResult> {
  const texts = { alt: values.alt.trim(), caption: values.caption.trim(), credit: values.credit.trim() }
  const errors = checkTexts(texts)
  const at = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const media = await mediaById(trx, id)
    if (!media) return { kind: 'not-found' as const }
    if (!mayManageMedia(editor, media)) return { kind: 'forbidden' as const }
    if (Object.keys(errors).length > 0) return { kind: 'invalid' as const, errors }
    await updateMediaText(trx, id, texts)
    await writeAudit(trx, {
      actor: { id: editor.id, name: editor.displayName }, action: 'media.update', subjectType: 'media', subjectId: id, at,
      details: { before: { alt: media.alt, caption: media.caption, credit: media.credit }, after: texts }
    })
    return { kind: 'done' as const }
  })
}

/** Deletes an image no article features; one still in use is refused, so no story loses its picture silently. */
export async function deleteMediaItem(deps: Deps, editor: Editor, id: number): Promise<MediaChangeResult> {
  const at = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const media = await mediaById(trx, id)
    if (!media) return { kind: 'not-found' as const }
    if (!mayManageMedia(editor, media)) return { kind: 'forbidden' as const }
    const count = await mediaUsageCount(trx, id)
    if (count > 0) return { kind: 'in-use' as const, count }
    await writeAudit(trx, {
      actor: { id: editor.id, name: editor.displayName }, action: 'media.delete', subjectType: 'media', subjectId: id, at,
      details: { name: media.original_name, hash: media.hash }
    })
    await deleteMedia(trx, id)
    return { kind: 'done' as const }
  })
}

/** A file for /media/<id>-<hash>/<variant>.<ext>, or null when the URL names nothing (or old bytes). */
export async function mediaFileForUrl(deps: Deps, key: string, file: string): Promise<{ mime: string, bytes: Buffer } | null> {
  const parsed = parseMediaPath(key, file)
  if (!parsed) return null
  const found = await mediaFile(deps.db, parsed.id, parsed.variant)
  if (!found || !found.hash.startsWith(parsed.hashPrefix)) return null
  if (EXTENSIONS[found.mime as ImageType] !== parsed.ext) return null
  return { mime: found.mime, bytes: found.bytes }
}
