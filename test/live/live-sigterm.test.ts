// The real server process: on SIGTERM its live streams end cleanly (readers reconnect elsewhere) and it
// exits 0 at once, not after the shutdown grace period; the limits come from the environment.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabaseEnv, startServerProcess } from '../server/spawn.js'
import { isEvent, openStream } from './sse-client.js'

describe('live streams of the server process', () => {
  it('end on SIGTERM, and the process exits 0 at once', async () => {
    const db = await freshDatabaseEnv('sqlite')
    const server = await startServerProcess({ ...db.env, LIVE_MAX_PER_ADDRESS: '2' })
    const readers = [await openStream(`${server.baseUrl}/live`), await openStream(`${server.baseUrl}/live`)]
    await Promise.all(readers.map((r) => r.next(isEvent('ready'))))
    const refused = await openStream(`${server.baseUrl}/live`)
    assert.equal(refused.status, 429, 'LIVE_MAX_PER_ADDRESS applies')

    const signalledAt = Date.now()
    server.child.kill('SIGTERM')
    await Promise.all(readers.map((r) => r.ended))
    const exit = await server.exited
    assert.deepEqual(exit, { code: 0, signal: null })
    const ms = Date.now() - signalledAt
    assert.ok(ms < 3_000, `exited ${ms} ms after SIGTERM:\n${server.output()}`)
  })
})
