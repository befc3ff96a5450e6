// `npm run bench:render [-- --n 1000 --repeat 5 --huge --articles 100000 --only article,front]`
// CPU per uncached render: builds the app (page cache off, no logging) on a SQLite file with the demo
// content, optionally grown by an archive of older stories (--huge), and calls app.inject() N times per
// page in one process, reading process.cpuUsage() around the loop; with --repeat R the loop runs R times
// and the least CPU is reported (the machine is shared: other work only ever adds). /healthz, measured
// the same way, is the floor that routing and inject() cost without a database or a view. See
// bench/README.md.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from '../src/app.js'
import { openDatabase } from '../src/db/dialect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { inProcessBus } from '../src/events/bus.js'
import { seedDemoContent } from '../src/services/demo.service.js'
import type { Deps } from '../src/services/deps.js'
import { seedArchive } from './render-seed.js'

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '3' },
    huge: { type: 'boolean', default: false },
    articles: { type: 'string' },
    only: { type: 'string' }
  }
})
const N = Number(values.n)
const REPEAT = Math.max(1, Number(values.repeat))
const ARCHIVE = Number(values.articles ?? (values.huge ? 100_000 : 0))
/** The tests' Thursday morning in Yerevan, so the demo week and every URL are the same in every run. */
const NOW = new Date('2026-11-26T10:00:00.000Z')

const PAGES: [name: string, url: string][] = [
  ['article', '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'],
  ['front', '/'],
  ['day', '/newsfeed/2022-02-03/'],
  ['today', '/newsfeed/'],
  ['section', '/section/politics/'],
  ['rss', '/feed/'],
  ['healthz', '/healthz']
]

const log = (line: string) => process.stderr.write(`${line}\n`)

const path = join(tmpdir(), `lede-bench-render-${randomBytes(4).toString('hex')}.db`)
const database = openDatabase({ kind: 'sqlite', path })
try {
  const deps: Deps = { db: database.db, dialect: database.dialect, clock: () => new Date(NOW), events: inProcessBus(), siteUrlOverride: null }
  await migrateToLatest(deps.db)
  await seedDemoContent(deps)
  if (ARCHIVE > 0) {
    const started = performance.now()
    await seedArchive(deps.db, ARCHIVE, NOW, log)
    log(`  archive of ${ARCHIVE} stories seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  const app = await buildApp({ deps, pageCacheSeconds: 0 })
  await app.ready()

  const only = values.only?.split(',')
  const rows: string[] = []
  for (const [name, url] of PAGES) {
    if (only && !only.includes(name) && name !== 'healthz') continue
    const first = await app.inject(url)
    if (first.statusCode !== 200) throw new Error(`${url} answered ${first.statusCode}`)
    // Warm up: JIT, SQLite's page cache, lazily built formatters.
    for (let i = 0; i < Math.min(200, N); i++) await app.inject(url)
    let cpuUs = Infinity
    let systemUs = Infinity
    let wallUs = Infinity
    for (let r = 0; r < REPEAT; r++) {
      const cpu = process.cpuUsage()
      const wall = performance.now()
      for (let i = 0; i < N; i++) await app.inject(url)
      const used = process.cpuUsage(cpu)
      wallUs = Math.min(wallUs, (performance.now() - wall) * 1000 / N)
      if ((used.user + used.system) / N < cpuUs) {
        cpuUs = (used.user + used.system) / N
        systemUs = used.system / N
      }
    }
    rows.push(`| ${name} | \`${url.length > 40 ? url.slice(0, 37) + '…' : url}\` | ${cpuUs.toFixed(0)} | ${systemUs.toFixed(0)} | ${wallUs.toFixed(0)} | ${(first.body.length / 1024).toFixed(1)} KB |`)
  }
  await app.close()
  console.log(`\nbench:render — SQLite, demo content${ARCHIVE ? ` + ${ARCHIVE} archive stories` : ''}, page cache off, least of ${REPEAT} × ${N} renders each, node ${process.version}`)
  console.log('| page | URL | CPU µs/page | of which system | wall µs/page | size |')
  console.log('|---|---|---|---|---|---|')
  for (const row of rows) console.log(row)
} finally {
  await database.close()
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
}
