// Builds the app for a test on a fresh database with a fixed clock. DIALECTS lists the engines the
// suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (each build gets its own schema).
import { randomBytes } from 'node:crypto'
import { describe, type TestContext } from 'node:test'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.js'
import type { PostgresPool } from 'kysely'
import { openDatabase, openPostgresOver } from '../src/db/dialect.js'
import type { DialectName } from '../src/db/database.js'
import { inProcessBus } from '../src/events/bus.js'
import { postgresBus, type PostgresBus } from '../src/events/postgres-bus.js'
import { takePgCopy, releasePgCopy, sqliteTemplateImage, type TemplateKey } from './db-templates.js'
import { saveSettings } from '../src/db/repositories/settings.repository.js'
import type { SiteSettings } from '../src/domain/settings.js'
import type { Deps } from '../src/services/deps.js'
import type { RateLimitSettings, TrustProxy } from '../src/config.js'
import type { OverloadOptions } from '../src/plugins/overload.js'
import type { LiveOptions } from '../src/plugins/live.js'

export interface DialectUnderTest { name: DialectName }

const POSTGRES_URL = process.env.TEST_DATABASE_URL
export const DIALECTS: DialectUnderTest[] = [
  { name: 'sqlite' },
  ...(POSTGRES_URL ? [{ name: 'postgres' as const }] : [])
]

/** Runs a describe block once per engine, named after it. */
export function forEachDialect(fn: (dialect: DialectUnderTest) => void): void {
  for (const dialect of DIALECTS) describe(`[${dialect.name}]`, () => fn(dialect))
}

/** A clock the test moves by hand. */
export interface TestClock {
  (): Date
  set(iso: string): void
  advance(ms: number): void
}

export function fixedClock(iso: string): TestClock {
  let now = new Date(iso)
  const clock = (() => new Date(now.getTime())) as TestClock
  clock.set = (next) => { now = new Date(next) }
  clock.advance = (ms) => { now = new Date(now.getTime() + ms) }
  return clock
}

/** A Thursday morning in Yerevan (10:00 UTC = 14:00 local), after every "today" demo story. */
export const DEMO_NOW = '2026-11-26T10:00:00.000Z'

export interface TestApp {
  app: FastifyInstance
  deps: Deps
  clock: TestClock
  /** The PostgreSQL schema of its database (undefined on SQLite). */
  schema: string | undefined
  close(): Promise<void>
}

export interface BuildTestOptions {
  clock?: string
  demo?: boolean
  settings?: Partial<SiteSettings>
  /** As if SITE_URL were set (e.g. an https URL, for Secure cookies and HSTS). */
  siteUrl?: string
  /** The in-memory page cache is off in tests (they change the database behind the app's back) unless set. */
  pageCacheSeconds?: number
  /** As SHARED_CACHE_SECONDS: the s-maxage of public answers; absent: the default (60). */
  sharedCacheSeconds?: number
  /** 'postgres': events go through a LISTEN/NOTIFY bus (src/events/postgres-bus.ts), as in the server. */
  events?: 'in-process' | 'postgres'
  /**
   * Another app process on the same PostgreSQL schema as this one: no new schema, no migration or demo,
   * and close() leaves the schema to its owner.
   */
  sameDatabaseAs?: TestApp
  /** As TRUST_PROXY (src/config.ts): which proxies' X-Forwarded-For to believe. */
  trustProxy?: TrustProxy
  /** Requests per minute per client address; absent: no limits, as most tests send many requests from one address. */
  rateLimits?: RateLimitSettings
  /** The live newsfeed's limits and timings (src/plugins/live.ts). */
  live?: LiveOptions
  /** When to refuse with 503 (src/plugins/overload.ts); absent: never. */
  overload?: OverloadOptions
}

// A new PostgreSQL connection costs the server about 19 ms of CPU (a backend forked and set up), and a
// run opened about 1,500 of them, most for one test app each. The test apps of a process borrow from one
// pool instead; a connection gets the app's schema as its search_path when it comes from another schema's
// app (what `options=-c search_path=…` does for the server's own pool). Closing an app leaves the
// connections to the next. Nothing in src/ keeps session state on a pooled connection (LISTEN has its own).
let lendingPool: pg.Pool | null = null
const searchPathOf = new WeakMap<pg.PoolClient, string>()

/** A pool for one schema's test app, lending connections from the process's pool. */
function schemaPool(schema: string): PostgresPool {
  lendingPool ??= new pg.Pool({ connectionString: POSTGRES_URL, max: 16, idleTimeoutMillis: 30_000, allowExitOnIdle: true })
  const pool = lendingPool
  return {
    async connect() {
      const client = await pool.connect()
      if (searchPathOf.get(client) !== schema) {
        try {
          await client.query(`set search_path to "${schema}"`)
        } catch (error) {
          client.release(true)
          throw error
        }
        searchPathOf.set(client, schema)
      }
      return client
    },
    async end() {}
  }
}

/** A fresh, unmigrated database: in-memory SQLite, or a new PostgreSQL schema that dropSchema() removes. */
export async function openTestDatabase(dialect: DialectName) {
  if (dialect === 'sqlite') return { ...openDatabase({ kind: 'sqlite', path: ':memory:' }), schema: undefined, dropSchema: async () => {} }
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const opened = openPostgresOver(schemaPool(schema))
  return {
    ...opened,
    schema,
    dropSchema: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  }
}

/**
 * A migrated database (seeded with the demo at `key.demoAt` when set), copied from the run's template:
 * in-memory SQLite opened from the template's image, or a new PostgreSQL schema cloned from it.
 */
export async function openMigratedTestDatabase(dialect: DialectName, key: TemplateKey) {
  if (dialect === 'sqlite') {
    return { ...openDatabase({ kind: 'sqlite', path: ':memory:', image: await sqliteTemplateImage(key) }), schema: undefined, dropSchema: async () => {} }
  }
  const schema = await takePgCopy(key)
  return {
    ...openPostgresOver(schemaPool(schema)),
    schema,
    dropSchema: () => releasePgCopy(key, schema)
  }
}

export async function buildTestApp(dialect: DialectUnderTest, options: BuildTestOptions = {}): Promise<TestApp> {
  const shared = options.sameDatabaseAs
  if (shared && shared.schema === undefined) throw new Error('sameDatabaseAs needs a PostgreSQL test app')
  const clockStart = options.clock ?? DEMO_NOW
  const database = shared
    ? { ...openPostgresOver(schemaPool(shared.schema!)), schema: shared.schema, dropSchema: async () => {} }
    : await openMigratedTestDatabase(dialect.name, { demoAt: options.demo ? new Date(clockStart).toISOString() : null })
  const clock = fixedClock(clockStart)
  let bus: PostgresBus | null = null
  if (options.events === 'postgres') {
    if (database.schema === undefined) throw new Error('the PostgreSQL event bus needs a PostgreSQL test app')
    bus = postgresBus({ target: { kind: 'postgres', url: POSTGRES_URL!, schema: database.schema }, db: database.db })
    await bus.listening()
  }
  const deps: Deps = { db: database.db, dialect: database.dialect, clock, events: bus ?? inProcessBus(), siteUrlOverride: options.siteUrl ?? null }
  if (options.settings) await saveSettings(deps.db, options.settings)
  const app = await buildApp({ deps, pageCacheSeconds: options.pageCacheSeconds ?? 0, ...(options.sharedCacheSeconds !== undefined ? { sharedCacheSeconds: options.sharedCacheSeconds } : {}), ...(options.live ? { live: options.live } : {}), trustProxy: options.trustProxy ?? false, ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}), ...(options.overload ? { overload: options.overload } : {}) })
  await app.ready()
  // Apps opened on this one's schema (sameDatabaseAs) close before it drops the schema: dropping it
  // under a running app deadlocked with that app's queries, and the app, never closed, kept its
  // process (a whole test shard) alive.
  const dependents = new Set<TestApp>()
  let closing: Promise<void> | null = null
  const built: TestApp = {
    app, deps, clock, schema: database.schema,
    close() {
      closing ??= (async () => {
        await Promise.all([...dependents].map((d) => d.close()))
        await app.close()
        await bus?.close()
        await database.close()
        await database.dropSchema()
      })()
      return closing
    }
  }
  if (shared) dependentsOf.get(shared)?.add(built)
  dependentsOf.set(built, dependents)
  return built
}

const dependentsOf = new WeakMap<TestApp, Set<TestApp>>()

/** buildTestApp for one test, closed when the test ends. */
export async function build(t: TestContext, dialect: DialectUnderTest, options: BuildTestOptions = {}): Promise<TestApp> {
  const built = await buildTestApp(dialect, options)
  t.after(() => built.close())
  return built
}

/** URL-encodes a form body the way a browser does. */
export function form(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v)
  }
  return params.toString()
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' }
