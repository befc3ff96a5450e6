import type { Generated } from 'kysely'

export interface MediaTable {
  id: Generated<number>
  /** SHA-256 of the original bytes, hex. */
  hash: string
  /** Sniffed from the bytes: image/jpeg, image/png, image/webp or image/avif. */
  mime: string
  original_name: string
  size: number
  width: number
  height: number
  alt: Generated<string>
  caption: Generated<string>
  credit: Generated<string>
  uploaded_by: number | null
  created_at: string
}

export interface MediaFilesTable {
  media_id: number
  /** "original", or the width of a generated WebP ("320", "640", …). */
  variant: string
  mime: string
  width: number
  height: number
  size: number
  bytes: Buffer
}

export interface ArticleRevisionsTable {
  id: Generated<number>
  article_id: number
  /** The article's version this save produced. */
  version: number
  action: string
  actor_id: number | null
  actor_name: string
  headline: string
  lead: string
  body_source: string
  /** JSON: RevisionFields (src/db/repositories/revisions.repository.ts). */
  fields: string
  created_at: string
}

export interface SlugHistoryTable {
  id: Generated<number>
  edition: string
  /** The day part of the old URL, in the site zone. */
  day: string
  slug: string
  article_id: number
  created_at: string
}
