// An article's revisions: the list, one revision compared with the one before it or with now, and
// restoring one (a new save with the old content; URL, status and time stay as they are).
import type { ArticleRow } from '../../../db/repositories/articles.repository.js'
import type { Revision } from '../../../db/repositories/revisions.repository.js'
import type { FieldDiff } from '../../../domain/revision-diff.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { MessageKey } from '../../../i18n/index.js'
import { en } from '../../../i18n/en.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { CsrfInput } from './forms.js'
import { DIFF_FIELD_KEYS, type DiffField } from './revision-fields.js'

function actionText(ctx: AdminContext, action: string): string {
  const key = `admin.revisions.action.${action}`
  return key in en ? ctx.i18n.t(key as MessageKey) : action
}

export function RevisionsPage({ ctx, article, revisions, canRestore }: { ctx: AdminContext, article: ArticleRow, revisions: Revision[], canRestore: boolean }) {
  const { t } = ctx.i18n
  const tz = ctx.settings.timeZone
  return (
    <AdminLayout ctx={ctx} title={t('admin.revisions.title', { headline: article.headline })}
      actions={<a class="button button-secondary" href={`/admin/articles/${article.id}/`}>{t('admin.revisions.backToEditor')}</a>}>
      <p>{t('admin.revisions.intro')}</p>
      <table class="admin-table revisions-table">
        <caption class="visually-hidden">{t('admin.revisions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.revisions.col.version')}</th>
            <th scope="col">{t('admin.revisions.col.when')}</th>
            <th scope="col">{t('admin.revisions.col.who')}</th>
            <th scope="col">{t('admin.revisions.col.what')}</th>
            <th scope="col">{t('admin.revisions.col.compare')}</th>
            {canRestore ? <th scope="col"><span class="visually-hidden">{t('admin.revisions.restore')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {revisions.map((r, i) => (
            <tr>
              <td data-label={t('admin.revisions.col.version')}>{r.version}{r.version === article.version ? <> <span class="current-mark">{t('admin.revisions.current')}</span></> : null}</td>
              <td data-label={t('admin.revisions.col.when')}><time datetime={r.createdAt}>{formatDateTime(r.createdAt, ctx.i18n.lang, tz)}</time></td>
              <td data-label={t('admin.revisions.col.who')}>{r.actorName}</td>
              <td data-label={t('admin.revisions.col.what')}>{actionText(ctx, r.action)}</td>
              <td data-label={t('admin.revisions.col.compare')}>
                {i < revisions.length - 1 ? <a href={`/admin/articles/${article.id}/revisions/${r.id}/`}>{t('admin.revisions.withPrevious')}</a> : t('admin.revisions.first')}
                {r.version !== article.version ? <> · <a href={`/admin/articles/${article.id}/revisions/${r.id}/?against=current`}>{t('admin.revisions.withCurrent')}</a></> : null}
              </td>
              {canRestore
                ? (
                  <td>
                    {r.version !== article.version
                      ? (
                        <form method="post" action={`/admin/articles/${article.id}/revisions/${r.id}/restore/`} class="inline-form">
                          <CsrfInput token={ctx.csrfToken} />
                          <input type="hidden" name="version" value={String(article.version)} />
                          <button type="submit" class="button button-secondary">{t('admin.revisions.restore')}</button>
                        </form>
                      )
                      : null}
                  </td>
                )
                : null}
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  )
}

export interface RevisionDiffProps {
  ctx: AdminContext
  article: ArticleRow
  revision: Revision
  /** What the revision is compared with: the revision before it, or the article as it is now. */
  against: 'previous' | 'current'
  /** The other side's label data (the previous revision), null when comparing with now. */
  other: Revision | null
  diffs: FieldDiff<DiffField>[]
  canRestore: boolean
}

export function RevisionDiffPage({ ctx, article, revision, against, other, diffs, canRestore }: RevisionDiffProps) {
  const { t } = ctx.i18n
  const tz = ctx.settings.timeZone
  const describe = (r: Revision) => t('admin.revisions.describe', { version: r.version, who: r.actorName, when: formatDateTime(r.createdAt, ctx.i18n.lang, tz) })
  return (
    <AdminLayout ctx={ctx} title={t('admin.revisions.diffTitle', { version: revision.version })}
      actions={<a class="button button-secondary" href={`/admin/articles/${article.id}/revisions/`}>{t('admin.revisions.backToList')}</a>}>
      <p class="diff-sides">
        {against === 'previous'
          ? t('admin.revisions.comparePrevious', { from: other ? describe(other) : '—', to: describe(revision) })
          : t('admin.revisions.compareCurrent', { from: describe(revision) })}
      </p>
      <p class="field-hint">{t('admin.revisions.legend')}</p>
      {diffs.length === 0
        ? <p class="empty">{t('admin.revisions.noChanges')}</p>
        : (
          <dl class="revision-diff">
            {diffs.map((d) => (
              <>
                <dt>{t(DIFF_FIELD_KEYS[d.field])} <span class="diff-counts">{t('admin.revisions.counts', { added: d.added, removed: d.removed })}</span></dt>
                {/* diffText escaped every piece of text before adding <ins>/<del>. */}
                <dd class={d.field === 'body' ? 'diff-text diff-body' : 'diff-text'} dangerouslySetInnerHTML={{ __html: d.html }} />
              </>
            ))}
          </dl>
        )}
      {canRestore && revision.version !== article.version
        ? (
          <form method="post" action={`/admin/articles/${article.id}/revisions/${revision.id}/restore/`} class="inline-form">
            <CsrfInput token={ctx.csrfToken} />
            <input type="hidden" name="version" value={String(article.version)} />
            <button type="submit" class="button">{t('admin.revisions.restoreThis', { version: revision.version })}</button>
          </form>
        )
        : null}
    </AdminLayout>
  )
}
