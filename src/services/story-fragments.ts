// Renderings of single stories that many answers repeat (a feed's items: the edition's feed, its
// sections', tags' and authors' feeds all carry the same story the same way), kept per version of the
// story, so a feed read again renders only the stories that changed. The page cache keeps whole answers;
// this keeps pieces, and works with the page cache off too. A rendering is keyed by the story's id and
// last change (`updated_at`), and dropped
//  - when an event names its story (published, updated, unpublished; a live blog's update is an
//    article.updated), and all of them on `site.changed` (settings, sections, people's names, media),
//    which on PostgreSQL and under --workers arrive from every app process;
//  - after FRAGMENT_MAX_AGE_MS at most, which bounds what no event announces (commands run from the shell,
//    events missed while the PostgreSQL bus reconnects), as shared blocks are bounded.
// A scope object (the site settings a rendering was made with) keeps renderings made under other settings
// apart: settings are a new object after every change. Time is the app's clock (deps.clock).
import type { Db } from '../db/database.js'
import type { Deps } from './deps.js'

const FRAGMENT_MAX_AGE_MS = 30_000
/** Stories with renderings kept: a few feeds' worth. The bound is a guard against unbounded growth. */
const MAX_STORIES = 5_000

interface Fragment {
  version: string
  value: unknown
  expiresAt: number
}

interface Stories {
  /** Per story id, its latest rendering by scope and kind. */
  byStory: Map<number, Map<string, Fragment>>
  /** Counts the events that dropped renderings: one made from a read that an event overtook is not kept. */
  epoch: number
}

const byDatabase = new WeakMap<Db, Stories>()
const scopeIds = new WeakMap<object, number>()
let nextScopeId = 1

function storiesOf(deps: Deps): Stories {
  let stories = byDatabase.get(deps.db)
  if (!stories) {
    const created: Stories = { byStory: new Map(), epoch: 0 }
    deps.events.on((event) => {
      // Comments are not part of any story's kept rendering.
      if (event.type === 'site.changed') created.byStory.clear()
      else if (event.type === 'article.published' || event.type === 'article.updated' || event.type === 'article.unpublished') created.byStory.delete(event.articleId)
      else return
      created.epoch++
    })
    byDatabase.set(deps.db, created)
    stories = created
  }
  return stories
}

function keyOf(scope: object, kind: string): string {
  let id = scopeIds.get(scope)
  if (id === undefined) {
    id = nextScopeId++
    scopeIds.set(scope, id)
  }
  return `${id} ${kind}`
}

export interface StoryFragments<T> {
  /** The rendering of this version of the story, when one is kept and fresh. */
  get(storyId: number, version: string): T | undefined
  set(storyId: number, version: string, value: T): void
}

/**
 * Renderings of one kind ("rss", "atom") made under one scope, for one answer: take it before reading the
 * stories, so that what `set` is given after an event arrived meanwhile is not kept (the read may have
 * missed the change). Values are shared: treat them as read-only.
 */
export function storyFragments<T>(deps: Deps, scope: object, kind: string): StoryFragments<T> {
  const stories = storiesOf(deps)
  const { byStory, epoch } = stories
  const key = keyOf(scope, kind)
  return {
    get(storyId, version) {
      const fragment = byStory.get(storyId)?.get(key)
      if (!fragment || fragment.version !== version || fragment.expiresAt <= deps.clock().getTime()) return undefined
      return fragment.value as T
    },
    set(storyId, version, value) {
      if (stories.epoch !== epoch) return
      let own = byStory.get(storyId)
      if (!own) {
        if (byStory.size >= MAX_STORIES) byStory.clear()
        own = new Map()
        byStory.set(storyId, own)
      }
      // One version per story, scope and kind: a newer one replaces the older.
      own.set(key, { version, value, expiresAt: deps.clock().getTime() + FRAGMENT_MAX_AGE_MS })
    }
  }
}
