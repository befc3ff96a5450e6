// Form pieces shared by every admin screen. A field shows its label, an optional hint, the error
// next to it (linked with aria-describedby), and keeps what was typed when the form comes back with 400.
import type { ComponentChildren } from 'preact'
import type { Translator } from '../../../i18n/index.js'

/** Field name → message already in the page's language. */
export type FormErrors = Partial<Record<string, string>>

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />
}

function describedBy(name: string, error: string | undefined, hint: ComponentChildren | undefined): string | undefined {
  return [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined
}

function FieldMessages({ name, error, hint }: { name: string, error?: string | undefined, hint?: ComponentChildren }) {
  return (
    <>
      {hint ? <p class="field-hint" id={`${name}-hint`}>{hint}</p> : null}
      {error ? <p class="field-error" id={`${name}-error`}>{error}</p> : null}
    </>
  )
}

export interface TextFieldProps {
  name: string
  label: string
  value?: string | null | undefined
  error?: string | undefined
  hint?: ComponentChildren
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'search' | 'date' | 'datetime-local' | 'time'
  required?: boolean
  autocomplete?: string
  maxLength?: number
  /** id defaults to the name; give one when a page has two fields of the same name. */
  id?: string
  inputMode?: 'text' | 'numeric' | 'email' | 'url' | 'search'
  min?: string | number
  max?: string | number
  list?: string
  class?: string
}

export function TextField(p: TextFieldProps) {
  const id = p.id ?? p.name
  return (
    <div class={`field${p.error ? ' has-error' : ''}${p.class ? ` ${p.class}` : ''}`}>
      <label for={id}>{p.label}{p.required ? <span class="required" aria-hidden="true"> *</span> : null}</label>
      <input
        id={id} name={p.name} type={p.type ?? 'text'}
        // A password is never sent back to the browser, even when the form is shown again.
        value={p.type === 'password' ? '' : (p.value ?? '')}
        required={p.required} autocomplete={p.autocomplete} maxLength={p.maxLength} inputMode={p.inputMode}
        min={p.min} max={p.max} list={p.list}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(id, p.error, p.hint)}
      />
      <FieldMessages name={id} error={p.error} hint={p.hint} />
    </div>
  )
}

export function TextAreaField(p: { name: string, label: string, value?: string | null | undefined, error?: string | undefined, hint?: ComponentChildren, rows?: number, required?: boolean, maxLength?: number, id?: string, class?: string, data?: Record<`data-${string}`, string> }) {
  const id = p.id ?? p.name
  return (
    <div class={`field${p.error ? ' has-error' : ''}${p.class ? ` ${p.class}` : ''}`}>
      <label for={id} id={`${id}-label`}>{p.label}{p.required ? <span class="required" aria-hidden="true"> *</span> : null}</label>
      <textarea id={id} name={p.name} rows={p.rows ?? 4} required={p.required} maxLength={p.maxLength} {...p.data}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(id, p.error, p.hint)}>{p.value ?? ''}</textarea>
      <FieldMessages name={id} error={p.error} hint={p.hint} />
    </div>
  )
}

export interface SelectOption { value: string, label: string }

export function SelectField(p: { name: string, label: string, value?: string | null | undefined, options: readonly SelectOption[], error?: string | undefined, hint?: ComponentChildren, required?: boolean, id?: string, class?: string }) {
  const id = p.id ?? p.name
  return (
    <div class={`field${p.error ? ' has-error' : ''}${p.class ? ` ${p.class}` : ''}`}>
      <label for={id}>{p.label}{p.required ? <span class="required" aria-hidden="true"> *</span> : null}</label>
      {/* HTML allows "required" on a select only when its first option is an empty placeholder. */}
      <select id={id} name={p.name} required={p.required && p.options[0]?.value === ''}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(id, p.error, p.hint)}>
        {p.options.map((o) => <option value={o.value} selected={o.value === (p.value ?? '')}>{o.label}</option>)}
      </select>
      <FieldMessages name={id} error={p.error} hint={p.hint} />
    </div>
  )
}

export function CheckboxField(p: { name: string, label: string, checked: boolean, error?: string | undefined, hint?: ComponentChildren, value?: string, id?: string }) {
  const id = p.id ?? p.name
  return (
    <div class={`field field-checkbox${p.error ? ' has-error' : ''}`}>
      <input id={id} name={p.name} type="checkbox" value={p.value ?? '1'} checked={p.checked}
        aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(id, p.error, p.hint)} />
      <label for={id}>{p.label}</label>
      <FieldMessages name={id} error={p.error} hint={p.hint} />
    </div>
  )
}

/** At the top of a form that came back with errors: what went wrong, each linking to its field. */
export function ErrorSummary({ errors, heading, labels }: { errors: FormErrors, heading: string, labels?: Partial<Record<string, string>> }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => typeof e[1] === 'string')
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p class="error-summary-heading">{heading}</p>
      <ul>
        {entries.map(([name, message]) => <li><a href={`#${name}`}>{labels?.[name] ? `${labels[name]}: ` : ''}{message}</a></li>)}
      </ul>
    </div>
  )
}

/**
 * One action on one item as a small POST form with a single button (approve, disable, restore…):
 * actions that change something are never links.
 */
export function ActionButton(p: { csrfToken: string, action: string, label: string, fields?: Record<string, string>, danger?: boolean, class?: string, title?: string }) {
  return (
    <form method="post" action={p.action} class={`inline-form${p.class ? ` ${p.class}` : ''}`}>
      <CsrfInput token={p.csrfToken} />
      {Object.entries(p.fields ?? {}).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
      <button type="submit" class={p.danger ? 'button button-danger' : 'button button-secondary'} title={p.title}>{p.label}</button>
    </form>
  )
}

/**
 * Keyset pagination: links to newer and older pages (cursors, not page numbers, so a list that grows
 * while an editor pages through it neither repeats nor skips rows). Pass full hrefs or null.
 */
export function Pager({ i18n, newer, older, label }: { i18n: Translator, newer: string | null, older: string | null, label?: string }) {
  if (!newer && !older) return null
  return (
    <nav class="admin-pager" aria-label={label ?? i18n.t('admin.pager.label')}>
      {newer ? <a href={newer} rel="prev">{i18n.t('admin.pager.newer')}</a> : <span />}
      {older ? <a href={older} rel="next">{i18n.t('admin.pager.older')}</a> : <span />}
    </nav>
  )
}

/** Builds a list URL keeping the current filters, replacing some (null removes a parameter). */
export function hrefWith(path: string, current: Record<string, string | undefined>, changes: Record<string, string | null>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(current)) if (value !== undefined && value !== '' && !(key in changes)) params.set(key, value)
  for (const [key, value] of Object.entries(changes)) if (value !== null && value !== '') params.set(key, value)
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

/**
 * The bar above a list with checkboxes: choose an action, apply it to the ticked rows. The list's
 * checkboxes are <BulkCheckbox> inside the same <form method="post">, named "ids".
 */
export function BulkActionBar({ i18n, actions, id }: { i18n: Translator, actions: readonly SelectOption[], id?: string }) {
  if (actions.length === 0) return null
  const selectId = id ?? 'bulk-action'
  return (
    <div class="bulk-bar">
      <label for={selectId} class="visually-hidden">{i18n.t('admin.bulk.label')}</label>
      <select id={selectId} name="bulk_action">
        <option value="">{i18n.t('admin.bulk.choose')}</option>
        {actions.map((a) => <option value={a.value}>{a.label}</option>)}
      </select>
      <button type="submit" class="button button-secondary">{i18n.t('admin.bulk.apply')}</button>
    </div>
  )
}

export function BulkCheckbox({ value, label }: { value: string | number, label: string }) {
  return (
    <label class="bulk-check">
      <input type="checkbox" name="ids" value={String(value)} />
      <span class="visually-hidden">{label}</span>
    </label>
  )
}

/** The "_csrf" field plus the fields of a form, with the error summary above them. */
export function AdminForm({ action, csrfToken, children, class: className, id, enctype }: { action: string, csrfToken: string, children: ComponentChildren, class?: string, id?: string, enctype?: string }) {
  return (
    <form method="post" action={action} class={className ?? 'admin-form'} id={id} enctype={enctype}>
      <CsrfInput token={csrfToken} />
      {children}
    </form>
  )
}
