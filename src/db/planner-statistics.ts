// PostgreSQL plans each query from the statistics of the tables it reads, which autovacuum refreshes only
// once a table has changed by a tenth, at most once a minute. A long run of inserts into tables that started
// small (an import into a new site) outgrows them: planned for a table of a few hundred rows, the import's
// lookup of 200 mapping keys scanned every mapping row of its site and filtered (31,400 rows removed to find
// none, 11.6 ms, at 31,400 posts), and the tags of 200 new articles came from a scan of the whole tag index
// (30 ms): each batch slower than the one before, the import quadratic. Analysing the tables as they grow
// keeps the plans on the indexes. SQLite plans without such statistics unless an operator analyses, and
// has nothing to refresh here.
import { sql } from 'kysely'
import type { DbOrTrx } from './database.js'
import { isPostgres } from './engine.js'

/** Refreshes PostgreSQL's statistics of `tables` (names from code, never from input); nothing on SQLite. */
export async function refreshStatistics(db: DbOrTrx, tables: readonly string[]): Promise<void> {
  if (!isPostgres(db) || tables.length === 0) return
  await sql.raw(`analyze ${tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ')}`).execute(db)
}

/**
 * When a run of inserts should refresh the statistics: after `first` rows, then each time the rows written
 * have doubled, so a run of n rows analyses about log2(n / first) times, and each analysis (a sample of
 * at most 30,000 rows a table) costs the same however large the tables are.
 */
export function statisticsSchedule(first = 1000): { due(written: number): boolean } {
  let next = first
  return {
    due(written) {
      if (written < next) return false
      while (next <= written) next *= 2
      return true
    }
  }
}
