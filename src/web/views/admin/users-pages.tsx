import { ROLES, type Role } from '../../../domain/roles.js'
import { formatDateTime } from '../../../i18n/format.js'
import type { UserListItem } from '../../../db/repositories/users.repository.js'
import type { AdminContext, AdminNotice } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { ActionButton, AdminForm, ErrorSummary, SelectField, TextField, type FormErrors } from './forms.js'

function roleOptions(ctx: AdminContext) {
  return ROLES.map((role) => ({ value: role, label: ctx.i18n.t(`admin.role.${role}`) }))
}

function StatusText({ ctx, user }: { ctx: AdminContext, user: Pick<UserListItem, 'disabled' | 'hasPassword'> }) {
  const { t } = ctx.i18n
  if (user.disabled) return <span class="status-disabled">{t('admin.users.disabled')}</span>
  if (!user.hasPassword) return <span class="status-invited">{t('admin.users.invited')}</span>
  return <span>{t('admin.users.active')}</span>
}

export function UsersListPage({ ctx, users }: { ctx: AdminContext, users: UserListItem[] }) {
  const { t } = ctx.i18n
  const tz = ctx.settings.timeZone
  return (
    <AdminLayout ctx={ctx} title={t('admin.users.title')} actions={<a class="button" href="/admin/users/new/">{t('admin.users.add')}</a>}>
      <table class="admin-table users-table">
        <caption class="visually-hidden">{t('admin.users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.name')}</th>
            <th scope="col">{t('admin.users.email')}</th>
            <th scope="col">{t('admin.users.role')}</th>
            <th scope="col">{t('admin.users.status')}</th>
            <th scope="col">{t('admin.users.lastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr>
              <td class="row-primary"><a href={`/admin/users/${user.id}/`}>{user.displayName}</a>{user.id === ctx.user.id ? <> {t('admin.users.you')}</> : null}</td>
              <td data-label={t('admin.users.email')}>{user.email}</td>
              <td data-label={t('admin.users.role')}>{t(`admin.role.${user.role}`)}</td>
              <td data-label={t('admin.users.status')}><StatusText ctx={ctx} user={user} /></td>
              <td data-label={t('admin.users.lastSeen')}>{user.lastSeenAt ? <time datetime={user.lastSeenAt}>{formatDateTime(user.lastSeenAt, ctx.i18n.lang, tz)}</time> : t('admin.users.never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  )
}

export function NewUserPage({ ctx, values, errors }: { ctx: AdminContext, values: { email: string, displayName: string, role: string }, errors: FormErrors }) {
  const { t } = ctx.i18n
  return (
    <AdminLayout ctx={ctx} title={t('admin.users.newTitle')}>
      <p>{t('admin.users.newIntro')}</p>
      <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} />
      <AdminForm action="/admin/users/new/" csrfToken={ctx.csrfToken}>
        <TextField name="display_name" label={t('admin.field.displayName')} value={values.displayName} error={errors.display_name} required maxLength={200} hint={t('admin.field.displayNameHint')} />
        <TextField name="email" type="email" label={t('admin.field.email')} value={values.email} error={errors.email} required />
        <SelectField name="role" label={t('admin.field.role')} value={values.role} options={roleOptions(ctx)} error={errors.role} hint={t('admin.users.roleHelp')} required />
        <p class="form-actions"><button type="submit" class="button">{t('admin.users.create')}</button></p>
      </AdminForm>
    </AdminLayout>
  )
}

export function UserLinkPage({ ctx, name, link }: { ctx: AdminContext, name: string, link: { url: string, expiresAt: string } }) {
  const { t } = ctx.i18n
  return (
    <AdminLayout ctx={ctx} title={t('admin.users.linkTitle', { name })}>
      <div class="admin-panel">
        <p>{t('admin.users.linkText', { name, date: formatDateTime(link.expiresAt, ctx.i18n.lang, ctx.settings.timeZone) })}</p>
        <label for="one-time-link">{t('admin.users.linkLabel')}</label>
        <input id="one-time-link" class="one-time-link" type="text" readOnly value={link.url} />
      </div>
      <p><a href="/admin/users/">{t('admin.users.backToUsers')}</a></p>
    </AdminLayout>
  )
}

export interface UserDetail {
  id: number
  email: string
  displayName: string
  role: Role
  disabled: boolean
  hasPassword: boolean
  createdAt: string
  pendingLinkExpiresAt: string | null
}

export function UserPage({ ctx, user, problem, roleValue }: { ctx: AdminContext, user: UserDetail, problem?: AdminNotice | null, roleValue?: string }) {
  const { t } = ctx.i18n
  const base = `/admin/users/${user.id}`
  return (
    <AdminLayout ctx={{ ...ctx, notice: problem ?? ctx.notice }} title={user.displayName}>
      <div class="admin-panel">
        <p>{user.email} · {t(`admin.role.${user.role}`)} · <StatusText ctx={ctx} user={user} /></p>
        <p class="field-hint">{t('admin.users.created', { date: formatDateTime(user.createdAt, ctx.i18n.lang, ctx.settings.timeZone) })}</p>
      </div>
      <h2>{t('admin.users.roleHeading')}</h2>
      <AdminForm action={`${base}/role/`} csrfToken={ctx.csrfToken}>
        <SelectField name="role" label={t('admin.field.role')} value={roleValue ?? user.role} options={roleOptions(ctx)} hint={t('admin.users.roleHelp')} />
        <p class="form-actions"><button type="submit" class="button">{t('admin.users.changeRole')}</button></p>
      </AdminForm>
      <h2>{t('admin.users.accessHeading')}</h2>
      <div class="admin-panel">
        {user.disabled
          ? <ActionButton csrfToken={ctx.csrfToken} action={`${base}/enable/`} label={t('admin.users.enable')} />
          : (
            <>
              <p class="field-hint">{t('admin.users.disableNote')}</p>
              {user.id === ctx.user.id ? null : <ActionButton csrfToken={ctx.csrfToken} action={`${base}/disable/`} label={t('admin.users.disable')} danger />}
            </>
            )}
        {user.disabled
          ? null
          : (
            <>
              <p class="field-hint">{t('admin.users.linkNote')}</p>
              <ActionButton csrfToken={ctx.csrfToken} action={`${base}/link/`} label={t(user.hasPassword ? 'admin.users.newResetLink' : 'admin.users.newSetupLink')} />
            </>
            )}
      </div>
      <p><a href={`/admin/audit/?subject=user&subject_id=${user.id}`}>{t('admin.users.history')}</a> · <a href="/admin/users/">{t('admin.users.backToUsers')}</a></p>
    </AdminLayout>
  )
}
