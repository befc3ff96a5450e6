import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { isPubliclyVisible, ARTICLE_STATUSES, type ArticleStatus } from '../../src/domain/publishing.js'

const publishedAt = '2022-02-03T09:33:00.000Z'
const at = new Date(publishedAt)
const oneMsBefore = new Date(at.getTime() - 1)
const dayAfter = new Date(at.getTime() + 24 * 60 * 60 * 1000)

describe('isPubliclyVisible', () => {
  for (const status of ['draft', 'pending', 'trashed'] as const) {
    it(`never shows a ${status} article, even long after its time`, () => {
      assert.equal(isPubliclyVisible({ status, publishedAt }, dayAfter), false)
      assert.equal(isPubliclyVisible({ status, publishedAt }, at), false)
      assert.equal(isPubliclyVisible({ status, publishedAt: null }, dayAfter), false)
    })
  }

  for (const status of ['published', 'scheduled'] as const) {
    it(`shows a ${status} article from the exact millisecond of its time`, () => {
      assert.equal(isPubliclyVisible({ status, publishedAt }, at), true)
    })

    it(`hides a ${status} article one millisecond before its time`, () => {
      assert.equal(isPubliclyVisible({ status, publishedAt }, oneMsBefore), false)
    })

    it(`keeps showing a ${status} article after its time`, () => {
      assert.equal(isPubliclyVisible({ status, publishedAt }, dayAfter), true)
    })

    it(`never shows a ${status} article without a publication time`, () => {
      assert.equal(isPubliclyVisible({ status, publishedAt: null }, dayAfter), false)
    })
  }

  it('covers every status there is', () => {
    const covered: ArticleStatus[] = ['draft', 'pending', 'trashed', 'published', 'scheduled']
    assert.deepEqual([...ARTICLE_STATUSES].sort(), [...covered].sort())
  })
})
