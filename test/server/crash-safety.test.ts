import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { startServerProcess, freshDatabaseEnv } from './spawn.js'

const MODEL_PATH = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'
const ENGINES = (['sqlite', 'postgres'] as const).filter((e) => e === 'sqlite' || process.env.TEST_DATABASE_URL)
/** Long enough for a few hundred writes on a slow machine; the kill lands mid-stream either way. */
const WRITE_FOR_MS = 1_500
const WRITERS = 4

for (const engine of ENGINES) {
  describe(`[${engine}] crash safety`, () => {
    it('keeps every acknowledged comment after SIGKILL mid-stream, and the database stays intact', async () => {
      const db = await freshDatabaseEnv(engine)
      // Each writer posts from its own address, as readers do, so flood control does not refuse them.
      const env = { ...db.env, TRUST_PROXY: 'true' }
      try {
        const server = await startServerProcess(env)
        const page = await (await fetch(server.baseUrl + MODEL_PATH)).text()
        const articleId = /name="article_id" value="(\d+)"/.exec(page)![1]!

        const acknowledged: string[] = []
        let stop = false
        let sequence = 0
        const writer = async (w: number) => {
          while (!stop) {
            const n = sequence++
            const text = `Crash test comment ${w}-${n}: the dam holds at ${n} metres.`
            try {
              const res = await fetch(`${server.baseUrl}/comments`, {
                method: 'POST',
                redirect: 'manual',
                headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${w}.${n >> 8 & 255}.${n & 255}` },
                body: new URLSearchParams({ article_id: articleId, author: `Writer ${w}-${n}`, email: `w${w}n${n}@example.org`, comment: text }).toString()
              })
              if (res.status === 303) acknowledged.push(text)
              await res.arrayBuffer()
            } catch {
              return // the server is gone
            }
          }
        }
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(w))
        await new Promise((resolve) => setTimeout(resolve, WRITE_FOR_MS))
        server.child.kill('SIGKILL')
        stop = true
        await Promise.all(writers)
        assert.equal((await server.exited).signal, 'SIGKILL')
        assert.ok(acknowledged.length > 10, `only ${acknowledged.length} comments were acknowledged before the kill`)

        // The server starts again on the same database without losing anything.
        const restarted = await startServerProcess(env)
        assert.equal((await fetch(restarted.baseUrl + MODEL_PATH)).status, 200)
        restarted.child.kill('SIGTERM')
        await restarted.exited

        let stored: Set<string>
        if (engine === 'sqlite') {
          const sqlite = new SQLite(db.sqlitePath!, { readonly: true })
          assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok')
          stored = new Set((sqlite.prepare('select body from comments').all() as { body: string }[]).map((r) => r.body))
          sqlite.close()
        } else {
          const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
          await client.connect()
          const { rows } = await client.query<{ body: string }>(`select body from ${db.pgSchema}.comments`)
          await client.end()
          stored = new Set(rows.map((r) => r.body))
        }
        const lost = acknowledged.filter((text) => !stored.has(text))
        assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged comments were lost`)
        console.log(`# [${engine}] ${acknowledged.length} comments acknowledged before SIGKILL; all ${acknowledged.length} found after restart`)
      } finally {
        await db.cleanup()
      }
    })
  })
}
