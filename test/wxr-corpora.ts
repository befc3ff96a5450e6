// The WordPress export files in ../shared/corpora/wxr (WordPress's importer test files and the theme unit
// test data). Tests over them skip with a visible reason when the corpora are absent, but fail on CI.
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const WXR_DIR = fileURLToPath(new URL('../../shared/corpora/wxr/', import.meta.url))

/** The file names, or a skip reason. Throws on CI when they are missing, so a green run never hides them. */
export function wxrCorpus(): { files: string[], skip: string | false } {
  if (existsSync(WXR_DIR)) return { files: readdirSync(WXR_DIR).filter((f) => f.endsWith('.xml')).sort(), skip: false }
  if (process.env.CI === 'true') throw new Error(`The WXR corpora are missing at ${WXR_DIR}; CI must have them`)
  return { files: [], skip: `WXR corpora not found at ${WXR_DIR}` }
}

export const wxrPath = (file: string): string => join(WXR_DIR, file)
