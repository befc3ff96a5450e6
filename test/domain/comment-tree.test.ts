import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { buildThreads, pathIds, pathSegment, placeReply } from '../../src/domain/comment-tree.js'

const path = (...ids: number[]) => ids.map(pathSegment).join('')

describe('thread paths', () => {
  it('pad each id to ten digits and read back', () => {
    assert.equal(pathSegment(42), '0000000042')
    assert.deepEqual(pathIds(path(1, 22, 333)), [1, 22, 333])
  })
  it('sort depth-first as plain strings: a parent, its replies, then the next thread', () => {
    const paths = [path(2), path(1, 3), path(1), path(1, 3, 10), path(1, 4), path(10)]
    assert.deepEqual([...paths].sort().map(pathIds), [[1], [1, 3], [1, 3, 10], [1, 4], [2], [10]])
  })
})

describe('placeReply', () => {
  it('hangs a reply under its target below the depth limit', () => {
    assert.deepEqual(placeReply({ threadPath: path(7) }, 5), { parentId: 7, depth: 1, pathPrefix: path(7) })
    assert.deepEqual(placeReply({ threadPath: path(7, 8, 9) }, 5), { parentId: 9, depth: 3, pathPrefix: path(7, 8, 9) })
  })
  it('attaches a reply to the deepest level at that level, next to its target', () => {
    // Depth limit 5: levels 0–4. The target is at level 4.
    assert.deepEqual(placeReply({ threadPath: path(1, 2, 3, 4, 5) }, 5), { parentId: 4, depth: 4, pathPrefix: path(1, 2, 3, 4) })
  })
  it('keeps replies at the limit after the limit was lowered', () => {
    assert.deepEqual(placeReply({ threadPath: path(1, 2, 3, 4, 5) }, 2), { parentId: 1, depth: 1, pathPrefix: path(1) })
  })
  it('makes every reply a top-level comment when threads are off (limit 1)', () => {
    assert.deepEqual(placeReply({ threadPath: path(1, 2) }, 1), { parentId: null, depth: 0, pathPrefix: '' })
  })
})

describe('buildThreads', () => {
  const c = (...ids: number[]) => ({ id: ids.at(-1)!, threadPath: path(...ids) })
  const shape = (nodes: ReturnType<typeof buildThreads<{ id: number, threadPath: string }>>): unknown =>
    nodes.map((n) => n.children.length ? [n.comment.id, shape(n.children)] : n.comment.id)

  it('nests replies under their parents in the order given', () => {
    assert.deepEqual(shape(buildThreads([c(1), c(1, 2), c(1, 2, 5), c(1, 3), c(4)])), [[1, [[2, [5]], 3]], 4])
  })
  it('hangs a reply whose parent is not shown under the nearest shown ancestor, or at the top', () => {
    assert.deepEqual(shape(buildThreads([c(1), c(1, 2, 3)])), [[1, [3]]])
    assert.deepEqual(shape(buildThreads([c(1, 2), c(4)])), [2, 4])
  })
  it('gives nothing for no comments', () => {
    assert.deepEqual(buildThreads([]), [])
  })
})
