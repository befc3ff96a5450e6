import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { startServerProcess, freshDatabaseEnv } from './spawn.js'
import { logIn, prepareWithEditor } from './editor-session.js'

const MODEL_PATH = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'
const ENGINES = (['sqlite', 'postgres'] as const).filter((e) => e === 'sqlite' || process.env.TEST_DATABASE_URL)
/** The kill comes once this much has been acknowledged (mid-stream by then), however loaded the machine is. */
const KILL_AFTER = { comments: 15, articles: 4 }
/** A server that cannot acknowledge that much in this long is a failure of its own. */
const WRITE_AT_MOST_MS = 20_000
const WRITERS = 4
/** Editors publishing through the admin form at the same time as the comment writers. */
const PUBLISHERS = 2

for (const engine of ENGINES) {
  describe(`[${engine}] crash safety`, () => {
    it('keeps every acknowledged comment and published article after SIGKILL mid-stream, and the database stays intact', async () => {
      const db = await freshDatabaseEnv(engine)
      // Each writer posts from its own address, as readers do, so flood control does not refuse them.
      const env = { ...db.env, TRUST_PROXY: '1' }
      try {
        await prepareWithEditor(engine, db)
        const server = await startServerProcess(env)
        const session = await logIn(server.baseUrl)
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
        // Editors publish new stories through the article editor form while the comments pour in.
        const published: string[] = []
        const publisher = async (p: number) => {
          while (!stop) {
            const n = sequence++
            const headline = `Crash test story ${p}-${n} holds`
            try {
              const res = await fetch(`${server.baseUrl}/admin/articles/new/`, {
                method: 'POST',
                redirect: 'manual',
                headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
                body: new URLSearchParams({
                  _csrf: session.csrf, headline, lead: `Story ${n} of the crash test.`, body: `Published while the server was busy.\n\nNumber ${n}.`,
                  comments_open: 'on', intent: 'publish'
                }).toString()
              })
              if (res.status === 303 && /notice=articlePublished/.test(res.headers.get('location') ?? '')) published.push(headline)
              else if (res.status !== 303) throw new Error(`publishing answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
              await res.arrayBuffer()
            } catch (error) {
              if (error instanceof Error && error.message.startsWith('publishing answered')) throw error
              return // the server is gone
            }
          }
        }
        const writers = [
          ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
          ...Array.from({ length: PUBLISHERS }, (_, p) => publisher(p))
        ]
        const writingSince = Date.now()
        while ((acknowledged.length < KILL_AFTER.comments || published.length < KILL_AFTER.articles) && Date.now() - writingSince < WRITE_AT_MOST_MS) {
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
        server.child.kill('SIGKILL')
        stop = true
        await Promise.all(writers)
        assert.equal((await server.exited).signal, 'SIGKILL')
        assert.ok(acknowledged.length > 10, `only ${acknowledged.length} comments were acknowledged before the kill`)
        assert.ok(published.length > 3, `only ${published.length} articles were published before the kill`)

        // The server starts again on the same database without losing anything.
        const restarted = await startServerProcess(env)
        assert.equal((await fetch(restarted.baseUrl + MODEL_PATH)).status, 200)
        restarted.child.kill('SIGTERM')
        await restarted.exited

        let stored: Set<string>
        let live: Set<string>
        if (engine === 'sqlite') {
          const sqlite = new SQLite(db.sqlitePath!, { readonly: true })
          assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok')
          stored = new Set((sqlite.prepare('select body from comments').all() as { body: string }[]).map((r) => r.body))
          live = new Set((sqlite.prepare(`select headline from articles where status = 'published'`).all() as { headline: string }[]).map((r) => r.headline))
          sqlite.close()
        } else {
          const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
          await client.connect()
          const { rows } = await client.query<{ body: string }>(`select body from ${db.pgSchema}.comments`)
          const articles = await client.query<{ headline: string }>(`select headline from ${db.pgSchema}.articles where status = 'published'`)
          await client.end()
          stored = new Set(rows.map((r) => r.body))
          live = new Set(articles.rows.map((r) => r.headline))
        }
        const lost = acknowledged.filter((text) => !stored.has(text))
        assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged comments were lost`)
        const lostArticles = published.filter((headline) => !live.has(headline))
        assert.deepEqual(lostArticles, [], `${lostArticles.length} of ${published.length} acknowledged articles were lost`)
        console.log(`# [${engine}] ${acknowledged.length} comments and ${published.length} published articles acknowledged before SIGKILL; all found after restart`)
      } finally {
        await db.cleanup()
      }
    })
  })
}
