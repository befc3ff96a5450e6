// On SQLite, the workers of one primary hear each other's events through it: an event emitted in one
// worker reaches that worker once and every other worker once.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import cluster, { type Worker } from 'node:cluster'
import { relayWorkerEvents } from '../../src/events/cluster-bus.js'

describe('cluster event relay', () => {
  it('passes a worker\'s events to every other worker, once', async () => {
    cluster.setupPrimary({ exec: 'test/fixtures/cluster-bus-worker.ts', execArgv: ['--import', 'tsx'], silent: false })
    relayWorkerEvents()
    const heard = new Map<Worker, unknown[]>()
    const workers = await Promise.all([0, 1, 2].map(() => new Promise<Worker>((resolve) => {
      const worker = cluster.fork()
      heard.set(worker, [])
      worker.on('message', (message: { ready?: boolean, heard?: unknown }) => {
        if (message.ready) resolve(worker)
        if (message.heard) heard.get(worker)!.push(message.heard)
      })
    })))
    try {
      const event = { type: 'comment.approved', commentId: 5, articleId: 9 }
      workers[0]!.send({ emit: event })
      for (let i = 0; i < 500 && [...heard.values()].some((h) => h.length < 1); i++) await new Promise((r) => setTimeout(r, 10))
      await new Promise((r) => setTimeout(r, 100))
      for (const worker of workers) assert.deepEqual(heard.get(worker), [event])
    } finally {
      for (const worker of workers) worker.kill()
    }
  })
})
