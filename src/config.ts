// Environment → typed configuration. A bad value stops start-up with a message naming the variable.
import { resolve } from 'node:path'
import type { DatabaseTarget } from './db/dialect.js'

export interface Config {
  host: string
  port: number
  database: DatabaseTarget
  /** Overrides the site URL stored in settings (useful behind a proxy or in production). */
  siteUrl: string | null
  /** Load demo content into an empty database on start. */
  seedDemo: boolean
  logLevel: string
  trustProxy: boolean
  /** Seconds a rendered public page may be served from memory; 0 turns the cache off. */
  pageCacheSeconds: number
  /** Open live-update streams (GET /live) allowed per client address, and in this process. */
  liveMaxPerAddress: number
  liveMaxConnections: number
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  if (/^(1|true|yes|on)$/i.test(value)) return true
  if (/^(0|false|no|off)$/i.test(value)) return false
  throw new ConfigError(`${name} must be true or false, got "${value}"`)
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

  const pageCacheSeconds = env.PAGE_CACHE_SECONDS === undefined || env.PAGE_CACHE_SECONDS === '' ? 30 : Number(env.PAGE_CACHE_SECONDS)
  if (!Number.isInteger(pageCacheSeconds) || pageCacheSeconds < 0 || pageCacheSeconds > 3600) {
    throw new ConfigError(`PAGE_CACHE_SECONDS must be a whole number from 0 (off) to 3600, got "${env.PAGE_CACHE_SECONDS}"`)
  }

  const liveMaxPerAddress = wholeNumber('LIVE_MAX_PER_ADDRESS', env.LIVE_MAX_PER_ADDRESS, 20, 1, 10_000)
  const liveMaxConnections = wholeNumber('LIVE_MAX_CONNECTIONS', env.LIVE_MAX_CONNECTIONS, 10_000, 0, 1_000_000)

  return {
    pageCacheSeconds,
    liveMaxPerAddress,
    liveMaxConnections,
    host: env.HOST || 'localhost',
    port,
    database,
    siteUrl,
    seedDemo: bool('SEED_DEMO', env.SEED_DEMO, true),
    logLevel,
    trustProxy: bool('TRUST_PROXY', env.TRUST_PROXY, false)
  }
}
