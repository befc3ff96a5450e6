import { PASSWORD_MIN_LENGTH } from '../../../domain/accounts.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { AdminForm, ErrorSummary, TextField, type FormErrors } from './forms.js'

export interface ProfileForms {
  displayName: string
  nameErrors: FormErrors
  passwordErrors: FormErrors
}

export function ProfilePage({ ctx, forms }: { ctx: AdminContext, forms: ProfileForms }) {
  const { t } = ctx.i18n
  return (
    <AdminLayout ctx={ctx} title={t('admin.profile.title')}>
      <p>{t('admin.profile.account', { email: ctx.user.email, role: t(`admin.role.${ctx.user.role}`) })}</p>
      <h2 id="name-heading">{t('admin.profile.nameHeading')}</h2>
      <ErrorSummary errors={forms.nameErrors} heading={t('admin.form.errorSummary')} />
      <AdminForm action="/admin/profile/name/" csrfToken={ctx.csrfToken}>
        <TextField name="display_name" label={t('admin.field.displayName')} value={forms.displayName} error={forms.nameErrors.display_name}
          hint={t('admin.field.displayNameHint')} required autocomplete="name" maxLength={200} />
        <p class="form-actions"><button type="submit" class="button">{t('admin.profile.saveName')}</button></p>
      </AdminForm>
      <h2 id="password-heading">{t('admin.profile.passwordHeading')}</h2>
      <ErrorSummary errors={forms.passwordErrors} heading={t('admin.form.errorSummary')} />
      <AdminForm action="/admin/profile/password/" csrfToken={ctx.csrfToken}>
        <input type="hidden" name="username" value={ctx.user.email} autocomplete="username" />
        <TextField name="current_password" type="password" label={t('admin.field.currentPassword')} error={forms.passwordErrors.current_password} required autocomplete="current-password" />
        <TextField name="password" type="password" label={t('admin.field.newPassword')} error={forms.passwordErrors.password}
          hint={t('admin.field.passwordHint', { min: PASSWORD_MIN_LENGTH })} required autocomplete="new-password" />
        <TextField name="password_confirm" type="password" label={t('admin.field.passwordConfirm')} error={forms.passwordErrors.password_confirm} required autocomplete="new-password" />
        <p class="field-hint">{t('admin.profile.passwordNote')}</p>
        <p class="form-actions"><button type="submit" class="button">{t('admin.profile.savePassword')}</button></p>
      </AdminForm>
    </AdminLayout>
  )
}
