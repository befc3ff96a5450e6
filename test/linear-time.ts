// The guard for "linear time on hostile input": the same work on an input of size n and of 4n, in one
// test, compared by ratio (never by duration: the machines are shared). Linear is 4, quadratic 16.
// Measurements interleave n and 4n so a burst of load hits both alike, leave out the collector's pauses
// (in a shard process full of other tests' objects one major collection can cost more than the work
// measured, and its cost follows the heap, not the input), keep the fastest run of each (other processes
// only ever add time), and a failing ratio is measured again, from a collected heap and with more runs,
// before it counts.
import assert from 'node:assert/strict'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

v8.setFlagsFromString('--expose-gc')
/** The engine's collector, reached without starting the process with --expose-gc. */
const collectGarbage = runInNewContext('gc') as () => void

/**
 * Milliseconds `run` took, less the garbage collector's pauses during it. The lesser of the wall time less
 * those pauses and the process's CPU time: on a loaded machine (CI runs browsers beside the shards, a load
 * of 15 on two cores) the process waits for a core for much of the wall time, and that wait follows the
 * load, not the input; the CPU time does not include it (it can include helper threads', so the wall time
 * caps it). The pauses are wall time, so they come off the wall time only: taken off the CPU time, a pause
 * stretched by waiting for a core took more than the collector's work off it, and the fastest of the runs
 * at n was then the one measured shortest by mistake (a ratio of 8.8 for linear work, seen on two busy cores).
 */
function timeMs(run: () => void, collectFirst: boolean): number {
  if (collectFirst) collectGarbage()
  const gc = new v8.GCProfiler()
  gc.start()
  const cpuBefore = process.cpuUsage()
  const start = process.hrtime.bigint()
  run()
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6
  const cpu = process.cpuUsage(cpuBefore)
  const cpuMs = (cpu.user + cpu.system) / 1000
  const pausedMs = gc.stop().statistics.reduce((sum, entry) => sum + entry.cost, 0) / 1000
  return Math.max(0, Math.min(elapsed - pausedMs, cpuMs))
}

/** The fastest of `runs` interleaved runs at n and at 4n, in milliseconds, after one warm-up run of each. */
export function measurePair<T>(work: (input: T) => unknown, small: T, large: T, runs = 5, collectFirst = false): { small: number, large: number } {
  work(small)
  work(large)
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < runs; i++) {
    a.push(timeMs(() => work(small), collectFirst))
    b.push(timeMs(() => work(large), collectFirst))
  }
  return { small: Math.min(...a), large: Math.min(...b) }
}

export interface LinearOptions {
  /** 4n may cost at most this many times n (8 leaves room for a busy machine; quadratic is 16). */
  maxRatio?: number
  /** Below this many milliseconds n is mostly timer noise: the ratio is taken against the floor. */
  floorMs?: number
}

/** Fails when `work` on `large` (4× `small`) costs more than maxRatio × its cost on `small`, three times over (the last two with more runs). */
export function assertLinearTime<T>(name: string, work: (input: T) => unknown, small: T, large: T, options: LinearOptions = {}): void {
  const maxRatio = options.maxRatio ?? 8
  const floorMs = options.floorMs ?? 2
  let last = { small: 0, large: 0 }
  for (const runs of [3, 9, 15]) {
    // Again from a collected heap each time: the CPU time counts a major collection (its cost follows the
    // shard's heap, not the input) that lands in a run.
    last = measurePair(work, small, large, runs, runs > 3)
    if (last.large <= maxRatio * Math.max(last.small, floorMs)) return
  }
  assert.fail(`${name}: ${last.small.toFixed(1)} ms at n, ${last.large.toFixed(1)} ms at 4n (${(last.large / Math.max(last.small, floorMs)).toFixed(1)}×; linear is 4)`)
}
