// The live log on both engines: what is logged for each change readers may see, exactly once, and pruning.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, type TestApp } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'
import { baselineLiveLog, syncLiveArticle, pruneLiveLog } from '../../src/services/live-log.service.js'
import { insertComment } from '../../src/db/repositories/comments.repository.js'
import { liveEventsAfter, liveLogBounds } from '../../src/db/repositories/live.repository.js'
import { QueryCounter } from '../query-counter.js'

async function logged(t: TestApp): Promise<{ kind: string, articleId: number | null, data: Record<string, unknown> }[]> {
  const rows = await liveEventsAfter(t.deps.db, { afterId: 0, limit: 1000 })
  return rows.map((r) => ({ kind: r.kind, articleId: r.articleId, data: JSON.parse(r.data) as Record<string, unknown> }))
}

async function publish(t: TestApp, fields: { headline?: string, breaking?: boolean, publishedAt?: string, status?: 'published' | 'scheduled' | 'draft' } = {}): Promise<number> {
  const { id } = await createArticle(t.deps, {
    edition: 'en', headline: fields.headline ?? 'Storm reaches the coast', lead: 'Winds of 120 km/h.', bodySource: 'Text.',
    status: fields.status ?? 'published', publishedAt: fields.status === 'draft' ? null : fields.publishedAt ?? t.clock().toISOString(), breaking: fields.breaking ?? false
  })
  await t.app.live.hub.syncArticle(id)
  return id
}

forEachDialect((dialect) => {
  describe('live log', () => {
    it('a published story is logged once with its link, however often it is synced', async (tc) => {
      const t = await build(tc, dialect)
      const id = await publish(t)
      await syncLiveArticle(t.deps, id)
      await Promise.all([syncLiveArticle(t.deps, id), syncLiveArticle(t.deps, id), t.app.live.hub.syncArticle(id)])
      const rows = await logged(t)
      assert.deepEqual(rows.map((r) => r.kind), ['published'])
      assert.equal(rows[0]!.articleId, id)
      assert.equal(rows[0]!.data.headline, 'Storm reaches the coast')
      assert.equal(rows[0]!.data.url, '/2026/11/26/storm-reaches-the-coast/')
      assert.equal(rows[0]!.data.breaking, false)
    })

    it('a process that finds the change logged already only reads: no lock, no write', async (tc) => {
      const t = await build(tc, dialect)
      const id = await publish(t)
      const counter = new QueryCounter()
      const counted = counter.wrap(t.deps.db)
      let transactions = 0
      // The same handle, counting the transactions begun on it (methods bound: Kysely keeps private fields).
      const db = new Proxy(counted, {
        get(target, key) {
          if (key === 'transaction') return () => { transactions++; return target.transaction() }
          const value: unknown = Reflect.get(target, key, target)
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
        }
      })
      const other = { ...t.deps, db }
      assert.deepEqual(await syncLiveArticle(other, id), [])
      assert.equal(transactions, 0)
      assert.deepEqual([...new Set(counter.executed.map((node) => node.kind))], ['SelectQueryNode'])
      // A change it has to log: it takes the lock and writes.
      await t.deps.db.updateTable('articles').set({ headline: 'Storm hits the coast' }).where('id', '=', id).execute()
      counter.reset()
      assert.deepEqual((await syncLiveArticle(other, id)).map((c) => c.kind), ['updated'])
      assert.equal(transactions, 1)
      assert.ok(counter.executed.some((node) => node.kind === 'InsertQueryNode'))
      assert.deepEqual((await logged(t)).map((r) => r.kind), ['published', 'updated'])
    })

    it('logs a new headline, the breaking flag, the comment count and the withdrawal, in order', async (tc) => {
      const t = await build(tc, dialect)
      const id = await publish(t)
      await t.deps.db.updateTable('articles').set({ headline: 'Storm hits the coast' }).where('id', '=', id).execute()
      await syncLiveArticle(t.deps, id)
      await t.deps.db.updateTable('articles').set({ breaking: 1 }).where('id', '=', id).execute()
      await syncLiveArticle(t.deps, id)
      await insertComment(t.deps.db, {
        article_id: id, parent_id: null, author_name: 'Ani', author_email: 'ani@example.org', author_url: null, user_id: null,
        body: 'Stay safe.', status: 'approved', ip: null, user_agent: null, created_at: t.clock().toISOString(), previous_status: null, updated_at: null
      })
      await syncLiveArticle(t.deps, id)
      await t.deps.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', id).execute()
      await syncLiveArticle(t.deps, id)
      const rows = await logged(t)
      assert.deepEqual(rows.map((r) => r.kind), ['published', 'updated', 'breaking', 'comments', 'withdrawn'])
      assert.equal(rows[1]!.data.headline, 'Storm hits the coast')
      assert.equal(rows[2]!.data.url, '/2026/11/26/storm-reaches-the-coast/')
      assert.equal(rows[3]!.data.commentCount, 1)
      assert.deepEqual(rows[4]!.data, { id })
    })

    it('a story deleted for good is withdrawn; drafts tell nobody', async (tc) => {
      const t = await build(tc, dialect)
      const draft = await publish(t, { status: 'draft' })
      const id = await publish(t)
      await t.deps.db.deleteFrom('article_revisions').where('article_id', '=', id).execute()
      await t.deps.db.deleteFrom('articles').where('id', '=', id).execute()
      await syncLiveArticle(t.deps, id)
      await syncLiveArticle(t.deps, draft)
      assert.deepEqual((await logged(t)).map((r) => [r.kind, r.articleId]), [['published', id], ['withdrawn', id]])
    })

    it('stories there before the log are known: their next change is an update, not news', async (tc) => {
      const t = await build(tc, dialect, { demo: true })
      const demo = await t.deps.db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow()
      await t.deps.db.updateTable('articles').set({ lead: 'A new lead.' }).where('id', '=', demo.id).execute()
      await t.app.live.hub.syncArticle(demo.id)
      assert.deepEqual((await logged(t)).map((r) => [r.kind, r.articleId]), [['updated', demo.id]])
    })

    it('a story put live behind the app\'s back long ago is not news; its next change is', async (tc) => {
      const t = await build(tc, dialect)
      const at = new Date(t.clock().getTime() - 2 * 3_600_000).toISOString()
      const row = await t.deps.db.insertInto('articles').values({
        edition: 'en', slug: 'imported', headline: 'Imported', lead: 'From the old site.', body_source: 'x', body_html: '<p>x</p>',
        status: 'published', published_at: at, created_at: at, updated_at: at, translation_group: null, agency_credit: null,
        source_url: null, byline: null, author_id: null, section_id: null, trashed_from: null
      }).returning('id').executeTakeFirstOrThrow()
      await syncLiveArticle(t.deps, row.id)
      assert.deepEqual(await logged(t), [])
      await t.deps.db.updateTable('articles').set({ headline: 'Imported, corrected' }).where('id', '=', row.id).execute()
      await syncLiveArticle(t.deps, row.id)
      assert.deepEqual((await logged(t)).map((r) => r.kind), ['updated'])
    })

    it('the baseline goes through the articles a range of ids per transaction, over gaps, and knows them all', async (tc) => {
      const t = await build(tc, dialect, { demo: true })
      const ids = (await t.deps.db.selectFrom('articles').select('id').orderBy('id').execute()).map((r) => r.id)
      // A gap in the ids (deleted stories), and the baseline to do again from nothing.
      await t.deps.db.deleteFrom('article_revisions').where('article_id', '=', ids[3]!).execute()
      await t.deps.db.deleteFrom('articles').where('id', '=', ids[3]!).execute()
      await t.deps.db.deleteFrom('live_article_states').execute()
      const counter = new QueryCounter()
      await baselineLiveLog({ ...t.deps, db: counter.wrap(t.deps.db) }, 3)
      const known = (await t.deps.db.selectFrom('live_article_states').select('article_id').orderBy('article_id').execute()).map((r) => r.article_id)
      assert.deepEqual(known, ids.filter((id) => id !== ids[3]))
      // One insert per range of three ids, each in a transaction of its own (withLiveLogLock).
      assert.equal(counter.executed.filter((node) => node.kind === 'InsertQueryNode').length, Math.ceil(ids.at(-1)! / 3))
      // Known now: a change is an update, and nothing is news.
      await t.deps.db.updateTable('articles').set({ lead: 'A new lead.' }).where('id', '=', ids[0]!).execute()
      await syncLiveArticle(t.deps, ids[0]!)
      assert.deepEqual((await logged(t)).map((r) => [r.kind, r.articleId]), [['updated', ids[0]]])
    })

    it('a process that does not run the periodic work announces no scheduled story; one that does, does', async (tc) => {
      const quiet = await build(tc, dialect, { live: { periodic: false, schedulerMaxWaitMs: 20 } })
      await publish(quiet, { status: 'scheduled', publishedAt: new Date(quiet.clock().getTime() + 60_000).toISOString() })
      quiet.clock.advance(120_000)
      await new Promise((resolve) => setTimeout(resolve, 150))
      await quiet.app.live.hub.idle()
      assert.deepEqual(await logged(quiet), [])
      // The lead worker's hub (the default) finds it on its next look.
      const lead = await build(tc, dialect, { live: { schedulerMaxWaitMs: 20 } })
      const id = await publish(lead, { status: 'scheduled', publishedAt: new Date(lead.clock().getTime() + 60_000).toISOString() })
      lead.clock.advance(120_000)
      for (let i = 0; i < 100 && (await logged(lead)).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      assert.deepEqual((await logged(lead)).map((r) => [r.kind, r.articleId]), [['published', id]])
    })

    it('pruning drops old rows but keeps the newest, so reconnecting readers can be told to reload', async (tc) => {
      const t = await build(tc, dialect)
      const first = await publish(t, { headline: 'One' })
      t.clock.advance(3_600_000)
      await publish(t, { headline: 'Two' })
      t.clock.advance(3_600_000)
      const before = await liveLogBounds(t.deps.db)
      assert.equal(await pruneLiveLog(t.deps, 90 * 60_000), 1)
      const after = await liveLogBounds(t.deps.db)
      assert.equal(after.newest, before.newest)
      assert.equal(after.oldest, before.newest)
      assert.equal(await pruneLiveLog(t.deps, 0), 0, 'the newest row stays')
      assert.deepEqual((await t.app.live.hub.replay('en', before.oldest! - 1)).kind, 'reload')
      assert.deepEqual((await t.app.live.hub.replay('en', before.newest!)).kind, 'current')
      assert.ok(first)
    })
  })
})
