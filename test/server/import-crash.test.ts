// A WordPress import killed mid-run (SIGKILL) leaves the database consistent, and running it again
// finishes the rest without duplicates (docs/decisions/012-wordpress-import.md). Runs the real command in
// a child process on an SQLite file, and on a PostgreSQL schema of its own when TEST_DATABASE_URL is set.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase, type DatabaseTarget } from '../../src/db/dialect.js'
import { freshDatabaseEnv } from './spawn.js'

const ENGINES = (['sqlite', 'postgres'] as const).filter((e) => e === 'sqlite' || process.env.TEST_DATABASE_URL)

// Enough that the import is still writing when the test, polling every 100 ms, sees the first posts: at
// 300 a quiet machine finished them all (2,000 posts a second) before the kill.
const POSTS = 3000

function exportFile(): string {
  const items: string[] = []
  for (let i = 1; i <= POSTS; i++) {
    const comments = [1, 2, 3].map((c) => `<wp:comment><wp:comment_id>${i * 10 + c}</wp:comment_id><wp:comment_author>R${c}</wp:comment_author><wp:comment_author_email>r${c}@example.com</wp:comment_author_email><wp:comment_date_gmt>2020-01-01 10:00:00</wp:comment_date_gmt><wp:comment_content>Comment ${c}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${c === 3 ? i * 10 + 2 : 0}</wp:comment_parent></wp:comment>`).join('')
    items.push(`<item><title>Story ${i}</title><link>https://old.example/story-${i}/</link><dc:creator>desk</dc:creator><content:encoded><![CDATA[Body ${i}.]]></content:encoded><wp:post_id>${i}</wp:post_id><wp:post_date_gmt>2020-01-01 ${String(i % 24).padStart(2, '0')}:00:00</wp:post_date_gmt><wp:post_name>story-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>${comments}</item>`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>${items.join('\n')}</channel></rss>`
}

/**
 * `lede import wordpress` as operators run it (bin/lede.js on dist/, which the test runner has just brought
 * up to date); from source through tsx when dist/ may be stale (a file run on its own), which costs the
 * child several seconds of compiling, twice per test.
 */
function runImport(env: Record<string, string>, file: string) {
  const command = ['import', 'wordpress', file, '--edition', 'en']
  const args = process.env.LEDE_TEST_DIST_CURRENT === '1'
    ? ['bin/lede.js', ...command]
    : ['--import', 'tsx', '-e', `import('./src/cli/main.ts').then(async (m) => { process.exitCode = await m.main(${JSON.stringify(command)}) })`]
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (c: Buffer) => { output += c.toString() })
  child.stderr.on('data', (c: Buffer) => { output += c.toString() })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { child, exited, output: () => output }
}

async function counts(target: DatabaseTarget) {
  const { db, close } = openDatabase(target)
  try {
    const n = async (q: Promise<{ n: number | string }>) => Number((await q).n)
    return {
      articles: await n(db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
      mappedPosts: await n(db.selectFrom('import_items').where('wp_kind', '=', 'post').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
      comments: await n(db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
      redirects: await n(db.selectFrom('redirects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow())
    }
  } finally {
    await close()
  }
}

/** Waits until PostgreSQL has no connection named `appName` left (a killed client's server processes end soon after). */
async function importConnectionsGone(appName: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  await client.connect()
  try {
    for (let i = 0; ; i++) {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from pg_stat_activity where application_name = $1', [appName])
      if (Number(rows[0]!.n) === 0) return
      if (i === 300) throw new Error(`the killed import's PostgreSQL connections (${appName}) were still there after 30 s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    await client.end()
  }
}

for (const engine of ENGINES) {
  describe(`[${engine}] an import killed mid-run`, () => {
    it('leaves every post whole or absent, and a second run finishes without duplicates', { timeout: 180_000 }, async (tc) => {
      const dir = mkdtempSync(join(tmpdir(), 'lede-import-crash-'))
      tc.after(() => rmSync(dir, { recursive: true, force: true }))
      // A failed assertion leaves no import writing to the database (hooks run in this order, before the drop).
      const imports: ReturnType<typeof runImport>[] = []
      tc.after(() => { for (const { child } of imports) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
      const file = join(dir, 'export.xml')
      writeFileSync(file, exportFile())
      let env: Record<string, string>
      let target: DatabaseTarget
      /** PostgreSQL: the name the import's connections go by, to wait for them to be gone after the kill. */
      let appName: string | undefined
      if (engine === 'sqlite') {
        env = { DATABASE_PATH: join(dir, 'lede.db'), DATABASE_URL: '' }
        target = { kind: 'sqlite', path: env.DATABASE_PATH! }
      } else {
        const fresh = await freshDatabaseEnv('postgres')
        tc.after(() => fresh.cleanup())
        appName = `lede-import-crash-${fresh.pgSchema!}`
        const url = new URL(fresh.env.DATABASE_URL!)
        url.searchParams.set('application_name', appName)
        env = { ...fresh.env, DATABASE_URL: url.toString() }
        target = { kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: fresh.pgSchema!, poolSize: 1 }
      }
      const first = runImport(env, file)
      imports.push(first)
      // Wait until some posts are in, then kill it without warning.
      let seen = 0
      for (let i = 0; i < 600 && seen < 20; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        try { seen = (await counts(target)).articles } catch { /* not created yet */ }
      }
      first.child.kill('SIGKILL')
      const end = await first.exited
      assert.equal(end.signal, 'SIGKILL', first.output())
      // PostgreSQL may still be committing (or rolling back) what the import sent before it died: count once
      // its server processes have ended.
      if (appName !== undefined) await importConnectionsGone(appName)
      const after = await counts(target)
      assert.ok(after.articles >= 20 && after.articles < POSTS, `killed after ${after.articles} posts`)
      // Atomic per batch of posts: each article in has its mapping row, its three comments and its two old URLs.
      assert.equal(after.mappedPosts, after.articles)
      assert.equal(after.comments, after.articles * 3)
      assert.equal(after.redirects, after.articles * 2)
      console.log(`# [${engine}] killed after ${after.articles} of ${POSTS} posts`)

      const second = runImport(env, file)
      imports.push(second)
      const ended = await second.exited
      assert.equal(ended.code, 0, second.output())
      assert.match(second.output(), new RegExp(`Created: .*${POSTS - after.articles} posts, ${(POSTS - after.articles) * 3} comments`))
      assert.deepEqual(await counts(target), { articles: POSTS, mappedPosts: POSTS, comments: POSTS * 3, redirects: POSTS * 2 })
    })
  })
}
