// Multi-row inserts of plain values, compiled here instead of by Kysely's query builder. Kysely builds an
// operation tree node for every value of every row and then compiles it to text, which for an import's
// batch (150 comments, 200 mapping rows, 100 old URLs) cost about as much as SQLite's executing the
// statement. The text here depends only on the table, columns, row count and engine, so it is built once
// and kept (and SQLite's statement cache then finds the statement prepared). Values are bound as
// parameters, as Kysely binds them; nothing here is ever spliced into the text but the names given by code.
//
// PostgreSQL parses and plans a VALUES list expression by expression: 600 comments of ten columns bound
// as 6,000 parameters cost it 53–66 µs a row, more than maintaining the table's seven indexes. The same
// rows sent as one JSON array and expanded by json_populate_recordset (which types each field by the
// table's own column) cost 22–28 µs a row (bench/README.md). Values that JSON cannot carry as they are
// (bytes, non-finite numbers) go the VALUES way; a string with a lone surrogate is sent as UTF-8 would carry it (U+FFFD).
import { CompiledQuery } from 'kysely'
import type { DbOrTrx } from './database.js'
import { chunksFor } from './chunks.js'
import { engineOf } from './engine.js'

const texts = new Map<string, string>()
/** Statement texts kept: one per table, column list, row count and engine (a few dozen in an import). */
const MAX_TEXTS = 200

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The statement text kept under `key`, built by `build` the first time. */
function keptText(key: string, build: () => string): string {
  let text = texts.get(key)
  if (text !== undefined) return text
  text = build()
  if (texts.size >= MAX_TEXTS) texts.delete(texts.keys().next().value!)
  texts.set(key, text)
  return text
}

function valuesText(engine: string, table: string, columns: readonly string[], rows: number, suffix: string): string {
  return keptText(`${engine}\u0000${table}\u0000${columns.join('\u0000')}\u0000${rows}\u0000${suffix}`, () => {
    const tuples: string[] = []
    let n = 0
    for (let r = 0; r < rows; r++) {
      const marks: string[] = []
      for (let c = 0; c < columns.length; c++) marks.push(engine === 'postgres' ? `$${++n}` : '?')
      tuples.push(`(${marks.join(', ')})`)
    }
    return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`
  })
}

/**
 * Inserts `rows` (each the values of `columns`, in that order) a few hundred to a statement, in the order
 * given. `suffix` is a fixed clause written by the caller (an `on conflict …`, a `returning …`); the rows
 * a `returning` clause gives back are returned, in no particular order.
 */
export async function insertRows<R = never>(db: DbOrTrx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<R[]> {
  const engine = engineOf(db)
  const returned: R[] = []
  if (engine === 'postgres' && rows.every(jsonCarries)) {
    for (const chunk of chunksFor(rows, columns.length)) {
      returned.push(...(await db.executeQuery<R>(CompiledQuery.raw(jsonInsertText(table, columns, suffix), [jsonRows(columns, chunk)]))).rows)
    }
    return returned
  }
  for (const chunk of chunksFor(rows, columns.length)) {
    const parameters: unknown[] = []
    for (const row of chunk) for (const value of row) parameters.push(value)
    returned.push(...(await db.executeQuery<R>(CompiledQuery.raw(valuesText(engine, table, columns, chunk.length, suffix), parameters))).rows)
  }
  return returned
}

/** Whether JSON carries every value of the row as the VALUES form would bind it. */
const jsonCarries = (row: readonly unknown[]) => row.every((v) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))

/** ES2024's string methods (Node 20 has them; the ES2023 library the build targets does not name them). */
type Es2024String = string & { isWellFormed(): boolean, toWellFormed(): string }

function jsonInsertText(table: string, columns: readonly string[], suffix: string): string {
  return keptText(`json\u0000${table}\u0000${columns.join('\u0000')}\u0000${suffix}`, () => {
    const list = columns.map(quote).join(', ')
    return `insert into ${quote(table)} (${list}) select ${list} from json_populate_recordset(null::${quote(table)}, $1::json)${suffix ? ` ${suffix}` : ''}`
  })
}

/** The rows as a JSON array of objects keyed by column. */
function jsonRows(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const objects = rows.map((row) => {
    const object: Record<string, unknown> = {}
    columns.forEach((column, i) => {
      const value = row[i]
      // PostgreSQL's JSON refuses the escape JSON.stringify writes for a lone surrogate.
      object[column] = typeof value === 'string' && !(value as Es2024String).isWellFormed() ? (value as Es2024String).toWellFormed() : value
    })
    return object
  })
  return JSON.stringify(objects)
}
