// wrk (apt-get install wrk) as the benchmarks' load generator: a separate process, so the client's own
// work is not counted against the server's event loop. Also what the server processes kept in memory.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface WrkResult { rps: number, p50: string, p99: string, p99ms: number, errors: number }

/** Exits with a message naming the Debian package when a tool the benchmark needs is missing. */
export function requireTools(bench: string, tools: string[]): void {
  for (const tool of tools) {
    if (spawnSync('which', [tool]).status !== 0) { console.error(`${bench} needs ${tool} (apt-get install -y ${tool.replace(/.*\//, '')})`); process.exit(2) }
  }
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try { if ((await fetch(url)).ok) return } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${url} did not come up`)
}

/** A wrk Lua script that asks for the given paths in turn (wrk alone asks for one URL). */
export function rotatingPathsScript(paths: string[]): string {
  const file = join(tmpdir(), `lede-wrk-${process.pid}-${paths.length}-${Math.random().toString(36).slice(2)}.lua`)
  writeFileSync(file, `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
`)
  return file
}

function toMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text)
  if (!m) return NaN
  return Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[m[2]!]!
}

function parse(out: string): WrkResult {
  const pick = (re: RegExp) => re.exec(out)?.[1] ?? '?'
  const p99 = pick(/^\s+99%\s+(\S+)/m)
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: pick(/^\s+50%\s+(\S+)/m), p99, p99ms: toMs(p99),
    errors: Number(pick(/Non-2xx or 3xx responses:\s+(\d+)/).replace('?', '0')) + Number(pick(/Socket errors:.*timeout (\d+)/).replace('?', '0'))
  }
}

const ARGS = (connections: number, seconds: number, script?: string) => [
  '-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency', '-H', 'Accept-Encoding: gzip, deflate, br', ...(script ? ['-s', script] : [])
]

/** Loads `url` with keep-alive connections, asking for brotli as browsers do. */
export function wrk(url: string, connections: number, seconds: number, script?: string): WrkResult {
  return parse(spawnSync('wrk', [...ARGS(connections, seconds, script), url], { encoding: 'utf8' }).stdout)
}

/** The same, without blocking this process (it has other work to do meanwhile: posting, publishing). */
export function wrkInBackground(url: string, connections: number, seconds: number, script?: string): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', [...ARGS(connections, seconds, script), url], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString() })
    child.on('error', reject)
    child.on('exit', () => resolve(parse(out)))
  })
}

/** A process and its children (a cluster's workers), by pid. */
export function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    return [pid, ...children.flatMap(processTree)]
  } catch {
    return []
  }
}

/** The most resident memory each process has held since it started (VmHWM), in MB. */
export function peakMemoryMb(pids: number[]): number[] {
  return pids.flatMap((pid) => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
      return kb ? [Math.round(Number(kb) / 1024)] : []
    } catch {
      return []
    }
  })
}
