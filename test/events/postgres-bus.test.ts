// The PostgreSQL event bus: app processes on one schema hear each other's events once, other schemas
// hear nothing, bad notifications are ignored, a dropped connection comes back, close() ends it all.
import { describe, it, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { openDatabase } from '../../src/db/dialect.js'
import type { LedeEvent } from '../../src/events/bus.js'
import { channelForSchema, postgresBus, type PostgresBus, type PostgresBusOptions } from '../../src/events/postgres-bus.js'

const URL = process.env.TEST_DATABASE_URL

/** Runs a SQL statement on a connection of its own. */
async function adminQuery(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: URL })
  await client.connect()
  try {
    return await client.query(text, values)
  } finally {
    await client.end()
  }
}

/** A new schema, dropped when the test ends. */
async function schemaFor(t: TestContext): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  await adminQuery(`create schema ${schema}`)
  t.after(() => adminQuery(`drop schema ${schema} cascade`))
  return schema
}

interface Process {
  bus: PostgresBus
  heard: LedeEvent[]
  warnings: string[]
}

/** An app process's bus on a schema, with what its listeners heard and what it warned about. */
async function processOn(t: TestContext, schema: string, options: Partial<PostgresBusOptions> = {}): Promise<Process> {
  const database = openDatabase({ kind: 'postgres', url: URL!, schema, poolSize: 2 })
  const warnings: string[] = []
  const bus = postgresBus({ target: { kind: 'postgres', url: URL!, schema }, db: database.db, log: { warn: (_d, message) => warnings.push(message) }, ...options })
  const heard: LedeEvent[] = []
  bus.on((event) => heard.push(event))
  t.after(async () => {
    await bus.close()
    await database.close()
  })
  await bus.listening()
  return { bus, heard, warnings }
}

/** Polls until `check` holds (every 10 ms, 5 s at most). */
async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`)
    await sleep(10)
  }
}

const published = (articleId: number): LedeEvent => ({ type: 'article.published', articleId })

describe('the PostgreSQL event bus', { skip: URL ? false : 'TEST_DATABASE_URL is not set: PostgreSQL-only tests' }, () => {
  it('delivers an event once to its own process at once, and once to another process on the schema', async (t) => {
    const schema = await schemaFor(t)
    const a = await processOn(t, schema)
    const b = await processOn(t, schema)
    a.bus.emit(published(1))
    assert.deepEqual(a.heard, [published(1)], 'the emitting process hears it synchronously')
    await until('B hears A', () => b.heard.length > 0)
    // B answers; notifications arrive in commit order, so once A hears B's answer it has also had its own
    // notification of published(1) back, and skipped it.
    b.bus.emit({ type: 'site.changed' })
    await until('A hears B', () => a.heard.length > 1)
    assert.deepEqual(a.heard, [published(1), { type: 'site.changed' }])
    assert.deepEqual(b.heard, [published(1), { type: 'site.changed' }])
    assert.deepEqual([...a.warnings, ...b.warnings], [])
  })

  it('keeps events within their schema', async (t) => {
    const [one, other] = [await schemaFor(t), await schemaFor(t)]
    const a = await processOn(t, one)
    const b = await processOn(t, one)
    const c = await processOn(t, other)
    const d = await processOn(t, other)
    a.bus.emit(published(1))
    await until('B hears A', () => b.heard.length === 1)
    // D's event commits after A's: when C has it, it would have had A's too.
    d.bus.emit(published(2))
    await until('C hears D', () => c.heard.length > 0)
    assert.deepEqual(c.heard, [published(2)])
    assert.deepEqual(b.heard, [published(1)])
    assert.notEqual(channelForSchema(one), channelForSchema(other))
  })

  it('stops delivering once closed, and close() resolves', async (t) => {
    const schema = await schemaFor(t)
    const a = await processOn(t, schema)
    const b = await processOn(t, schema)
    const witness = await processOn(t, schema)
    const started = Date.now()
    await b.bus.close()
    assert.ok(Date.now() - started < 1_000, 'close() is quick')
    await b.bus.close()
    a.bus.emit(published(7))
    await until('the witness hears A', () => witness.heard.length > 0)
    assert.deepEqual(b.heard, [])
    // Emitting on a closed bus still reaches its own listeners and throws nothing.
    b.bus.emit(published(8))
    assert.deepEqual(b.heard, [published(8)])
  })

  it('ignores, with a warning, a notification that is not JSON or not an event it knows', async (t) => {
    const schema = await schemaFor(t)
    const b = await processOn(t, schema)
    const channel = channelForSchema(schema)
    const bad = [
      'not json',
      'null',
      '42',
      JSON.stringify({ from: 'elsewhere', event: { type: 'article.vanished', articleId: 1 } }),
      JSON.stringify({ from: 'elsewhere', event: { type: 'article.published', articleId: '1' } }),
      JSON.stringify({ from: 'elsewhere' })
    ]
    for (const payload of bad) await adminQuery('select pg_notify($1, $2)', [channel, payload])
    await adminQuery('select pg_notify($1, $2)', [channel, JSON.stringify({ from: 'elsewhere', event: { ...published(3), extra: 'dropped' } })])
    await until('B hears the good one', () => b.heard.length > 0)
    assert.deepEqual(b.heard, [published(3)])
    assert.equal(b.warnings.length, bad.length, b.warnings.join('\n'))
  })

  it('reconnects after losing its connection, drops what it may have missed, and hears again', async (t) => {
    const schema = await schemaFor(t)
    const a = await processOn(t, schema)
    const b = await processOn(t, schema, { retryMs: 20 })
    const channel = channelForSchema(schema)
    const { rowCount } = await adminQuery(
      'select pg_terminate_backend(pid) from pg_stat_activity where query = $1 and datname = current_database()',
      [`listen "${channel}"`]
    )
    assert.equal(rowCount, 2, 'both listening connections were found')
    await until('B is back', () => b.heard.some((e) => e.type === 'site.changed'))
    assert.match(b.warnings.join('\n'), /lost the LISTEN connection/)
    await until('A is back', () => a.heard.some((e) => e.type === 'site.changed'))
    a.heard.length = 0
    b.heard.length = 0
    a.bus.emit(published(4))
    await until('B hears A again', () => b.heard.length > 0)
    assert.deepEqual(b.heard, [published(4)])
  })
})
