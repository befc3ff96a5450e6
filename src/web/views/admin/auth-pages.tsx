// Pages shown before login: sign in, first-run setup, choosing a password from a one-time link.
import type { SiteSettings } from '../../../domain/settings.js'
import { PASSWORD_MIN_LENGTH } from '../../../domain/accounts.js'
import type { Translator } from '../../../i18n/index.js'
import type { AdminNotice } from './admin-context.js'
import { AdminBareLayout } from './admin-layout.js'
import { AdminForm, ErrorSummary, TextField, type FormErrors } from './forms.js'

export interface BarePageProps { settings: SiteSettings, i18n: Translator, csrfToken: string }

export function LoginPage({ settings, i18n, csrfToken, email, next, notice }: BarePageProps & { email: string, next: string, notice: AdminNotice | null }) {
  const { t } = i18n
  return (
    <AdminBareLayout settings={settings} i18n={i18n} title={t('admin.login.title')} notice={notice}>
      <AdminForm action="/admin/login/" csrfToken={csrfToken}>
        {next !== '/admin/' ? <input type="hidden" name="next" value={next} /> : null}
        <TextField name="email" type="email" label={t('admin.field.email')} value={email} required autocomplete="username" />
        <TextField name="password" type="password" label={t('admin.field.password')} required autocomplete="current-password" />
        <p class="form-actions"><button type="submit" class="button">{t('admin.login.submit')}</button></p>
      </AdminForm>
      <p class="admin-card-note">{t('admin.login.forgot')}</p>
    </AdminBareLayout>
  )
}

export function SetupPage({ settings, i18n, csrfToken, values, errors }: BarePageProps & {
  values: { siteName: string, email: string, displayName: string }, errors: FormErrors
}) {
  const { t } = i18n
  const passwordHint = t('admin.field.passwordHint', { min: PASSWORD_MIN_LENGTH })
  return (
    <AdminBareLayout settings={settings} i18n={i18n} title={t('admin.setup.title')}>
      <p>{t('admin.setup.intro')}</p>
      <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} />
      <AdminForm action="/admin/setup/" csrfToken={csrfToken}>
        <TextField name="site_name" label={t('admin.field.siteName')} value={values.siteName} error={errors.site_name} required maxLength={200} />
        <fieldset>
          <legend>{t('admin.setup.administrator')}</legend>
          <TextField name="display_name" label={t('admin.field.displayName')} value={values.displayName} error={errors.display_name} required autocomplete="name" maxLength={200} />
          <TextField name="email" type="email" label={t('admin.field.email')} value={values.email} error={errors.email} required autocomplete="username" />
          <TextField name="password" type="password" label={t('admin.field.password')} error={errors.password} hint={passwordHint} required autocomplete="new-password" />
          <TextField name="password_confirm" type="password" label={t('admin.field.passwordConfirm')} error={errors.password_confirm} required autocomplete="new-password" />
        </fieldset>
        <p class="form-actions"><button type="submit" class="button">{t('admin.setup.submit')}</button></p>
      </AdminForm>
    </AdminBareLayout>
  )
}

export function ChoosePasswordPage({ settings, i18n, csrfToken, action, email, displayName, purpose, errors }: BarePageProps & {
  action: string, email: string, displayName: string, purpose: 'setup' | 'reset', errors: FormErrors
}) {
  const { t } = i18n
  return (
    <AdminBareLayout settings={settings} i18n={i18n} title={t(purpose === 'setup' ? 'admin.welcome.title' : 'admin.reset.title')}>
      <p>{t(purpose === 'setup' ? 'admin.welcome.intro' : 'admin.reset.intro', { name: displayName, site: settings.siteName })}</p>
      <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} />
      <AdminForm action={action} csrfToken={csrfToken}>
        {/* Lets password managers store the new password under the right account. */}
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <TextField name="password" type="password" label={t('admin.field.newPassword')} error={errors.password} hint={t('admin.field.passwordHint', { min: PASSWORD_MIN_LENGTH })} required autocomplete="new-password" />
        <TextField name="password_confirm" type="password" label={t('admin.field.passwordConfirm')} error={errors.password_confirm} required autocomplete="new-password" />
        <p class="form-actions"><button type="submit" class="button">{t('admin.welcome.submit')}</button></p>
      </AdminForm>
    </AdminBareLayout>
  )
}
