// One per app process: keeps the live log in step with the event bus, and hands new log rows to the
// readers streaming from this process (GET /live). See docs/decisions/010-live-events.md.
//  - Every article or comment event heard (from this process or, on PostgreSQL, from the others) makes
//    the process log what changed (src/services/live-log.service.ts); the log's lock makes that once.
//  - After that, and every `pollMs` in case a notification was lost, it reads the log past its cursor
//    and fans the rows out to its subscribers: what any process logged reaches readers of all.
//  - A timer wakes it when the next scheduled story goes live; the claim in the database makes one
//    process announce it (and emit 'article.published', so every page cache drops its copies).
//  - Old rows are pruned; a reader who comes back after that is told to reload.
import type { LedeEvent } from '../events/bus.js'
import type { Deps } from '../services/deps.js'
import { liveEventsAfter, liveLogBounds, type LiveEventRow } from '../db/repositories/live.repository.js'
import { nextScheduledPublication } from '../db/repositories/articles.repository.js'
import { announceDueScheduled, baselineLiveLog, pruneLiveLog, syncLiveArticle } from '../services/live-log.service.js'
import { replayFrom } from '../domain/live-changes.js'

export interface LiveHubOptions {
  /** Safety net for lost notifications and rows logged by commands: read the log this often. */
  pollMs?: number
  /** Keep log rows this long; a reader away longer reloads the page. */
  keepMs?: number
  /** How often to prune. */
  pruneEveryMs?: number
  /**
   * Look for the next scheduled story at least this often: a story scheduled by a command, or by another
   * process whose notification was lost, still goes out on time, at most this late.
   */
  schedulerMaxWaitMs?: number
  /** At most this many rows are replayed to one reconnecting reader; beyond, it reloads. */
  maxReplay?: number
  /**
   * Whether this process prunes the log and announces scheduled stories: one worker of a cluster does
   * (server.ts), not all of them (the claims would keep it to once, but each would still query and lock).
   */
  periodic?: boolean
  log?: { warn(details: object, message: string): void }
}

export type Subscriber = (row: LiveEventRow) => void

export type Replay = { kind: 'current' } | { kind: 'reload' } | { kind: 'replay', rows: LiveEventRow[] }

/** Rows read from the log per query while catching up. */
const BATCH = 500

export class LiveHub {
  readonly #deps: Deps
  readonly #options: Required<Omit<LiveHubOptions, 'log'>>
  readonly #log: { warn(details: object, message: string): void }
  readonly #subscribers = new Map<string, Set<Subscriber>>()
  #cursor = 0
  #started = false
  #stopped = false
  #unsubscribe: (() => void) | null = null
  #timers = new Set<NodeJS.Timeout>()
  #schedulerTimer: NodeJS.Timeout | null = null
  /** Work on the log is done one piece at a time per process: it all takes the same lock anyway. */
  #queue: Promise<unknown> = Promise.resolve()
  #pendingArticles = new Set<number>()
  #pumping: Promise<void> | null = null
  #pumpAgain = false
  /** The scheduled time the timer was last set for, if any. */
  #target: string | null = null

  constructor(deps: Deps, options: LiveHubOptions = {}) {
    this.#deps = deps
    this.#options = {
      pollMs: options.pollMs ?? 2_000,
      keepMs: options.keepMs ?? 24 * 3_600_000,
      pruneEveryMs: options.pruneEveryMs ?? 3_600_000,
      schedulerMaxWaitMs: options.schedulerMaxWaitMs ?? 1_000,
      maxReplay: options.maxReplay ?? 1_000,
      periodic: options.periodic ?? true
    }
    this.#log = options.log ?? { warn: (details, message) => console.warn(`lede: ${message}`, details) }
  }

  /** The id of the newest row handed to subscribers. */
  get cursor(): number { return this.#cursor }

  async start(): Promise<void> {
    if (this.#started) return
    this.#started = true
    await baselineLiveLog(this.#deps)
    this.#cursor = (await liveLogBounds(this.#deps.db)).newest ?? 0
    this.#unsubscribe = this.#deps.events.on((event) => this.#heard(event))
    this.#every(this.#options.pollMs, () => this.pump())
    if (!this.#options.periodic) return
    this.#every(this.#options.pruneEveryMs, () => this.prune())
    void this.prune()
    void this.runScheduler()
  }

  /** Stops timers and listening, and waits for work in progress (the database closes next). */
  async stop(): Promise<void> {
    this.#stopped = true
    this.#unsubscribe?.()
    for (const timer of this.#timers) clearInterval(timer)
    if (this.#schedulerTimer) clearTimeout(this.#schedulerTimer)
    await this.#queue.catch(() => {})
    await this.#pumping?.catch(() => {})
  }

  subscribe(edition: string, subscriber: Subscriber): () => void {
    let set = this.#subscribers.get(edition)
    if (!set) this.#subscribers.set(edition, set = new Set())
    set.add(subscriber)
    return () => {
      set.delete(subscriber)
      if (set.size === 0 && this.#subscribers.get(edition) === set) this.#subscribers.delete(edition)
    }
  }

  /** What a reader coming back with `lastId` missed in its edition, from the database. */
  async replay(edition: string, lastId: number): Promise<Replay> {
    const { oldest, newest } = await liveLogBounds(this.#deps.db)
    const where = replayFrom(lastId, oldest, newest)
    if (where !== 'replay') return { kind: where }
    const rows = await liveEventsAfter(this.#deps.db, { afterId: lastId, edition, limit: this.#options.maxReplay + 1 })
    return rows.length > this.#options.maxReplay ? { kind: 'reload' } : { kind: 'replay', rows }
  }

  /** Resolves once the work queued so far is done and its rows handed out (for tests and benchmarks). */
  async idle(): Promise<void> {
    await this.#queue
    await this.pump()
  }

  /** Logs what changed of an article, then hands new rows out. */
  syncArticle(articleId: number): Promise<void> {
    if (this.#pendingArticles.has(articleId)) return this.#queue.then(() => {})
    this.#pendingArticles.add(articleId)
    return this.#enqueue(async () => {
      this.#pendingArticles.delete(articleId)
      await syncLiveArticle(this.#deps, articleId)
    })
  }

  /** Announces scheduled stories whose time has come (once across processes), then plans the next wake-up. */
  runScheduler(): Promise<void> {
    return this.#enqueue(async () => {
      const logged = await announceDueScheduled(this.#deps)
      // Only the process that logged the publication tells the others (and their page caches).
      for (const change of logged) {
        if (change.kind === 'published') this.#deps.events.emit({ type: 'article.published', articleId: change.articleId })
      }
    }).finally(() => this.#planScheduler())
  }

  async prune(): Promise<void> {
    await this.#enqueue(() => pruneLiveLog(this.#deps, this.#options.keepMs))
  }

  /** Reads the log past the cursor and hands the rows to subscribers of their edition. */
  pump(): Promise<void> {
    if (this.#pumping) {
      this.#pumpAgain = true
      return this.#pumping
    }
    this.#pumping = (async () => {
      do {
        this.#pumpAgain = false
        for (;;) {
          const rows = await liveEventsAfter(this.#deps.db, { afterId: this.#cursor, limit: BATCH })
          for (const row of rows) {
            this.#cursor = row.id
            for (const subscriber of this.#subscribers.get(row.edition) ?? []) {
              try {
                subscriber(row)
              } catch (error) {
                this.#log.warn({ err: error }, 'live: a subscriber failed')
              }
            }
          }
          if (rows.length < BATCH || this.#stopped) break
        }
      } while (this.#pumpAgain && !this.#stopped)
    })().catch((error: unknown) => {
      if (!this.#stopped) this.#log.warn({ err: error }, 'live: could not read the live log')
    }).finally(() => { this.#pumping = null })
    return this.#pumping
  }

  #heard(event: LedeEvent): void {
    if (this.#stopped) return
    switch (event.type) {
      case 'article.published':
      case 'article.updated':
      case 'article.unpublished':
        void this.syncArticle(event.articleId)
        // A story scheduled, rescheduled or unscheduled moves the next wake-up.
        this.#planScheduler()
        break
      case 'comment.approved':
      case 'comment.unapproved':
        void this.syncArticle(event.articleId)
        break
      default:
        break
    }
  }

  #enqueue(work: () => Promise<unknown>): Promise<void> {
    const run = this.#queue.then(async () => {
      if (this.#stopped) return
      try {
        await work()
      } catch (error) {
        if (!this.#stopped) this.#log.warn({ err: error }, 'live: could not update the live log')
      }
      await this.pump()
    })
    this.#queue = run
    return run
  }

  #every(ms: number, work: () => Promise<void>): void {
    const timer = setInterval(() => { void work() }, ms)
    timer.unref()
    this.#timers.add(timer)
  }

  #planScheduler(): void {
    if (this.#stopped || !this.#started || !this.#options.periodic) return
    const now = this.#deps.clock()
    nextScheduledPublication(this.#deps.db, now.toISOString()).then((next) => {
      if (this.#stopped) return
      // One cheap query a tick; the claim (announceDueScheduled) runs only when a story's time has come.
      let wait = next === null ? this.#options.schedulerMaxWaitMs : Math.min(this.#options.schedulerMaxWaitMs, Date.parse(next) - now.getTime() + 1)
      // Woken for this very time before and it has not come: the clock stands still (a test's) or went back.
      if (next !== null && next === this.#target && wait < 250) wait = 250
      this.#target = next
      if (this.#schedulerTimer) clearTimeout(this.#schedulerTimer)
      this.#schedulerTimer = setTimeout(() => {
        this.#schedulerTimer = null
        if (this.#target !== null && this.#target <= this.#deps.clock().toISOString()) void this.runScheduler()
        else this.#planScheduler()
      }, Math.max(0, wait))
      this.#schedulerTimer.unref()
    }, (error: unknown) => {
      if (this.#stopped) return
      this.#log.warn({ err: error }, 'live: could not read the next scheduled story')
      this.#schedulerTimer = setTimeout(() => { this.#schedulerTimer = null; this.#planScheduler() }, this.#options.schedulerMaxWaitMs)
      this.#schedulerTimer.unref()
    })
  }
}
