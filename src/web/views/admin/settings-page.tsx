import { perEditionName, settingsFields, type SettingsField, type SettingsGroup, type SettingsFormText } from '../../../domain/settings-form.js'
import { en } from '../../../i18n/en.js'
import type { MessageKey } from '../../../i18n/index.js'
import type { AdminContext } from './admin-context.js'
import { AdminLayout } from './admin-layout.js'
import { siteDates } from '../../../i18n/format.js'
import { AdminForm, CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField, type FormErrors } from './forms.js'

const GROUPS: readonly SettingsGroup[] = ['site', 'reading', 'feeds', 'discussion', 'misc']

/** The zones this runtime knows, for the suggestion list; typing any valid IANA name also works. */
function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone')
  } catch {
    return []
  }
}

function label(ctx: AdminContext, key: string): string {
  const k = `admin.settings.field.${key}`
  return k in en ? ctx.i18n.t(k as MessageKey) : key
}

function hint(ctx: AdminContext, key: string, params?: Record<string, string | number>): string | undefined {
  const k = `admin.settings.hint.${key}`
  return k in en ? ctx.i18n.t(k as MessageKey, params) : undefined
}

/** What the saved formats print now, as WordPress shows under its format fields. */
function preview(ctx: AdminContext, lang: string): string {
  return ctx.i18n.t('admin.settings.formatPreview', { example: siteDates(ctx.settings, lang).dateTime(ctx.now.toISOString()) })
}

function Field({ ctx, field, text, errors, siteUrlOverride }: { ctx: AdminContext, field: SettingsField, text: SettingsFormText, errors: FormErrors, siteUrlOverride: string | null }) {
  const { key, spec } = field
  const common = { name: key, label: label(ctx, key), error: errors[key] }
  switch (spec.kind) {
    case 'bool':
      return <CheckboxField {...common} checked={text[key] === '1'} hint={hint(ctx, key)} />
    case 'int':
      return <TextField {...common} type="number" inputMode="numeric" min={spec.min} max={spec.max} value={text[key]} hint={hint(ctx, key)} class="field-short" />
    case 'wordList':
      return <TextAreaField {...common} rows={5} value={text[key]} hint={hint(ctx, key) ?? ctx.i18n.t('admin.settings.onePerLine')} />
    case 'timeZone':
      return (
        <>
          <TextField {...common} value={text[key]} list="time-zones" hint={hint(ctx, key)} required />
          <datalist id="time-zones">{timeZones().map((z) => <option value={z} />)}</datalist>
        </>
      )
    case 'defaultEdition':
      return <SelectField {...common} value={text[key]} options={ctx.settings.editions.map((e) => ({ value: e, label: e }))} hint={hint(ctx, key)} />
    case 'siteUrl':
      return <TextField {...common} type="url" value={text[key]} required
        hint={siteUrlOverride ? `${hint(ctx, key) ?? ''} ${ctx.i18n.t('admin.settings.siteUrlOverridden', { url: siteUrlOverride })}` : hint(ctx, key)} />
    case 'perEdition':
      if (spec.format === 'date') {
        return (
          <>
            {ctx.settings.editions.map((edition, i) => {
              const name = perEditionName(key, edition)
              // The letters are explained once, under the first edition; each edition previews its own.
              return <TextField name={name} label={ctx.i18n.t('admin.settings.perEdition', { label: label(ctx, key), edition })}
                value={text[name]} error={errors[name]} class="field-short" hint={i === 0 ? `${hint(ctx, key) ?? ''} ${preview(ctx, edition)}` : preview(ctx, edition)} />
            })}
          </>
        )
      }
      return (
        <>
          {ctx.settings.editions.map((edition) => {
            const name = perEditionName(key, edition)
            return <TextAreaField name={name} label={ctx.i18n.t('admin.settings.perEdition', { label: label(ctx, key), edition })} rows={3}
              value={text[name]} error={errors[name]} hint={hint(ctx, key, { site: '{site}' })} />
          })}
        </>
      )
    case 'line':
      if (spec.format === 'time') {
        return <TextField {...common} value={text[key]} required class="field-short" hint={`${hint(ctx, key) ?? ''} ${preview(ctx, ctx.i18n.lang)}`} />
      }
      return <TextField {...common} value={text[key]} required={spec.required} hint={hint(ctx, key)} />
    case 'logo':
    case 'editions':
      return <TextField {...common} value={text[key]} required hint={hint(ctx, key)} />
  }
}

export function SettingsPage({ ctx, text, errors, siteUrlOverride }: { ctx: AdminContext, text: SettingsFormText, errors: FormErrors, siteUrlOverride: string | null }) {
  const { t } = ctx.i18n
  const fields = settingsFields()
  return (
    <AdminLayout ctx={ctx} title={t('admin.settings.title')}>
      <ErrorSummary errors={errors} heading={t('admin.form.errorSummary')} />
      <AdminForm action="/admin/settings/" csrfToken={ctx.csrfToken}>
        {GROUPS.map((group) => {
          const inGroup = fields.filter((f) => f.group === group)
          if (inGroup.length === 0) return null
          return (
            <fieldset>
              <legend>{t(`admin.settings.group.${group}`)}</legend>
              {inGroup.map((field) => <Field ctx={ctx} field={field} text={text} errors={errors} siteUrlOverride={siteUrlOverride} />)}
            </fieldset>
          )
        })}
        <p class="form-actions"><button type="submit" class="button">{t('admin.settings.save')}</button></p>
      </AdminForm>
    </AdminLayout>
  )
}
