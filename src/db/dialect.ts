import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import {
  Kysely, PostgresDialect, SqliteDialect, sql,
  type DatabaseIntrospector, type PostgresPool, type DatabaseMetadata, type SchemaMetadata, type SqliteDatabase, type SqliteStatement, type TableMetadata
} from 'kysely'
import type { Database, DialectName } from './database.js'
import { SQLITE_UNICODE_LOWER, foldCase } from './text-match.js'

export type DatabaseTarget =
  /** `image`: open an in-memory copy of a serialised database instead of the file at `path`. */
  | { kind: 'sqlite', path: string, image?: Buffer }
  | { kind: 'postgres', url: string, schema?: string, poolSize?: number }

export interface OpenDatabase {
  db: Kysely<Database>
  dialect: DialectName
  close(): Promise<void>
  /** SQLite only: the whole database as bytes, which `image` opens again (a template copied per test). */
  serialize?: () => Buffer
}

// pg returns int8 (COUNT(*), bigserial) as strings; our counts and ids fit comfortably in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10))

/**
 * Kysely's PostgreSQL introspector reads every table of every schema and calls catalog functions on
 * them; when another schema is dropped meanwhile (parallel test files, a second site in the same
 * database) the query fails with "schema … does not exist". The migrator only needs table names, so
 * this introspector looks at the current schema alone and reads plain catalog columns.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db)
    return rows
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string, name: string, kind: string }>`
      select n.nspname as schema, c.relname as name, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(this.db)
    return rows.map((r) => ({ schema: r.schema, name: r.name, isView: r.kind === 'v', columns: [] }))
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() }
  }
}

class ScopedPostgresDialect extends PostgresDialect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db)
  }
}

/**
 * How to connect to PostgreSQL: the URL, and the schema as the connection's search_path when one is
 * given (otherwise the URL's own `options=-c search_path=…`, or the server's default, applies).
 * The pool and the event bus's LISTEN connection (src/events/postgres-bus.ts) both connect this way.
 */
export function postgresConnection(target: Extract<DatabaseTarget, { kind: 'postgres' }>): pg.ClientConfig {
  return { connectionString: target.url, ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}) }
}

export function openDatabase(target: DatabaseTarget): OpenDatabase {
  if (target.kind === 'postgres') return openPostgresOver(new pg.Pool({ ...postgresConnection(target), max: target.poolSize ?? 10 }))

  if (!target.image && target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true })
  const sqlite = new SQLite(target.image ?? target.path)
  // WAL lets readers go on while one writer commits; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Case-insensitive filters in every script (src/db/text-match.ts); SQLite's lower() knows ASCII only.
  sqlite.function(SQLITE_UNICODE_LOWER, { deterministic: true }, (value: unknown) => typeof value === 'string' ? foldCase(value) : value)
  dropStat4Samples(sqlite)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  return { db, dialect: 'sqlite', close: () => db.destroy(), serialize: () => sqlite.serialize() }
}

/**
 * PostgreSQL through a pool the caller provides, whose connections must already see the right schema.
 * Closing the database ends the pool. The tests lend one pool of connections to many schemas this way.
 */
export function openPostgresOver(pool: PostgresPool): OpenDatabase {
  const db = new Kysely<Database>({ dialect: new ScopedPostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}

/**
 * better-sqlite3 builds SQLite with STAT4, so an ANALYZE (run by an operator, `PRAGMA optimize`, or the
 * benchmarks' seed) also fills sqlite_stat4 with sample rows. When the planner consults those samples for a
 * bound parameter, SQLite recompiles the statement every time a new value is bound, which is every time
 * it runs: the statement cache below then saves nothing, and each page pays to plan its queries anew (the
 * uncached article page ran 1.5× faster without the samples). sqlite_stat1, the per-index averages that
 * are enough for Lede's indexed reads, is kept. See docs/decisions/017-sqlite-without-stat4-samples.md.
 */
export function dropStat4Samples(sqlite: SQLite.Database): void {
  try {
    const present = sqlite.prepare(`select 1 from sqlite_schema where type = 'table' and name = 'sqlite_stat4'`).get()
    if (!present || !sqlite.prepare('select 1 from sqlite_stat4 limit 1').get()) return
    sqlite.prepare('delete from sqlite_stat4').run()
    // Reloads the planner's statistics for this connection, which may have read them already.
    sqlite.prepare('analyze sqlite_schema').run()
  } catch {
    // A read-only file, or another process holding the write lock past busy_timeout: the samples stay, which
    // costs speed, not correctness; the next start tries again.
  }
}

/**
 * better-sqlite3 builds each row object through V8's C++ API, a property at a time, which costs more than
 * SQLite's own work on wide rows (a feed's 51 rows of 21 columns: 330 µs as objects, 180 µs as arrays turned
 * into objects here). A reading statement hands out arrays, and a function written for its columns makes
 * each object in one literal, so every row of a statement shares one shape. Column names come from our own
 * SQL; `__proto__`, which a literal would take as the prototype, keeps better-sqlite3's objects.
 */
function rowsBuiltInJs(statement: SQLite.Statement): SqliteStatement {
  if (!statement.reader) return statement
  const columnNames = () => statement.columns().map((column) => column.name)
  let names = columnNames()
  if (names.includes('__proto__')) return statement
  const rowMaker = (columns: string[]) =>
    // Each name goes in as a JSON string literal, so no name can be read as code.
    new Function('r', `return {${columns.map((name, i) => `${JSON.stringify(name)}: r[${i}]`).join(', ')}}`) as (row: unknown[]) => unknown
  let toObject = rowMaker(names)
  const raw = statement.raw(true)
  const fitted = (row: unknown[]) => {
    // SQLite re-prepares a statement another process's schema change touched; its columns may differ now.
    if (row.length !== names.length) {
      names = columnNames()
      toObject = rowMaker(names)
    }
    return toObject(row)
  }
  return {
    reader: true,
    all: (parameters) => (raw.all(parameters) as unknown[][]).map(fitted),
    run: (parameters) => statement.run(parameters),
    * iterate(parameters) {
      for (const row of raw.iterate(parameters) as IterableIterator<unknown[]>) yield fitted(row)
    }
  }
}

/** Statements kept per SQLite connection: every query the app writes, with room for IN-list variants. */
const STATEMENT_CACHE_SIZE = 500
/** Statements that change the schema: run once, and the statements prepared before them are dropped. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i

/**
 * Kysely's SqliteDialect prepares every query anew, and preparing costs more than running most of our
 * indexed reads. Queries are parameterised, so their SQL text repeats: this keeps the prepared statement
 * per SQL text (least recently used first out) and hands it out again. Safe because Kysely runs one
 * query at a time on its one connection (a mutex), so a statement is never in use twice at once. A
 * schema change empties the cache, so no statement outlives the table shape it was prepared for.
 */
export function withStatementCache(database: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close() {
      statements.clear()
      database.close()
    },
    prepare(kyselyText) {
      // Kysely opens transactions with a plain (deferred) "begin": a transaction that reads and then writes
      // fails at once with SQLITE_BUSY_SNAPSHOT when another process (a --workers sibling) wrote in between,
      // and busy_timeout cannot help. "begin immediate" takes the write lock first, waiting up to the
      // timeout; every transaction in Lede is there to write.
      const text = kyselyText === 'begin' ? 'begin immediate' : kyselyText
      const cached = statements.get(text)
      if (cached) {
        // Map keeps insertion order: re-inserting marks it as recently used.
        statements.delete(text)
        statements.set(text, cached)
        return cached
      }
      const statement = rowsBuiltInJs(database.prepare(text))
      if (SCHEMA_CHANGE.test(text)) {
        statements.clear()
        return statement
      }
      if (statements.size >= size) statements.delete(statements.keys().next().value!)
      statements.set(text, statement)
      return statement
    }
  }
}
