// Ids for rows about to be inserted together, known before the insert: a batch of comments needs each
// one's id for its thread path and for its replies' parent_id, and a batch of articles for their tags,
// revisions and audit rows. They are the ids the rows would have got inserted one by one, in order.
import { sql } from 'kysely'
import type { DbOrTrx } from './database.js'
import { isPostgres } from './engine.js'

/**
 * The next `n` ids of `table`, in ascending order. PostgreSQL takes them from the table's sequence (no
 * other session can get them). SQLite hands out max(ever used, present) + 1 (AUTOINCREMENT), and the
 * transaction's write lock (every transaction begins immediate) keeps other processes out: insert rows
 * with these ids before anything else inserts into `table` in the same transaction.
 */
export async function reserveIds(trx: DbOrTrx, table: 'articles' | 'comments', n: number): Promise<number[]> {
  if (n === 0) return []
  if (isPostgres(trx)) {
    const { rows } = await sql<{ id: number | string }>`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n})`.execute(trx)
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b)
  }
  if (!trx.isTransaction) throw new Error('reserveIds needs the transaction the rows are inserted in')
  const { rows } = await sql<{ next: number }>`select max(
    coalesce((select seq from sqlite_sequence where name = ${table}), 0),
    coalesce((select max(id) from ${sql.table(table)}), 0)) + 1 as next`.execute(trx)
  const next = Number(rows[0]!.next)
  return Array.from({ length: n }, (_, i) => next + i)
}
