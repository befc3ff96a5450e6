// Renderings of single stories that many answers repeat (a feed's items: the edition's feed, its
// sections', tags' and authors' feeds all carry the same story the same way), kept per version of the
// story, so a feed read again renders only the stories that changed. The page cache keeps whole answers;
// this keeps pieces, and works with the page cache off too. A rendering is keyed by the story's id and
// version (its caller's choice: feeds use `published_at` and `updated_at`), and dropped
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
/**
 * Characters kept in all, per database: full-text items of 5–10 KB each make this a few hundred feeds'
 * stories, and at most 8 MB of strings, however many feeds, sections and tags a site has. Past it the whole
 * store starts again empty (one render per story), which needs no bookkeeping of what was used last.
 */
const MAX_CHARACTERS = 4_000_000

interface Fragment {
  version: string
  value: unknown
  size: number
  expiresAt: number
}

interface Stories {
  /** Per story id, its latest rendering by scope and kind. */
  byStory: Map<number, Map<string, Fragment>>
  /** Characters kept (the sizes `set` was given). */
  size: number
  /** Counts the events that dropped renderings: one made from a read that an event overtook is not kept. */
  epoch: number
}

const byDatabase = new WeakMap<Db, Stories>()
const scopeIds = new WeakMap<object, number>()
let nextScopeId = 1

function dropStory(stories: Stories, storyId: number): void {
  const own = stories.byStory.get(storyId)
  if (!own) return
  for (const fragment of own.values()) stories.size -= fragment.size
  stories.byStory.delete(storyId)
}

function dropAll(stories: Stories): void {
  stories.byStory.clear()
  stories.size = 0
}

function storiesOf(deps: Deps): Stories {
  let stories = byDatabase.get(deps.db)
  if (!stories) {
    const created: Stories = { byStory: new Map(), size: 0, epoch: 0 }
    deps.events.on((event) => {
      // Comments are not part of any story's kept rendering.
      if (event.type === 'site.changed') dropAll(created)
      else if (event.type === 'article.published' || event.type === 'article.updated' || event.type === 'article.unpublished') dropStory(created, event.articleId)
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
  /** `size`: what the value holds, in characters, counted against the store's bound. */
  set(storyId: number, version: string, value: T, size: number): void
}

/**
 * Renderings of one kind ("rss", "atom") made under one scope, for one answer: take it before reading the
 * stories, so that what `set` is given after an event arrived meanwhile is not kept (the read may have
 * missed the change). Values are shared: treat them as read-only.
 */
export function storyFragments<T>(deps: Deps, scope: object, kind: string): StoryFragments<T> {
  const stories = storiesOf(deps)
  const { epoch } = stories
  const key = keyOf(scope, kind)
  return {
    get(storyId, version) {
      const fragment = stories.byStory.get(storyId)?.get(key)
      if (!fragment || fragment.version !== version || fragment.expiresAt <= deps.clock().getTime()) return undefined
      return fragment.value as T
    },
    set(storyId, version, value, size) {
      if (stories.epoch !== epoch || size > MAX_CHARACTERS) return
      let own = stories.byStory.get(storyId)
      // One version per story, scope and kind: a newer one replaces the older.
      const replaced = own?.get(key)
      if (replaced) stories.size -= replaced.size
      if (stories.size + size > MAX_CHARACTERS) {
        dropAll(stories)
        own = undefined
      }
      if (!own) {
        own = new Map()
        stories.byStory.set(storyId, own)
      }
      own.set(key, { version, value, size, expiresAt: deps.clock().getTime() + FRAGMENT_MAX_AGE_MS })
      stories.size += size
    }
  }
}

/** Characters the store of this database holds, for tests of its bound. */
export function storyFragmentsSize(deps: Deps): number {
  return storiesOf(deps).size
}
