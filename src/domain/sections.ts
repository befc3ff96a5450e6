// Sections form a tree (a "World" section may hold "Europe" and "Asia"); a section's page and feed
// carry the stories of its subsections too, as WordPress category archives do.

export interface SectionLink { id: number, parentId: number | null }

/** The section and every section below it, at any depth. A loop in the parent links is walked once. */
export function sectionSubtree(sections: readonly SectionLink[], rootId: number): number[] {
  const children = new Map<number, number[]>()
  for (const s of sections) {
    if (s.parentId === null) continue
    const list = children.get(s.parentId) ?? []
    list.push(s.id)
    children.set(s.parentId, list)
  }
  const seen = new Set<number>([rootId])
  const queue = [rootId]
  while (queue.length > 0) {
    const id = queue.shift()!
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue
      seen.add(child)
      queue.push(child)
    }
  }
  return [...seen]
}

/** Each section's live article count and newest change, including everything in its subsections. */
export function rollUpSections<T extends SectionLink & { articleCount: number, lastModified: string | null }>(sections: readonly T[]): (T & { totalCount: number, newestChange: string | null })[] {
  return sections.map((section) => {
    const subtree = new Set(sectionSubtree(sections, section.id))
    let totalCount = 0
    let newestChange: string | null = null
    for (const s of sections) {
      if (!subtree.has(s.id)) continue
      totalCount += s.articleCount
      if (s.lastModified && (newestChange === null || s.lastModified > newestChange)) newestChange = s.lastModified
    }
    return { ...section, totalCount, newestChange }
  })
}

/** Longest section or tag name, in characters: room for any real name, not for a paragraph. */
export const TAXONOMY_NAME_LIMIT = 200

/**
 * Longest section or tag description, in characters: a paragraph or two at the top of its page, as
 * WordPress's category descriptions are; past that it is an article, not an introduction.
 */
export const TAXONOMY_DESCRIPTION_LIMIT = 2000

/**
 * The control characters plain text such as a description may not hold: all but line breaks and tabs.
 * The newsroom's form refuses them; the WordPress import drops them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const TEXT_CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]/g
