// The wire inbox's search text and patterns (src/domain/wire/inbox-search.ts), without a database.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { inboxSearchPatterns, wireSearchText } from '../../../src/domain/wire/inbox-search.js'
import { parseSearchQuery } from '../../../src/domain/search-query.js'

const item = { headline: 'Ёлка в ЕРЕВАНЕ', slugline: 'ARM-TREE', lead: null, bodyHtml: '<p>Crème&nbsp;brûlée <b>and</b> Երևան.</p>', byline: null, dateline: 'Yerevan' }

function matches(text: string, query: string): boolean {
  const parsed = parseSearchQuery(query)
  assert.equal(parsed.kind, 'terms')
  if (parsed.kind !== 'terms') return false
  // LIKE with only "%" wildcards, as the database runs it.
  return inboxSearchPatterns(parsed.terms).every((pattern) => new RegExp(`^${pattern.split('%').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's').test(text))
}

it('keeps every word of an item as the site search tokenizes it, between single spaces', () => {
  assert.equal(wireSearchText(item), ' елка в ереване arm tree yerevan creme brulee and երեւան ')
  assert.equal(wireSearchText({ ...item, headline: '«»', slugline: null, bodyHtml: '', dateline: null }), ' ')
})

it('matches whole words, a last word being typed as a prefix, and phrases in order', () => {
  const text = wireSearchText(item)
  assert.ok(matches(text, 'ЕЛКА'))
  assert.ok(matches(text, 'Ереван'), 'the last word matches as a prefix')
  assert.ok(!matches(text, 'Ереван '), 'a finished word is a whole word')
  assert.ok(matches(text, 'Երևան creme'))
  assert.ok(!matches(text, 'rev'), 'a piece inside a word is no match')
  assert.ok(matches(text, '"creme brulee"'))
  assert.ok(!matches(text, '"brulee creme"'))
})
