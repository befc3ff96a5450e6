// Where the real-world wire and feed files are, and what happens when they are not there: a visible
// skip on a developer's machine, a failure on CI (a silently skipped corpus proves nothing).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const WIRE_CORPUS = fileURLToPath(new URL('../../../../shared/corpora/wire/', import.meta.url))
export const FEEDS_CORPUS = fileURLToPath(new URL('../../../../shared/corpora/feeds/', import.meta.url))

/** The folder when present; otherwise null after a warning, or a thrown error under CI=true. */
export function corpusFolder(folder: string): string | null {
  if (existsSync(folder)) return folder
  const message = `${folder} not found: the wire corpus tests are SKIPPED.`
  if (process.env.CI === 'true') throw new Error(`${message} CI=true needs the corpora.`)
  console.warn(`\n!! ${message}\n`)
  return null
}
