import { searchQueryString, type SearchFieldError } from '../../domain/search-form.js'
import { MAX_QUERY_LENGTH } from '../../domain/search-query.js'
import type { TextPiece } from '../../domain/search-snippet.js'
import { siteDates } from '../../i18n/format.js'
import type { MessageKey } from '../../i18n/index.js'
import { RESULTS_PER_PAGE } from '../../domain/search-form.js'
import type { SearchOutcome, SearchResultItem } from '../../services/search.service.js'
import type { ViewContext } from './context.js'
import { languageName } from './editions.js'
import { Layout } from './layout.js'

const FIELD_ERRORS: Record<SearchFieldError, MessageKey> = {
  invalidDate: 'search.invalidDate',
  dateOrder: 'search.dateOrder',
  unknownSection: 'search.unknownSection'
}

/** Highlighted text: matches in <mark>. Pieces are text nodes, so whatever the article says is escaped. */
function Highlighted({ pieces }: { pieces: readonly TextPiece[] }) {
  return <>{pieces.map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : piece.text))}</>
}

function Result({ ctx, item, showEdition }: { ctx: ViewContext, item: SearchResultItem, showEdition: boolean }) {
  const dates = siteDates(ctx.settings, ctx.edition)
  const { t } = ctx.i18n
  const foreign = item.edition !== ctx.edition
  return (
    <li class="search-result">
      <h2 {...(foreign ? { lang: item.edition } : {})}><a href={item.path}><Highlighted pieces={item.headline} /></a></h2>
      <p class="search-meta">
        <time datetime={dates.iso(item.publishedAt)}>{dates.date(item.publishedAt)}</time>
        {item.sectionName ? <> · <span>{item.sectionName}</span></> : null}
        {showEdition ? <> · <span>{t('search.inEdition', { language: languageName(item.edition, ctx.edition) })}</span></> : null}
      </p>
      <p class="snippet" {...(foreign ? { lang: item.edition } : {})}>
        {item.snippet.before ? '… ' : ''}<Highlighted pieces={item.snippet.pieces} />{item.snippet.after ? ' …' : ''}
      </p>
    </li>
  )
}

function SearchFormView({ ctx, outcome }: { ctx: ViewContext, outcome: SearchOutcome }) {
  const { t } = ctx.i18n
  const { form, sections } = outcome
  const errors = outcome.kind === 'invalid' ? outcome.errors : {}
  const tooLong = outcome.kind === 'too-long'
  const fieldError = (name: 'section' | 'from' | 'to') => {
    const error = errors[name]
    return error ? <p class="field-error" id={`search-${name}-error`}>{t(FIELD_ERRORS[error])}</p> : null
  }
  const invalid = (name: 'section' | 'from' | 'to') => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `search-${name}-error` } : {})
  const language = languageName(ctx.edition, ctx.edition)
  return (
    <form class="search-form" action={`${ctx.prefix}/search`} method="get" role="search">
      {outcome.kind === 'invalid' ? <p class="form-error-summary" role="alert">{t('search.fixErrors')}</p> : null}
      <p>
        <label for="search-q">{t('search.query')}</label>
        <input type="search" id="search-q" name="q" value={form.q} maxlength={MAX_QUERY_LENGTH} aria-describedby={tooLong ? 'search-q-error search-q-hint' : 'search-q-hint'}
          {...(tooLong ? { 'aria-invalid': 'true' } : {})} />
        <button type="submit" class="submit">{t('search.submit')}</button>
      </p>
      {tooLong ? <p class="field-error" id="search-q-error">{t('search.tooLong', { max: MAX_QUERY_LENGTH })}</p> : null}
      <p class="hint" id="search-q-hint">{t('search.hint')}</p>
      <details class="search-filters" open={form.scope === 'all' || form.section !== '' || form.from !== '' || form.to !== '' || outcome.kind === 'invalid'}>
        <summary>{t('search.filters')}</summary>
        {ctx.settings.editions.length > 1
          ? <fieldset>
              <legend>{t('search.scope')}</legend>
              <label><input type="radio" name="scope" value="edition" checked={form.scope !== 'all'} /> {t('search.scope.edition', { language })}</label>
              <label><input type="radio" name="scope" value="all" checked={form.scope === 'all'} /> {t('search.scope.all')}</label>
            </fieldset>
          : null}
        <p>
          <label for="search-section">{t('search.section')}</label>
          <select id="search-section" name="section" {...invalid('section')}>
            <option value="">{t('search.section.any')}</option>
            {sections.map((s) => <option value={s.slug} selected={s.slug === form.section} key={s.slug}>{s.name}</option>)}
          </select>
        </p>
        {fieldError('section')}
        <p class="search-dates">
          <span>
            <label for="search-from">{t('search.from')}</label>
            <input type="date" id="search-from" name="from" value={form.from} {...invalid('from')} />
          </span>
          <span>
            <label for="search-to">{t('search.to')}</label>
            <input type="date" id="search-to" name="to" value={form.to} {...invalid('to')} />
          </span>
        </p>
        {fieldError('from')}
        {fieldError('to')}
        <p class="hint">{t('search.dateHint')}</p>
      </details>
    </form>
  )
}

export function SearchPage({ ctx, outcome }: { ctx: ViewContext, outcome: SearchOutcome }) {
  const { t } = ctx.i18n
  const query = outcome.form.q.trim()
  const title = outcome.kind === 'results' ? t('search.titleWithQuery', { query }) : t('search.title')
  return (
    <Layout ctx={ctx} title={title} description={t('search.description', { site: ctx.settings.siteName })}
      canonicalPath={`${ctx.prefix}/search`} noindex>
      <h1>{t('search.title')}</h1>
      <SearchFormView ctx={ctx} outcome={outcome} />
      <div class="search-outcome" aria-live="polite">
        {outcome.kind === 'empty' ? <p>{t('search.empty')}</p> : null}
        {outcome.kind === 'no-words' ? <p class="notice-plain">{t('search.noWords')}</p> : null}
        {outcome.kind === 'results' ? <Results ctx={ctx} outcome={outcome} query={query} /> : null}
      </div>
    </Layout>
  )
}

function Results({ ctx, outcome, query }: { ctx: ViewContext, outcome: Extract<SearchOutcome, { kind: 'results' }>, query: string }) {
  const { t, plural } = ctx.i18n
  if (outcome.total === 0) {
    return (
      <>
        <p class="result-count">{t('search.noResults', { query })}</p>
        <p>{t('search.noResultsTips')}</p>
      </>
    )
  }
  const { form, page, pageCount } = outcome
  const link = (to: number) => `${ctx.prefix}/search?${searchQueryString(form, { page: to })}`
  const count = outcome.totalCapped ? plural('search.moreResults', outcome.total) : plural('search.resultCount', outcome.total)
  return (
    <>
      <p class="result-count"><strong>{count}</strong> {t('search.resultsFor', { query })}
        {pageCount > 1 && page <= pageCount ? <> · {t('search.pageOf', { page, pages: pageCount })}</> : null}</p>
      {outcome.items.length === 0
        ? <p>{t('search.pageTooFar')} <a href={link(1)}>{t('search.firstPage')}</a></p>
        : <ol class="search-results" start={(page - 1) * RESULTS_PER_PAGE + 1}>
            {outcome.items.map((item) => <Result ctx={ctx} item={item} showEdition={form.scope === 'all'} key={item.id} />)}
          </ol>}
      {pageCount > 1 && outcome.items.length > 0
        ? <nav class="pager" aria-label={t('search.pagesLabel')}>
            {page > 1 ? <a rel="prev" href={link(page - 1)}>← {t('search.previous')}</a> : <span />}
            {page < pageCount ? <a rel="next" href={link(page + 1)}>{t('search.next')} →</a> : null}
          </nav>
        : null}
    </>
  )
}
