// Which kept copies of reader pages a change makes wrong. A copy that is not sure to be unaffected is
// dropped: a stale page is worse than a render.
//
// A story published, edited or withdrawn can be on any list, in the newsfeed strip beside every article,
// in feeds, sitemaps, search and the API, and its headline in links from other pages: everything goes.
// A comment approved, unapproved or edited changes its article's page and comment feed, and the count
// that lists show beside the story; an article page shows no other comments and no other counts than
// those of the stories in its strip. So a copy that says which stories it shows (an article page: its own
// and its strip's) stays when the comment is on another story; every other copy goes. This is what keeps
// the other articles' pages cached while comments pour in on one story.

/** What a change is about, as the events announce it (src/events/bus.ts). */
export interface ReaderChange { type: string, articleId?: number }

/** The stories whose comments a copy shows, or null when it may show any (lists, feeds, the API). */
export type CommentScope = readonly number[] | null

const COMMENT_CHANGES = new Set(['comment.approved', 'comment.unapproved', 'comment.updated'])

/** Whether the change leaves every copy as it is (a comment waiting for a moderator shows nowhere). */
export function changesNothing(change: ReaderChange): boolean {
  return change.type === 'comment.submitted'
}

/**
 * Whether a change drops every copy at once, or only some: then ask `dropsCopy` of each. Comment changes
 * without the story's id are treated as changing everything.
 */
export function dropsEverything(change: ReaderChange): boolean {
  return !COMMENT_CHANGES.has(change.type) || change.articleId === undefined
}

/** For a change that does not drop everything: whether it drops a copy with this scope. */
export function dropsCopy(change: ReaderChange, scope: CommentScope): boolean {
  if (dropsEverything(change)) return true
  return scope === null || scope.includes(change.articleId!)
}
