// "Contains this text, whatever the case" for the newsroom's list filters, the same on both engines.
// SQLite's own lower() and LIKE fold ASCII letters only, so "москва" would not find "Москва"; every
// SQLite connection gets unicode_lower() (src/db/dialect.ts), JavaScript's folding, instead.
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { DialectName } from './database.js'

export const SQLITE_UNICODE_LOWER = 'unicode_lower'

/** Lower-cases text in every script, as the SQL side does. */
export function foldCase(text: string): string {
  return text.toLowerCase()
}

/** A LIKE pattern matching `text` anywhere, with "%", "_" and "\" in it taken literally. */
function containsPattern(text: string): string {
  return `%${foldCase(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Any of `columns` (NULL counts as empty) contains `text`, ignoring case. */
export function anyColumnContains(dialect: DialectName, columns: readonly string[], text: string): RawBuilder<SqlBool> {
  const pattern = containsPattern(text)
  const lower = sql.raw(dialect === 'postgres' ? 'lower' : SQLITE_UNICODE_LOWER)
  const tests = columns.map((column) => sql<SqlBool>`${lower}(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`)
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`
}
