// What the rich body editor asks the server while someone writes (issue 17): pictures from the library
// with the copies the image pipeline made, published stories to link as "related", and pasted HTML
// cleaned by the same rules the paste tests hold it to. Reads only; the story is written by articles.service.
import { adminArticleList } from '../db/repositories/articles.repository.js'
import { filesOfMedia, mediaById, mediaLibrary, type MediaFiles, type MediaListItem } from '../db/repositories/media.repository.js'
import { defaultImageFile, srcsetOf } from '../domain/media.js'
import { cleanPastedHtml } from '../domain/paste-clean.js'
import type { SiteSettings } from '../domain/settings.js'
import { articlePath, editionPrefix } from '../domain/urls.js'
import type { Deps } from './deps.js'

/** Pictures offered per search in the body editor's picture dialog. */
export const BODY_PICTURE_CHOICES = 24
/** Stories offered per search in the related-story dialog. */
export const RELATED_STORY_CHOICES = 12
/** Longest search text read, in characters. */
const MAX_QUERY = 200
/** Largest pasted HTML the cleaner reads (a long Word document is about 1 MB of clipboard HTML). */
export const MAX_PASTE_HTML = 2_000_000

/** A library picture as the editor inserts it: the `picture` node's attributes plus what the dialog shows. */
export interface BodyPicture {
  id: number, name: string, thumbUrl: string, src: string, srcset: string, width: number, height: number,
  alt: string, caption: string, credit: string
}

function pictureOf(item: Pick<MediaListItem, 'id' | 'original_name' | 'alt' | 'caption' | 'credit'>, files: MediaFiles): BodyPicture {
  const main = defaultImageFile(files.variants, files.original)
  const thumb = files.variants[0] ?? files.original
  return {
    id: item.id, name: item.original_name, thumbUrl: thumb.url, src: main.url,
    srcset: srcsetOf(files.variants.length > 0 ? files.variants : [files.original]),
    width: main.width, height: main.height, alt: item.alt, caption: item.caption, credit: item.credit
  }
}

export async function bodyPictureChoices(deps: Deps, query: string): Promise<BodyPicture[]> {
  const text = query.trim().slice(0, MAX_QUERY)
  const page = await mediaLibrary(deps.db, { limit: BODY_PICTURE_CHOICES, text: text || undefined })
  return page.items.map((item) => pictureOf(item, item.files))
}

export async function bodyPicture(deps: Deps, id: number): Promise<BodyPicture | null> {
  const media = await mediaById(deps.db, id)
  const files = media ? (await filesOfMedia(deps.db, [media])).get(media.id) : undefined
  return media && files ? pictureOf(media, files) : null
}

export interface RelatedStoryChoice { id: number, headline: string, href: string, edition: string, publishedAt: string }

/** Published stories whose headline contains the text, newest change first (all editions, this one first). */
export async function relatedStoryChoices(deps: Deps, settings: SiteSettings, query: string, edition: string): Promise<RelatedStoryChoice[]> {
  const text = query.trim().slice(0, MAX_QUERY)
  const page = await adminArticleList(deps.db, { status: 'published', text: text || undefined, now: deps.clock(), limit: RELATED_STORY_CHOICES * 2 })
  return page.items
    .filter((a) => a.publishedAt !== null)
    .sort((a, b) => Number(b.edition === edition) - Number(a.edition === edition))
    .slice(0, RELATED_STORY_CHOICES)
    .map((a) => ({
      id: a.id, headline: a.headline, edition: a.edition, publishedAt: a.publishedAt!,
      href: articlePath(editionPrefix(a.edition, settings.defaultEdition), a.publishedAt!, a.slug, settings.timeZone)
    }))
}

/** Clipboard HTML as the body may hold it: structure kept, Word's and Docs' styling gone. */
export function cleanPastedBody(html: string): string {
  return cleanPastedHtml(html.slice(0, MAX_PASTE_HTML))
}
