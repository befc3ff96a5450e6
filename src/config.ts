// Environment → typed configuration. A bad value stops start-up with a message naming the variable.
import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import type { DatabaseTarget } from './db/dialect.js'
import { DEFAULT_TURN_BUDGET_MS } from './domain/fair-turns.js'

export interface Config {
  host: string
  port: number
  database: DatabaseTarget
  /** Overrides the site URL stored in settings (useful behind a proxy or in production). */
  siteUrl: string | null
  /** Load demo content into an empty database on start. */
  seedDemo: boolean
  logLevel: string
  /** LOG_REQUEST_SAMPLE: write every answer (1), one successful answer in N, or only refusals, errors and slow ones (0). */
  requestLogSample: number
  /** WORKERS: app processes under one port (Node's cluster); default the number of cores. */
  workers: number
  /** HEAP_GROWTH_PERCENT: how far V8's heap may grow past its live size before a full collection (0: V8's own). */
  heapGrowthPercent: number
  /** TURN_BUDGET_MS: milliseconds of request work per turn of the event loop before requests queue (0: no turns). */
  turnBudgetMs: number
  /** OVERLOAD_EVENT_LOOP_DELAY_MS and OVERLOAD_RSS_MB: past either, requests get 503 (0: no limit). */
  overload: { maxEventLoopDelayMs: number, maxRssBytes: number }
  /**
   * Which proxies' X-Forwarded-For is believed: false (none), how many hops in front of Lede, or their
   * addresses and CIDR ranges. Never "all": the leftmost entry is whatever the client wrote.
   */
  trustProxy: TrustProxy
  /** Seconds a rendered public page may be served from memory; 0 turns the cache off. */
  pageCacheSeconds: number
  /** SHARED_CACHE_SECONDS: s-maxage of public answers, for nginx or a CDN in front (docs/deploy.md). */
  sharedCacheSeconds: number
  /** Requests per minute per client address (src/plugins/rate-limits.ts). */
  rateLimits: RateLimitSettings
  /** Poll the wire desk's sources inside this process (src/wire/poller.ts). */
  wirePoller: boolean
  /** Open live-update streams (GET /live) allowed per client address, and in this process. */
  liveMaxPerAddress: number
  liveMaxConnections: number
}

export type TrustProxy = false | number | string[]

export type RateLimitGroup = 'search' | 'comments' | 'login' | 'timingToken' | 'api'

/** Requests per minute per client address for each group; 0 turns a group's limit off. */
export type RateLimitSettings = Record<RateLimitGroup, number>

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  // A reader refining a query types a few a minute; a scraper paging through results types hundreds.
  search: 30,
  // The database's flood control already allows one comment per 15 seconds; this stops the attempts
  // themselves (each one validates and queries) long before they pile up.
  comments: 10,
  // The accounts' own throttle counts failures per account and address in the database; this bounds the tries.
  login: 10,
  // One per article page a reader opens with JavaScript on.
  timingToken: 30,
  // An aggregator polling a handful of endpoints each minute stays far below this.
  api: 300
}

/** The environment variable of each group's limit. */
const RATE_LIMIT_VARIABLES: Record<RateLimitGroup, string> = {
  search: 'RATE_LIMIT_SEARCH', comments: 'RATE_LIMIT_COMMENTS', login: 'RATE_LIMIT_LOGIN', timingToken: 'RATE_LIMIT_TIMING_TOKEN', api: 'RATE_LIMIT_API'
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  if (/^(1|true|yes|on)$/i.test(value)) return true
  if (/^(0|false|no|off)$/i.test(value)) return false
  throw new ConfigError(`${name} must be true or false, got "${value}"`)
}

/** The names proxy-addr (Fastify's trust rule) knows for whole private ranges. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal']
/** More proxies than this in a row is a typo, not a topology. */
const MAX_PROXY_HOPS = 10

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true
  const slash = entry.indexOf('/')
  if (slash === -1) return isIP(entry) !== 0
  const family = isIP(entry.slice(0, slash))
  const bits = entry.slice(slash + 1)
  return family !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

/** TRUST_PROXY: unset or false, a hop count, or a comma-separated list of addresses and CIDR ranges. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim()
  if (text === '' || /^(0|false|no|off)$/i.test(text)) return false
  if (/^(true|yes|on)$/i.test(text)) {
    throw new ConfigError(`TRUST_PROXY=${text} would believe every X-Forwarded-For entry, and the leftmost is whatever the client wrote. ` +
      'Write how many proxies stand in front of Lede (TRUST_PROXY=1 for one nginx) or their addresses (TRUST_PROXY=127.0.0.1,10.0.0.0/8)')
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops > MAX_PROXY_HOPS) throw new ConfigError(`TRUST_PROXY must be a number of proxy hops from 1 to ${MAX_PROXY_HOPS}, got "${value}"`)
    return hops
  }
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')
  const bad = entries.find((entry) => !isAddressOrRange(entry))
  if (bad !== undefined || entries.length === 0) {
    throw new ConfigError(`TRUST_PROXY must be false, a number of proxy hops (1) or proxy addresses and CIDR ranges separated by commas ` +
      `(127.0.0.1,10.0.0.0/8); "${bad ?? value}" is none of these`)
  }
  return entries
}

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`)
  return n
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`)

  let database: DatabaseTarget
  const url = env.DATABASE_URL
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(`DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database), got "${url}"`)
    const poolSize = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : 10
    if (!Number.isInteger(poolSize) || poolSize < 1) throw new ConfigError(`DATABASE_POOL_SIZE must be a whole number above 0, got "${env.DATABASE_POOL_SIZE}"`)
    database = { kind: 'postgres', url, poolSize }
  } else {
    database = { kind: 'sqlite', path: resolve(env.DATABASE_PATH || './data/lede.db') }
  }

  const siteUrl = env.SITE_URL ? env.SITE_URL.replace(/\/+$/, '') : null
  if (siteUrl !== null) {
    let parsed: URL
    try {
      parsed = new URL(siteUrl)
    } catch {
      throw new ConfigError(`SITE_URL must be an absolute http(s) URL like https://news.example.com, got "${env.SITE_URL}"`)
    }
    if (!/^https?:$/.test(parsed.protocol)) throw new ConfigError(`SITE_URL must start with http:// or https://, got "${env.SITE_URL}"`)
  }

  const logLevel = env.LOG_LEVEL || 'info'
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`)

  const workers = wholeNumber('WORKERS', env.WORKERS, availableParallelism(), 1, 256)
  const requestLogSample = wholeNumber('LOG_REQUEST_SAMPLE', env.LOG_REQUEST_SAMPLE, 1, 0, 1_000_000)

  const overload = {
    maxEventLoopDelayMs: wholeNumber('OVERLOAD_EVENT_LOOP_DELAY_MS', env.OVERLOAD_EVENT_LOOP_DELAY_MS, 1000, 0, 60_000),
    maxRssBytes: wholeNumber('OVERLOAD_RSS_MB', env.OVERLOAD_RSS_MB, 0, 0, 1_000_000) * 1024 * 1024
  }

  const pageCacheSeconds = env.PAGE_CACHE_SECONDS === undefined || env.PAGE_CACHE_SECONDS === '' ? 30 : Number(env.PAGE_CACHE_SECONDS)
  if (!Number.isInteger(pageCacheSeconds) || pageCacheSeconds < 0 || pageCacheSeconds > 3600) {
    throw new ConfigError(`PAGE_CACHE_SECONDS must be a whole number from 0 (off) to 3600, got "${env.PAGE_CACHE_SECONDS}"`)
  }

  const sharedCacheSeconds = wholeNumber('SHARED_CACHE_SECONDS', env.SHARED_CACHE_SECONDS, 60, 0, 86_400)

  const rateLimits = { ...DEFAULT_RATE_LIMITS }
  for (const [group, name] of Object.entries(RATE_LIMIT_VARIABLES) as [RateLimitGroup, string][]) {
    const value = env[name]
    if (value === undefined || value === '') continue
    if (!/^\d{1,6}$/.test(value)) throw new ConfigError(`${name} must be a whole number of requests per minute per client address (0: no limit), got "${value}"`)
    rateLimits[group] = Number(value)
  }

  const liveMaxPerAddress = wholeNumber('LIVE_MAX_PER_ADDRESS', env.LIVE_MAX_PER_ADDRESS, 20, 1, 10_000)
  const liveMaxConnections = wholeNumber('LIVE_MAX_CONNECTIONS', env.LIVE_MAX_CONNECTIONS, 10_000, 0, 1_000_000)

  return {
    pageCacheSeconds,
    sharedCacheSeconds,
    rateLimits,
    liveMaxPerAddress,
    liveMaxConnections,
    host: env.HOST || 'localhost',
    port,
    database,
    siteUrl,
    seedDemo: bool('SEED_DEMO', env.SEED_DEMO, true),
    logLevel,
    requestLogSample,
    workers,
    heapGrowthPercent: wholeNumber('HEAP_GROWTH_PERCENT', env.HEAP_GROWTH_PERCENT, 50, 0, 1000),
    turnBudgetMs: wholeNumber('TURN_BUDGET_MS', env.TURN_BUDGET_MS, DEFAULT_TURN_BUDGET_MS, 0, 1000),
    overload,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    wirePoller: bool('WIRE_POLLER', env.WIRE_POLLER, true)
  }
}
