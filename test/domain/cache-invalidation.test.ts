import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { changesNothing, dropsCopy, dropsEverything } from '../../src/domain/cache-invalidation.js'

describe('which copies a change drops', () => {
  it('a held comment changes nothing', () => {
    assert.equal(changesNothing({ type: 'comment.submitted', articleId: 1 }), true)
    assert.equal(changesNothing({ type: 'comment.approved', articleId: 1 }), false)
  })

  it('stories published, edited or withdrawn, and site changes, drop everything', () => {
    for (const type of ['article.published', 'article.updated', 'article.unpublished', 'site.changed', 'something.new']) {
      assert.equal(dropsEverything({ type, articleId: 7 }), true, type)
      assert.equal(dropsCopy({ type, articleId: 7 }, [1, 2]), true, type)
    }
  })

  it('a comment change drops the pages that show that story and every list, and keeps other articles', () => {
    for (const type of ['comment.approved', 'comment.unapproved', 'comment.updated']) {
      const change = { type, articleId: 7 }
      assert.equal(dropsEverything(change), false, type)
      assert.equal(dropsCopy(change, [7]), true, 'its own page')
      assert.equal(dropsCopy(change, [3, 7, 9]), true, 'a page whose strip shows it')
      assert.equal(dropsCopy(change, null), true, 'a list, feed or API answer')
      assert.equal(dropsCopy(change, [3, 9]), false, 'another article whose strip does not show it')
      assert.equal(dropsCopy(change, []), false)
    }
  })

  it('a comment change without its story is a change of everything', () => {
    assert.equal(dropsEverything({ type: 'comment.approved' }), true)
  })
})
