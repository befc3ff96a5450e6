// One of the writers of sqlite-concurrent-writers.test.ts: its own connection to the shared file, as a
// --workers sibling has, running read-then-write transactions the way the services do.
import { parentPort, workerData } from 'node:worker_threads'
import { sql } from 'kysely'
import { openDatabase } from '../../src/db/dialect.js'

const { path, rounds } = workerData as { path: string, rounds: number }
const opened = openDatabase({ kind: 'sqlite', path })
const errors: string[] = []
for (let i = 0; i < rounds; i++) {
  try {
    await opened.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(trx)
      await new Promise((resolve) => setImmediate(resolve))
      await sql`update counter set n = ${rows[0]!.n + 1} where id = 1`.execute(trx)
    })
  } catch (error) {
    errors.push((error as { code?: string }).code ?? String(error))
  }
}
await opened.close()
parentPort!.postMessage(errors)
