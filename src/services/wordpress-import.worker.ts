// The WordPress import's posts pass on its own thread (see wordpress-import-posts.ts): it reads the export
// from the chunks the writing thread hands over, prepares each post, and sends them on in small groups,
// pausing while too much prepared text waits to be written.
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { readWxr, type WxrItem } from '../domain/wxr-reader.js'
import {
  AHEAD_CHARS, AHEAD_ITEMS, ITEMS_PER_MESSAGE, preparePost, preparedChars, type FromWorker, type PreparedPost, type ToWorker
} from './wordpress-import-posts.js'

const port = parentPort!

// The writing thread is the import's bottleneck (and, in the server, the thread that answers readers),
// and this worker is idle half the time: when both want the same core, the writer should have it. On
// Linux a priority set for "process 0" applies to the calling thread alone (elsewhere to the whole
// process, so it is left alone there). 20,000 posts on SQLite, four alternating pairs: 8 % faster.
const WORKER_NICENESS = 10
if (process.platform === 'linux') {
  try { setPriority(WORKER_NICENESS) } catch { /* not permitted: the thread keeps the process's priority */ }
}
const send = (message: FromWorker) => port.postMessage(message)

const chunks: (string | Uint8Array)[] = []
let ended = false
let started = false
let ahead = { chars: 0, items: 0 }
let wake: (() => void) | null = null
const acked: number[] = []

port.on('message', (message: ToWorker) => {
  if (message.kind === 'start') { started = true; void run() } else if (message.kind === 'chunk') { chunks.push(message.chunk); asked = false } else if (message.kind === 'end') { ended = true; asked = false }
  else {
    ahead = { chars: ahead.chars - message.chars, items: ahead.items - (acked.shift() ?? 0) }
  }
  wake?.()
})

const waitForMessage = () => new Promise<void>((resolve) => { wake = () => { wake = null; resolve() } })

/** Whether a chunk has been asked for and has not come yet. */
let asked = false
const ask = () => {
  if (asked || ended || chunks.length > 0) return
  asked = true
  send({ kind: 'need' })
}

async function * input(): AsyncGenerator<string | Buffer> {
  for (;;) {
    ask()
    while (chunks.length === 0 && !ended) await waitForMessage()
    const chunk = chunks.shift()
    if (chunk === undefined) return
    // The next chunk is asked for before this one is parsed, so it is on its way meanwhile (the writing
    // thread reads it between its statements).
    ask()
    // Bytes arrive as a transferred Uint8Array: viewed as a Buffer, not copied.
    yield typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  }
}

async function run(): Promise<void> {
  if (!started) return
  let group: { item: WxrItem, prepared: PreparedPost | null }[] = []
  let groupChars = 0
  const flush = async () => {
    if (group.length === 0) return
    send({ kind: 'items', items: group, chars: groupChars })
    ahead = { chars: ahead.chars + groupChars, items: ahead.items + group.length }
    acked.push(group.length)
    group = []
    groupChars = 0
    while (ahead.chars > AHEAD_CHARS || ahead.items > AHEAD_ITEMS) await waitForMessage()
  }
  try {
    for await (const r of readWxr(input())) {
      if (r.kind !== 'item') continue
      const prepared = preparePost(r.item)
      group.push({ item: r.item, prepared })
      groupChars += preparedChars(r.item, prepared)
      if (group.length >= ITEMS_PER_MESSAGE || groupChars >= AHEAD_CHARS / 4) await flush()
    }
    await flush()
    send({ kind: 'done' })
  } catch (error) {
    send({ kind: 'error', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) })
  }
}
