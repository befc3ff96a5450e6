// The real-world test data lives beside the checkout in ../shared/corpora (WordPress exports, feeds,
// wire items, clipboard HTML, XSS payloads); it is never copied into the repo. A developer without it
// gets a visible skip; CI always has it, so there a missing corpus fails the run instead of hiding tests.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const CORPORA_DIR = fileURLToPath(new URL('../../shared/corpora/', import.meta.url))

/** The corpus file or folder's path, or null with a warning (and a thrown error under CI=true) when absent. */
export function corpus(relativePath: string, what: string): string | null {
  const path = CORPORA_DIR + relativePath
  if (existsSync(path)) return path
  const message = `${path} not found: ${what} cannot run`
  if (process.env.CI === 'true') throw new Error(`${message}. CI must have ../shared/corpora.`)
  console.warn(`\n!! ${message}; SKIPPED.\n`)
  return null
}
