// The Nu Html Checker (vnu.jar) as a local HTTP service: every check sends its pages to it and gets the
// same JSON messages the command line gives. scripts/run-tests.mjs starts one for the whole run and names
// it in LEDE_VNU_URL (a Java start and warm-up costs seconds of CPU, and the run's browser files are spread
// over several processes); a test process run on its own starts its own on the first check, and it stops
// when the process exits.
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'

const require = createRequire(import.meta.url)

export interface VnuMessage { type: string, url?: string, lastLine?: number, message: string }

let service: Promise<string> | null = null
let child: ChildProcess | null = null

/** A port nobody listens on now (the checker takes a port number, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function start(): Promise<string> {
  const shared = process.env.LEDE_VNU_URL
  if (shared) return answering(shared, new Promise<never>(() => {}), () => 'the run\'s shared checker (scripts/run-tests.mjs)')
  const port = await freePort()
  let output = ''
  child = spawn('java', ['-cp', require.resolve('vnu-jar/build/dist/vnu.jar'), 'nu.validator.servlet.Main', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.unref()
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4096) })
    // Readable streams would keep the process alive; the checker lives as long as the tests need it.
    ;(stream as unknown as { unref?: () => void }).unref?.()
  }
  const exited = new Promise<never>((_resolve, reject) => {
    child!.once('error', reject)
    child!.once('exit', (code) => reject(new Error(`the Nu Html Checker exited (${code}) before it answered:\n${output}`)))
  })
  process.once('exit', () => child?.kill())
  return answering(`http://127.0.0.1:${port}/`, exited, () => output)
}

/** Resolves to `url` once the checker there answers; rejects when `exited` does, or after 60 s. */
async function answering(url: string, exited: Promise<never>, output: () => string): Promise<string> {
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      const res = await Promise.race([fetch(url, { method: 'HEAD' }), exited])
      if (res.status < 500) return url
    } catch (error) {
      if (!(error instanceof TypeError)) throw error // not a refused connection: the checker failed
    }
    if (Date.now() > deadline) throw new Error(`the Nu Html Checker at ${url} did not answer within 60 s:\n${output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The checker's messages for one HTML document. */
export async function checkHtml(html: string): Promise<VnuMessage[]> {
  service ??= start()
  const url = await service
  const res = await fetch(`${url}?out=json`, { method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body: html })
  if (!res.ok) throw new Error(`the Nu Html Checker answered ${res.status}`)
  return ((await res.json()) as { messages: VnuMessage[] }).messages
}
