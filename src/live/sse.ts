// One reader's server-sent-events stream: framing, heartbeats, and a bound on what a slow reader may
// leave buffered in this process.
import type { ServerResponse } from 'node:http'

/** A reader this far behind is cut off (it reconnects and replays from the log): memory stays bounded. */
const MAX_BUFFERED_BYTES = 256 * 1024

export interface SseMessage { id?: number, event?: string, data?: string }

/** The wire form of one message. `data` is one line (JSON) in everything Lede sends. */
export function formatSse(message: SseMessage): string {
  let text = ''
  if (message.id !== undefined) text += `id: ${message.id}\n`
  if (message.event !== undefined) text += `event: ${message.event}\n`
  for (const line of (message.data ?? '').split('\n')) text += `data: ${line}\n`
  return `${text}\n`
}

export class SseStream {
  readonly #res: ServerResponse
  #heartbeat: NodeJS.Timeout | null = null
  #closed = false
  readonly #onClose = new Set<() => void>()

  constructor(res: ServerResponse, heartbeatMs: number) {
    this.#res = res
    res.on('close', () => this.#finish())
    this.#heartbeat = setInterval(() => this.#write(': heartbeat\n\n'), heartbeatMs)
    this.#heartbeat.unref()
  }

  get closed(): boolean { return this.#closed }

  onClose(listener: () => void): void {
    if (this.#closed) listener()
    else this.#onClose.add(listener)
  }

  send(message: SseMessage): void {
    this.#write(formatSse(message))
  }

  /** Sends text already in wire form (see formatSse). */
  write(text: string): void {
    this.#write(text)
  }

  /** Ends the stream cleanly: the reader's EventSource reconnects (to another process when this one stops). */
  end(): void {
    if (this.#closed) return
    this.#res.end()
    this.#finish()
  }

  #write(text: string): void {
    if (this.#closed) return
    if (this.#res.writableLength > MAX_BUFFERED_BYTES) {
      this.#res.destroy()
      this.#finish()
      return
    }
    this.#res.write(text)
  }

  #finish(): void {
    if (this.#closed) return
    this.#closed = true
    if (this.#heartbeat) clearInterval(this.#heartbeat)
    for (const listener of this.#onClose) listener()
    this.#onClose.clear()
  }
}
