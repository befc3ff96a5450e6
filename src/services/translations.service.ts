// Translations: the same story in another edition, linked through a translation group. The reader side
// (language switcher, hreflang) and the newsroom side (start a translation from an article) live here.
import { randomUUID } from 'node:crypto'
import type { SiteSettings } from '../domain/settings.js'
import { articlePath, editionPrefix, frontPath } from '../domain/urls.js'
import { frontPageLinks, hreflangLinks, type EditionLink, type Hreflang } from '../domain/edition-links.js'
import { checkEdit, mayCreate } from '../domain/workflow.js'
import { type ArticleRow, articleByIdForUpdate } from '../db/repositories/articles.repository.js'
import { writeAudit } from '../db/repositories/audit.repository.js'
import { loadSettings } from '../db/repositories/settings.repository.js'
import {
  allVersionsOf, joinTranslationGroup, matchingSectionId, translationSetsOf, translationsOf, type TranslationVersion
} from '../db/repositories/translations.repository.js'
import type { Editor } from './articles.service.js'
import { articleTransaction } from './article-write.service.js'
import type { Deps } from './deps.js'

export { frontPageLinks, hreflangLinks, type EditionLink, type Hreflang }

/**
 * Where the language switcher of an article leads: for every edition, the story's translation when one
 * is public, otherwise that edition's front page. The article's own edition comes first in site order.
 */
export async function articleEditionLinks(deps: Deps, settings: SiteSettings, article: Pick<ArticleRow, 'id' | 'edition' | 'slug' | 'published_at' | 'translation_group'>): Promise<EditionLink[]> {
  // Most stories (wire copy above all) are in no group: no translation to look for.
  const translations = article.translation_group === null ? [] : await translationsOf(deps.db, { articleId: article.id, now: deps.clock() })
  const byEdition = new Map(translations.map((t) => [t.edition, t]))
  return settings.editions.map((edition) => {
    const prefix = editionPrefix(edition, settings.defaultEdition)
    if (edition === article.edition) {
      return { edition, path: articlePath(prefix, article.published_at!, article.slug, settings.timeZone), equivalent: true }
    }
    const translation = byEdition.get(edition)
    return translation
      ? { edition, path: articlePath(prefix, translation.publishedAt, translation.slug, settings.timeZone), equivalent: true }
      : { edition, path: frontPath(prefix), equivalent: false }
  })
}

/**
 * hreflang alternates for many articles at once, for sitemaps: the same links each article's page carries
 * (versions in site order, so x-default agrees with the page). Articles without public translations are absent.
 */
export async function sitemapAlternates(deps: Deps, settings: SiteSettings, articleIds: readonly number[]): Promise<Map<number, Hreflang[]>> {
  const sets = await translationSetsOf(deps.db, { articleIds, now: deps.clock() })
  const result = new Map<number, Hreflang[]>()
  for (const [id, members] of sets) {
    const links = settings.editions.flatMap((edition) => members.filter((m) => m.edition === edition).map((m) => ({
      edition, equivalent: true,
      path: articlePath(editionPrefix(edition, settings.defaultEdition), m.publishedAt, m.slug, settings.timeZone)
    })))
    const alternates = hreflangLinks(settings, links)
    if (alternates.length > 0) result.set(id, alternates)
  }
  return result
}

// ---------------------------------------------------------------------------------------------------
// Newsroom

export type TranslationDraftResult =
  | { kind: 'created', id: number }
  /** That edition already has a version of the story; the editor goes there instead. */
  | { kind: 'exists', id: number }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'bad-edition' }

/**
 * Starts a translation of an article in another edition: a draft pre-filled with the original's text and
 * details (for the translator to overwrite), linked to it through their translation group, in one
 * transaction with its revision and audit row, and an audit row on the original, which the link changes.
 * The section carries over when the target edition has a section with the same slug; tags do not, since
 * they are words in the original's language.
 *
 * Whoever may open the original in the editor may translate it, and anyone who writes may translate a
 * published story; others' unpublished drafts stay theirs. That is checked on the row read in the same
 * transaction as the write (and locked on PostgreSQL), so a story unpublished meanwhile is not linked.
 */
export async function createTranslationDraft(deps: Deps, actor: Editor, articleId: number, edition: string): Promise<TranslationDraftResult> {
  if (!mayCreate(actor.role)) return { kind: 'forbidden' }
  const at = deps.clock()
  const now = at.toISOString()
  const editorActor = { id: actor.id, name: actor.displayName }
  return articleTransaction(deps, async ({ trx, write }): Promise<TranslationDraftResult> => {
    // The row lock makes an unpublish wait for this transaction, or this one (then reading the draft) for the unpublish.
    const source = await articleByIdForUpdate(trx, articleId)
    if (!source) return { kind: 'not-found' }
    const allowed = checkEdit({ status: source.status, authorId: source.author_id, publishedAt: source.published_at }, actor)
    if (!allowed.ok && allowed.refusal === 'forbidden' && source.status !== 'published') return { kind: 'forbidden' }
    const { editions, timeZone } = await loadSettings(trx)
    if (edition === source.edition || !editions.includes(edition)) return { kind: 'bad-edition' }

    const existing = (await allVersionsOf(trx, source.id)).find((v) => v.edition === edition)
    if (existing) return { kind: 'exists', id: existing.id }

    const linked = source.translation_group === null
    const group = source.translation_group ?? await joinTranslationGroup(trx, source.id, randomUUID())
    const sectionId = source.section_id === null ? null : await matchingSectionId(trx, { sectionId: source.section_id, edition })
    // A draft is not indexed and announces nothing; the write keeps its revision and audit row like any other.
    const { id } = (await write({
      before: null, actor: editorActor, action: 'article.translate', at, timeZone,
      details: { translationOf: source.id, fromEdition: source.edition, edition, group },
      values: {
        edition,
        translation_group: group,
        slug: source.slug,
        headline: source.headline,
        lead: source.lead,
        body_source: source.body_source,
        body_html: source.body_html,
        agency_credit: source.agency_credit,
        source_url: source.source_url,
        byline: source.byline,
        author_id: actor.id,
        section_id: sectionId,
        status: 'draft',
        published_at: null,
        created_at: now,
        updated_at: now,
        breaking: source.breaking,
        comments_open: source.comments_open,
        featured_media_id: source.featured_media_id,
        featured_alt: source.featured_alt,
        featured_caption: source.featured_caption,
        featured_credit: source.featured_credit
      }
    }))!
    // The original, possibly someone else's published story, now has a version in another language (and,
    // the first time, a translation group): its history says who did that. Its version is deliberately not
    // bumped: nothing in the editor form changed, and a new version would turn every form open on the
    // original into a conflict over a change its editor cannot see there.
    await writeAudit(trx, {
      actor: editorActor, action: 'article.translation_linked', subjectType: 'article', subjectId: source.id, at,
      details: { headline: source.headline, translation: id, edition, group, groupCreated: linked }
    })
    return { kind: 'created', id }
  })
}

/** What the editor's Translations panel shows: every other version of the story, and which editions lack one. */
export async function translationPanel(deps: Deps, settings: SiteSettings, article: Pick<ArticleRow, 'id' | 'edition'>): Promise<{ versions: TranslationVersion[], missing: string[] }> {
  const versions = await allVersionsOf(deps.db, article.id)
  const covered = new Set([article.edition, ...versions.map((v) => v.edition)])
  return { versions, missing: settings.editions.filter((edition) => !covered.has(edition)) }
}
