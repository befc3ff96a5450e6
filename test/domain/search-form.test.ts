import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { searchDates, searchFormFrom, searchQueryString } from '../../src/domain/search-form.js'

describe('searchFormFrom', () => {
  it('reads the fields, the first of repeated ones, and defaults the rest', () => {
    assert.deepEqual(searchFormFrom({ q: ['a', 'b'], scope: 'all', section: ' politics ', from: '2022-02-01', page: '3' }),
      { q: 'a', scope: 'all', section: 'politics', from: '2022-02-01', to: '', page: 3 })
    assert.deepEqual(searchFormFrom(undefined), { q: '', scope: 'edition', section: '', from: '', to: '', page: 1 })
  })

  it('turns an unusable page number into the first page', () => {
    for (const page of ['0', '-1', 'x', '1e3', '', '2.5']) assert.equal(searchFormFrom({ page }).page, 1, page)
    assert.equal(searchFormFrom({ page: '999999' }).page, 10_000)
    assert.equal(searchFormFrom({ page: '99999999999999999999' }).page, 10_000)
  })
})

describe('searchDates', () => {
  it('accepts real days and reports impossible ones and a reversed range per field', () => {
    assert.deepEqual(searchDates({ from: '2022-02-01', to: '2022-02-03' }), { from: '2022-02-01', to: '2022-02-03', errors: {} })
    assert.deepEqual(searchDates({ from: '2022-02-30', to: 'soon' }).errors, { from: 'invalidDate', to: 'invalidDate' })
    assert.deepEqual(searchDates({ from: '2022-02-03', to: '2022-02-01' }).errors, { to: 'dateOrder' })
    assert.deepEqual(searchDates({ from: '0999-12-31', to: '' }).errors, { from: 'invalidDate' })
  })
})

describe('searchQueryString', () => {
  it('writes only what differs from the defaults', () => {
    const form = searchFormFrom({ q: 'a b', scope: 'all', page: '2' })
    assert.equal(searchQueryString(form), 'q=a+b&scope=all&page=2')
    assert.equal(searchQueryString(form, { page: 1 }), 'q=a+b&scope=all')
  })
})
