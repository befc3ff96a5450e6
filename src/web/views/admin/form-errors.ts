import type { MessageKey, Translator } from '../../../i18n/index.js'
import type { FormErrors } from './forms.js'

/** Field errors as the domain reports them (a message key with its numbers) → sentences for the page. */
export function translateErrors(i18n: Translator, errors: Partial<Record<string, { key: string, max?: number, min?: number }>>): FormErrors {
  const out: FormErrors = {}
  for (const [name, error] of Object.entries(errors)) {
    if (!error) continue
    const params: Record<string, number> = {}
    if (error.max !== undefined) params.max = error.max
    if (error.min !== undefined) params.min = error.min
    out[name] = i18n.t(error.key as MessageKey, params)
  }
  return out
}
