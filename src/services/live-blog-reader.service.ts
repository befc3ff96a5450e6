// What readers see of a live blog: the blog and its updates in reading order.
import { orderUpdates } from '../domain/live-blog.js'
import { liveBlogOf, visibleUpdates, type LiveBlog, type LiveBlogUpdate } from '../db/repositories/live-blogs.repository.js'
import type { Deps } from './deps.js'

export interface LiveBlogView { blog: LiveBlog, updates: LiveBlogUpdate[] }

export async function liveBlogForReaders(deps: Deps, articleId: number): Promise<LiveBlogView | null> {
  const blog = await liveBlogOf(deps.db, articleId)
  if (!blog) return null
  return { blog, updates: orderUpdates(await visibleUpdates(deps.db, articleId)) }
}
