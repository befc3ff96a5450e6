import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { legacyLookupsOf, queryKeyOf } from '../../src/domain/legacy-urls.js'

describe('legacyLookupsOf', () => {
  it('looks a permalink up by its path', () => {
    assert.deepEqual(legacyLookupsOf('/2012/01/05/hello-world/'), [{ key: '/2012/01/05/hello-world/', feed: '' }])
    assert.deepEqual(legacyLookupsOf('/archives/123?utm_source=x'), [{ key: '/archives/123/', feed: '' }])
  })

  it('looks a feed up as its page, keeping which feed', () => {
    assert.deepEqual(legacyLookupsOf('/category/news/feed/'), [{ key: '/category/news/feed/', feed: '' }, { key: '/category/news/', feed: 'feed/' }])
    assert.deepEqual(legacyLookupsOf('/hello-world/feed/atom/')[1], { key: '/hello-world/', feed: 'feed/atom/' })
    assert.deepEqual(legacyLookupsOf('/hello-world/feed/rss2/')[1], { key: '/hello-world/', feed: 'feed/' })
  })

  it('looks the front page\'s plain links up by their query', () => {
    assert.deepEqual(legacyLookupsOf('/?p=123'), [{ key: '/?p=123', feed: '' }])
    assert.deepEqual(legacyLookupsOf('/?page_id=2'), [{ key: queryKeyOf('page_id', 2), feed: '' }])
    assert.deepEqual(legacyLookupsOf('/?cat=7&feed=rss2'), [{ key: '/?cat=7', feed: 'feed/' }])
    assert.deepEqual(legacyLookupsOf('/?tag=news&feed=atom'), [{ key: '/?tag=news', feed: 'feed/atom/' }])
  })

  it('finds nothing to look up for the front page or other queries', () => {
    assert.deepEqual(legacyLookupsOf('/'), [])
    assert.deepEqual(legacyLookupsOf('/?before=abc'), [])
    assert.deepEqual(legacyLookupsOf('/?p=1&feed=unknown'), [])
  })
})
