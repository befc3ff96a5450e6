import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, DEFAULT_RATE_LIMITS, loadConfig } from '../../src/config.js'

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

  it('tells shared caches to keep public answers a minute unless SHARED_CACHE_SECONDS says otherwise', () => {
    assert.equal(loadConfig({}).sharedCacheSeconds, 60)
    assert.equal(loadConfig({ SHARED_CACHE_SECONDS: '5' }).sharedCacheSeconds, 5)
    assert.equal(loadConfig({ SHARED_CACHE_SECONDS: '0' }).sharedCacheSeconds, 0)
    for (const value of ['-1', 'soon', '86401']) {
      assert.throws(() => loadConfig({ SHARED_CACHE_SECONDS: value }), (error: unknown) =>
        error instanceof ConfigError && error.message.includes('SHARED_CACHE_SECONDS'), value)
    }
  })

  it('gives a turn of the event loop 3 ms of request work unless TURN_BUDGET_MS says otherwise, 0 turning turns off', () => {
    assert.equal(loadConfig({}).turnBudgetMs, 3)
    assert.equal(loadConfig({ TURN_BUDGET_MS: '2' }).turnBudgetMs, 2)
    assert.equal(loadConfig({ TURN_BUDGET_MS: '0' }).turnBudgetMs, 0)
    assert.throws(() => loadConfig({ TURN_BUDGET_MS: '-1' }), /TURN_BUDGET_MS/)
    assert.throws(() => loadConfig({ TURN_BUDGET_MS: 'fast' }), /TURN_BUDGET_MS/)
  })

  it('lets the heap grow 50 % past its live size unless HEAP_GROWTH_PERCENT says otherwise, 0 being V8\'s own policy', () => {
    assert.equal(loadConfig({}).heapGrowthPercent, 50)
    assert.equal(loadConfig({ HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent, 0)
    assert.equal(loadConfig({ HEAP_GROWTH_PERCENT: '100' }).heapGrowthPercent, 100)
    for (const value of ['-5', 'half', '1001']) {
      assert.throws(() => loadConfig({ HEAP_GROWTH_PERCENT: value }), (error: unknown) =>
        error instanceof ConfigError && error.message.includes('HEAP_GROWTH_PERCENT'), value)
    }
  })

  it('trusts no proxy by default, and a hop count or proxy addresses when told', () => {
    assert.equal(loadConfig({}).trustProxy, false)
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false)
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1)
    assert.deepEqual(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy,
      ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback'])
  })

  it('refuses TRUST_PROXY=true and says what to write instead', () => {
    for (const value of ['true', 'TRUE', 'yes', 'on']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: value }), (error: unknown) =>
        error instanceof ConfigError && error.message.includes('TRUST_PROXY=1') && error.message.includes('TRUST_PROXY=127.0.0.1,10.0.0.0/8'))
    }
  })

  it('names TRUST_PROXY when an entry is neither an address nor a range', () => {
    for (const value of ['10.0.0.0/33', 'nginx', '1.2.3', '11', ',', '1,2']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: value }), (error: unknown) =>
        error instanceof ConfigError && error.message.includes('TRUST_PROXY'), value)
    }
  })

  it('limits requests per minute per address with defaults, each limit a setting, 0 turning it off', () => {
    assert.deepEqual(loadConfig({}).rateLimits, DEFAULT_RATE_LIMITS)
    assert.deepEqual(loadConfig({ RATE_LIMIT_SEARCH: '5', RATE_LIMIT_API: '0' }).rateLimits, { ...DEFAULT_RATE_LIMITS, search: 5, api: 0 })
    for (const value of ['-1', 'lots', '1.5']) {
      assert.throws(() => loadConfig({ RATE_LIMIT_LOGIN: value }), (error: unknown) => error instanceof ConfigError && error.message.includes('RATE_LIMIT_LOGIN'))
    }
  })
})
