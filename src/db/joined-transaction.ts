// A database handle whose transaction() joins a transaction already open instead of starting one. Service
// functions open their own transaction (createArticle, createUser); an import needs an article, its
// comments and its mapping row to commit or fail together, so it runs them on this handle inside its
// own transaction. Kysely refuses nested transaction() calls, and savepoints would add nothing here.
import type { Db, DbOrTrx } from './database.js'

export function joinedTransaction(trx: DbOrTrx): Db {
  const joined = {
    execute: <T>(fn: (t: DbOrTrx) => Promise<T>): Promise<T> => fn(trx),
    setIsolationLevel: () => joined,
    setAccessMode: () => joined
  }
  return new Proxy(trx, {
    get(target, property, receiver) {
      if (property === 'transaction') return () => joined
      const value: unknown = Reflect.get(target, property, receiver)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    }
  }) as Db
}
