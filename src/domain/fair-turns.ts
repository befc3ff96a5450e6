// Requests take turns on a busy event loop, so that the loop comes back to its sockets every few
// milliseconds however many requests are waiting.
//
// Why: since libuv 1.45 (Node 20) a listening socket accepts ONE new connection per turn of the event loop
// (libuv PR #3696). A turn runs every request that has arrived on the open connections, so under load a turn
// lasts (open connections × a request's cost): 64 keep-alive clients on pages of 0.7 ms make 45 ms turns,
// and the 64th new connection of a burst was accepted 1.5 s after it knocked (bench/README.md, "New
// connections under load"). Readers of a breaking story arrive on new connections. With turns bounded to
// a budget, new connections are accepted within a budget or two, and waiting requests run in arrival order.
//
// A turn here: the requests started since the event loop last waited for I/O, or since the last turn's
// end. While a turn has spent less than its budget, requests start at once; after that they wait in a
// queue, and the turn's end is scheduled (`nextTurn`, setImmediate: after the loop's next pass over its
// sockets), where as many waiting requests start as the budget fits by their measured cost, at least one.
// A loop that waited for I/O since the turn began (its idle time grew) begins a new turn: so a process with
// time to spare pays no scheduling at all, only a clock read or two per request.
// Pure logic: the clocks and the scheduling are given, so the unit tests need no event loop.

export interface TurnClock {
  /** Milliseconds, monotonic. */
  monotonicMs(): number
  /** Milliseconds the event loop has spent waiting for I/O since it began; grows only while idle. */
  idleMs(): number
  /** Calls `callback` once, after the event loop's next pass over its sockets. */
  nextTurn(callback: () => void): void
  /** Told of a start that threw; the requests released with it still start. */
  startFailed(error: unknown): void
}

/** What a turn may spend before waiting requests are held for the next one. */
export const DEFAULT_TURN_BUDGET_MS = 3

export class FairTurns {
  readonly #budgetMs: number
  readonly #clock: TurnClock
  readonly #waiting: { start: () => void, since: number }[] = []
  #turnStartedAt: number | null = null
  #idleAtTurnStart = 0
  #startedThisTurn = 0
  /** Time this turn spent on answers given outside the turns (the page cache's fast lane). */
  #outsideMsThisTurn = 0
  #endScheduled = false
  /** A request's event-loop time, a moving average over finished turns; starts as a quarter budget. */
  #costMs: number

  constructor(clock: TurnClock, budgetMs = DEFAULT_TURN_BUDGET_MS) {
    if (!(budgetMs > 0)) throw new RangeError(`a turn's budget must be positive, not ${budgetMs}`)
    this.#clock = clock
    this.#budgetMs = budgetMs
    this.#costMs = budgetMs / 4
  }

  /** Requests held for a later turn. */
  get waiting(): number {
    return this.#waiting.length
  }

  /** How long the request first in line has waited, in milliseconds; 0 when nobody waits. */
  queueDelayMs(): number {
    const first = this.#waiting[0]
    return first ? this.#clock.monotonicMs() - first.since : 0
  }

  /** The moving average of a request's cost in milliseconds (for tests and diagnostics). */
  get costEstimateMs(): number {
    return this.#costMs
  }

  /**
   * Work done outside the turns (an answer the fast lane gave) counts against the turn's time, as any work
   * delays the next turn, but not in the estimate of what a request started here costs: otherwise a turn
   * full of cheap answers would make each request look expensive and one a turn would be let through.
   */
  servedOutside(ms: number): void {
    if (this.#turnStartedAt !== null) this.#outsideMsThisTurn += ms
  }

  /** Calls `start` now if this turn has time left and nobody is waiting; otherwise in a later turn, in arrival order. */
  admit(start: () => void): void {
    if (this.#waiting.length === 0 && this.#hasTimeLeft()) {
      this.#start(start)
      return
    }
    this.#waiting.push({ start, since: this.#clock.monotonicMs() })
    this.#scheduleEnd()
  }

  #hasTimeLeft(): boolean {
    if (this.#turnStartedAt === null) return true
    if (this.#clock.idleMs() !== this.#idleAtTurnStart) {
      // The loop has waited for I/O since this turn began: the turn is over, and this starts the next.
      this.#turnStartedAt = null
      return true
    }
    return this.#clock.monotonicMs() - this.#turnStartedAt < this.#budgetMs
  }

  #start(start: () => void): void {
    if (this.#turnStartedAt === null) {
      this.#turnStartedAt = this.#clock.monotonicMs()
      this.#idleAtTurnStart = this.#clock.idleMs()
      this.#startedThisTurn = 0
      this.#outsideMsThisTurn = 0
    }
    this.#startedThisTurn++
    try {
      start()
    } catch (error) {
      this.#clock.startFailed(error)
    }
  }

  #scheduleEnd(): void {
    if (this.#endScheduled) return
    this.#endScheduled = true
    this.#clock.nextTurn(() => this.#endTurn())
  }

  #endTurn(): void {
    this.#endScheduled = false
    if (this.#turnStartedAt !== null && this.#startedThisTurn > 0) {
      const perRequest = Math.max(0, this.#clock.monotonicMs() - this.#turnStartedAt - this.#outsideMsThisTurn) / this.#startedThisTurn
      this.#costMs = (this.#costMs + perRequest) / 2
    }
    this.#turnStartedAt = null
    // Released requests run one after another once this callback returns: as many as the budget fits.
    const fits = Math.max(1, Math.floor(this.#budgetMs / Math.max(this.#costMs, 0.001)))
    for (const { start } of this.#waiting.splice(0, fits)) this.#start(start)
    if (this.#waiting.length > 0) this.#scheduleEnd()
  }
}
