// Searching the wire inbox with the site's own tokenizer (src/domain/search-text.ts), so "Ереван" finds
// "ЕРЕВАН", "ёлка" finds "елка" and "Երևան" finds "Երեւան", as the public search does. The inbox is
// small (items are pruned after wireKeepDays) and searched only by editors, so an item keeps its tokens
// in one column, " tok tok … ", and a term is a LIKE on it: the same on both engines, without a second
// full-text index to keep in step.
import type { SearchTerm } from '../search-query.js'
import { htmlToText, searchTokens } from '../search-text.js'

export interface SearchableWireItem {
  headline: string
  slugline: string | null
  lead: string | null
  bodyHtml: string
  byline: string | null
  dateline: string | null
}

/** The item's tokens between single spaces, with a space at each end so every token is " tok ". */
export function wireSearchText(item: SearchableWireItem): string {
  const text = [item.headline, item.slugline, item.lead, item.byline, item.dateline, htmlToText(item.bodyHtml)]
    .filter((part): part is string => !!part).join('\n')
  const tokens = searchTokens(text)
  return tokens.length ? ` ${tokens.join(' ')} ` : ' '
}

/**
 * One LIKE pattern per term, all of which must match: a word as a whole token, a phrase as its tokens in a
 * row, and a term still being typed as a prefix of its last token. Tokens are letters and digits only, so
 * nothing in them is a LIKE wildcard.
 */
export function inboxSearchPatterns(terms: readonly SearchTerm[]): string[] {
  return terms.map((term) => `% ${term.tokens.join(' ')}${term.prefix ? '' : ' '}%`)
}
