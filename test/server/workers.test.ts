// `lede serve --workers N`: one port, N worker processes under a primary that replaces a worker that dies
// and stops them all on SIGTERM. Runs the built server with two workers on a fresh SQLite file.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { freshDatabaseEnv, startServerProcess } from './spawn.js'

/** The pid of the worker that answers a request on a connection of its own. */
function healthPid(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false, headers: { connection: 'close' } }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => { body += chunk.toString() })
      res.on('end', () => resolve((JSON.parse(body) as { pid: number }).pid))
    })
    req.on('error', reject)
    req.setTimeout(2000, () => req.destroy(new Error('no answer')))
    req.end()
  })
}

/**
 * Asks until `wanted` holds, for up to a minute: bounded by time, not by tries, because under CI's load a
 * replacement worker once took longer to start than 400 quick tries lasted, and the test failed.
 */
async function pidsSeen(port: number, wanted: (pids: Set<number>) => boolean): Promise<Set<number>> {
  const pids = new Set<number>()
  const deadline = Date.now() + 60_000
  while (!wanted(pids) && Date.now() < deadline) {
    try { pids.add(await healthPid(port)) } catch { /* a worker is being replaced */ }
    if (!wanted(pids)) await new Promise((r) => setTimeout(r, 10))
  }
  return pids
}

describe('lede serve with two workers', () => {
  it('answers from two processes on one port, replaces a worker that dies, and exits 0 on SIGTERM', async (t) => {
    const db = await freshDatabaseEnv('sqlite')
    const server = await startServerProcess({ ...db.env, WORKERS: '2' })
    t.after(() => { server.child.kill('SIGKILL') })
    const first = await pidsSeen(server.port, (p) => p.size >= 2)
    assert.equal(first.size, 2, `two workers answered: ${[...first].join(', ')}`)
    assert.ok(!first.has(server.child.pid!), 'the primary serves no requests')

    const [victim] = first
    process.kill(victim!, 'SIGKILL')
    const after = await pidsSeen(server.port, (p) => [...p].some((pid) => !first.has(pid)))
    assert.ok([...after].some((pid) => !first.has(pid)), 'a new worker took the dead one\'s place')
    assert.match(server.output(), /worker 1 \(pid \d+\) exited|worker 2 \(pid \d+\) exited/)

    server.child.kill('SIGTERM')
    const exit = await server.exited
    assert.equal(exit.code, 0)
  })
})
