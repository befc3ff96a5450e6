// The article list: status tabs with counts, filters (section, author, text, edition), keyset pages,
// and bulk actions on ticked rows. Each row's own buttons submit the same form to another address.
import { LIST_FILTERS, type ListFilter } from '../../../domain/publishing.js'
import type { ArticleListItem } from '../../../db/repositories/articles.repository.js'
import type { SectionRow } from '../../../db/repositories/taxonomy.repository.js'
import { articlePath, editionPrefix } from '../../../domain/urls.js'
import { availableActions, BULK_ACTIONS, checkEdit, effectiveStatus } from '../../../domain/workflow.js'
import { can } from '../../../domain/roles.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { MessageKey } from '../../../i18n/index.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { ArticleStatusText } from './article-status.js'
import { BulkActionBar, BulkCheckbox, CsrfInput, hrefWith, Pager } from './forms.js'

export interface ArticleListFilters {
  status: ListFilter
  q: string
  section: string
  author: string
  edition: string
}

export interface BulkOutcome { action: string, done: number, forbidden: number, refused: number, missing: number }

export interface ArticlesListProps {
  ctx: AdminContext
  filters: ArticleListFilters
  counts: Record<ListFilter, number>
  items: ArticleListItem[]
  sections: SectionRow[]
  authors: { id: number, displayName: string }[]
  newer: string | null
  older: string | null
  bulk: BulkOutcome | null
}

const TAB_KEYS: Record<ListFilter, MessageKey> = {
  all: 'admin.articles.tab.all',
  draft: 'admin.articles.tab.draft',
  pending: 'admin.articles.tab.pending',
  scheduled: 'admin.articles.tab.scheduled',
  published: 'admin.articles.tab.published',
  trashed: 'admin.articles.tab.trashed'
}

const BULK_KEYS: Record<string, MessageKey> = {
  publish: 'admin.articles.bulk.publish',
  unpublish: 'admin.articles.bulk.unpublish',
  trash: 'admin.articles.bulk.trash'
}

export function filterQuery(filters: ArticleListFilters): Record<string, string> {
  return { status: filters.status === 'all' ? '' : filters.status, q: filters.q, section: filters.section, author: filters.author, edition: filters.edition }
}

function BulkNotice({ ctx, bulk }: { ctx: AdminContext, bulk: BulkOutcome }) {
  const { t } = ctx.i18n
  const problems = [
    bulk.forbidden > 0 ? ctx.i18n.plural('admin.articles.bulk.forbidden', bulk.forbidden) : null,
    bulk.refused > 0 ? ctx.i18n.plural('admin.articles.bulk.refused', bulk.refused) : null,
    bulk.missing > 0 ? ctx.i18n.plural('admin.articles.bulk.missing', bulk.missing) : null
  ].filter((p): p is string => p !== null)
  return (
    <div class={`notice ${problems.length > 0 ? 'notice-error' : 'notice-success'}`} role="status">
      <p>{ctx.i18n.plural('admin.articles.bulk.done', bulk.done, { action: t(BULK_KEYS[bulk.action] ?? 'admin.articles.bulk.publish') })}</p>
      {problems.map((p) => <p>{p}</p>)}
    </div>
  )
}

export function ArticlesListPage({ ctx, filters, counts, items, sections, authors, newer, older, bulk }: ArticlesListProps) {
  const { t } = ctx.i18n
  const { user, settings } = ctx
  const current = filterQuery(filters)
  const listUrl = hrefWith('/admin/articles/', current, {})
  const bulkActions = BULK_ACTIONS
    .filter((action) => action === 'trash' ? can(user.role, 'articles.delete_own') : can(user.role, 'articles.publish_own'))
    .map((action) => ({ value: action, label: t(BULK_KEYS[action]!) }))
  const editions = settings.editions.length > 1 ? settings.editions : []
  return (
    <AdminLayout ctx={ctx} title={t('admin.articles.title')} actions={<a class="button" href="/admin/articles/new/">{t('admin.articles.add')}</a>}>
      {bulk ? <BulkNotice ctx={ctx} bulk={bulk} /> : null}
      <nav class="status-tabs" aria-label={t('admin.articles.tabsLabel')}>
        <ul>
          {LIST_FILTERS.map((status) => (
            <li>
              <a href={hrefWith('/admin/articles/', current, { status: status === 'all' ? null : status })} aria-current={filters.status === status ? 'page' : undefined}>
                {t(TAB_KEYS[status])} <span class="count">({counts[status]})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/admin/articles/" class="filters" role="search">
        {filters.status !== 'all' ? <input type="hidden" name="status" value={filters.status} /> : null}
        <div class="field">
          <label for="filter-q">{t('admin.articles.filter.text')}</label>
          <input id="filter-q" name="q" type="search" value={filters.q} maxLength={200} />
        </div>
        <div class="field">
          <label for="filter-section">{t('admin.articles.filter.section')}</label>
          <select id="filter-section" name="section">
            <option value="">{t('admin.articles.filter.any')}</option>
            {sections.map((s) => <option value={String(s.id)} selected={String(s.id) === filters.section}>{editions.length ? `${s.name} (${s.edition})` : s.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="filter-author">{t('admin.articles.filter.author')}</label>
          <select id="filter-author" name="author">
            <option value="">{t('admin.articles.filter.any')}</option>
            {authors.map((a) => <option value={String(a.id)} selected={String(a.id) === filters.author}>{a.displayName}</option>)}
          </select>
        </div>
        {editions.length > 0
          ? (
            <div class="field">
              <label for="filter-edition">{t('admin.articles.filter.edition')}</label>
              <select id="filter-edition" name="edition">
                <option value="">{t('admin.articles.filter.any')}</option>
                {editions.map((e) => <option value={e} selected={e === filters.edition}>{e}</option>)}
              </select>
            </div>
          )
          : null}
        <p class="form-actions"><button type="submit" class="button button-secondary">{t('admin.articles.filter.apply')}</button></p>
      </form>

      {items.length === 0
        ? <p class="empty">{t('admin.articles.empty')}</p>
        : (
          <form method="post" action="/admin/articles/bulk/" class="bulk-form">
            <CsrfInput token={ctx.csrfToken} />
            <input type="hidden" name="return_to" value={listUrl} />
            <BulkActionBar i18n={ctx.i18n} actions={bulkActions} />
            <table class="admin-table articles-table">
              <caption class="visually-hidden">{t('admin.articles.title')}</caption>
              <thead>
                <tr>
                  <th scope="col"><span class="visually-hidden">{t('admin.articles.select')}</span></th>
                  <th scope="col">{t('admin.articles.col.headline')}</th>
                  <th scope="col">{t('admin.articles.col.status')}</th>
                  <th scope="col">{t('admin.articles.col.author')}</th>
                  <th scope="col">{t('admin.articles.col.section')}</th>
                  <th scope="col">{t('admin.articles.col.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => <ArticleRowView ctx={ctx} item={item} />)}
              </tbody>
            </table>
          </form>
        )}
      <Pager i18n={ctx.i18n} newer={newer} older={older} />
    </AdminLayout>
  )
}

function ArticleRowView({ ctx, item }: { ctx: AdminContext, item: ArticleListItem }) {
  const { t } = ctx.i18n
  const wf = { status: item.status, authorId: item.authorId, publishedAt: item.publishedAt, trashedFrom: item.trashedFrom }
  const user = { id: ctx.user.id, role: ctx.user.role }
  const edit = checkEdit(wf, user)
  const editable = edit.ok
  const actions = availableActions(wf, user, ctx.now)
  const live = effectiveStatus(wf, ctx.now) === 'published'
  const viewHref = live && item.publishedAt
    ? articlePath(editionPrefix(item.edition, ctx.settings.defaultEdition), item.publishedAt, item.slug, ctx.settings.timeZone)
    : null
  return (
    <tr>
      <td class="check-cell"><BulkCheckbox value={item.id} label={t('admin.articles.selectOne', { headline: item.headline })} /></td>
      <td class="headline-cell row-primary">
        {/* A trashed story opens read-only (to restore it) for those who could edit it; the editor page refuses the rest. */}
        {edit.ok || edit.refusal !== 'forbidden'
          ? <a href={`/admin/articles/${item.id}/`} class="row-title">{item.headline}</a>
          : <span class="row-title">{item.headline}</span>}
        {ctx.settings.editions.length > 1 ? <span class="edition-mark"> [{item.edition}]</span> : null}
        <div class="row-actions">
          {viewHref ? <a href={viewHref}>{t('admin.articles.view')}</a> : null}
          {editable ? <a href={`/admin/articles/${item.id}/revisions/`}>{t('admin.articles.revisions')}</a> : null}
          {actions.includes('restore')
            ? <button type="submit" class="link-button" formaction={`/admin/articles/${item.id}/restore/`} name="version" value={String(item.version)}>{t('admin.articles.action.restore')}</button>
            : null}
          {actions.includes('delete')
            ? <button type="submit" class="link-button danger" formaction={`/admin/articles/${item.id}/delete/`} name="version" value={String(item.version)}>{t('admin.articles.action.delete')}</button>
            : null}
        </div>
      </td>
      <td data-label={t('admin.articles.col.status')}><ArticleStatusText ctx={ctx} status={item.status} publishedAt={item.publishedAt} /></td>
      <td data-label={t('admin.articles.col.author')}>{item.authorName ?? '—'}</td>
      <td data-label={t('admin.articles.col.section')}>{item.sectionName ?? '—'}</td>
      <td data-label={t('admin.articles.col.updated')}><time datetime={item.updatedAt}>{formatDateTime(item.updatedAt, ctx.i18n.lang, ctx.settings.timeZone)}</time></td>
    </tr>
  )
}
