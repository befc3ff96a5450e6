import { MAX_QUERY_LENGTH } from '../../domain/search-query.js'
import type { ViewContext } from './context.js'

/** The search field in every page's header; searches the page's edition. Works as a plain GET form. */
export function SearchBox({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx.i18n
  return (
    <form class="search-box" role="search" action={`${ctx.prefix}/search`} method="get">
      <label for="site-search" class="visually-hidden">{t('search.boxLabel')}</label>
      <input type="search" id="site-search" name="q" maxlength={MAX_QUERY_LENGTH} />
      <button type="submit">{t('search.submit')}</button>
    </form>
  )
}
