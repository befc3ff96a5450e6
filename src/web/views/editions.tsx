// The language switcher and hreflang alternates, shared by every reader page through the layout.
import { renderToString } from 'preact-render-to-string'
import { boundedMemo } from '../../domain/memo.js'
import { textDirection } from '../../i18n/index.js'
import { editionPrefix, frontPath } from '../../domain/urls.js'
import { hreflangLinks, type EditionLink } from '../../domain/edition-links.js'
import type { ViewContext } from './context.js'

const names = new Map<string, Intl.DisplayNames>()

const printedNames = boundedMemo<string>(1_000)

/** A language's name in `inLanguage` ("русский" in ru, "Russian" in en), from the ICU data Node ships. */
export function languageName(edition: string, inLanguage: string): string {
  return printedNames.get(`${edition} ${inLanguage}`, () => readLanguageName(edition, inLanguage))
}

function readLanguageName(edition: string, inLanguage: string): string {
  let displayNames = names.get(inLanguage)
  if (!displayNames) {
    displayNames = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language', fallback: 'code' })
    names.set(inLanguage, displayNames)
  }
  const name = displayNames.of(edition) ?? edition
  return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1)
}

/** Every edition's front page: the switcher's default, on pages with no counterpart elsewhere. */
export function defaultEditionLinks(ctx: ViewContext): EditionLink[] {
  return ctx.settings.editions.map((edition) => ({
    edition,
    path: frontPath(editionPrefix(edition, ctx.settings.defaultEdition)),
    equivalent: edition === ctx.edition
  }))
}

/** <link rel="alternate" hreflang> for every version of the page, and x-default. */
export function HreflangLinks({ ctx, links }: { ctx: ViewContext, links: readonly EditionLink[] | undefined }) {
  if (!links) return null
  return (
    <>
      {hreflangLinks(ctx.settings, links).map((link) => <link rel="alternate" hreflang={link.hreflang} href={link.href} key={link.hreflang} />)}
    </>
  )
}

/**
 * Links to the other editions, each named in its own language: to this page's counterpart there when it
 * has one, otherwise to that edition's front page (its title says so).
 */
export function LanguageSwitcher({ ctx, links }: { ctx: ViewContext, links: readonly EditionLink[] | undefined }) {
  if (ctx.settings.editions.length < 2) return null
  const label = ctx.i18n.t('editions.label')
  if (links) return <nav class="language-switcher" aria-label={label}><EditionList ctx={ctx} links={links} /></nav>
  return <nav class="language-switcher" aria-label={label} dangerouslySetInnerHTML={{ __html: defaultEditionListHtml(ctx) }} />
}

const defaultLists = new WeakMap<ViewContext['settings'], Map<string, string>>()

/**
 * The switcher of every page that has no counterpart in other editions (front pages, newsfeeds,
 * listings): the same for all of them, so rendered once per edition until the settings change.
 */
function defaultEditionListHtml(ctx: ViewContext): string {
  let byEdition = defaultLists.get(ctx.settings)
  if (!byEdition) {
    byEdition = new Map()
    defaultLists.set(ctx.settings, byEdition)
  }
  let html = byEdition.get(ctx.edition)
  if (html === undefined) {
    html = renderToString(<EditionList ctx={ctx} links={defaultEditionLinks(ctx)} />)
    byEdition.set(ctx.edition, html)
  }
  return html
}

function EditionList({ ctx, links }: { ctx: ViewContext, links: readonly EditionLink[] }) {
  const { t } = ctx.i18n
  return (
    <ul>
      {links.map((link) => {
        const own = languageName(link.edition, link.edition)
        if (link.edition === ctx.edition) {
          return <li key={link.edition}><span lang={link.edition} aria-current="page">{own}</span></li>
        }
        return (
          <li key={link.edition}>
            <a href={link.path} lang={link.edition} hreflang={link.edition} dir={textDirection(link.edition)}
              {...(link.equivalent ? {} : { title: t('editions.noTranslation', { language: languageName(link.edition, ctx.edition) }) })}>
              {own}
            </a>
          </li>
        )
      })}
    </ul>
  )
}
