// Images: which types we take (judged by their bytes, never by the name or the browser's word), which
// sizes we generate, and the content-addressed URLs they are served at. No I/O here.
import { parseId } from './ids.js'

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const
export type ImageType = typeof IMAGE_TYPES[number]

/**
 * Widths of the generated WebP copies: a phone column (320), a phone at 2× or a tablet column (640),
 * the article column at 2× (1024) and a full-width hero on a large screen (1600). Never upscaled.
 */
export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const

/**
 * Largest upload accepted. A 24-megapixel camera JPEG is 8–15 MB; 20 MB takes any honest photo and
 * keeps a single upload from tying up the server's memory.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/** Decoding a 60-megapixel image takes ~250 MB; a larger one is more likely a decompression bomb than a photo. */
export const MAX_INPUT_PIXELS = 60_000_000

export const EXTENSIONS: Record<ImageType, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif'
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false
  return signature.every((b, i) => bytes[offset + i] === b)
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/**
 * The image type by its magic bytes: JPEG (FF D8 FF), PNG (its 8-byte signature), WebP (a RIFF file of
 * type WEBP), AVIF (an ISO-BMFF "ftyp" box naming the avif or avis brand). Null for anything else.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('ftyp'), 4) && bytes.length >= 16) {
    // The box's size (big-endian, first four bytes) bounds the brand list: major brand, minor version, compatible brands.
    const boxSize = Math.min(((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!, bytes.length, 4096)
    const brands: string[] = []
    for (let at = 8; at + 4 <= boxSize; at += at === 8 ? 8 : 4) {
      brands.push(String.fromCharCode(...bytes.subarray(at, at + 4)))
    }
    if (brands.includes('avif') || brands.includes('avis')) return 'image/avif'
  }
  return null
}

/** The widths to generate for an image `width` pixels wide: the standard ones below it, or one copy at its own width. */
export function variantWidths(width: number): number[] {
  const smaller = VARIANT_WIDTHS.filter((w) => w < width)
  return smaller.length > 0 ? smaller : [width]
}

/** "/media/12-3f9a1c2b7d4e5f60/640.webp": the id finds the row, the hash makes the URL change when the bytes do. */
export function mediaPath(media: { id: number, hash: string }, variant: string, mime: string): string {
  const ext = EXTENSIONS[mime as ImageType] ?? 'bin'
  return `/media/${media.id}-${media.hash.slice(0, 16)}/${variant}.${ext}`
}

/** Parses the two path segments of a media URL; null when they cannot be one. */
export function parseMediaPath(key: string, file: string): { id: number, hashPrefix: string, variant: string, ext: string } | null {
  const k = /^([1-9]\d{0,9})-([0-9a-f]{16})$/.exec(key)
  const f = /^(original|\d{1,5})\.(jpg|png|webp|avif)$/.exec(file)
  const id = parseId(k?.[1])
  if (!k || !f || id === null) return null
  return { id, hashPrefix: k[2]!, variant: f[1]!, ext: f[2]! }
}

export interface ImageFile { url: string, width: number, height: number, mime: string }

/** A `srcset` listing every copy by width, narrowest first. */
export function srcsetOf(files: readonly ImageFile[]): string {
  return [...files].sort((a, b) => a.width - b.width).map((f) => `${f.url} ${f.width}w`).join(', ')
}

/**
 * The copy for `src` (browsers without srcset, feeds, social cards): the largest generated copy up to
 * 1024 px, which is the article column at 2×, else the original.
 */
export function defaultImageFile(variants: readonly ImageFile[], original: ImageFile): ImageFile {
  const fitting = variants.filter((v) => v.width <= 1024).sort((a, b) => b.width - a.width)
  return fitting[0] ?? original
}

/**
 * A featured image's alt text, caption or credit: the article's own, else the library's, else none. Text
 * of white space only counts as none, so a blank field never hides the library's words.
 */
export function ownOrLibraryText(own: string | null, library: string): string | null {
  if (own !== null && own.trim() !== '') return own
  return library.trim() !== '' ? library : null
}

/** The copy to share (feeds, link previews): the widest generated WebP, widely readable; else the original. */
export function sharedImageFile<T extends ImageFile>(variants: readonly T[], original: T): T {
  return variants.reduce<T | null>((widest, f) => (widest === null || f.width > widest.width ? f : widest), null) ?? original
}

/** Longest alt text, caption, credit and file name a library image keeps, in characters. */
export const MEDIA_TEXT_LIMITS = { alt: 1_000, caption: 2_000, credit: 200, name: 255 } as const
