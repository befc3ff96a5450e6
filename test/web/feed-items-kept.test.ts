// RSS items and Atom entries are kept per story version (src/services/story-fragments.ts) with the page
// cache off too: a feed read again must be the same bytes, and must show every change as a fresh render
// would, at once when the change is announced or moves the story's updated_at, within the bound otherwise.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDialect } from '../helper.js'
import { storyFragments, storyFragmentsSize } from '../../src/services/story-fragments.js'
import { buildNewsroom } from './syndication-fixtures.js'

const FEEDS = ['/feed/', '/feed/atom/', '/section/politics/feed/', '/tag/diplomacy/feed/atom/']

forEachDialect((dialect) => {
  describe('feed items kept per story version', () => {
    it('give the same bytes read again, and the same as a fresh process writes', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      const first = await Promise.all(FEEDS.map(async (url) => (await t.app.inject(url)).body))
      const again = await Promise.all(FEEDS.map(async (url) => (await t.app.inject(url)).body))
      assert.deepEqual(again, first)
      // Everything dropped: each feed written from the database again, item by item.
      t.deps.events.emit({ type: 'site.changed' })
      const fresh = await Promise.all(FEEDS.map(async (url) => (await t.app.inject(url)).body))
      assert.deepEqual(fresh, first)
    })

    it('show an announced edit at once, in every feed that carries the story', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      for (const url of FEEDS) assert.match((await t.app.inject(url)).body, /US Department of State expects Russian response/, url)
      // As the write path does: the row changes, then the event; updated_at kept so only the event can tell.
      await t.deps.db.updateTable('articles').set({ headline: 'State Department awaits Moscow' }).where('id', '=', ids.model).execute()
      t.deps.events.emit({ type: 'article.updated', articleId: ids.model })
      for (const url of FEEDS) {
        const body = (await t.app.inject(url)).body
        assert.match(body, /State Department awaits Moscow/, url)
        assert.doesNotMatch(body, /US Department of State expects/, url)
      }
    })

    it('show an unannounced change at once when it moves updated_at, and a section renamed on site.changed', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      await t.app.inject('/feed/')
      // A command run from the shell: no event reaches this process, but the story's version moved.
      await t.deps.db.updateTable('articles').set({ lead: 'A new lead from the shell.', updated_at: '2022-02-04T09:00:00.000Z' }).where('id', '=', ids.model).execute()
      assert.match((await t.app.inject('/feed/')).body, /A new lead from the shell\./)
      // Sections are not part of a story's version: the admin's routes announce their changes as site.changed.
      await t.deps.db.updateTable('sections').set({ name: 'Statecraft' }).where('slug', '=', 'politics').execute()
      t.deps.events.emit({ type: 'site.changed' })
      assert.match((await t.app.inject('/feed/')).body, /Statecraft/)
    })

    it('show a change nothing announced within 30 seconds', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      await t.app.inject('/feed/atom/')
      await t.deps.db.updateTable('articles').set({ headline: 'Changed behind our back' }).where('id', '=', ids.model).execute()
      t.clock.advance(29_000)
      assert.doesNotMatch((await t.app.inject('/feed/atom/')).body, /Changed behind our back/, 'kept within the bound')
      t.clock.advance(1_001)
      assert.match((await t.app.inject('/feed/atom/')).body, /Changed behind our back/)
    })

    it('leave out a story unpublished since, and let a new one in, without any event', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      assert.match((await t.app.inject('/feed/')).body, /Quiet morning in the valley/)
      await t.deps.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', ids.quiet).execute()
      assert.doesNotMatch((await t.app.inject('/feed/')).body, /Quiet morning in the valley/)
      t.clock.set('2022-02-04T12:00:01.000Z')
      assert.match((await t.app.inject('/feed/')).body, /Future story/, 'the scheduled story is in once its time has come')
    })

    it('do not keep a rendering read before an event that arrived meanwhile', async (tc) => {
      const { t, ids } = await buildNewsroom(tc, dialect)
      const scope = {}
      const taken = storyFragments<string>(t.deps, scope, 'test')
      t.deps.events.emit({ type: 'article.updated', articleId: ids.talks })
      taken.set(ids.model, 'v1', 'stale', 5)
      assert.equal(storyFragments<string>(t.deps, scope, 'test').get(ids.model, 'v1'), undefined)
      const fresh = storyFragments<string>(t.deps, scope, 'test')
      fresh.set(ids.model, 'v1', 'kept', 4)
      assert.equal(storyFragments<string>(t.deps, scope, 'test').get(ids.model, 'v1'), 'kept')
      assert.equal(storyFragments<string>(t.deps, scope, 'test').get(ids.model, 'v2'), undefined, 'another version is not this one')
      assert.equal(storyFragments<string>(t.deps, {}, 'test').get(ids.model, 'v1'), undefined, 'another scope (settings) keeps its own')
      // Comments are not part of a kept rendering: their events leave it.
      t.deps.events.emit({ type: 'comment.approved', commentId: 1, articleId: ids.model })
      assert.equal(storyFragments<string>(t.deps, scope, 'test').get(ids.model, 'v1'), 'kept')
      t.deps.events.emit({ type: 'article.unpublished', articleId: ids.model })
      assert.equal(storyFragments<string>(t.deps, scope, 'test').get(ids.model, 'v1'), undefined)
    })

    it('hold at most four million characters, counting what events drop and newer versions replace', async (tc) => {
      const { t } = await buildNewsroom(tc, dialect)
      t.deps.events.emit({ type: 'site.changed' })
      const scope = {}
      const store = () => storyFragments<string>(t.deps, scope, 'test')
      store().set(1, 'v1', 'a', 1_000_000)
      store().set(1, 'v2', 'b', 1_500_000)
      assert.equal(storyFragmentsSize(t.deps), 1_500_000, 'a newer version replaces the older one')
      store().set(2, 'v1', 'c', 2_000_000)
      assert.equal(storyFragmentsSize(t.deps), 3_500_000)
      t.deps.events.emit({ type: 'article.updated', articleId: 2 })
      assert.equal(storyFragmentsSize(t.deps), 1_500_000)
      store().set(3, 'v1', 'd', 2_400_000)
      store().set(4, 'v1', 'e', 200_000)
      assert.equal(storyFragmentsSize(t.deps), 200_000, 'past the bound the store starts again empty')
      assert.equal(store().get(1, 'v2'), undefined)
      assert.equal(store().get(4, 'v1'), 'e')
      store().set(5, 'v1', 'f', 4_000_001)
      assert.equal(store().get(5, 'v1'), undefined, 'a rendering larger than the bound is not kept')
    })
  })
})
