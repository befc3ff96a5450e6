// Migrating a database and seeding the demo costs about a second on SQLite and several on PostgreSQL;
// most tests want exactly that database. So each engine builds it once per test run (a "template"), and
// every test gets a copy: SQLite deserialises the template's image, PostgreSQL clones the template schema
// (its DDL through pg_dump, its rows with INSERT … SELECT, its constraints and indexes after the rows).
//
// A template is keyed by what makes it differ: migrated only, or migrated and seeded with the demo at a
// given clock. `npm test` (scripts/run-tests.mjs) gives every test process the same LEDE_TEST_RUN_ID and
// folder, so the first process to need a template builds it and the others copy it; the runner removes
// them all at the end. A test file run on its own builds its templates for itself and drops them on exit.
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { openDatabase, type OpenDatabase } from '../src/db/dialect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { inProcessBus } from '../src/events/bus.js'
import { seedDemoContent } from '../src/services/demo.service.js'
import type { Deps } from '../src/services/deps.js'

export interface TemplateKey {
  /** Seeded with the demo content at this clock (the demo's "today" depends on it), or migrated only. */
  demoAt: string | null
}

const RUN_ID = process.env.LEDE_TEST_RUN_ID ?? randomBytes(4).toString('hex')
const OWN_RUN = process.env.LEDE_TEST_RUN_ID === undefined
const SQLITE_DIR = process.env.LEDE_TEST_TEMPLATE_DIR ?? join(tmpdir(), `lede-templates-${RUN_ID}`)

function keyName(key: TemplateKey): string {
  return key.demoAt === null ? 'migrated' : `demo_${createHash('sha256').update(key.demoAt).digest('hex').slice(0, 10)}`
}

async function fill(opened: OpenDatabase, key: TemplateKey): Promise<void> {
  await migrateToLatest(opened.db)
  if (key.demoAt === null) return
  const demoNow = new Date(key.demoAt)
  const deps: Deps = { db: opened.db, dialect: opened.dialect, clock: () => new Date(demoNow.getTime()), events: inProcessBus(), siteUrlOverride: null }
  await seedDemoContent(deps)
}

// ---- SQLite: a serialised image in memory, shared across processes as a file ----

const sqliteImages = new Map<string, Promise<Buffer>>()

/** The template's SQLite image: read from the run's folder, or built (and left there for the other processes). */
export function sqliteTemplateImage(key: TemplateKey): Promise<Buffer> {
  const name = keyName(key)
  let image = sqliteImages.get(name)
  if (!image) {
    image = (async () => {
      const file = join(SQLITE_DIR, `${name}.sqlite`)
      if (existsSync(file)) return readFileSync(file)
      const opened = openDatabase({ kind: 'sqlite', path: ':memory:' })
      try {
        await fill(opened, key)
        const bytes = opened.serialize!()
        mkdirSync(SQLITE_DIR, { recursive: true })
        // Written aside and renamed, so a process never reads a half-written image.
        const partial = `${file}.${process.pid}.partial`
        writeFileSync(partial, bytes)
        renameSync(partial, file)
        return bytes
      } finally {
        await opened.close()
      }
    })()
    sqliteImages.set(name, image)
  }
  return image
}

// ---- PostgreSQL: a template schema, cloned per test ----

const POSTGRES_URL = process.env.TEST_DATABASE_URL
const execFileAsync = promisify(execFile)
const pgTemplates = new Map<string, Promise<PgTemplate>>()
const createdHere: string[] = []

interface PgTemplate {
  schema: string
  /** Tables, sequences and functions, written for the placeholder schema name. */
  preData: string
  /** Constraints, indexes and triggers, added once the rows are in. */
  postData: string
  /** INSERT … SELECT per table (generated columns left out), then the sequences' positions. */
  copyRows: string
  /** Empties every table of a copy (DELETE: TRUNCATE's new files cost a hundred times more), for the placeholder schema name. */
  emptyTables: string
}

const PLACEHOLDER = '__lede_clone_target__'

// The templates' own work goes through one small pool per process. A new connection costs PostgreSQL
// about 20 ms of CPU (a backend started, its caches filled: 200 connections doing `select 1` here), and
// taking and giving back a copy used to open one each, twice per test on PostgreSQL.
let templatesPool: pg.Pool | null = null

async function withClient<T>(fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  templatesPool ??= new pg.Pool({ connectionString: POSTGRES_URL, max: 2, allowExitOnIdle: true })
  const client = await templatesPool.connect()
  let done = false
  try {
    const result = await fn(client)
    done = true
    return result
  } finally {
    // A connection whose work failed (perhaps inside a transaction) is closed rather than reused.
    client.release(!done)
  }
}

async function dumpSection(schema: string, section: 'pre-data' | 'post-data'): Promise<string> {
  const { stdout } = await execFileAsync('pg_dump', ['--schema-only', `--section=${section}`, '--no-owner', '--no-privileges', `--schema=${schema}`, '--dbname', POSTGRES_URL!], { maxBuffer: 64 * 1024 * 1024 })
  return stdout
    .split('\n')
    // psql meta-commands (pg_dump 15.14+ writes \restrict and \unrestrict) and the search_path reset are
    // for psql sessions; the clone runs the plain SQL on its own connection.
    .filter((line) => !line.startsWith('\\') && !line.includes("set_config('search_path'"))
    .join('\n')
    .replaceAll(`${schema}.`, `${PLACEHOLDER}.`)
    .replaceAll(`SCHEMA ${schema}`, `SCHEMA ${PLACEHOLDER}`)
}

async function rowCopyStatements(client: pg.ClientBase, schema: string): Promise<{ copyRows: string, emptyTables: string }> {
  const { rows: columns } = await client.query<{ table_name: string, column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = $1 and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
      order by c.table_name, c.ordinal_position`, [schema])
  const byTable = new Map<string, string[]>()
  for (const { table_name: table, column_name: column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`])
  const statements = [...byTable].map(([table, cols]) =>
    `insert into ${PLACEHOLDER}."${table}" (${cols.join(', ')}) overriding system value select ${cols.join(', ')} from "${schema}"."${table}";`)
  const { rows: sequences } = await client.query<{ name: string }>(`select sequencename as name from pg_sequences where schemaname = $1`, [schema])
  for (const { name } of sequences) {
    statements.push(`select setval('${PLACEHOLDER}."${name}"', last_value, is_called) from "${schema}"."${name}";`)
  }
  return { copyRows: statements.join('\n'), emptyTables: [...byTable.keys()].map((table) => `delete from ${PLACEHOLDER}."${table}";`).join('\n') }
}

function pgTemplate(key: TemplateKey): Promise<PgTemplate> {
  const name = keyName(key)
  let template = pgTemplates.get(name)
  if (!template) {
    template = (async () => {
      const schema = `lede_tpl_${RUN_ID}_${name}`
      await withClient(async (client) => {
        // One process builds it; the others wait on the lock, then find it ready.
        await client.query('select pg_advisory_lock(hashtext($1))', [schema])
        try {
          const { rows } = await client.query(`select obj_description(oid, 'pg_namespace') as ready from pg_namespace where nspname = $1`, [schema])
          if (rows[0]?.ready === 'ready') return
          await client.query(`drop schema if exists "${schema}" cascade`)
          await client.query(`create schema "${schema}"`)
          if (OWN_RUN) createdHere.push(schema)
          const opened = openDatabase({ kind: 'postgres', url: POSTGRES_URL!, schema, poolSize: 2 })
          try {
            await fill(opened, key)
          } finally {
            await opened.close()
          }
          await client.query(`comment on schema "${schema}" is 'ready'`)
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [schema])
        }
      })
      const [preData, postData, { copyRows, emptyTables }] = await Promise.all([
        dumpSection(schema, 'pre-data'),
        dumpSection(schema, 'post-data'),
        withClient((client) => rowCopyStatements(client, schema))
      ])
      return { schema, preData, postData, copyRows, emptyTables }
    })()
    pgTemplates.set(name, template)
  }
  return template
}

/** Creates `schema` as a copy of the template: same tables, rows, sequences' positions, indexes and constraints. */
export async function clonePgTemplate(key: TemplateKey, schema: string): Promise<void> {
  const template = await pgTemplate(key)
  const sqlText = [template.preData, template.copyRows, template.postData].join('\n').replaceAll(PLACEHOLDER, schema)
  await withClient(async (client) => {
    await client.query('begin')
    await client.query(sqlText)
    // The template's comment marks it ready; a copy is just a test's schema.
    await client.query(`comment on schema "${schema}" is null`)
    await client.query('commit')
  })
}

// Creating a copy's tables, indexes and constraints costs PostgreSQL most of a copy's time (about 200 ms;
// hundreds of tests ask for one). A copy a test has finished with is kept by its process instead of
// dropped, and the next test that asks for a copy of the same template gets it back with its rows
// replaced by the template's: DELETE and the row copy, without triggers or foreign-key checks
// (session_replication_role), a few milliseconds. A copy whose shape a test changed (a trigger, a table, a column) is dropped.
// Kept copies are named like the run's templates, so the runner drops them with the templates at the end.

/** Relations, columns, triggers and functions of a schema: equal for a copy no test has reshaped. */
async function shapeOf(client: pg.ClientBase, schema: string): Promise<string> {
  const { rows } = await client.query<{ shape: string }>(
    `select concat_ws('/',
       (select count(*) from pg_class where relnamespace = $1::regnamespace),
       (select count(*) from pg_attribute a join pg_class c on c.oid = a.attrelid where c.relnamespace = $1::regnamespace and a.attnum > 0 and not a.attisdropped),
       (select count(*) from pg_trigger g join pg_class c on c.oid = g.tgrelid where c.relnamespace = $1::regnamespace),
       (select count(*) from pg_proc where pronamespace = $1::regnamespace)) as shape`, [schema])
  return rows[0]!.shape
}

const spareCopies = new Map<string, string[]>()
const copyShapes = new Map<string, Promise<string>>()

/** A schema holding a fresh copy of the template, for one test; give it back with releasePgCopy. */
export async function takePgCopy(key: TemplateKey): Promise<string> {
  const name = keyName(key)
  const spare = spareCopies.get(name)?.pop()
  if (spare) {
    const template = await pgTemplate(key)
    try {
      await withClient(async (client) => {
        await client.query('begin')
        await client.query('set local session_replication_role = replica')
        await client.query([template.emptyTables, template.copyRows].join('\n').replaceAll(PLACEHOLDER, spare))
        await client.query('commit')
      })
      return spare
    } catch {
      // Not allowed to skip triggers (not a superuser), or the copy is unusable: a new copy then.
      await dropSchema(spare)
    }
  }
  const schema = `lede_tpl_${RUN_ID}_copy_${randomBytes(6).toString('hex')}`
  await clonePgTemplate(key, schema)
  if (OWN_RUN) createdHere.push(schema)
  return schema
}

/** Gives a copy back when the test is done with it: kept for the next test if its shape is unchanged, else dropped. */
export async function releasePgCopy(key: TemplateKey, schema: string): Promise<void> {
  const name = keyName(key)
  const shape = await withClient((client) => shapeOf(client, schema))
  let expected = copyShapes.get(name)
  if (!expected) {
    // The first copy given back of each template, checked against the template itself.
    expected = pgTemplate(key).then((template) => withClient((client) => shapeOf(client, template.schema)))
    copyShapes.set(name, expected)
  }
  if (shape === await expected) spareCopies.set(name, [...(spareCopies.get(name) ?? []), schema])
  else await dropSchema(schema)
}

async function dropSchema(schema: string): Promise<void> {
  await withClient((client) => client.query(`drop schema if exists "${schema}" cascade`))
}

if (OWN_RUN) {
  // A file run on its own: its templates go when it ends.
  process.once('beforeExit', () => {
    rmSync(SQLITE_DIR, { recursive: true, force: true })
    if (!createdHere.length || !POSTGRES_URL) return
    void withClient(async (client) => {
      for (const schema of createdHere.splice(0)) await client.query(`drop schema if exists "${schema}" cascade`)
    }).catch(() => {})
  })
}
