// How many live streams one client address, and the whole process, may hold open. A stream costs a
// socket and a little memory for hours, so unlike a page request it is counted while it lasts.
export interface ConnectionLimitsOptions { maxPerAddress: number, maxTotal: number }

export class ConnectionLimits {
  readonly #byAddress = new Map<string, number>()
  #total = 0
  readonly #options: ConnectionLimitsOptions

  constructor(options: ConnectionLimitsOptions) {
    this.#options = options
  }

  get total(): number { return this.#total }

  /** Takes a place for `address`, or says which limit is reached. The returned release is idempotent. */
  acquire(address: string): { release: () => void } | 'address' | 'total' {
    if (this.#total >= this.#options.maxTotal) return 'total'
    const held = this.#byAddress.get(address) ?? 0
    if (held >= this.#options.maxPerAddress) return 'address'
    this.#byAddress.set(address, held + 1)
    this.#total++
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        this.#total--
        const now = (this.#byAddress.get(address) ?? 1) - 1
        if (now === 0) this.#byAddress.delete(address)
        else this.#byAddress.set(address, now)
      }
    }
  }
}
