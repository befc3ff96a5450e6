// The WordPress export files in ../shared/corpora/wxr (WordPress's importer test files and the theme unit
// test data), through test/corpora.ts: a visible skip without them, a failure on CI.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CORPORA_DIR, corpus } from './corpora.js'

export const WXR_DIR = join(CORPORA_DIR, 'wxr')

/** The file names, or a skip reason. */
export function wxrCorpus(): { files: string[], skip: string | false } {
  const dir = corpus('wxr', 'the WordPress import tests')
  if (!dir) return { files: [], skip: `WXR corpora not found at ${WXR_DIR}` }
  return { files: readdirSync(dir).filter((f) => f.endsWith('.xml')).sort(), skip: false }
}

export const wxrPath = (file: string): string => join(WXR_DIR, file)
