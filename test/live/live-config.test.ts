import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from '../../src/config.js'

describe('live stream limits from the environment', () => {
  it('have defaults and take whole numbers', () => {
    assert.equal(loadConfig({}).liveMaxPerAddress, 20)
    assert.equal(loadConfig({}).liveMaxConnections, 10_000)
    assert.equal(loadConfig({ LIVE_MAX_PER_ADDRESS: '5', LIVE_MAX_CONNECTIONS: '0' }).liveMaxPerAddress, 5)
    assert.equal(loadConfig({ LIVE_MAX_CONNECTIONS: '0' }).liveMaxConnections, 0, '0 turns live streams off')
  })

  it('stop start-up with a message naming the variable', () => {
    for (const [name, value] of [['LIVE_MAX_PER_ADDRESS', '0'], ['LIVE_MAX_PER_ADDRESS', 'many'], ['LIVE_MAX_CONNECTIONS', '-1'], ['LIVE_MAX_CONNECTIONS', '1.5']] as const) {
      assert.throws(() => loadConfig({ [name]: value }), (error: unknown) => error instanceof ConfigError && error.message.startsWith(name), `${name}=${value}`)
    }
  })
})
