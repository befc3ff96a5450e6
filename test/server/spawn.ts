// Runs the real server as a child process, for tests of the process itself: start-up, graceful shutdown,
// and crash recovery. These are the only tests that open ports. Under `npm test` it is the built server
// (dist/server.js, which the runner has just brought up to date), as operators run it; a file run on its
// own runs the sources through tsx.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface RunningServer {
  child: ChildProcess
  baseUrl: string
  port: number
  output: () => string
  exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
}

const SERVER_ARGS = process.env.LEDE_TEST_DIST_CURRENT === '1' ? ['dist/server.js'] : ['--import', 'tsx', 'src/server.ts']

export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(process.execPath, SERVER_ARGS, {
    // No 503s from a busy test machine's event-loop lag: tests must not depend on timing (overload has its own tests).
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production', OVERLOAD_EVENT_LOOP_DELAY_MS: '0', WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }))
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      // Keep the tail only: a server under load logs every request.
      output = (output + chunk.toString()).slice(-256 * 1024)
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        const port = Number(m[1])
        resolve({ child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (code ${code}, signal ${signal}) before listening:\n${output}`))
    })
  })
}

/** Environment for a server process on a fresh database of the given engine, and how to drop it. */
export async function freshDatabaseEnv(dialect: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>, sqlitePath?: string, pgSchema?: string, cleanup(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lede-server-'))
    const path = join(dir, 'lede.db')
    return { env: { DATABASE_PATH: path }, sqlitePath: path, cleanup: async () => {} }
  }
  const url = process.env.TEST_DATABASE_URL!
  const schema = `s_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const withSchema = new URL(url)
  withSchema.searchParams.set('options', `-c search_path=${schema}`)
  return {
    env: { DATABASE_URL: withSchema.toString() },
    pgSchema: schema,
    async cleanup() {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  }
}
