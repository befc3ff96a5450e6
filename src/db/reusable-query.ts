// Queries built and compiled once. Kysely builds a query's operation tree and compiles it to text on every
// call: for the short indexed reads a page makes (five on an article page) that cost about as much as the
// database's own work (tags of an article: 24 µs through the builder, 12 µs from a kept compilation, on
// SQLite). A reusable query is built once per engine with markers where its arguments go; each call copies
// the compiled parameters with the arguments in place and runs the same text through the same executor, so
// it still waits its turn for the connection, and SQLite's statement cache finds the statement prepared.
import { createQueryId, type CompiledQuery, type Compilable } from 'kysely'
import type { DbOrTrx } from './database.js'
import { engineOf } from './engine.js'

interface Template {
  compiled: CompiledQuery
  /** For each parameter: the argument it takes (its index), or -1 for a value the query fixed itself. */
  slots: number[]
}

/** Stands in for argument `index` while the query is built: a string no caller passes. */
const marker = (index: number) => `\u0000reusable-query-argument-${index}\u0000`

function templateOf(compiled: CompiledQuery, argumentCount: number): Template {
  const markers = Array.from({ length: argumentCount }, (_, i) => marker(i))
  const slots = compiled.parameters.map((value) => (typeof value === 'string' ? markers.indexOf(value) : -1))
  for (let i = 0; i < argumentCount; i++) {
    // A builder that branched on an argument, turned it into something else, or spliced it into the text
    // would be wrong for every later call: refuse it the first time.
    if (!slots.includes(i) || compiled.sql.includes(markers[i]!)) {
      throw new Error(`reusable query: argument ${i} must go into the query as a bound value, unchanged`)
    }
  }
  return { compiled, slots }
}

/**
 * A query function like `build`, whose arguments are values bound as they are (strings, numbers, ISO
 * instants), never branched on or transformed: `build` runs once per engine. Plugins on a handle (a test's
 * query counter) see queries only as Kysely builds them, so such a handle is served by `build` every time.
 */
export function reusableQuery<Args extends readonly (string | number)[], Row>(
  build: (db: DbOrTrx, ...args: Args) => Compilable<Row>
): (db: DbOrTrx, ...args: Args) => Promise<Row[]> {
  const templates = new Map<string, Template>()
  return async (db, ...args) => {
    if (db.getExecutor().plugins.length > 0) return (await db.executeQuery(build(db, ...args))).rows
    const engine = engineOf(db)
    let template = templates.get(engine)
    if (!template) {
      const markers = args.map((_, i) => marker(i)) as unknown as Args
      template = templateOf(build(db, ...markers).compile(), args.length)
      templates.set(engine, template)
    }
    const { compiled, slots } = template
    const parameters = slots.map((slot, i) => (slot === -1 ? compiled.parameters[i] : args[slot]))
    const { rows } = await db.executeQuery<Row>({ sql: compiled.sql, query: compiled.query, parameters, queryId: createQueryId() })
    return rows
  }
}
