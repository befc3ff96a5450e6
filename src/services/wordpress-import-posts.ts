// The import's third pass reads a large file's posts on a worker thread (wordpress-import.worker.ts; a small
// file's are prepared in place, see PostReader), which also does
// each post's pure, costly work ahead of the writes: its content hash, its body rendered and sanitised
// (storedArticleBody's result, by storedImportedBody), its comments' HTML. Reading and rendering took
// about half of the writing thread's time; now the writing thread only looks up and writes, while the
// worker prepares the next posts on another core. What the worker computes is exactly what the writing
// thread would (the same functions on the same text, or cheaper ones tested to give the same result), so
// the rows are the same either way: the one-by-one import, which the tests compare with the fast one,
// renders it all the plain way, in place. Flow control keeps memory flat: the worker asks for the
// file a chunk at a time and stops reading while more than a bounded amount of prepared text waits.
import { Worker } from 'node:worker_threads'
import { storedImportedBody } from '../domain/wp-body-html.js'
import { importedCommentHtml } from '../domain/wp-comment-html.js'
import { wordpressContentToBody } from '../domain/wp-content.js'
import { readWxr, type WxrComment, type WxrItem } from '../domain/wxr-reader.js'
import { createHash } from 'node:crypto'

/** What is worked out for a post before it is written; each part absent when working it out failed (the writer then tries, and reports). */
export interface PreparedPost {
  hash: string
  bodySource?: string
  body?: { source: string, html: string }
  commentsHtml?: (string | null)[]
}

/** The post's prepared parts, for items read by the worker. */
const preparedPosts = new WeakMap<WxrItem, PreparedPost>()
/** A comment's HTML, when the worker rendered it. */
const preparedComments = new WeakMap<WxrComment, string>()

export const preparedOf = (item: WxrItem): PreparedPost | undefined => preparedPosts.get(item)
export const preparedCommentHtml = (comment: WxrComment): string | undefined => preparedComments.get(comment)

/** The content hash that tells whether a post changed in WordPress since it was imported. */
export const postHash = (item: WxrItem) => createHash('sha256').update(JSON.stringify({ ...item, comments: [] })).digest('hex')

const isPostItem = (item: WxrItem) => item.postId !== null && (item.postType === 'post' || item.postType === '')

/** The worker's work on one item (also what the writing thread does itself without a worker). */
export function preparePost(item: WxrItem): PreparedPost | null {
  if (!isPostItem(item)) return null
  const prepared: PreparedPost = { hash: postHash(item) }
  try {
    prepared.bodySource = wordpressContentToBody(item.content)
    prepared.body = storedImportedBody(prepared.bodySource)
  } catch { /* the writer renders it again and reports the failure where it always has */ }
  prepared.commentsHtml = item.comments.map((c) => {
    try { return importedCommentHtml(c.content) } catch { return null }
  })
  return prepared
}

/** Messages from the worker. */
export type FromWorker =
  | { kind: 'need' }
  | { kind: 'items', items: { item: WxrItem, prepared: PreparedPost | null }[], chars: number }
  | { kind: 'done' }
  | { kind: 'error', name: string, message: string }
/** Messages to the worker. */
export type ToWorker =
  | { kind: 'start' }
  | { kind: 'chunk', chunk: string | Uint8Array }
  | { kind: 'end' }
  | { kind: 'ack', chars: number }

/** Prepared text the worker may have sent ahead of what the writer has taken (two batches' worth at most). */
export const AHEAD_CHARS = 16 * 1024 * 1024
/** …and items: a batch of small posts is 100 (SQLite) or 200 (PostgreSQL). */
export const AHEAD_ITEMS = 400
/** Items sent to the writer in one message. */
export const ITEMS_PER_MESSAGE = 25

/** Roughly how much text an item holds with what was prepared for it. */
export const preparedChars = (item: WxrItem, p: PreparedPost | null) => 2 * (item.content.length + item.comments.reduce((n, c) => n + c.content.length, 0)) +
  (p?.body ? p.body.source.length + p.body.html.length : 0)

const WORKER_YOUNG_GENERATION_MB = 16

function startWorker(): Worker {
  const entry = new URL(`./wordpress-import.worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)
  // Its garbage is short-lived (a post's parse and render): a small young generation holds it, where V8's
  // default (48 MB) added 30 MB to the process's memory.
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { resourceLimits })
  // Run from source (tsx): a worker does not inherit tsx's loader, so it registers it first.
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`, { eval: true, resourceLimits })
}

/**
 * The worker for one posts pass, started ahead (its modules load while the first pass checks the rest of
 * the file) once the file has enough items to repay it: loading the worker's modules costs about 360 ms
 * of CPU from dist/ (more than a second from source), about what preparing a thousand posts in place
 * costs. `start` starts it (at most once); `items` reads the export on it, or prepares the posts in place
 * when it was not started; `close` ends it (whether or not it was used).
 */
export interface PostReader {
  start(): void
  items(source: () => AsyncIterable<string | Buffer>): AsyncGenerator<WxrItem>
  close(): Promise<void>
}

/** Items in the file from which the posts are prepared on a worker thread rather than in place. */
export const WORKER_FROM_ITEMS = 1000

export function postReader(options: { inPlace?: boolean } = {}): PostReader {
  let worker: Worker | null = null
  let started = false
  return {
    start() {
      if (started || options.inPlace) return
      started = true
      try { worker = startWorker() } catch { worker = null }
      // An unused worker must not keep the process alive, nor crash it; one that failed to start is
      // replaced by the same work in place.
      worker?.unref()
      worker?.on('error', () => { worker = null })
      worker?.on('exit', () => { worker = null })
    },
    async * items(source) {
      const running = worker
      if (!running) { yield * itemsInPlace(source()); return }
      let yielded = false
      try {
        for await (const item of itemsOnWorker(running, source())) {
          yielded = true
          yield item
        }
      } catch (error) {
        if (yielded || !(error instanceof WorkerFailure)) throw error
        yield * itemsInPlace(source())
      }
    },
    close: async () => { const w = worker; worker = null; if (w) await w.terminate() }
  }
}

/** The worker itself failed (not the file): before any item, the pass is done in place instead. */
class WorkerFailure extends Error {}

/** The posts pass without a worker: the same items, each prepared in place. */
async function * itemsInPlace(source: AsyncIterable<string | Buffer>): AsyncGenerator<WxrItem> {
  for await (const r of readWxr(source)) {
    if (r.kind !== 'item') continue
    remember(r.item, preparePost(r.item))
    yield r.item
  }
}

function remember(item: WxrItem, prepared: PreparedPost | null): void {
  if (!prepared) return
  preparedPosts.set(item, prepared)
  prepared.commentsHtml?.forEach((html, i) => { if (html !== null) preparedComments.set(item.comments[i]!, html) })
}

async function * itemsOnWorker(worker: Worker, source: AsyncIterable<string | Buffer>): AsyncGenerator<WxrItem> {
  const input = source[Symbol.asyncIterator]()
  const queue: FromWorker[] = []
  let wake: (() => void) | null = null
  let failed: Error | null = null
  const onMessage = (message: FromWorker) => {
    if (message.kind === 'need') { void feed(); return }
    queue.push(message)
    wake?.()
  }
  const onError = (error: Error) => { failed ??= new WorkerFailure(`the import worker failed: ${error.message}`); wake?.() }
  const onExit = () => { failed ??= new WorkerFailure('the import worker stopped'); wake?.() }
  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer)
  // The file is read here (the source may be an upload's stream) and handed over a chunk at a time.
  const feed = async () => {
    try {
      const next = await input.next()
      if (next.done) { send({ kind: 'end' }); return }
      const chunk = next.value
      if (typeof chunk === 'string') send({ kind: 'chunk', chunk })
      else {
        const copy = new Uint8Array(chunk)
        send({ kind: 'chunk', chunk: copy }, [copy.buffer])
      }
    } catch (error) {
      failed ??= error instanceof Error ? error : new Error(String(error))
      wake?.()
    }
  }
  worker.on('message', onMessage)
  worker.on('error', onError)
  worker.on('exit', onExit)
  worker.ref()
  try {
    send({ kind: 'start' })
    for (;;) {
      if (queue.length === 0 && !failed) await new Promise<void>((resolve) => { wake = resolve })
      wake = null
      if (failed) throw failed
      const message = queue.shift()!
      if (message.kind === 'done') return
      if (message.kind === 'error') throw Object.assign(new Error(message.message), { name: message.name })
      if (message.kind !== 'items') continue
      for (const { item, prepared } of message.items) {
        remember(item, prepared)
        yield item
      }
      send({ kind: 'ack', chars: message.chars })
    }
  } finally {
    worker.off('message', onMessage)
    worker.off('error', onError)
    worker.off('exit', onExit)
    worker.unref()
    await input.return?.()
  }
}
