// The media library: image rows and their files (the original and generated WebP copies), bytes included.
import type { Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import { engineOf } from '../engine.js'
import type { MediaTable } from '../tables/editorial.table.js'
import { anyColumnContains } from '../text-match.js'
import { defaultImageFile, mediaPath, ownOrLibraryText, sharedImageFile, srcsetOf, type ImageFile } from '../../domain/media.js'
import { articleImageOf, type ArticleImage } from '../../domain/published-article.js'

export type MediaRow = Selectable<MediaTable>

export interface NewMediaFile { variant: string, mime: string, width: number, height: number, bytes: Buffer }

export async function insertMedia(db: DbOrTrx, values: Omit<MediaTable, 'id' | 'alt' | 'caption' | 'credit'> & { alt: string, caption: string, credit: string }): Promise<number> {
  const row = await db.insertInto('media').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function insertMediaFiles(db: DbOrTrx, mediaId: number, files: NewMediaFile[]): Promise<void> {
  for (const f of files) {
    // One row at a time: a batch of several megabyte-sized blobs would make one huge statement.
    await db.insertInto('media_files').values({
      media_id: mediaId, variant: f.variant, mime: f.mime, width: f.width, height: f.height, size: f.bytes.length, bytes: f.bytes
    }).execute()
  }
}

export async function mediaById(db: DbOrTrx, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function mediaByHash(db: DbOrTrx, hash: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('hash', '=', hash).executeTakeFirst()
}

/** One stored file with its bytes, for serving. */
export async function mediaFile(db: DbOrTrx, mediaId: number, variant: string): Promise<{ hash: string, mime: string, size: number, bytes: Buffer } | undefined> {
  const row = await db.selectFrom('media_files').innerJoin('media', 'media.id', 'media_files.media_id')
    .select(['media.hash', 'media_files.mime', 'media_files.size', 'media_files.bytes'])
    .where('media_files.media_id', '=', mediaId).where('media_files.variant', '=', variant)
    .executeTakeFirst()
  if (!row) return undefined
  // better-sqlite3 returns a Buffer, pg a Buffer too; normalise anything array-like.
  return { hash: row.hash, mime: row.mime, size: row.size, bytes: Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes as Uint8Array) }
}

export interface MediaFiles { original: ImageFile, variants: ImageFile[] }

/** The files of several media items (without bytes), with their URLs. */
export async function filesOfMedia(db: DbOrTrx, media: readonly { id: number, hash: string }[]): Promise<Map<number, MediaFiles>> {
  if (media.length === 0) return new Map()
  const rows = await db.selectFrom('media_files').select(['media_id', 'variant', 'mime', 'width', 'height'])
    .where('media_id', 'in', media.map((m) => m.id)).execute()
  return filesFromRows(media, rows)
}

type FileRow = { media_id: number, variant: string, mime: string, width: number, height: number }

function filesFromRows(media: readonly { id: number, hash: string }[], rows: readonly FileRow[]): Map<number, MediaFiles> {
  const out = new Map<number, MediaFiles>()
  for (const m of media) {
    const own = rows.filter((r) => r.media_id === m.id)
    const toFile = (r: FileRow): ImageFile => ({ url: mediaPath(m, r.variant, r.mime), width: r.width, height: r.height, mime: r.mime })
    const original = own.find((r) => r.variant === 'original')
    if (!original) continue
    out.set(m.id, { original: toFile(original), variants: own.filter((r) => r.variant !== 'original').map(toFile).sort((a, b) => a.width - b.width) })
  }
  return out
}

export interface MediaListItem extends MediaRow { files: MediaFiles }

/**
 * The library, newest first, optionally searched in file name, alt text, caption and credit
 * ignoring case in every script.
 */
export async function mediaLibrary(db: DbOrTrx, q: { text?: string | undefined, limit: number, after?: { createdAt: string, id: number } | undefined }): Promise<{ items: MediaListItem[], hasMore: boolean }> {
  let query = db.selectFrom('media').selectAll()
  if (q.text) {
    query = query.where(anyColumnContains(engineOf(db), ['original_name', 'alt', 'caption', 'credit'], q.text))
  }
  if (q.after) {
    const { createdAt, id } = q.after
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]))
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute()
  const page = rows.slice(0, q.limit)
  const files = await filesOfMedia(db, page)
  return {
    items: page.filter((m) => files.has(m.id)).map((m) => ({ ...m, files: files.get(m.id)! })),
    hasMore: rows.length > q.limit
  }
}

export async function updateMediaText(db: DbOrTrx, id: number, values: { alt: string, caption: string, credit: string }): Promise<void> {
  await db.updateTable('media').set(values).where('id', '=', id).execute()
}

/** How many articles use this image as their featured image. */
export async function mediaUsageCount(db: DbOrTrx, id: number): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('featured_media_id', '=', id).executeTakeFirstOrThrow()
  const updates = await db.selectFrom('live_blog_updates').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('media_id', '=', id).where('deleted_at', 'is', null).executeTakeFirstOrThrow()
  return Number(row.n) + Number(updates.n)
}

export async function deleteMedia(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute()
}

/** An article's featured image as pages, feeds and structured data need it. URLs are site-relative paths. */
export interface FeaturedImage {
  mediaId: number
  /** The copy for a plain `src` (≤ 1024 px WebP, or the original when it is smaller). */
  url: string
  width: number
  height: number
  mime: string
  /** Size of `url` in bytes. */
  bytes: number
  /** The copy to share in feeds and link previews (domain/media.ts sharedImageFile), with its size. */
  shared: ImageFile & { bytes: number }
  alt: string
  caption: string | null
  credit: string | null
  /** Every generated WebP copy, narrowest first, and the `srcset` listing them. */
  variants: ImageFile[]
  srcset: string
  /** The full-size copy in the uploaded format (metadata removed). */
  original: ImageFile
}

/**
 * Featured images of several articles (pages, feeds and lists), keyed by article id; articles without one
 * are absent. Alt text, caption and credit: domain/media.ts ownOrLibraryText.
 */
export async function featuredImagesOf(db: DbOrTrx, articleIds: readonly number[]): Promise<Map<number, FeaturedImage>> {
  const out = new Map<number, FeaturedImage>()
  if (articleIds.length === 0) return out
  // One query, a row per file: a page of stories with pictures costs as many queries as one without.
  const joined = await db.selectFrom('articles').innerJoin('media', 'media.id', 'articles.featured_media_id')
    .innerJoin('media_files', 'media_files.media_id', 'media.id')
    .select([
      'articles.id as article_id', 'media.id', 'media.hash', 'media.alt', 'media.caption', 'media.credit',
      'articles.featured_alt', 'articles.featured_caption', 'articles.featured_credit',
      'media_files.variant', 'media_files.mime', 'media_files.width', 'media_files.height', 'media_files.size'
    ])
    .where('articles.id', 'in', [...articleIds]).execute()
  if (joined.length === 0) return out
  const rows = [...new Map(joined.map((r) => [r.article_id, r])).values()]
  const sizes = joined.map((r) => ({ media_id: r.id, variant: r.variant, size: r.size }))
  const files = filesFromRows(rows, joined.map((r) => ({ media_id: r.id, variant: r.variant, mime: r.mime, width: r.width, height: r.height })))
  for (const row of rows) {
    const own = files.get(row.id)
    if (!own) continue
    out.set(row.article_id, imageOf(row, own, sizes, {
      alt: ownOrLibraryText(row.featured_alt, row.alt) ?? '',
      caption: ownOrLibraryText(row.featured_caption, row.caption),
      credit: ownOrLibraryText(row.featured_credit, row.credit)
    }))
  }
  return out
}

/** The image as pages and feeds need it, from its files, their byte sizes and the texts that go with it. */
function imageOf(media: { id: number }, own: MediaFiles, sizes: readonly { media_id: number, variant: string, size: number }[], texts: { alt: string, caption: string | null, credit: string | null }): FeaturedImage {
  const bytesOf = (file: ImageFile) => {
    const variant = file === own.original ? 'original' : String(file.width)
    return sizes.find((s) => s.media_id === media.id && s.variant === variant)?.size ?? 0
  }
  const main = defaultImageFile(own.variants, own.original)
  const shared = sharedImageFile(own.variants, own.original)
  return {
    mediaId: media.id,
    url: main.url, width: main.width, height: main.height, mime: main.mime, bytes: bytesOf(main),
    shared: { ...shared, bytes: bytesOf(shared) },
    ...texts,
    variants: own.variants,
    srcset: srcsetOf(own.variants.length > 0 ? own.variants : [own.original]),
    original: own.original
  }
}

/** A library image by its id, with the library's alt text, caption and credit (a live-blog update's picture). */
export async function libraryImageOf(db: DbOrTrx, mediaId: number): Promise<FeaturedImage | null> {
  const media = await db.selectFrom('media').select(['id', 'hash', 'alt', 'caption', 'credit']).where('id', '=', mediaId).executeTakeFirst()
  if (!media) return null
  const fileRows = await db.selectFrom('media_files').select(['media_id', 'variant', 'mime', 'width', 'height', 'size']).where('media_id', '=', mediaId).execute()
  const own = filesFromRows([media], fileRows).get(media.id)
  if (!own) return null
  return imageOf(media, own, fileRows, { alt: media.alt, caption: ownOrLibraryText(null, media.caption), credit: ownOrLibraryText(null, media.credit) })
}

/** One article's featured image, or null (see featuredImagesOf). */
export async function featuredImageOf(db: DbOrTrx, articleId: number): Promise<FeaturedImage | null> {
  return (await featuredImagesOf(db, [articleId])).get(articleId) ?? null
}

/** Featured images of articles as feeds, the API and structured data describe them (see articleImageOf). */
export async function featuredImages(db: DbOrTrx, articleIds: number[]): Promise<Map<number, ArticleImage>> {
  const images = await featuredImagesOf(db, articleIds)
  return new Map([...images].map(([id, image]) => [id, articleImageOf(image)]))
}
