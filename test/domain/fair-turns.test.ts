import { test } from 'node:test'
import assert from 'node:assert/strict'
import { FairTurns, type TurnClock } from '../../src/domain/fair-turns.js'

/** A clock the test moves, and an event loop whose turns the test ends. */
function fakeLoop() {
  let now = 0
  let idle = 0
  let pending: (() => void)[] = []
  const failures: unknown[] = []
  const clock: TurnClock = {
    monotonicMs: () => now,
    idleMs: () => idle,
    nextTurn: (callback) => { pending.push(callback) },
    startFailed: (error) => { failures.push(error) }
  }
  return {
    clock,
    failures,
    advance(ms: number) { now += ms },
    /** The loop waits for I/O: time passes with nothing to do. */
    wait(ms: number) { now += ms; idle += ms },
    /** Ends the current turn: runs what was scheduled for it (not what that schedules in turn). */
    endTurn() {
      const due = pending
      pending = []
      for (const callback of due) callback()
    },
    get scheduled() { return pending.length }
  }
}

/** A request that costs `ms` of the loop's time when it starts, and notes its name. */
function request(loop: ReturnType<typeof fakeLoop>, started: string[], name: string, ms: number) {
  return () => {
    started.push(name)
    loop.advance(ms)
  }
}

test('requests start at once while the turn has budget left, then wait for the next turn in arrival order', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  for (const name of ['a', 'b', 'c', 'd', 'e']) turns.admit(request(loop, started, name, 2))
  // a (0–2 ms), b (2–4 ms), c (4–6 ms) start; at 6 ms the 5 ms budget is spent.
  assert.deepEqual(started, ['a', 'b', 'c'])
  assert.equal(turns.waiting, 2)
  assert.equal(loop.scheduled, 1, 'one end of turn is scheduled, however many requests wait')

  loop.endTurn()
  // The turn's cost, 6 ms for 3, moves the estimate towards 2 ms; the budget fits two of those.
  assert.deepEqual(started, ['a', 'b', 'c', 'd', 'e'])
  assert.equal(turns.waiting, 0)
})

test('a waiting queue is served before newcomers, even when the new turn has budget', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  turns.admit(request(loop, started, 'first', 6))
  turns.admit(request(loop, started, 'second', 1))
  assert.deepEqual(started, ['first'])
  loop.endTurn() // releases "second" and starts a new turn
  turns.admit(request(loop, started, 'third', 1))
  assert.deepEqual(started, ['first', 'second', 'third'])
})

test('at least one waiting request starts every turn, however costly requests have been', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  for (let i = 0; i < 4; i++) turns.admit(request(loop, started, `r${i}`, 50))
  assert.equal(started.length, 1)
  loop.endTurn()
  assert.equal(started.length, 2)
  loop.endTurn()
  assert.equal(started.length, 3)
  loop.endTurn()
  assert.equal(started.length, 4)
  assert.ok(turns.costEstimateMs > 10, `the estimate follows the cost (${turns.costEstimateMs} ms)`)
})

test('cheap requests are released many to a turn', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  // One slow request spends the budget; 100 cheap ones queue behind it.
  turns.admit(request(loop, started, 'slow', 10))
  for (let i = 0; i < 100; i++) turns.admit(request(loop, started, `cheap${i}`, 0.1))
  for (let turn = 0; turn < 12 && turns.waiting > 0; turn++) loop.endTurn()
  assert.equal(turns.waiting, 0, 'the queue drains in a dozen turns as the estimate falls to the cheap cost')
  assert.equal(started.length, 101)
})

test('a loop with time to spare schedules nothing: waiting for I/O begins a new turn', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  turns.admit(request(loop, started, 'first', 4))
  turns.admit(request(loop, started, 'second', 4))
  assert.deepEqual(started, ['first', 'second'], 'within the budget')
  loop.wait(1)
  // 8 ms of work since the turn began, but the loop has waited since: a new turn.
  turns.admit(request(loop, started, 'third', 4))
  assert.deepEqual(started, ['first', 'second', 'third'])
  assert.equal(loop.scheduled, 0, 'no end of turn was needed')
  assert.equal(turns.waiting, 0)
})

test('without a wait between them, turns of a saturated loop add up until the budget is spent', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  turns.admit(request(loop, started, 'a', 3))
  turns.admit(request(loop, started, 'b', 3))
  turns.admit(request(loop, started, 'c', 3))
  assert.deepEqual(started, ['a', 'b'])
  assert.equal(loop.scheduled, 1)
})

test('a start that throws does not strand the requests released with it', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  turns.admit(request(loop, started, 'slow', 10))
  turns.admit(() => { throw new Error('boom') })
  turns.admit(request(loop, started, 'after', 0.1))
  loop.endTurn()
  loop.endTurn()
  assert.deepEqual(started, ['slow', 'after'])
  assert.equal((loop.failures[0] as Error | undefined)?.message, 'boom')
})

test('the queue delay is how long the first in line has waited', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  assert.equal(turns.queueDelayMs(), 0)
  turns.admit(request(loop, started, 'slow', 10))
  turns.admit(request(loop, started, 'waits', 10))
  loop.advance(30)
  turns.admit(request(loop, started, 'later', 10))
  assert.equal(turns.queueDelayMs(), 30)
  loop.endTurn()
  assert.deepEqual(started, ['slow', 'waits'])
  assert.equal(turns.queueDelayMs(), 10, '"later" is first in line now, since 10 ms (the time "waits" took)')
})

test('a budget must be positive', () => {
  const loop = fakeLoop()
  assert.throws(() => new FairTurns(loop.clock, 0), /positive/)
  assert.throws(() => new FairTurns(loop.clock, Number.NaN), /positive/)
})

test('answers given outside the turns spend the turn\'s time but do not make its requests look costly', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  const started: string[] = []
  turns.admit(request(loop, started, 'render', 1))
  // The fast lane answers a flood of kept copies in the same turn: 20 ms of the loop's time.
  loop.advance(20)
  turns.servedOutside(20)
  for (let i = 0; i < 20; i++) turns.admit(request(loop, started, `r${i}`, 1))
  assert.deepEqual(started, ['render'], 'the turn\'s time is spent: the rest wait')
  loop.endTurn()
  // Measured without the lane's 20 ms, the one request cost 1 ms: the estimate falls from a quarter budget
  // towards 1 ms, and several start in the next turn instead of one.
  assert.ok(turns.costEstimateMs < 1.5, `the estimate is ${turns.costEstimateMs} ms`)
  assert.ok(started.length > 2, `${started.length - 1} started in the next turn`)
})

test('outside work with no turn under way changes nothing', () => {
  const loop = fakeLoop()
  const turns = new FairTurns(loop.clock, 5)
  turns.servedOutside(100)
  const started: string[] = []
  turns.admit(request(loop, started, 'a', 1))
  assert.deepEqual(started, ['a'])
})
