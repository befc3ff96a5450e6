import type { MessageKey, Translator } from '../../../i18n/index.js'
import type { FormErrors } from './forms.js'

/** Field errors as the domain reports them (a message key with its parameters) → sentences for the page. */
export function translateErrors(i18n: Translator, errors: Partial<Record<string, { key: string }>>): FormErrors {
  const out: FormErrors = {}
  for (const [name, error] of Object.entries(errors)) {
    if (!error) continue
    // Every other property of an error (max, min, letter …) fills the message's placeholders.
    const { key, ...params } = error as { key: string } & Record<string, string | number>
    out[name] = i18n.t(key as MessageKey, params)
  }
  return out
}
