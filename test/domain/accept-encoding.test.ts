import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chooseEncoding } from '../../src/domain/accept-encoding.js'

describe('chooseEncoding', () => {
  it('gives what browsers ask for, brotli first', () => {
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br')
    assert.equal(chooseEncoding('gzip, deflate'), 'gzip')
    assert.equal(chooseEncoding('x-gzip'), 'gzip')
    assert.equal(chooseEncoding(['gzip', 'br']), 'br')
  })

  it('follows the weights, and q=0 refuses a coding', () => {
    assert.equal(chooseEncoding('br;q=0.5, gzip;q=0.8'), 'gzip')
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip')
    assert.equal(chooseEncoding('br;q=0, gzip;q=0'), 'identity')
    assert.equal(chooseEncoding('BR ; Q=1 , gzip;q=0.9'), 'br')
    assert.equal(chooseEncoding('*'), 'br')
    assert.equal(chooseEncoding('*;q=0.5, br;q=0'), 'gzip')
  })

  it('sends the plain body when nothing compressed is accepted, or the header is junk', () => {
    for (const header of [undefined, '', 'identity', 'deflate', 'zstd', ';;;,,,', 'gzip;q=abc', 'gzip;q=2', 'identity;q=0'])
      assert.equal(chooseEncoding(header), 'identity', String(header))
  })

  it('reads a long hostile header in linear time, looking at its first kilobyte only', () => {
    assert.equal(chooseEncoding('x,'.repeat(100_000) + 'br'), 'identity')
    assert.equal(chooseEncoding('br;' + 'q=1;'.repeat(100_000)), 'br')
  })
})
