// The shape every language file has: all of English's keys (a missing one fails the type-check), plus the
// plural categories English does not need ("few", "many", "two" …) for the keys that have plural forms.
import type { MessageKey } from './en.js'

/** "comments.heading" for every key ending in ".other": these are the messages with plural forms. */
export type PluralBase<K = MessageKey> = K extends `${infer Base}.other` ? Base : never
export type PluralKey = `${PluralBase}.${Intl.LDMLPluralRule}`

export type Catalog = Record<MessageKey, string> & Partial<Record<PluralKey, string>>
