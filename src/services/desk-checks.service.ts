// The editor's desk checks (domain/desk-checks.ts) with the one thing they need from the database:
// which of the body's links to this site's articles point to stories readers cannot open.
import { renderArticleBody } from '../domain/article-body.js'
import { articleTargets, deskChecks, linksOf, type DeskReport } from '../domain/desk-checks.js'
import type { SiteSettings } from '../domain/settings.js'
import { findArticle } from './reader.service.js'
import type { Deps } from './deps.js'

/** A body links to a few stories; past this many, the rest are not looked up (one query or two each). */
export const MAX_LINKS_LOOKED_UP = 50

/**
 * The internal links of a rendered body whose article is not published (a draft, scheduled, trashed, or
 * no such article). An old URL that now redirects to a live story counts as published: readers get there.
 */
export async function unpublishedArticleLinks(deps: Deps, settings: SiteSettings, bodyHtml: string): Promise<string[]> {
  const targets = articleTargets(linksOf(bodyHtml), settings)
  const seen = new Set<string>()
  const unpublished: string[] = []
  for (const target of targets) {
    const key = `${target.edition} ${target.day} ${target.slug}`
    if (seen.has(key)) continue
    seen.add(key)
    if (seen.size > MAX_LINKS_LOOKED_UP) break
    const found = await findArticle(deps, settings, target.edition, target.day, target.slug)
    if (found.kind === 'not-found') unpublished.push(target.href)
  }
  return unpublished
}

export interface DeskFields {
  headline: string
  lead: string
  body: string
  section_id: string
  featured_media_id: string
  featured_alt: string
  edition: string
}

/**
 * The checks for the form as it stands (typed or stored), links looked up. `renderedBody` is the body's
 * HTML when the caller has it already (the stored article's, a preview's): rendering costs more than all
 * the checks together.
 */
export async function deskReportFor(deps: Deps, settings: SiteSettings, values: DeskFields, renderedBody?: string): Promise<DeskReport> {
  const bodyHtml = renderedBody ?? renderArticleBody(values.body)
  return deskChecks({
    headline: values.headline,
    lead: values.lead,
    bodySource: values.body,
    bodyHtml,
    hasSection: values.section_id !== '',
    featuredAlt: values.featured_media_id === '' ? null : values.featured_alt,
    language: values.edition,
    unpublishedLinks: await unpublishedArticleLinks(deps, settings, bodyHtml)
  })
}
