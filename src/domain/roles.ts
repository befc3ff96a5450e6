// Roles as WordPress defines them. Every admin route and service action asks `can(role, capability)`;
// "own" capabilities also need the item to belong to the user (see mayActOnArticle).
export type Role = 'administrator' | 'editor' | 'author' | 'contributor'
export const ROLES: readonly Role[] = ['administrator', 'editor', 'author', 'contributor']

export type Capability =
  | 'articles.create'          // write drafts
  | 'articles.edit_own'
  | 'articles.edit_others'
  | 'articles.publish_own'     // publish or schedule own articles
  | 'articles.publish_others'
  | 'articles.delete_own'      // trash, restore, delete own articles (live ones: see below)
  | 'articles.delete_others'
  // Also needed when the article is published or scheduled, or was when it went to the trash (WordPress's
  // delete_published_posts): taking a live story down is a publishing decision, not a writer's tidy-up, and
  // in the bin a story keeps the rights it had before, so whoever could not bin it cannot restore or destroy it.
  | 'articles.delete_published_own'
  | 'articles.delete_published_others'
  | 'media.upload'
  | 'comments.moderate'
  | 'taxonomy.manage'          // sections and tags
  | 'users.manage'
  | 'settings.manage'
  | 'audit.view'
  | 'wire.read'                // the wire inbox, and taking items into drafts
  | 'wire.manage'              // wire sources

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  administrator: [
    'articles.create', 'articles.edit_own', 'articles.edit_others', 'articles.publish_own', 'articles.publish_others',
    'articles.delete_own', 'articles.delete_others', 'articles.delete_published_own', 'articles.delete_published_others',
    'media.upload', 'comments.moderate', 'taxonomy.manage', 'users.manage', 'settings.manage', 'audit.view',
    'wire.read', 'wire.manage'
  ],
  editor: [
    'articles.create', 'articles.edit_own', 'articles.edit_others', 'articles.publish_own', 'articles.publish_others',
    'articles.delete_own', 'articles.delete_others', 'articles.delete_published_own', 'articles.delete_published_others',
    'media.upload', 'comments.moderate', 'taxonomy.manage', 'audit.view', 'wire.read', 'wire.manage'
  ],
  author: ['articles.create', 'articles.edit_own', 'articles.publish_own', 'articles.delete_own', 'articles.delete_published_own', 'media.upload', 'wire.read'],
  // Contributors write and submit for review, and may bin their own drafts (WordPress's delete_posts); once
  // published, their article is the editors' to change or take down.
  contributor: ['articles.create', 'articles.edit_own', 'articles.delete_own']
}

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability)
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** May this user do `kind` to an article written by `authorId`? */
export function mayActOnArticle(user: { id: number, role: Role }, kind: 'edit' | 'publish' | 'delete' | 'delete_published', authorId: number | null): boolean {
  const own = authorId !== null && authorId === user.id
  return can(user.role, `articles.${kind}_${own ? 'own' : 'others'}` as Capability)
}

/**
 * May this user choose (set, replace or remove) an article's featured image? As in WordPress, where the
 * featured-image box needs upload_files: picking from the media library is for those who may use it
 * (authors, editors, administrators), so a contributor's draft keeps the image an editor gave it. The
 * alt text, caption and credit stay open to whoever edits the article: here they are the article's own
 * words about the picture (not the attachment's, as in WordPress), kept in its revisions and read by the
 * editor who reviews a contributor's draft, and the alt text is required, so a contributor must be able to write it.
 */
export function mayChooseFeaturedImage(user: { role: Role }): boolean {
  return can(user.role, 'media.upload')
}
