import { en, type MessageKey } from './en.js'
import { hy } from './hy.js'
import { ru } from './ru.js'
import type { Catalog } from './catalog.js'

export type { MessageKey }
export type Messages = Record<MessageKey, string>
export type Params = Record<string, string | number>

const catalogs: Record<string, Catalog> = { en, hy, ru }

export interface Translator {
  lang: string
  t(key: MessageKey, params?: Params): string
  /** A message with plural forms: `${key}.${category}`, falling back to `.other`. */
  plural(key: string, count: number, params?: Params): string
}

function fill(template: string, params: Params | undefined): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** One translator per language, built once: Intl.PluralRules costs more to build than a page's messages. */
const translators = new Map<string, Translator>()
/** Languages come from settings, not from requests; the bound is only a guard. */
const MAX_TRANSLATORS = 100

export function translator(lang: string): Translator {
  let built = translators.get(lang)
  if (!built) {
    built = buildTranslator(lang)
    if (translators.size >= MAX_TRANSLATORS) translators.clear()
    translators.set(lang, built)
  }
  return built
}

function buildTranslator(lang: string): Translator {
  // Own keys only: "constructor" or "__proto__" (a path's first segment can be anything) found
  // Object.prototype's and crashed Intl.PluralRules, a 500 that the fuzz test found.
  const known = Object.hasOwn(catalogs, lang)
  const messages = known ? catalogs[lang]! : en
  // Plural categories must match the messages used: English text follows English plural rules.
  const rules = new Intl.PluralRules(known ? lang : 'en')
  return {
    lang,
    t: (key, params) => fill(messages[key] ?? en[key], params),
    plural(key, count, params) {
      const all = { count, ...params }
      const exact = count === 0 ? `${key}.zero` : null
      const byCategory = `${key}.${rules.select(count)}`
      for (const candidate of [exact, byCategory, `${key}.other`]) {
        if (candidate && candidate in messages) return fill((messages as Record<string, string>)[candidate]!, all)
      }
      return String(count)
    }
  }
}

export function availableLanguages(): string[] {
  return Object.keys(catalogs)
}

/** The language file itself, without the English fallback t() applies: for completeness checks. */
export function catalogOf(lang: string): Readonly<Record<string, string>> | undefined {
  return catalogs[lang]
}

/**
 * Writing direction of an edition's language, for <html dir>. Lede's three demo languages are
 * left-to-right; the list is data so an Arabic, Persian or Hebrew edition needs no code change.
 */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb'])
export function textDirection(lang: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(lang.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr'
}
