// Writes one edition as a WordPress export (WXR 1.2): authors, sections as categories with their
// hierarchy, tags, articles (lead as excerpt; agency credit, source URL and byline as post meta) with their
// comments and threads. Articles are read in keyset pages and written as they are read, so an archive of
// any size is exported in flat memory. A newsroom that can leave whenever it wants is more willing to arrive.
import { isPubliclyVisible } from '../domain/publishing.js'
import { absoluteUrl, articlePath, editionPrefix } from '../domain/urls.js'
import { WXR_FOOTER, wxrAuthor, wxrCategory, wxrHeader, wxrItem, wxrTag } from '../domain/wxr-writer.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import {
  exportArticlesAfter, exportAuthors, exportCommentsOf, exportSections, exportTags, exportTagsOf
} from '../db/repositories/wxr-export.repository.js'
import type { Deps } from './deps.js'

/** Articles per page read from the database. */
const PAGE = 200

export async function exportWordPress(deps: Deps, edition: string, write: (text: string) => Promise<void>): Promise<{ articles: number, comments: number }> {
  const settings = await loadSettings(deps.db)
  if (!settings.editions.includes(edition)) throw new Error(`the site has no edition "${edition}"`)
  const siteUrl = deps.siteUrlOverride ?? settings.siteUrl
  const now = deps.clock()
  const prefix = editionPrefix(edition, settings.defaultEdition)
  await write(wxrHeader({ title: settings.siteName, link: absoluteUrl(siteUrl, `${prefix}/`).replace(/\/$/, ''), description: settings.tagline, language: edition, exportedAt: now.toISOString() }))

  const authors = await exportAuthors(deps.db, edition)
  const logins = new Map(authors.map((a) => [a.id, a.slug]))
  for (const a of authors) await write(wxrAuthor({ id: a.id, login: a.slug, email: a.email, displayName: a.display_name }))
  const sections = await exportSections(deps.db, edition)
  const sectionById = new Map(sections.map((s) => [s.id, s]))
  // Parents first: WordPress's importer looks a parent up by slug when it reads the child.
  const written = new Set<number>()
  const writeSection = async (id: number, depth = 0): Promise<void> => {
    const s = sectionById.get(id)
    if (!s || written.has(id) || depth > 100) return
    if (s.parent_id !== null) await writeSection(s.parent_id, depth + 1)
    written.add(id)
    await write(wxrCategory({ id: s.id, slug: s.slug, name: s.name, description: s.description, parentSlug: s.parent_id !== null ? sectionById.get(s.parent_id)?.slug ?? null : null }))
  }
  for (const s of sections) await writeSection(s.id)
  for (const t of await exportTags(deps.db, edition)) await write(wxrTag(t))

  let after = 0
  let articles = 0
  let comments = 0
  for (;;) {
    const page = await exportArticlesAfter(deps.db, edition, after, PAGE)
    if (page.length === 0) break
    const ids = page.map((a) => a.id)
    const [tags, threads] = await Promise.all([exportTagsOf(deps.db, ids), exportCommentsOf(deps.db, ids)])
    for (const a of page) {
      const visible = a.published_at !== null && isPubliclyVisible({ status: a.status, publishedAt: a.published_at }, now)
      const link = visible ? absoluteUrl(siteUrl, articlePath(prefix, a.published_at!, a.slug, settings.timeZone)) : absoluteUrl(siteUrl, `/?p=${a.id}`)
      const section = a.section_id !== null ? sectionById.get(a.section_id) ?? null : null
      const articleComments = threads.get(a.id) ?? []
      await write(wxrItem({
        id: a.id, headline: a.headline, lead: a.lead, bodyHtml: a.body_html, slug: a.slug, status: a.status, publishedAt: a.published_at,
        createdAt: a.created_at, updatedAt: a.updated_at, commentsOpen: a.comments_open === 1, sticky: a.sticky === 1,
        authorLogin: a.author_id !== null ? logins.get(a.author_id) ?? '' : '', link,
        section: section ? { slug: section.slug, name: section.name } : null, tags: tags.get(a.id) ?? [],
        agencyCredit: a.agency_credit, sourceUrl: a.source_url, byline: a.byline
      }, articleComments.map((c) => ({
        id: c.id, parentId: c.parent_id, authorName: c.author_name, authorEmail: c.author_email, authorUrl: c.author_url, ip: c.ip,
        createdAt: c.created_at, body: c.body, status: c.status
      })), settings.timeZone))
      articles++
      comments += articleComments.length
    }
    after = page.at(-1)!.id
  }
  await write(WXR_FOOTER)
  return { articles, comments }
}
