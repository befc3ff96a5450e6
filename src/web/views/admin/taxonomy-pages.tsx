// Sections and tags of one edition: add, and a page per item to rename, change its slug or description, or delete it.
import type { TaxonomyItem, TaxonomyKind } from '../../../db/repositories/taxonomy.repository.js'
import { MAX_SLUG_LENGTH } from '../../../domain/slug.js'
import { TAXONOMY_DESCRIPTION_LIMIT, TAXONOMY_NAME_LIMIT } from '../../../domain/sections.js'
import type { TaxonomyValues } from '../../../services/taxonomy.service.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { AdminForm, CsrfInput, ErrorSummary, TextAreaField, TextField, type FormErrors } from './forms.js'

export interface TaxonomyFormState { kind: TaxonomyKind, values: TaxonomyValues, errors: FormErrors }

function AddForm({ ctx, kind, edition, state }: { ctx: AdminContext, kind: TaxonomyKind, edition: string, state: TaxonomyFormState | null }) {
  const { t } = ctx.i18n
  const mine = state?.kind === kind ? state : null
  const values = mine?.values ?? { name: '', slug: '', description: '' }
  const errors = mine?.errors ?? {}
  return (
    <AdminForm action={`/admin/taxonomy/${kind}/new/`} csrfToken={ctx.csrfToken} class="admin-form taxonomy-add">
      <input type="hidden" name="edition" value={edition} />
      <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} />
      <TextField id={`${kind}-name`} name="name" label={t('admin.taxonomy.name')} value={values.name} error={errors.name} required maxLength={TAXONOMY_NAME_LIMIT} />
      <TextField id={`${kind}-slug`} name="slug" label={t('admin.taxonomy.slug')} value={values.slug} error={errors.slug} maxLength={MAX_SLUG_LENGTH} hint={t('admin.taxonomy.slugHint')} />
      <DescriptionField id={`${kind}-description`} ctx={ctx} value={values.description} error={errors.description} />
      <p class="form-actions"><button type="submit" class="button">{t(kind === 'section' ? 'admin.taxonomy.addSection' : 'admin.taxonomy.addTag')}</button></p>
    </AdminForm>
  )
}

function DescriptionField({ ctx, value, error, id }: { ctx: AdminContext, value: string, error: string | undefined, id?: string }) {
  const { t } = ctx.i18n
  return (
    <TextAreaField id={id} name="description" label={t('admin.taxonomy.description')} value={value} error={error} rows={3}
      maxLength={TAXONOMY_DESCRIPTION_LIMIT} hint={t('admin.taxonomy.descriptionHint')} />
  )
}

function ItemTable({ ctx, kind, items }: { ctx: AdminContext, kind: TaxonomyKind, items: TaxonomyItem[] }) {
  const { t } = ctx.i18n
  if (items.length === 0) return <p class="empty">{t(kind === 'section' ? 'admin.taxonomy.noSections' : 'admin.taxonomy.noTags')}</p>
  return (
    <table class="admin-table taxonomy-table">
      <caption class="visually-hidden">{t(kind === 'section' ? 'admin.taxonomy.sections' : 'admin.taxonomy.tags')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.taxonomy.name')}</th>
          <th scope="col">{t('admin.taxonomy.slug')}</th>
          <th scope="col">{t('admin.taxonomy.articles')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr>
            <td class="row-primary"><a href={`/admin/taxonomy/${kind}/${item.id}/`}>{item.name}</a></td>
            <td data-label={t('admin.taxonomy.slug')}><code>{item.slug}</code></td>
            <td data-label={t('admin.taxonomy.articles')}>{item.articleCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function TaxonomyPage({ ctx, edition, sections, tags, state }: { ctx: AdminContext, edition: string, sections: TaxonomyItem[], tags: TaxonomyItem[], state: TaxonomyFormState | null }) {
  const { t } = ctx.i18n
  const editions = ctx.settings.editions
  return (
    <AdminLayout ctx={ctx} title={t('admin.taxonomy.title')}>
      {editions.length > 1
        ? (
          <nav class="status-tabs" aria-label={t('admin.taxonomy.editions')}>
            <ul>
              {editions.map((e) => <li><a href={`/admin/taxonomy/?edition=${encodeURIComponent(e)}`} aria-current={e === edition ? 'page' : undefined}>{e}</a></li>)}
            </ul>
          </nav>
        )
        : null}
      <p>{t('admin.taxonomy.intro')}</p>
      <div class="taxonomy-columns">
        <section aria-labelledby="sections-heading">
          <h2 id="sections-heading">{t('admin.taxonomy.sections')}</h2>
          <AddForm ctx={ctx} kind="section" edition={edition} state={state} />
          <ItemTable ctx={ctx} kind="section" items={sections} />
        </section>
        <section aria-labelledby="tags-heading">
          <h2 id="tags-heading">{t('admin.taxonomy.tags')}</h2>
          <AddForm ctx={ctx} kind="tag" edition={edition} state={state} />
          <ItemTable ctx={ctx} kind="tag" items={tags} />
        </section>
      </div>
    </AdminLayout>
  )
}

export function TaxonomyItemPage({ ctx, kind, item, values, errors, articleCount }: { ctx: AdminContext, kind: TaxonomyKind, item: { id: number, edition: string, name: string }, values: TaxonomyValues, errors: FormErrors, articleCount: number }) {
  const { t } = ctx.i18n
  const back = `/admin/taxonomy/?edition=${encodeURIComponent(item.edition)}`
  return (
    <AdminLayout ctx={ctx} title={t(kind === 'section' ? 'admin.taxonomy.editSection' : 'admin.taxonomy.editTag', { name: item.name })}
      actions={<a class="button button-secondary" href={back}>{t('admin.taxonomy.back')}</a>}>
      <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} />
      <AdminForm action={`/admin/taxonomy/${kind}/${item.id}/`} csrfToken={ctx.csrfToken}>
        <TextField name="name" label={t('admin.taxonomy.name')} value={values.name} error={errors.name} required maxLength={TAXONOMY_NAME_LIMIT} />
        <TextField name="slug" label={t('admin.taxonomy.slug')} value={values.slug} error={errors.slug} maxLength={MAX_SLUG_LENGTH} hint={t('admin.taxonomy.slugChangeHint')} />
        <DescriptionField ctx={ctx} value={values.description} error={errors.description} />
        <p class="form-actions"><button type="submit" class="button">{t('admin.taxonomy.save')}</button></p>
      </AdminForm>
      <section class="admin-panel danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('admin.taxonomy.delete')}</h2>
        <p>{ctx.i18n.plural(kind === 'section' ? 'admin.taxonomy.deleteSectionText' : 'admin.taxonomy.deleteTagText', articleCount)}</p>
        <form method="post" action={`/admin/taxonomy/${kind}/${item.id}/delete/`} class="inline-form">
          <CsrfInput token={ctx.csrfToken} />
          <button type="submit" class="button button-danger">{t('admin.taxonomy.deleteButton', { name: item.name })}</button>
        </form>
      </section>
    </AdminLayout>
  )
}
