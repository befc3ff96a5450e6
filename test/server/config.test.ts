import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from '../../src/config.js'

describe('configuration from the environment', () => {
  it('keeps pages in memory for 30 seconds unless told otherwise, and 0 turns it off', () => {
    assert.equal(loadConfig({}).pageCacheSeconds, 30)
    assert.equal(loadConfig({ PAGE_CACHE_SECONDS: '0' }).pageCacheSeconds, 0)
    assert.equal(loadConfig({ PAGE_CACHE_SECONDS: '120' }).pageCacheSeconds, 120)
  })

  it('names the variable when its value cannot be used', () => {
    for (const value of ['-1', '1.5', 'ten', '3601']) {
      assert.throws(() => loadConfig({ PAGE_CACHE_SECONDS: value }), (error: unknown) =>
        error instanceof ConfigError && error.message.includes('PAGE_CACHE_SECONDS') && error.message.includes(value))
    }
  })
})
