// Remembering the results of pure functions that pages call over and over with the same arguments
// (an instant in the site's zone, a format pattern). Bounded, so hostile or endless inputs cannot grow
// it: when full it starts again empty, which costs one recomputation per key and needs no bookkeeping
// on the hot path.

export interface Memo<V> {
  get(key: string, compute: () => V): V
}

export function boundedMemo<V>(max: number): Memo<V> {
  let values = new Map<string, V>()
  return {
    get(key, compute) {
      const known = values.get(key)
      if (known !== undefined) return known
      const value = compute()
      if (values.size >= max) values = new Map()
      values.set(key, value)
      return value
    }
  }
}
