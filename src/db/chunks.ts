// Multi-row statements are cut to stay under the engines' limits on bound parameters: SQLite (3.32 and
// later) takes 32,766 per statement, PostgreSQL 65,535. The lower one, with room to spare, serves both.
const MAX_PARAMETERS = 30_000

/** `rows` in runs of at most as many as one statement can bind, at `parametersPerRow` each. */
export function chunksFor<T>(rows: readonly T[], parametersPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / parametersPerRow))
  const chunks: T[][] = []
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size))
  return chunks
}
