// A long import refreshes PostgreSQL's statistics of the tables it reads back as they grow, so its lookups
// stay on their indexes (src/db/planner-statistics.ts): the schedule, the refresh, and the import using both.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { sql } from 'kysely'
import { build, DIALECTS } from '../helper.js'
import { refreshStatistics, statisticsSchedule } from '../../src/db/planner-statistics.js'
import { importWordPress } from '../../src/services/wordpress-import.service.js'
import type { Db } from '../../src/db/database.js'

describe('statisticsSchedule', () => {
  it('is due after the first rows, then each time the rows written have doubled', () => {
    const schedule = statisticsSchedule(1000)
    const due = [200, 999, 1000, 1200, 1999, 2000, 2600, 3999, 4000].filter((n) => schedule.due(n))
    assert.deepEqual(due, [1000, 2000, 4000])
  })

  it('skips the doublings a large step passes over, and is due about log2(n / first) times', () => {
    const jump = statisticsSchedule(1000)
    assert.equal(jump.due(9000), true)
    assert.equal(jump.due(15_999), false)
    assert.equal(jump.due(16_000), true)
    const steady = statisticsSchedule(1000)
    let times = 0
    for (let n = 200; n <= 1_000_000; n += 200) if (steady.due(n)) times++
    assert.equal(times, 10)
  })
})

const postgres = DIALECTS.find((d) => d.name === 'postgres')
if (!postgres) console.warn('planner-statistics.test: TEST_DATABASE_URL is not set, PostgreSQL half skipped')

/** Manual analyses of `table` in the test's schema (autovacuum's are counted apart). */
async function analyses(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`select analyze_count as n from pg_stat_user_tables where schemaname = current_schema() and relname = ${table}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

describe('[postgres] refreshing the statistics', { skip: !postgres }, () => {
  it('analyses the tables named', async (tc) => {
    const t = await build(tc, postgres!)
    const before = await analyses(t.deps.db, 'import_items')
    await refreshStatistics(t.deps.db, ['import_items', 'article_tags'])
    assert.equal(await analyses(t.deps.db, 'import_items'), before + 1)
    assert.ok(await analyses(t.deps.db, 'article_tags') >= 1)
  })

  it('an import of 1,200 posts analyses its mapping and tag tables once it has written 1,000', async (tc) => {
    const t = await build(tc, postgres!, { settings: { editions: ['en'], defaultEdition: 'en', timeZone: 'UTC' } })
    const items: string[] = []
    for (let id = 1; id <= 1200; id++) {
      items.push(`<item><title>Post ${id}</title><link>https://old.example/?p=${id}</link><dc:creator>anna</dc:creator>
<content:encoded><![CDATA[Body ${id}.]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>2024-03-01 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:post_name>post-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="post_tag" nicename="budget"><![CDATA[Budget]]></category></item>`)
    }
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://old.example</wp:base_blog_url>
${items.join('\n')}</channel></rss>`
    const before = { items: await analyses(t.deps.db, 'import_items'), tags: await analyses(t.deps.db, 'article_tags') }
    const result = await importWordPress(t.deps, {
      source: () => Readable.from([Buffer.from(xml, 'utf8')]), fileName: 'old.xml', edition: 'en', dryRun: false, mediaDir: null, actor: { id: null, name: 'test' }
    })
    assert.equal(result.kind, 'done')
    assert.equal(result.kind === 'done' && result.summary.counts.created.posts, 1200)
    assert.equal(await analyses(t.deps.db, 'import_items'), before.items + 1)
    assert.equal(await analyses(t.deps.db, 'article_tags'), before.tags + 1)
  })
})
