// Threads: where a reply goes, and how a flat list read in thread order becomes nested lists.
// A comment's thread path is its ancestors' ids and its own, each zero-padded to THREAD_SEGMENT digits.

/** Ten digits: every id a 32-bit integer column can hold. */
export const THREAD_SEGMENT = 10

export function pathSegment(id: number): string {
  return String(id).padStart(THREAD_SEGMENT, '0')
}

/** The ids in a thread path, oldest ancestor first, the comment itself last. */
export function pathIds(path: string): number[] {
  const ids: number[] = []
  for (let i = 0; i + THREAD_SEGMENT <= path.length; i += THREAD_SEGMENT) ids.push(Number(path.slice(i, i + THREAD_SEGMENT)))
  return ids
}

export interface ThreadPlace {
  /** The comment the reply hangs under (null: a top-level comment). */
  parentId: number | null
  depth: number
  /** The new comment's path is this followed by pathSegment(its id). */
  pathPrefix: string
}

/**
 * Where a reply to `target` goes when threads nest at most `maxDepth` levels (1 = no nesting). Below the limit
 * it hangs under the target; a reply to a comment at (or, after the limit was lowered, beyond) the deepest
 * level joins the deepest allowed level, next to the target, as WordPress does.
 */
export function placeReply(target: { threadPath: string }, maxDepth: number): ThreadPlace {
  const ancestry = pathIds(target.threadPath)
  const depth = Math.min(ancestry.length, Math.max(1, maxDepth) - 1)
  return {
    parentId: depth === 0 ? null : ancestry[depth - 1]!,
    depth,
    pathPrefix: target.threadPath.slice(0, depth * THREAD_SEGMENT)
  }
}

export interface ThreadNode<T> { comment: T, children: ThreadNode<T>[] }

/**
 * Nests comments listed in thread-path order. A reply whose parent is not in the list (held, spam, trash
 * or deleted after the reply was approved) hangs under its nearest listed ancestor, or at the top: an
 * approved comment is counted, so it is shown.
 */
export function buildThreads<T extends { id: number, threadPath: string }>(comments: readonly T[]): ThreadNode<T>[] {
  const roots: ThreadNode<T>[] = []
  const nodes = new Map<number, ThreadNode<T>>()
  for (const comment of comments) {
    const node: ThreadNode<T> = { comment, children: [] }
    nodes.set(comment.id, node)
    const ancestors = pathIds(comment.threadPath).slice(0, -1)
    let home: ThreadNode<T> | undefined
    for (let i = ancestors.length - 1; i >= 0 && !home; i--) home = nodes.get(ancestors[i]!)
    ;(home ? home.children : roots).push(node)
  }
  return roots
}
